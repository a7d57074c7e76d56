/**
 * For the learned-detector study: which posts an OLD checkout's rules flag (any correction), so the study can show the
 * rules' first try and "first-try rules OR learned" on the blind sets. Run from the study worktree:
 *   mkdir -p .tmp /tmp/first-0ec955d && git archive 0ec955d src test | tar -x -C /tmp/first-0ec955d && ln -s $PWD/node_modules /tmp/first-0ec955d/
 *   npx tsx scripts/study/first-try-dump.ts blind /tmp/first-0ec955d > .tmp/first-blind.json
 *   (the same with 31188fd and `fixtures` for the fixtures labelled blind on 2026-11-22)
 * Prints {thread or fixture name: [post ids with a correction]}.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BLIND_FIXTURES } from './blind-fixtures.js';

const [mode, oldRoot] = process.argv.slice(2);
if ((mode !== 'blind' && mode !== 'fixtures') || !oldRoot) throw new Error('usage: first-try-dump.ts blind|fixtures OLD_ROOT');
const here = resolve(import.meta.dirname, '..', '..');
const out: Record<string, string[]> = {};
if (mode === 'blind') {
  const { findCorrections } = await import(join(resolve(oldRoot), 'src/classify/corrections/index.ts'));
  const { buildCase } = await import(join(resolve(oldRoot), 'test/corrections-helpers.ts'));
  const dir = join(here, 'test', 'corrections-blind');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const c = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const { articleSentences, posts } = buildCase({ ...c, expected: [] });
    const map = new Map<string, unknown[]>();
    posts.forEach((p: { id: string }, i: number) => map.set(p.id, findCorrections({ post: p, earlier: posts.slice(0, i), articleSentences, earlierCorrections: map })));
    out[c.name] = [...map].filter(([, cs]) => cs.length > 0).map(([id]) => id);
  }
} else {
  const { analyze } = await import(join(resolve(oldRoot), 'src/index.ts'));
  for (const n of BLIND_FIXTURES) {
    const dir = join(here, 'fixtures', n);
    const file = ['input.txt', 'input.json'].map((f) => join(dir, f)).find((f) => existsSync(f))!;
    const doc = analyze(readFileSync(file, 'utf8'));
    out[n] = doc.thread.posts.filter((p: { corrections?: unknown[] }) => (p.corrections ?? []).length > 0).map((p: { id: string }) => p.id);
  }
}
console.log(JSON.stringify(out));
