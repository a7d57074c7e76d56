/**
 * Fits the learned reply link (src/thread/reply-link.model.json; session 31, links31, docs/dump-styles.md): on pages
 * that show no nesting, a pairwise logistic model over (post, earlier post) features (src/thread/link-features.ts) for
 * the posts every cue leaves top level; a link is made when the best candidate's probability clears the cut.
 *
 * Data: the development blind threads (BLIND_DEV_ROUNDS; held-out rounds are never read). Each dump is analysed twice
 * by this very src with the model switched off (cut above 1: the links the cues make, which are what the model sees)
 * and switched fully on (cut below 0: every post the model would score gets a link, which names the eligible posts
 * exactly as the parse decides them). Rows: each eligible post × each candidate, target 1 when the gold parent is it.
 *
 * Prints: the study table (docs/dump-styles.md), then the figures with each blind round left out (model fit on the
 * others, cut chosen on the other rounds' left-out predictions, scored on the round), beside the baselines: main (the
 * cues alone), "post above" for every post, and main plus "post above" for the eligible second-person posts. The figure
 * charges both errors: F1 of links over all posts of the flat pages (a link is right when it names the gold parent;
 * a wrong parent and a link on a gold top-level post are both false links; a gold reply without its right link is a
 * miss). Writes the model fit on all rounds with the cut chosen on all left-out predictions unless `--dry`.
 * Usage: nice npx tsx scripts/train/train-reply-link.ts [--dry]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/index.js';
import { contentWords } from '../../src/text/words.js';
import { linkCandidates, SESSION38_FEATURES, type LinkPost } from '../../src/thread/link-features.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import linkData from '../../src/thread/reply-link.model.json' with { type: 'json' };
import { blindDevRound, blindDevSpan, BLIND_DEV_ROUNDS } from './lib/blind-rounds.js';
import { fitModel, writeModel, type FitRow } from './lib/fit-model.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'fixtures', 'blind-threads');
const dry = process.argv.includes('--dry');
// The shipped model object the parse reads (one module instance): its cut switches the learned link off and on here.
const shipped = linkData as unknown as LinearModel;
const thresholds = (shipped.thresholds ??= {});
const shippedCut = thresholds.cut ?? 2;

interface OutPost extends LinkPost {
  replyCue: { kind: string } | null;
}
interface Eligible {
  i: number;
  candidates: ReturnType<typeof linkCandidates>;
  gold: number | null;
  you: boolean;
}
interface FileData {
  name: string;
  round: string;
  gold: Array<number | null>;
  main: Array<number | null>;
  eligible: Eligible[];
  /** The other posts after the first (linked by a cue or the layout): rows that borrow strength, never scored. */
  others: Eligible[];
  /** Page-level prior inputs (session 32, links32): how conversational the page is, from the parse without the model. */
  page: PagePrior;
  /** The reply cue of each post in the parse without the model (null: none). */
  cues: Array<string | null>;
  /** The page shows no nesting by the figures' test (no post linked by a layout cue) or the model scores some post. */
  flat: boolean;
}

function run(path: string, targets: string[] | undefined, cut: number): { posts: OutPost[]; article: string } {
  thresholds.cut = cut;
  const out = analyze(readFileSync(path), { name: path, targets }) as unknown;
  const doc = (Array.isArray(out) ? out[0] : out) as { article: { title: string | null; blocks: Array<{ kind: string; text: string }> }; thread: { posts: OutPost[] } };
  const article = [doc.article.title ?? '', ...doc.article.blocks.filter((b) => b.kind === 'heading' || b.kind === 'paragraph').map((b) => b.text)].join(' ');
  return { posts: doc.thread.posts, article };
}

interface PagePrior { conv: number; you: number; ask: number; short: number; n: number }
/** How conversational a page is, read from the parse the cues make: share of posts after the first that a cue linked,
 * that open in the second person, that ask, that are short (under 15 words). */
