/**
 * Session 45 (link45, docs/dump-styles.md "Session 45 (link45)"): fits the conversation-page reading
 * (src/thread/conversation-page.ts) and measures it with rounds left out. Rows: every post the cues leave top level on a
 * page that marks no replies (resolveParents' left-over posts) that has a post above it (`abovePost`), on the development
 * blind threads (`BLIND_DEV_ROUNDS`, plus 137-142 while that list stops at 136; never 143-148; dumps whose post count
 * matches the gold, aligned by index as ../shared/eval-threads/score.mjs aligns them) and on the fixtures whose parse has
 * as many posts as their structure labels (fixtures/<case>/structure.json); x = the page's features (the same for every
 * row of a page), y = 1 when the gold / labelled parent is the post above. Ridge logistic (ridge 1, 15 Newton steps from
 * zero: deterministic). The cut is fixed at 0.5 (a page's left-over posts are linked where the model gives more than
 * even odds that one answers the post above): nothing is chosen.
 * Protocol: each round (the blind rounds and five fixture groups fx0..fx4, link42b's FNV-1a 32 hash of the directory name
 * mod 5) left out in turn, read by the model fit on the others. Reported per round and pooled: gold replies right
 * (`parents`, the scorer's recall), links, link precision, gold top-level posts linked; and every fixture read through
 * the parse with its group's left-out model on, scored as scripts/study/structure-score.ts scores it, with each fixture
 * whose parents move listed. Then (without --dry) the shipped model, fit on every round, written to
 * src/thread/conversation-page.model.json.
 * Usage: nice npx tsx scripts/train/train-conversation-page.ts [--dry]   (LIST=1 lists each page's left-out probability,
 * stderr)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BLIND_DEV_ROUNDS, blindDevRound } from './lib/blind-rounds.js';
import { fixtureGroup } from './lib/fixture-groups.js';
import { fitLogistic, probability, toLinearModel, type Example, type Logistic } from './lib/ridge-logistic.js';
import { featureHash, writeModel } from './lib/fit-model.js';
import { analyze, parse } from '../../src/index.js';
import { scoreStructure, type StructureLabels } from '../study/lib/structure-labels.js';
import { abovePost, setConversationPageForStudy } from '../../src/thread/conversation-page.js';
import type { LinkPost } from '../../src/thread/left-over-links.js';
import type { LinearModel } from '../../src/learn/model.js';

const CUT = 0.5;
// The development rounds only (BLIND_DEV_ROUNDS: 01-142 since session 45; a session's held-out set is never in it).
const rounds = BLIND_DEV_ROUNDS;

interface Page {
  file: string;
  round: string;
  source: 'blind' | 'fixture';
  gold: Array<number | null>;
  /** The parse's parent per post (index; -1 not found; null top level), the reading off. */
  cues: Array<number | null>;
  aligned: boolean;
  /** The page's features (empty: no left-over post), and its left-over posts with the post above each. */
  x: number[];
  left: Array<{ post: number; above: number }>;
}
const pages: Page[] = [];
let names: string[] = [];
let captured: { x: number[]; left: Array<{ post: number; above: number }> } | null = null;
setConversationPageForStudy({
  model: null,
  record: (posts: readonly LinkPost[], eligible: readonly boolean[], features: ReadonlyArray<[string, number]>) => {
    if (features.length === 0) return;
    if (names.length === 0) names = features.map(([n]) => n);
    const left: Array<{ post: number; above: number }> = [];
    eligible.forEach((e, i) => {
      if (!e || i === 0 || posts[i]!.parent !== null) return;
      const k = abovePost(posts, i);
      if (k >= 0) left.push({ post: i, above: k });
    });
    captured = { x: features.map(([, v]) => v), left };
  },
});
const parentsOf = (posts: any[], n: number): Array<number | null> => {
  const idx = new Map<string, number>(posts.map((p, i) => [p.id, i]));
  return Array.from({ length: n }, (_, i) => (posts[i] ? (posts[i].parentId == null ? null : (idx.get(posts[i].parentId) ?? -1)) : -1));
};
const dir = resolve('fixtures/blind-threads');
for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json') && blindDevRound(f) !== undefined).sort()) {
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
  captured = null;
  const out = analyze(readFileSync(join(dir, gold.file)), { name: gold.file, targets: gold.targets }) as any;
  const doc = Array.isArray(out) ? out[0] : out;
  const posts: any[] = doc.thread?.posts ?? [];
  const cap = captured as { x: number[]; left: Array<{ post: number; above: number }> } | null;
  pages.push({
    file: gold.file, round: blindDevRound(g)!, source: 'blind', gold: gold.posts.map((p) => p.parent ?? null),
    cues: parentsOf(posts, gold.posts.length), aligned: posts.length === gold.posts.length, x: cap?.x ?? [], left: cap?.left ?? [],
  });
}
const fixtures: Array<{ name: string; group: string; labels: StructureLabels; input: string; base: number; checks: number; parents: string }> = [];
const fdir = resolve('fixtures');
for (const name of readdirSync(fdir).sort()) {
  if (!existsSync(join(fdir, name, 'structure.json'))) continue;
  const labels = JSON.parse(readFileSync(join(fdir, name, 'structure.json'), 'utf8')) as StructureLabels;
  const input = readFileSync(join(fdir, name, 'input.txt'), 'utf8');
  captured = null;
  const doc = parse(input, { name: `${name}/input` }) as any;
  const posts: any[] = doc.thread.posts;
  const cap = captured as { x: number[]; left: Array<{ post: number; above: number }> } | null;
  const score = scoreStructure(doc, labels);
  fixtures.push({ name, group: fixtureGroup(name), labels, input, base: score.right, checks: score.checks, parents: JSON.stringify(posts.map((p) => p.parentId ?? null)) });
  pages.push({
    file: name, round: fixtureGroup(name), source: 'fixture', gold: labels.posts.map((p) => p.parent ?? null),
    cues: parentsOf(posts, labels.posts.length), aligned: posts.length === labels.posts.length, x: cap?.x ?? [], left: cap?.left ?? [],
  });
}
setConversationPageForStudy(undefined);

