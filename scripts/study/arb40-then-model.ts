/**
 * Study (session 40, arb40), the fair reading beside arb40-forward.ts: each set's first-try commit read with ITS OWN
 * line-role model (the one it shipped, fit before the set existed), its own line features and its own reading of the
 * model's roles, forced (`useLineModelForStudy(null, true)`, which every first-try commit from 35-40 on has), unguarded
 * where the commit has the switch (sessions 36 on: `useLineModelForStudy(null, true, null, true)`), guarded as the
 * commit guarded otherwise. The commit's src is first-tries.ts's scratch copy (.cache/first-tries/HASH). Scored with
 * today's `scoreDoc` against today's gold. Writes JSON rows for `arb40-forward.ts --report FILE --then FILE`.
 *
 * Run: nice -n 10 npx tsx scripts/study/arb40-then-model.ts --json .cache/arb40/then.json [--sets 35-40,41-46]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { blindThreads } from '../train/lib/line-roles-data.js';
import { blindNumber } from '../train/lib/blind-rounds.js';
import { scoreDoc, scoreFigure, type Score, type ScoredDoc } from './lib/thread-score.js';
import { SETS } from './first-tries.js';

const args = process.argv.slice(2);
const here = resolve(import.meta.dirname, '..', '..');
const si = args.indexOf('--sets');
const only = si >= 0 ? new Set(args[si + 1]!.split(',')) : null;
type Hook = (m: null, force?: boolean, decode?: null, unguarded?: boolean) => void;
const rows: Array<{ name: string; set: string; commit: string; unguardedSwitch: boolean; forced: Score; modelRead: boolean }> = [];
const blind = blindThreads();
for (const set of [...SETS].filter((s) => s.first >= 35 && (only === null || only.has(s.label))).sort((a, b) => a.first - b.first)) {
  const dir = join(here, '.cache', 'first-tries', set.commit, 'src');
  const studyFile = existsSync(join(dir, 'ingest', 'line-roles-study.ts')) ? join(dir, 'ingest', 'line-roles-study.ts') : join(dir, 'ingest', 'line-roles.ts');
  const hookSrc = readFileSync(studyFile, 'utf8');
  const unguardedSwitch = /useLineModelForStudy\([^)]*unguarded/.test(hookSrc);
  const hook = (await import(pathToFileURL(studyFile).href)).useLineModelForStudy as Hook;
  const parse = (await import(pathToFileURL(join(dir, 'index.ts')).href)).parse as (t: string, o?: object) => ScoredDoc & { messages?: Array<{ ruleId: string }> };
  for (const d of blind.filter((b) => blindNumber(b.name) >= set.first && blindNumber(b.name) <= set.last)) {
    hook(null, true, null, true);
    const doc = parse(d.text, { name: d.name });
    hook(null, false);
    const forced = scoreDoc({ thread: { posts: doc.thread.posts.map((p) => ({ ...p, parentId: p.parentId ?? null, removed: p.removed === true })) } }, d.gold);
    const modelRead = (doc.messages ?? []).some((m) => m.ruleId === 'thread/line-model');
    rows.push({ name: d.name, set: set.label, commit: set.commit, unguardedSwitch, forced, modelRead });
    console.log(`${set.label} ${set.commit} ${d.name}: then-model forced${unguardedSwitch ? ', unguarded' : ''} ${scoreFigure(forced)}${modelRead ? '' : ' (the model read nothing: the rules stand)'}`);
  }
}
const ji = args.indexOf('--json');
if (ji >= 0) writeFileSync(args[ji + 1]!, JSON.stringify({ rows }, null, 1));
