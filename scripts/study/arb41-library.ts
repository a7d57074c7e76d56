/**
 * Study (session 41, arb41): the six registered arbitration candidates in the library as it ships (today's rules, the
 * shipped line-role model), each set through the study switch (`useArbitrationForStudy`), against the arm off (which is
 * byte-identical to main: checked apart with same-analyze.ts). For each candidate: which fixtures' parse output changes
 * (JSON, byte for byte), blind 01-118's pooled authors / starts / parents (`scoreDoc`, as score.mjs counts), and which
 * eval threads' parse output changes, with their figures (measured only: any move disqualifies the candidate).
 * With `--match start` (arb41b): the three candidates whose agreement compares start lines alone (guard gle) in place
 * of the six; with `--match start-kept` (arb42): the three over the posts not removed (guard g35); with `--arb43`
 * (session 43): arb43's four (arb41-choose.ts `ARB43`, guard g35); with `--arb44` (session 44): arb43's (b) and the
 * learned arbiter fit on all seventeen sets (scripts/study/arb44-arbiter.json, written by scripts/study/arb44-arbiter.ts --write).
 * Reads blind 01-136 (131-136 are development data since session 44); never 137-142, session 44's held-out set (the
 * blind dumps are filtered by number before any is opened).
 *
 * Run: nice -n 10 npx tsx scripts/study/arb41-library.ts [--match start|start-kept | --arb43 | --arb44] [--json FILE]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useArbitrationForStudy, useLineModelForStudy } from '../../src/ingest/line-roles-study.js';
import type { Arbitration } from '../../src/ingest/line-roles.js';
import type { ReadingArbiter } from '../../src/ingest/reading-arbiter.js';
import { parse as todayParse } from '../../src/index.js';
import { blindNumber } from '../train/lib/blind-rounds.js';
import type { ThreadGold } from '../train/lib/line-roles-data.js';
import { add, rates, scoreDoc, scoreFigure, zero, type Score, type ScoredDoc } from './lib/thread-score.js';
import { ARB43, ARB43_GUARD, GUARDS, KEPT_GUARD, LAST_READ, START_GUARD, TAUS } from './arb41-choose.js';

type Doc = ScoredDoc & { messages: Array<{ ruleId: string }> };
const parse = todayParse as unknown as (t: string, o?: object) => Doc;
const here = resolve(import.meta.dirname, '..', '..');

/** arb44's arbiter fit on the eligible first-try dumps of 35-40 ... 131-136 (scripts/study/arb44-arbiter.ts --write). */
const SHIPPED_ARBITER = JSON.parse(readFileSync(join(here, 'scripts', 'study', 'arb44-arbiter.json'), 'utf8')) as ReadingArbiter;
const matchArg = process.argv.includes('--match') ? process.argv[process.argv.indexOf('--match') + 1] : undefined;
const candidates: Array<{ label: string; a: Arbitration | null }> = [
  { label: 'off (main)', a: null },
  ...(process.argv.includes('--arb44')
    ? [
        { label: 'start-kept, tau 0.5, g35, five kept', a: { tau: 0.5, guard: ARB43_GUARD, match: 'start-kept' as const, minKept: 5 } },
        { label: 'arbiter, eight kept, g35 (shipped fit)', a: { tau: 0, guard: ARB43_GUARD, arbiter: SHIPPED_ARBITER } },
      ]
    : process.argv.includes('--arb43')
    ? ARB43.map((c) => ({ label: c.label, a: { tau: c.tau, guard: ARB43_GUARD, match: c.match, ...(c.minKept !== undefined ? { minKept: c.minKept } : {}) } }))
    : matchArg === 'start'
    ? TAUS.map((tau) => ({ label: `start, tau ${tau}, ${START_GUARD}`, a: { tau, guard: START_GUARD, match: 'start' as const } }))
    : matchArg === 'start-kept'
      ? TAUS.map((tau) => ({ label: `start-kept, tau ${tau}, ${KEPT_GUARD}`, a: { tau, guard: KEPT_GUARD, match: 'start-kept' as const } }))
      : TAUS.flatMap((tau) => GUARDS.map((guard) => ({ label: `tau ${tau}, ${guard}`, a: { tau, guard } })))),
];

function goldDumps(dir: string, keep: (f: string) => boolean): Array<{ name: string; text: string; gold: ThreadGold }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json') && keep(f))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ThreadGold & { file: string };
      return { name: gold.file, text: readFileSync(join(dir, gold.file), 'utf8'), gold };
    });
}