function pagePrior(posts: readonly OutPost[], main: ReadonlyArray<number | null>): PagePrior {
  const rest = posts.slice(1);
  const n = Math.max(rest.length, 1);
  const share = (t: (p: OutPost, i: number) => boolean) => rest.filter((p, i) => t(p, i + 1)).length / n;
  return {
    conv: share((_, i) => main[i] !== null),
    you: share((p) => SECOND.test(p.sentences[0]?.text ?? p.text)),
    ask: share((p) => p.text.includes('?')),
    short: share((p) => p.text.split(/\s+/).length < 15),
    n: rest.length,
  };
}
const PAGE_FEATURES = process.env.PAGE_FEATURES === '1';
const OLD = process.env.OLD === '1';
const GATE = process.env.GATE ?? '';
function pageFeatures(pg: PagePrior, f: ReadonlyArray<readonly [string, number]>): Array<readonly [string, number]> {
  const r1 = f.some(([n]) => n === 'rank:1') ? 1 : 0;
  const left = f.some(([n]) => n === 'leftByCues') ? 1 : 0;
  return [
    ['page:conv', pg.conv], ['page:you', pg.you], ['page:ask', pg.ask], ['page:short', pg.short],
    ['page:conv&rank:1', pg.conv * r1], ['page:you&rank:1', pg.you * r1], ['page:short&rank:1', pg.short * r1],
    ['page:conv&left', pg.conv * left], ['page:you&left', pg.you * left],
  ];
}