const labelsOf = [...rounds.map((r) => r.label), 'fx0', 'fx1', 'fx2', 'fx3', 'fx4'];
const rows = (p: Page): Example[] => (p.aligned ? p.left.map((l) => ({ x: p.x, y: p.gold[l.post] === l.above ? 1 : 0 })) : []);
const fit = (keep: (round: string) => boolean): Logistic => fitLogistic(pages.filter((p) => keep(p.round)).flatMap(rows), 1, 15);
const asModel = (m: Logistic): LinearModel =>
  toLinearModel(m, names, { name: 'conversation-page', labels: ['above'], featureFiles: [], featureHash: '', fitOn: ['study fold'], thresholds: { cut: CUT } });

interface Count { gold: number; right: number; links: number; linksRight: number; top: number; added: number; addedRight: number; pagesOn: number }
const zero = (): Count => ({ gold: 0, right: 0, links: 0, linksRight: 0, top: 0, added: 0, addedRight: 0, pagesOn: 0 });
function count(p: Page, on: boolean, into: Count): Count {
  const add = new Map<number, number>(on ? p.left.map((l) => [l.post, l.above]) : []);
  if (on && add.size > 0) into.pagesOn++;
  p.gold.forEach((g, i) => {
    const ours = add.get(i) ?? p.cues[i]!;
    if (add.has(i)) {
      into.added++;
      if (g === ours) into.addedRight++;
    }
    if (g !== null) {
      into.gold++;
      if (ours === g) into.right++;
    }
    if (ours !== null && ours !== -1) {
      into.links++;
      if (g === ours) into.linksRight++;
      else if (g === null) into.top++;
    }
  });
  return into;
}
const f3 = (x: number): string => x.toFixed(3);
const line = (c: Count): string => `${c.right} / ${c.links} / ${f3(c.links ? c.linksRight / c.links : 0)}`;

