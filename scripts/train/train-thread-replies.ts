/**
 * Session 44 (link44, docs/dump-styles.md "Session 44 (link44)"): fits the within-thread choice of
 * src/thread/choose-thread-replies.ts (a reply the page's one level of nesting links to its top post, moved to an
 * earlier reply of the thread it answers) on the development blind threads (BLIND_DEV_ROUNDS: 01-142 since session 45;
 * 01-136 when fit in session 44, never that session's held-out 137-142) and the fixtures' structure labels, and measures it with rounds left out.
 * Rows: every candidate of every reply the parse (the chooser off) links by nesting to a top post on a one-level page,
 * on the blind dumps whose post count matches the gold (posts aligned by index as score.mjs aligns them) and the fixtures
 * whose parse has their labelled posts in order; label 1 where the candidate is the gold parent.
 * Fit: ridge logistic (ridge 1, 15 Newton steps, scripts/train/lib/ridge-logistic.ts); decision: the best earlier
 * reply where its probability reaches CUT = 0.5 and beats the top post's (fixed before the run, nothing chosen).
 * Rounds: the blind rounds of BLIND_DEV_ROUNDS, and five fixture groups (link42b's FNV-1a hash mod 5);
 * each left out in turn, scored by a model fit on the others.
 * Usage: nice npx tsx scripts/train/train-thread-replies.ts [--dry]   (--dry: no model file written; LIST=1 lists moves)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BLIND_DEV_ROUNDS, blindDevRound } from './lib/blind-rounds.js';
import { fixtureGroup } from './lib/fixture-groups.js';
import { fitLogistic, toLinearModel, type Logistic } from './lib/ridge-logistic.js';
import { featureHash, writeModel } from './lib/fit-model.js';
import { analyze, parse } from '../../src/index.js';
import type { StructureLabels } from '../study/lib/structure-labels.js';
import { setThreadRepliesForStudy } from '../../src/thread/choose-thread-replies.js';
import { chooseInThreads, type ThreadReplyCandidate } from '../../src/thread/thread-reply-features.js';
import type { LinkPost } from '../../src/thread/left-over-links.js';
import type { LinearModel } from '../../src/learn/model.js';

const CUT = 0.5;
// The development rounds only (BLIND_DEV_ROUNDS: 01-142 since session 45; a session's held-out set is never in it).
const rounds = BLIND_DEV_ROUNDS;

interface Page {
  file: string;
  round: string;
  gold: Array<number | null>;
  view: readonly LinkPost[];
  cands: ThreadReplyCandidate[];
}
const pages: Page[] = [];
let captured: { posts: readonly LinkPost[]; cands: readonly ThreadReplyCandidate[] } | null = null;
setThreadRepliesForStudy({ model: null, record: (posts, cands) => (captured = { posts, cands }) });
const dir = resolve('fixtures/blind-threads');
for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json') && blindDevRound(f) !== undefined).sort()) {
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
  captured = null;
  const out = analyze(readFileSync(join(dir, gold.file)), { name: gold.file, targets: gold.targets }) as any;
  const doc = Array.isArray(out) ? out[0] : out;
  const cap = captured as { posts: readonly LinkPost[]; cands: readonly ThreadReplyCandidate[] } | null;
  if (!cap || cap.posts.length !== gold.posts.length || (doc.thread?.posts ?? []).length !== gold.posts.length) continue;
  pages.push({ file: g, round: blindDevRound(g)!, gold: gold.posts.map((p) => p.parent ?? null), view: cap.posts, cands: [...cap.cands] });
}
const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();
const fdir = resolve('fixtures');
for (const name of readdirSync(fdir).sort()) {
  if (!existsSync(join(fdir, name, 'structure.json'))) continue;
  const labels = JSON.parse(readFileSync(join(fdir, name, 'structure.json'), 'utf8')) as StructureLabels;
  captured = null;
  const doc = parse(readFileSync(join(fdir, name, 'input.txt'), 'utf8'), { name: `${name}/input` }) as any;
  const cap = captured as { posts: readonly LinkPost[]; cands: readonly ThreadReplyCandidate[] } | null;
  const posts: any[] = doc.thread.posts;
  if (!cap || posts.length !== labels.posts.length || !labels.posts.every((l, i) => squash(posts[i].text).startsWith(squash(l.startsWith)))) continue;
  pages.push({ file: name, round: fixtureGroup(name), gold: labels.posts.map((p) => p.parent), view: cap.posts, cands: [...cap.cands] });
}
setThreadRepliesForStudy(undefined);

const withRows = pages.filter((p) => p.cands.length > 0);
const names = withRows[0]!.cands[0]!.features.map(([n]) => n);
const labelsAll = [...new Set(pages.map((p) => p.round))];
console.log(`rows: ${withRows.reduce((s, p) => s + p.cands.length, 0)} candidates of ${withRows.reduce((s, p) => s + new Set(p.cands.map((c) => c.post)).size, 0)} replies on ${withRows.length} pages (${pages.length} pages read); positives (an earlier reply the gold parent) ${withRows.reduce((s, p) => s + p.cands.filter((c) => !c.root && p.gold[c.post] === c.index).length, 0)}`);
if (process.argv.includes('--rows')) process.exit(0);
const fit = (keep: (round: string) => boolean): Logistic =>
  fitLogistic(withRows.filter((p) => keep(p.round)).flatMap((p) => p.cands.map((c) => ({ x: c.features.map(([, v]) => v), y: p.gold[c.post] === c.index ? 1 : 0 }))), 1, 15);
const asModel = (m: Logistic): LinearModel =>
  toLinearModel(m, names, { name: 'thread-reply', labels: ['parent'], featureFiles: [], featureHash: '', fitOn: ['fold'], thresholds: { cut: CUT } });

interface Tally { replies: number; rootRight: number; modelRight: number; fixed: number; broken: number; wrongWrong: number; moved: number }
const tally = (): Tally => ({ replies: 0, rootRight: 0, modelRight: 0, fixed: 0, broken: 0, wrongWrong: 0, moved: 0 });
function score(p: Page, model: LinearModel, t: Tally): void {
  const moves = chooseInThreads(p.view, model);
  for (const i of new Set(p.cands.map((c) => c.post))) {
    const root = p.view[i]!.parent!;
    const ours = moves.get(i) ?? root;
    t.replies++;
    if (p.gold[i] === root) t.rootRight++;
    if (p.gold[i] === ours) t.modelRight++;
    if (ours !== root) {
      t.moved++;
      if (p.gold[i] === ours) t.fixed++;
      else if (p.gold[i] === root) t.broken++;
      else t.wrongWrong++;
      if (process.env.LIST) console.log(`  ${p.file} #${i}: ${root} -> ${ours} (gold ${p.gold[i]}) ${p.gold[i] === ours ? 'fixed' : p.gold[i] === root ? 'BROKEN' : 'wrong->wrong'}`);
    }
  }
}
const fmt = (t: Tally): string => `${t.replies} replies; right: top post ${t.rootRight}, chooser ${t.modelRight}; moved ${t.moved}: fixed ${t.fixed}, broken ${t.broken}, wrong -> wrong ${t.wrongWrong}`;
const blind = tally();
const fx = tally();
console.log('rounds left out:');
for (const r of labelsAll) {
  const m = asModel(fit((x) => x !== r));
  const t = tally();
  for (const p of withRows.filter((q) => q.round === r)) score(p, m, t);
  const into = r.startsWith('fx') ? fx : blind;
  for (const k of Object.keys(t) as Array<keyof Tally>) into[k] += t[k];
  if (t.replies > 0) console.log(`  ${r}: ${fmt(t)}`);
}
console.log(`blind rounds left out: ${fmt(blind)}`);
console.log(`fixture groups left out: ${fmt(fx)}`);
const all = asModel(fit(() => true));
const inSample = tally();
for (const p of withRows.filter((q) => !q.round.startsWith('fx'))) score(p, all, inSample);
console.log(`shipped fit on its own blind rows (seen): ${fmt(inSample)}`);
if (!process.argv.includes('--dry')) {
  const files = ['src/thread/thread-reply-features.ts', 'src/thread/left-over-links.ts', 'src/text/words.ts'];
  const model: LinearModel = {
    ...all,
    fitOn: [
      `blind threads ${rounds.map((r) => r.label).join(', ')} (fixtures/blind-threads, project-written, MIT)`,
      `structure labels of the fixtures whose parse has their posts in order (fixtures/*/structure.json, project-written, MIT)`,
    ],
    featureFiles: files,
    featureHash: featureHash(files),
    notes: `Session 44 (link44): ridge logistic (ridge 1, 15 Newton steps) on ${withRows.reduce((s, p) => s + p.cands.length, 0)} candidate rows; an earlier reply is taken where its probability reaches the cut and beats the top post's (docs/dump-styles.md, "Session 44 (link44)"). Blind rounds left out: ${fmt(blind)}.`,
  };
  writeModel(resolve('src/thread/thread-reply.model.json'), model);
  console.log('wrote src/thread/thread-reply.model.json');
}
for (const [n, w] of Object.entries(all.weights).sort((a, b) => Math.abs(b[1][0]!) - Math.abs(a[1][0]!))) console.log(`  ${n} ${w[0]!.toFixed(3)}`);