const SECOND = /\b(?:you['\u2019](?:re|ve|d|ll)|yourself|yours|your|you)\b/i;
const LAYOUT = new Set(['explicit', 'depth', 'indent', 'replying-to']);

/** A dump's flat-page data (undefined when the layout shows nesting and the model scores none of its posts). */
function collect(name: string, path: string, round: string, goldParents: Array<number | null>, targets?: string[]): FileData | undefined {
  const off = run(path, targets, 2);
  const on = run(path, targets, -1);
  const idx = (posts: OutPost[]) => new Map(posts.map((p, i) => [p.id, i]));
  const parentOf = (posts: OutPost[], m: Map<string, number>) => posts.map((p) => (p.parentId === null ? null : (m.get(p.parentId) ?? null)));
  const main = parentOf(off.posts, idx(off.posts));
  const onParents = parentOf(on.posts, idx(on.posts));
  const eligibleIdx = onParents.map((p, i) => (p !== null && main[i] === null ? i : -1)).filter((i) => i >= 0);
  const layoutShown = off.posts.some((p) => p.parentId !== null && p.replyCue !== null && LAYOUT.has(p.replyCue.kind));
  // Posts aligned by index, as the scorer does; a dump whose post count differs from its labels is left out.
  if (off.posts.length !== goldParents.length) return undefined;
  const article = new Set(contentWords(off.article));
  const eligible = new Set(eligibleIdx);
  const page = pagePrior(off.posts, main);
  const item = (i: number): Eligible => ({
    i,
    candidates: linkCandidates(i, off.posts, article, eligible.has(i)).map((c) => {
      // OLD=1 (session 38): links31's pair features alone, for the comparison row.
      const base = OLD ? c.features.filter(([n]) => !SESSION38_FEATURES.has(n)) : c.features;
      return { ...c, features: PAGE_FEATURES ? [...base, ...pageFeatures(page, base)] : base };
    }),
    gold: goldParents[i] ?? null,
    you: SECOND.test(off.posts[i]!.sentences[0]?.text ?? off.posts[i]!.text),
  });
  return {
    name,
    round,
    gold: goldParents,
    main,
    eligible: eligibleIdx.map(item),
    others: off.posts.map((p, i) => i).filter((i) => i > 0 && !eligible.has(i) && !off.posts[i]!.removed).map(item),
    flat: eligibleIdx.length > 0 || !layoutShown,
    page,
    cues: off.posts.map((p) => (p.parentId === null ? null : (p.replyCue?.kind ?? 'none'))),
  };
}

const files: FileData[] = [];
for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
  const round = blindDevRound(g);
  if (round === undefined) continue;
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
  const f = collect(gold.file, join(dir, gold.file), round, gold.posts.map((p) => p.parent ?? null), gold.targets);
  if (f) files.push(f);
}
// The flat pages, which the figures are about; every page gives rows.
const allBlind = files.splice(0, files.length);
files.push(...allBlind.filter((f) => f.flat));
// The fixtures whose structure.json labels were written before the parser was run on them: training rows in every fit,
// never scored (the figures are the blind rounds').
const fixtures: FileData[] = [];
const fixtureRoot = join(root, 'fixtures');
for (const name of readdirSync(fixtureRoot).sort()) {
  let labels: { posts?: Array<{ parent?: number | null }> };
  try {
    labels = JSON.parse(readFileSync(join(fixtureRoot, name, 'structure.json'), 'utf8'));
  } catch {
    continue;
  }
  if (!labels.posts) continue;
  const f = collect(name, join(fixtureRoot, name, 'input.txt'), 'fixtures', labels.posts.map((p) => p.parent ?? null));
  if (f) fixtures.push(f);
}
// The fixtures are one more round: left out as a group like each blind round, their flat pages scored beside them.
const fixtureFlat = fixtures.filter((f) => f.flat);
const pool = [...files, ...fixtureFlat];
const everything = [...allBlind, ...fixtures];
const ROUNDS = [...BLIND_DEV_ROUNDS.map((r) => r.label), 'fixtures'];
thresholds.cut = shippedCut;

// Study table: per flat file, what the eligible gold replies' right candidates show, and the same cues on gold top-level posts.
// What links each gold reply on the flat pages today: the cue of main's link when it is right.
const byCue = new Map<string, { right: number; wrong: number; falseLinks: number }>();
for (const f of files) {
  f.gold.forEach((g, i) => {
    const cue = f.cues[i] ?? null;
    if (cue === null) return;
    const t = byCue.get(cue) ?? { right: 0, wrong: 0, falseLinks: 0 };
    if (g === null) t.falseLinks++;
    else if (f.main[i] === g) t.right++;
    else t.wrong++;
    byCue.set(cue, t);
  });
}
console.log('| cue of the link today (flat pages) | gold replies linked right | wrong parent | gold top-level posts linked |');
console.log('| --- | --- | --- | --- |');
for (const [cue, t] of [...byCue].sort((a, b) => b[1].right - a[1].right)) console.log(`| ${cue} | ${t.right} | ${t.wrong} | ${t.falseLinks} |`);
const CUES = ['rank:1', 'sharedNotArticle', 'sharedOpening', 'you', 'namesAuthor', 'fourGram', 'number', 'candidateAsks', 'answersBack', 'afterMine', 'candidateNewer', 'startsLower'];
const study: Record<string, { reply: number; top: number }> = Object.fromEntries(CUES.map((c) => [c, { reply: 0, top: 0 }]));
let replies = 0;
let tops = 0;
let inWindow = 0;
for (const f of files) {
  for (const e of f.eligible) {
    if (e.gold === null) {
      tops++;
      // A cue a top-level post shows towards the post above it by someone else (the link the cue alone would make).
      const near = e.candidates[0];
      for (const c of CUES) if (near && near.features.some(([n]) => n === c)) study[c]!.top++;
    } else {
      replies++;
      const right = e.candidates.find((c) => c.index === e.gold);
      if (right) inWindow++;
      for (const c of CUES) if (right && right.features.some(([n]) => n === c)) study[c]!.reply++;
    }
  }
}
const fixtureEligible = fixtures.reduce((n, f) => n + f.eligible.length, 0);
const fixtureReplies = fixtures.reduce((n, f) => n + f.eligible.filter((e) => e.gold !== null).length, 0);
console.log(`fixtures with labels: ${fixtures.length}, ${fixtureFlat.length} of them flat; posts the cues leave top level ${fixtureEligible} (gold replies ${fixtureReplies})`);
console.log(`flat files ${files.length}; eligible posts ${replies + tops}: gold replies ${replies} (right parent in the window ${inWindow}), gold top level ${tops}`);
console.log('| cue | gold replies whose parent shows it | gold top-level posts showing it (towards the post above) |');
console.log('| --- | --- | --- |');
for (const c of CUES) console.log(`| ${c} | ${study[c]!.reply} | ${study[c]!.top} |`);

// Rows from every post after the first, on every page: the posts the cues left top level (the ones the link scores,
// feature `leftByCues`) and the ones a cue or the layout linked, so the pair features learn from ten times the rows.
// BORROW=0: the posts left top level only (the comparison in docs/dump-styles.md).
const BORROW = process.env.BORROW !== '0';
function rowsOf(fs: readonly FileData[]): FitRow[] {
  const rows: FitRow[] = [];
  for (const f of fs) {
    for (const e of f.eligible) for (const c of e.candidates) rows.push({ features: c.features, y: [c.index === e.gold ? 1 : 0] });
    if (BORROW) for (const e of f.others) for (const c of e.candidates) rows.push({ features: c.features, y: [c.index === e.gold ? 1 : 0] });
  }
  return rows;
}
const FIT = { name: 'reply-link', labels: ['answers'], link: 'sigmoid' as const, featureFiles: ['src/text/words.ts', 'src/thread/link-features.ts'], iterations: 400, l2: () => 1e-3 };
const fitOn = (fs: readonly FileData[], label: string) => fitModel(rowsOf(fs), { ...FIT, fitOn: [label] });

/** The best candidate of each eligible post and its probability under `model`. */
function decide(model: LinearModel, fs: readonly FileData[]): Map<Eligible, { k: number; p: number }> {
  const out = new Map<Eligible, { k: number; p: number }>();
  for (const f of fs) {
    for (const e of f.eligible) {
      let best: { k: number; p: number } | undefined;
      for (const c of e.candidates) {
        const p = predict(model, c.features)[0]!;
        if (best === undefined || p > best.p) best = { k: c.index, p };
      }
      if (best) out.set(e, best);
    }
  }
  return out;
}

interface Count { right: number; wrong: number; topLinked: number; goldReplies: number }
/** Counts over all posts of `fs` for links `linkOf(file, i)`. */
function count(fs: readonly FileData[], linkOf: (f: FileData, i: number) => number | null): Count {
  const c: Count = { right: 0, wrong: 0, topLinked: 0, goldReplies: 0 };
  for (const f of fs) {
    for (let i = 0; i < f.gold.length; i++) {
      const g = f.gold[i] ?? null;
      const l = i < f.main.length ? linkOf(f, i) : null;
      if (g !== null) c.goldReplies++;
      if (l === null) continue;
      if (g === null) c.topLinked++;
      else if (l === g) c.right++;
      else c.wrong++;
    }
  }
  return c;
}
const f1 = (c: Count) => (2 * c.right) / (2 * c.right + c.wrong + c.topLinked + (c.goldReplies - c.right) || 1);
const show = (name: string, c: Count) =>
  console.log(`| ${name} | ${c.right}/${c.goldReplies} = ${(c.right / c.goldReplies).toFixed(3)} | ${c.wrong} | ${c.topLinked} | ${f1(c).toFixed(3)} |`);
const add = (a: Count, b: Count): Count => ({ right: a.right + b.right, wrong: a.wrong + b.wrong, topLinked: a.topLinked + b.topLinked, goldReplies: a.goldReplies + b.goldReplies });

let gateAt = -1;
const STRICT = process.env.STRICT === '1';
// GATE=conv: the link acts only on pages whose share is at least the gate; GATE=-conv: at most the gate.
const gateOpen = (f: FileData) =>
  GATE === '' || (GATE.startsWith('-') ? f.page[GATE.slice(1) as keyof PagePrior] <= gateAt : f.page[GATE as keyof PagePrior] >= gateAt);
const withModel = (decisions: Map<Eligible, { k: number; p: number }>, cut: number) => {
  const byFile = new Map<FileData, Map<number, number>>();
  for (const f of pool) byFile.set(f, new Map(f.eligible.flatMap((e) => { if (!gateOpen(f)) return []; const d = decisions.get(e); return d && d.p >= cut ? [[e.i, d.k] as const] : []; })));
  return (f: FileData, i: number) => byFile.get(f)!.get(i) ?? f.main[i] ?? null;
};
const CUTS = Array.from({ length: 37 }, (_, k) => Math.round((0.05 + k * 0.025) * 1000) / 1000);

// Each round left out: the model fit on the others, its decisions on the round.
const leftOut = new Map<Eligible, { k: number; p: number }>();
for (const label of ROUNDS) {
  const train = everything.filter((f) => f.round !== label);
  const test = pool.filter((f) => f.round === label);
  if (test.length === 0) continue;
  for (const [e, d] of decide(fitOn(train, `blind ${label} left out`), test)) leftOut.set(e, d);
}
/** The cut with the best link F1 on `fs` under the left-out decisions (ties to the higher cut: fewer links). */
const GATES = GATE === '' ? [-1] : GATE.startsWith('-') ? Array.from({ length: 21 }, (_, k) => 1 - k * 0.05) : Array.from({ length: 21 }, (_, k) => k * 0.05);
function bestCut(fs: readonly FileData[]): number {
  let best = { cut: 1, f: -Infinity, g: -1 };
  for (const g of GATES) {
    gateAt = g;
    for (const cut of CUTS) {
      const c = count(fs, withModel(leftOut, cut));
      // STRICT: no false link at all on the other rounds comes first (a top-level post linked or a wrong parent costs
      // more than every right link), then the right links.
      const f = STRICT ? c.right - 1000 * (c.topLinked + c.wrong) : f1(c);
      if (f >= best.f) best = { cut, f, g };
    }
  }
  gateAt = best.g;
  return best.cut;
}
let nested: Count = { right: 0, wrong: 0, topLinked: 0, goldReplies: 0 };
let nestedFixtures: Count = { right: 0, wrong: 0, topLinked: 0, goldReplies: 0 };
const perRound: string[] = [];
for (const label of ROUNDS) {
  const test = pool.filter((f) => f.round === label);
  if (test.length === 0) continue;
  const cut = bestCut(pool.filter((f) => f.round !== label));
  const c = count(test, withModel(leftOut, cut));
  const m = count(test, (f, i) => f.main[i] ?? null);
  perRound.push(`| ${label} | ${test.length} | ${cut.toFixed(3)} gate ${gateAt.toFixed(2)} | ${m.right}/${m.goldReplies}, ${m.wrong} wrong, ${m.topLinked} top linked | ${c.right}/${c.goldReplies}, ${c.wrong} wrong, ${c.topLinked} top linked |`);
  if (label === 'fixtures') nestedFixtures = c;
  else nested = add(nested, c);
}
const above = (f: FileData, i: number) => (i > 0 ? i - 1 : null);
const youAbove = (f: FileData, i: number) => f.main[i] ?? (f.eligible.find((e) => e.i === i)?.you ? i - 1 : null);
console.log('\n| links on the flat pages | parents (gold replies right) | wrong parent | top-level posts linked | link F1 |');
console.log('| --- | --- | --- | --- | --- |');
show('main (cues alone)', count(files, (f, i) => f.main[i] ?? null));
show('"post above" for every post', count(files, above));
show('main + "post above" for eligible second-person posts', count(files, youAbove));
show('main + learned link, each round left out (nested cut)', nested);
const cut = bestCut(pool);
show(`main + learned link, left-out decisions, shipped cut ${cut.toFixed(3)}`, count(files, withModel(leftOut, cut)));
console.log(`\nfixtures' flat pages (${fixtureFlat.length}, labels written before the parser ran), the fixtures left out as one round:`);
show('main (cues alone)', count(fixtureFlat, (f, i) => f.main[i] ?? null));
show('"post above" for every post', count(fixtureFlat, above));
show('main + "post above" for eligible second-person posts', count(fixtureFlat, youAbove));
show('main + learned link, fixtures left out (nested cut)', nestedFixtures);
show(`main + learned link, fixtures left out, shipped cut ${cut.toFixed(3)}`, count(fixtureFlat, withModel(leftOut, cut)));
console.log('\n| round left out | flat files | cut (chosen on the other rounds) | main | main + learned link |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of perRound) console.log(r);
const sweep = [0.3, 0.4, 0.5, 0.6, 0.7].map((c) => `${c}: ${JSON.stringify(count(files, withModel(leftOut, c)))} + fixtures ${JSON.stringify(count(fixtureFlat, withModel(leftOut, c)))}`);
console.log(`\nleft-out decisions by cut: ${sweep.join('; ')}`);

// PAGES=1 (session 32): each flat page's prior beside its left-over gold replies and top-level posts.
if (process.env.PAGES === '1') {
  for (const f of pool) {
    const r = f.eligible.filter((e) => e.gold !== null).length;
    console.log(`page ${f.name.slice(0, 24)} ${f.round} conv ${f.page.conv.toFixed(2)} you ${f.page.you.toFixed(2)} ask ${f.page.ask.toFixed(2)} short ${f.page.short.toFixed(2)} n ${f.page.n} left-over replies ${r} top ${f.eligible.length - r}`);
  }
}
if (!dry) {
  const left = (fs: readonly FileData[]) => fs.reduce((n, f) => n + f.eligible.length, 0);
  const linked = (fs: readonly FileData[]) => fs.reduce((n, f) => n + f.others.length, 0);
  const model = fitModel(rowsOf(everything), {
    ...FIT,
    fitOn: [
      `threadlens blind threads ${blindDevSpan()} (development rounds, dumps and gold written by the project, MIT): ${left(allBlind)} posts the cues leave top level and ${linked(allBlind)} posts a cue or the layout links, on ${allBlind.length} pages, each paired with up to 6 earlier posts`,
      `threadlens fixtures' structure.json labels (project-written, MIT; written before the parser was run): ${left(fixtures)} posts left top level and ${linked(fixtures)} linked, on ${fixtures.length} pages`,
    ],
    thresholds: { cut },
    notes: `Pairwise logistic link; cut chosen on the left-out predictions (${STRICT ? 'no false link first (a wrong parent or a linked top-level post outweighs every right link), then right links' : 'link F1 over the flat pages, charging wrong parents and linked top-level posts'}). Blind ${blindDevSpan()} flat pages, each round left out (nested cut): ${JSON.stringify(nested)}, link F1 ${f1(nested).toFixed(3)}; main alone ${f1(count(files, (f, i) => f.main[i] ?? null)).toFixed(3)}. Fixtures' flat pages left out as one round: ${JSON.stringify(nestedFixtures)}, link F1 ${f1(nestedFixtures).toFixed(3)}; main alone ${f1(count(fixtureFlat, (f, i) => f.main[i] ?? null)).toFixed(3)}.`,
  });
  writeModel(join(root, 'src', 'thread', 'reply-link.model.json'), model);
  console.log('wrote src/thread/reply-link.model.json');
}
if (process.env.LIST) {
  const rows: Array<[number, string]> = [];
  for (const f of pool) for (const e of f.eligible) {
    const d = leftOut.get(e);
    if (!d) continue;
    const tag = e.gold === null ? 'TOP' : d.k === e.gold ? 'RIGHT' : `WRONG(gold ${e.gold})`;
    if (e.gold !== null || d.p >= 0.2) rows.push([d.p, `${d.p.toFixed(3)} ${tag} ${f.name.slice(0, 14)} #${e.i}->${d.k} ${e.candidates.find((c) => c.index === d.k)!.features.map(([n]) => n).join(',')}`]);
  }
  for (const [, r] of rows.sort((a, b) => b[0] - a[0])) console.error(r);
}