const fixturesDir = join(here, 'fixtures');
const fixtures = readdirSync(fixturesDir)
  .sort()
  .flatMap((d) => (existsSync(join(fixturesDir, d)) && !d.includes('.') ? readdirSync(join(fixturesDir, d)).sort().filter((f) => f.startsWith('input.')).map((f) => `fixtures/${d}/${f}`) : []));
const blind = goldDumps(join(here, 'fixtures', 'blind-threads'), (f) => blindNumber(f) >= 1 && blindNumber(f) <= LAST_READ);
const evalThreads = goldDumps(join(here, '..', 'shared', 'eval-threads'), () => true);

/** Structure labels right (title, count, each post's text / author / parent), as test/fixture-structure.test.ts checks them. */
type Labels = { title: string | null; posts: Array<{ author: string | null; parent: number | null; startsWith: string }> };
function labelsRight(doc: Doc & { article: { title: string | null }; thread: { posts: Array<{ id: string; author: string | null; text: string; parentId: string | null }> } }, l: Labels): { right: number; of: number } {
  const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();
  const used = new Set<number>();
  const texts = doc.thread.posts.map((p) => squash(p.text));
  const match = l.posts.map((x) => { const i = texts.findIndex((t, k) => !used.has(k) && t.startsWith(squash(x.startsWith))); if (i < 0) return null; used.add(i); return i; });
  const labelOf = new Map<string, number>();
  match.forEach((m, i) => { if (m !== null) labelOf.set(doc.thread.posts[m]!.id, i); });
  let right = (doc.article.title === l.title ? 1 : 0) + (doc.thread.posts.length === l.posts.length ? 1 : 0);
  l.posts.forEach((x, i) => {
    const m = match[i];
    if (m === null || m === undefined) return;
    const p = doc.thread.posts[m]!;
    const parent = p.parentId === null ? null : (labelOf.get(p.parentId) ?? -1);
    right += 1 + (p.author === x.author ? 1 : 0) + (parent === x.parent ? 1 : 0);
  });
  return { right, of: 2 + 3 * l.posts.length };
}
const structure = (f: string, doc: Doc): string => {
  const file = join(here, f.replace(/input\.[a-z]+$/, 'structure.json'));
  if (!existsSync(file)) return 'no labels';
  const r = labelsRight(doc as never, JSON.parse(readFileSync(file, 'utf8')) as Labels);
  return `${r.right}/${r.of}`;
};

const out: Record<string, unknown> = {};
const base = new Map<string, string>();
for (const c of candidates) {
  useArbitrationForStudy(c.a);
  const changed: string[] = [];
  for (const f of fixtures) {
    const doc = parse(readFileSync(join(here, f), 'utf8'), { name: f });
    const json = JSON.stringify(doc);
    if (c.a === null) { base.set(f, json); base.set(`labels/${f}`, structure(f, doc)); }
    else if (base.get(f) !== json) changed.push(`${f.replace(/^fixtures\/|\/input\.[a-z]+$/g, '')} (labels right ${base.get(`labels/${f}`)} -> ${structure(f, doc)})`);
  }
  const score = (set: typeof blind, tag: string): { s: Score; changed: string[]; taken: number } => {
    let s = zero();
    const ch: string[] = [];
    let taken = 0;
    for (const d of set) {
      const doc = parse(d.text, { name: d.name });
      const json = JSON.stringify(doc);
      const key = `${tag}/${d.name}`;
      if (c.a === null) base.set(key, json);
      else if (base.get(key) !== json) ch.push(d.name);
      if (doc.messages.some((m) => m.ruleId === 'thread/line-model')) taken++;
      s = add(s, scoreDoc(doc, d.gold));
    }
    return { s, changed: ch, taken };
  };
  const b = score(blind, 'blind');
  const e = score(evalThreads, 'eval');
  out[c.label] = { fixturesChanged: changed, blind: b, eval: e };
  const [ba, bs] = rates(b.s);
  console.log(`${c.label}: fixtures changed ${changed.length}${changed.length ? ` (${changed.join(', ')})` : ''}; blind 01-${LAST_READ} ${scoreFigure(b.s)} (model taken on ${b.taken}; outputs changed ${b.changed.length}${b.changed.length ? `: ${b.changed.join(', ')}` : ''}) authors ${ba.toFixed(4)} starts ${bs.toFixed(4)}; eval threads ${scoreFigure(e.s)} (model taken on ${e.taken}; outputs changed ${e.changed.length}${e.changed.length ? `: ${e.changed.join(', ')}` : ''})`);
}
useLineModelForStudy(null);
const ji = process.argv.indexOf('--json');
if (ji >= 0) writeFileSync(process.argv[ji + 1]!, JSON.stringify(out, null, 1));