console.log(`rows: ${pages.reduce((s, p) => s + rows(p).length, 0)} left-over posts on ${pages.filter((p) => rows(p).length > 0).length} pages (${pages.filter((p) => p.source === 'blind' && rows(p).length > 0).length} blind, ${pages.filter((p) => p.source === 'fixture' && rows(p).length > 0).length} fixtures); positives ${pages.flatMap(rows).filter((r) => r.y === 1).length}`);
console.log('| round | gold replies | off: right / links / precision | left out: right / links / precision | pages on | links added (right) | gold top-level linked (off -> on) |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
const tot = { blind: { off: zero(), on: zero() }, fixture: { off: zero(), on: zero() } };
const foldModels = new Map<string, LinearModel>();
for (const r of labelsOf) {
  const m = fit((x) => x !== r);
  foldModels.set(r, asModel(m));
  const off = zero();
  const on = zero();
  for (const p of pages.filter((q) => q.round === r && q.aligned)) {
    const prob = p.x.length > 0 && p.left.length > 0 ? probability(m, p.x) : 0;
    count(p, false, off);
    count(p, prob >= CUT, on);
    count(p, false, tot[p.source].off);
    count(p, prob >= CUT, tot[p.source].on);
    if (process.env.LIST && p.left.length > 0) console.error(`${r}\t${p.file}\tp ${f3(prob)}\tleft ${p.left.length}\tabove right ${p.left.filter((l) => p.gold[l.post] === l.above).length}\tgold top ${p.left.filter((l) => p.gold[l.post] === null).length}`);
  }
  console.log(`| ${r} | ${off.gold} | ${line(off)} | ${line(on)} | ${on.pagesOn} | ${on.added} (${on.addedRight}) | ${off.top} -> ${on.top} |`);
}
for (const s of ['blind', 'fixture'] as const) {
  const { off, on } = tot[s];
  console.log(`| **${s}, pooled** | ${off.gold} | ${line(off)} = ${f3(off.right / off.gold)} | ${line(on)} = ${f3(on.right / on.gold)} | ${on.pagesOn} | ${on.added} (${on.addedRight}) | ${off.top} -> ${on.top} |`);
}
// Every labelled fixture read through the parse with its group's left-out model on.
let base = 0;
let left = 0;
let checks = 0;
for (const f of fixtures) {
  setConversationPageForStudy({ model: foldModels.get(f.group)! });
  const doc = parse(f.input, { name: `${f.name}/input` }) as any;
  setConversationPageForStudy(undefined);
  const right = scoreStructure(doc, f.labels).right;
  base += f.base;
  left += right;
  checks += f.checks;
  if (JSON.stringify(doc.thread.posts.map((p: any) => p.parentId ?? null)) !== f.parents) console.log(`  fixture ${f.name} (${f.group}): parents move, structure labels ${f.base} -> ${right} of ${f.checks}`);
}
console.log(`fixtures' structure labels, each read by its group's left-out model: ${base} -> ${left} of ${checks}`);

if (!process.argv.includes('--dry')) {
  const m = fit(() => true);
  const files = ['src/thread/conversation-page-features.ts', 'src/thread/left-over-links.ts', 'src/text/words.ts'];
  const b = tot.blind;
  const model = toLinearModel(m, names, {
    name: 'conversation-page', labels: ['above'], featureFiles: files, featureHash: featureHash(files),
    fitOn: [
      `blind threads ${rounds.map((r) => r.label).join(', ')} (fixtures/blind-threads, project-written, MIT)`,
      'structure labels of the fixtures whose parse has their post count (fixtures/*/structure.json, project-written, MIT)',
    ],
    thresholds: { cut: CUT },
    notes: `Session 45 (link45): P(a left-over post of this page answers the post above), from page-level features; ridge logistic (ridge 1, 15 Newton steps) on ${pages.reduce((s, p) => s + rows(p).length, 0)} left-over posts; cut 0.5 fixed. Blind rounds left out: parents ${f3(b.off.right / b.off.gold)} -> ${f3(b.on.right / b.on.gold)}, link precision ${f3(b.off.linksRight / b.off.links)} -> ${f3(b.on.linksRight / b.on.links)} (docs/dump-styles.md, "Session 45 (link45)").`,
  });
  writeModel(resolve('src/thread/conversation-page.model.json'), model);
  console.log('wrote src/thread/conversation-page.model.json');
  for (const [n, w] of Object.entries(model.weights).sort((a, c) => Math.abs(c[1][0]!) - Math.abs(a[1][0]!))) console.log(`  ${n} ${w[0]!.toFixed(3)}`);
  console.log(`  bias ${model.bias[0]!.toFixed(3)}`);
}
