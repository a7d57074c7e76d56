/**
 * The line-role studies' data (session 39, tmpl39; shared by scripts/study/line-roles-decoding.ts and
 * template-features.ts): the fixtures with their derived roles, and the blind development dumps with roles from their
 * gold, a post's text extent from today's rules' reading where the rules (not the line-role model) read the dump.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blindThreads, deriveGold, deriveThreadGold, type Fixture, type ThreadGold } from '../../train/lib/line-roles-data.js';
import { blindNumber } from '../../train/lib/blind-rounds.js';
import { useLineModelForStudy } from '../../../src/ingest/line-roles-study.js';
import { parse as todayParse } from '../../../src/index.js';

const fixturesDir = join(resolve(import.meta.dirname, '..', '..', '..'), 'fixtures');
type ParseFn = (t: string, o?: object) => { messages: Array<{ ruleId: string }>; thread: { posts: Array<{ removed: boolean; text: string }> } };

/** The fixtures (input.txt and expected.json) with their line roles, in name order. */
export function studyFixtures(): Fixture[] {
  return readdirSync(fixturesDir)
    .filter((d) => existsSync(join(fixturesDir, d, 'input.txt')) && existsSync(join(fixturesDir, d, 'expected.json')))
    .sort()
    .map((n) => deriveGold(n, true))
    .filter((f): f is Fixture => f !== null);
}

/** The blind development dumps with their number and line roles (today's shipped model and rules read them). */
export function studyBlind(): Array<{ name: string; text: string; gold: ThreadGold; n: number; fx: Fixture }> {
  useLineModelForStudy(null);
  const parse = todayParse as unknown as ParseFn;
  return blindThreads().map((t) => {
    const doc = parse(t.text, { name: t.name });
    const byRules = !doc.messages.some((m) => m.ruleId === 'thread/line-model');
    return { ...t, n: blindNumber(t.name), fx: deriveThreadGold(t.name, t.text, t.gold, byRules ? doc.thread.posts.filter((p) => !p.removed).map((p) => p.text) : []) };
  });
}
