/**
 * Study (session 25, lines25; measure only): does the line-role model read a layout it has not seen better than the
 * rules' first try? Set left out, the way a new layout arrives: for each blind round R of fixtures/blind-threads
 * (every development round, `BLIND_DEV_ROUNDS`, since session 31; 01-04 .. 17-22 in session 25), the model is fit (the shipped recipe, `fitLineRoles`) on the project's fixtures plus
 * the other rounds' blind dumps (roles from their gold authors and starts, `deriveThreadGold`; the text extent of a
 * post from today's parse where its post starts as the gold's), and round R is read
 *
 * - by the model alone (today's src, `useLineModelForStudy(model, true)`: the model's posts whenever it has 3 start lines),
 * - by today's rules as they are (shipped model and trigger: they have seen every round's fixes, so optimistic),
 * - by today's rules with the left-out model as their fallback (what shipping the refit as a fallback would do),
 * - by the round's first try (the src of the gold's commit, `git archive` into FIRST_TRY_DIR, default /tmp/lines25-first-),
 * - and by arbitrations between the first try and the model (`--arbitrate`: the facts of `triggerFacts` between the
 *   first try's posts and the left-out model's guesses).
 *
 * Scored as ../shared/eval-threads/score.mjs scores (posts aligned by index; authors, starts over every gold post,
 * parents over gold replies, counts exact) on `parse`'s posts. Prints one line per dump and a table per round.
 * With `--fixtures K` the arbitration's facts are also given for every fixture, the model fit with the fixtures in
 * K folds (fold of a fixture: its index in name order mod K) left out each in turn, against today's rules.
 *
 * Beside them, a parents baseline: the gold's own posts, each reply's parent the post above it.
 *
 * Session 36 (lines36): beside the model alone, its roles decoded jointly (pre-registered V, Viterbi with the training
 * dumps' role transitions, and H, the hybrid over the role priors; scripts/study/lib/role-decoding.ts), on the rounds
 * and, with `--fixtures K`, on the fixtures left out (scored by their labels). The model alone here is the forced read
 * with session 35's odd-author guard, which gives way to today's rules' reading; `--unguarded` lifts the guard for the
 * fixtures' model-alone figures (scripts/study/line-roles-decoding.ts reads the rounds both ways).
 *
 * With `--generated N` (session 35, shape38), the facts of N generated dumps per style and layout of src/testing that
 * today's rules read right (authors, starts, count), against the model fit on every round and fixture (`--rounds none` to skip the rounds).
 *
 * With `--augment N` (session 36, aug36), every fit of the rounds and the fixture folds is also made with N generated
 * dumps per combination of src/testing's generators added to its rows (`generatedFixtures`, roles from the generator's
 * truth), in two weightings (`AUGMENT_WEIGHTS`), and the model alone of each is read beside main's; the fixture folds
 * then also score the model alone on each fixture (its expected.json as gold). `--augment-bar a.json b.json ...` reads
 * such runs' `--json` files (e.g. two processes, each a part of the rounds) and prints session 36's registered bar.
 *
 * With `--chrome N` (session 37, shape40), the facts of N chrome-perturbed variants of each fixture with two author lines
 * or more (page-chrome lines inserted before author lines, as test/properties.test.ts does; kept where today's rules
 * read the fixture's posts), against the model fit without the fixture's fold, as `--fixtures 5` reads the fixture.
 *
 * Run: nice -n 10 npx tsx scripts/study/line-roles-left-out.ts [--rounds 01-04,05-10] [--fixtures 5] [--generated N] [--augment N] [--chrome N] [--json out.json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blindThreads, deriveGold, deriveThreadGold, fitLineRoles, generatedFixtures, lineRoleRows, roleTransitions, squash, weightGenerated, type Fixture, type ThreadGold } from '../train/lib/line-roles-data.js';
import type { FitRow } from '../train/lib/fit-model.js';
import { viterbiDecoder } from './lib/role-decoding.js';
import { countArm as shippedCountArm, type TriggerFacts } from '../../src/ingest/line-roles.js';
import { disagreeArm, useLineModelForStudy, type RoleDecoder } from '../../src/ingest/line-roles-study.js';
import { lineFacts } from './lib/line-facts.js';
import { useLineChromeForStudy, type LineChromeMode } from '../../src/ingest/line-chrome.js';
import { authorShares } from './lib/arbitration-features.js';
import { chromeInserts, drawChromeVariants, otherChromePool } from './lib/chrome-variants.js';
import { BLIND_DEV_ROUNDS, blindNumber } from '../train/lib/blind-rounds.js';
import { add, norm, scoreDoc, zero, type Score } from './lib/thread-score.js';
import { parse as todayParse } from '../../src/index.js';
import type { LinearModel } from '../../src/learn/model.js';
import { oldSource } from './line-roles.js';
import fc from 'fast-check';
import { dumpArbitrary, type TruthThread } from '../../src/testing/generate.js';
import { layoutDumpArbitrary } from '../../src/testing/layouts.js';

const here = resolve(import.meta.dirname, '..', '..');
const fixturesDir = join(here, 'fixtures');
const args = process.argv.slice(2);
process.env.FIRST_TRY_DIR ??= '/tmp/lines25-first-';
// Session 37 (lines37): LINE_CHROME=filter (P) or feature (F) reads and fits every study model with the rules' shared
// chrome recognisers (src/ingest/line-chrome.ts); unset, main's features.
const lineChrome = process.env.LINE_CHROME ?? 'off';
if (!['off', 'filter', 'feature', 'window', 'window-strict', 'window-record'].includes(lineChrome)) throw new Error(`LINE_CHROME: off, filter, feature, window, window-strict or window-record, not ${lineChrome}`);
useLineChromeForStudy(lineChrome as LineChromeMode);
if (lineChrome !== 'off') console.log(`line chrome variant (lines37): ${lineChrome}`);

type Post = { id: string; author: string | null; authorSpan: [number, number] | null; text: string; span: [number, number]; parentId: string | null; removed: boolean; lines: Array<{ span: [number, number] }> };
type Doc = { article: { title: string | null }; thread: { posts: Post[] }; blocks: Array<{ kind: string; span: [number, number]; post: string | null }>; messages: Array<{ ruleId: string }> };
type ParseFn = (t: string, o?: object) => Doc;
const parseToday = todayParse as unknown as ParseFn;

/**
 * The blind rounds (every development round, `BLIND_DEV_ROUNDS`; session 31): the dumps' number range and the commit
 * that added their gold (the first try's src), found by `git log --diff-filter=A` on the round's first gold file.
 * `--rounds 23-28,29-34` reads only those rounds (the others are still in every fit).
 */
function goldCommit(lo: number): string {
  const pad = String(lo).padStart(2, '0');
  const file = readdirSync(join(fixturesDir, 'blind-threads')).find((f) => f.startsWith(`${pad}_`) && f.endsWith('.gold.json'));
  if (file === undefined) throw new Error(`no gold for blind dump ${pad}`);
  const log = execFileSync('git', ['log', '--diff-filter=A', '--format=%h', '--', join('fixtures', 'blind-threads', file)], { cwd: here, encoding: 'utf8' });
  const commit = log.trim().split('\n').at(-1);
  if (!commit) throw new Error(`no commit added ${file}`);
  return commit;
}
// `--dumps 11,31,42` reads only those dumps of the rounds read (the others are still in every fit)
const di = args.indexOf('--dumps');
const onlyDumps = di >= 0 ? new Set(args[di + 1]!.split(',').map(Number)) : null;
const ri = args.indexOf('--rounds');
const onlyRounds = ri >= 0 ? new Set(args[ri + 1]!.split(',')) : null;
const BLIND_ROUNDS = BLIND_DEV_ROUNDS.filter((r) => onlyRounds === null || onlyRounds.has(r.label)).map((r) => ({
  round: r.label,
  lo: r.first,
  hi: r.last,
  commit: goldCommit(r.first),
}));


/** The parents baseline: the gold's own posts (authors and starts right), each reply's parent the post above it. */
function postAbove(gold: ThreadGold): Score {
  const s = zero();
  s.files = 1;
  s.countsExact = 1;
  gold.posts.forEach((gp, i) => {
    s.posts++;
    s.authors++;
    s.starts++;
    if (gp.parent === null || gp.parent === undefined) return;
    s.parentsGold++;
    if (gp.parent === i - 1) s.parents++;
  });
  return s;
}

const f3 = (x: number): string => x.toFixed(3);

/** Per post (`--posts`, for reading the arbitration's cases): author, the line its author was read from, the text's opening. */
function postRows(text: string, doc: Doc): Array<{ author: string | null; removed: boolean; head: string | null; start: string }> {
  const lineOf = (at: number): string => {
    const a = text.lastIndexOf('\n', at - 1) + 1;
    const b = text.indexOf('\n', at);
    return text.slice(a, b < 0 ? text.length : b).trim();
  };
  return doc.thread.posts.map((p) => ({ author: p.author, removed: p.removed, head: p.authorSpan ? lineOf(p.authorSpan[0]) : null, start: norm(p.text).slice(0, 40) }));
}
const withPosts = args.includes('--posts');
const fig = (s: Score): string =>
  `${f3(s.authors / Math.max(1, s.posts))} / ${f3(s.starts / Math.max(1, s.posts))} / ${f3(s.parents / Math.max(1, s.parentsGold))} | ${s.countsExact}/${s.files} | ${s.found} of ${s.read} read (${s.foundAuthor} author right)`;

/**
 * Session 36's registered bar (aug36, `--augment-bar a.json b.json ...`: the `--json` files of `--augment` runs, the
 * rounds split between them, one with `--fixtures 5`): for each weighting, the model alone over every round read
 * (each left out) and the fixtures in folds, against main's model alone (the fit without generated rows), with the
 * first try beside. Holds when pooled authors, starts and parents are each not lower than main's and their mean at
 * least +0.010 higher, no round is lower by more than 0.05 on any of the three, and the fixtures' pooled three are
 * each not lower. Exits after printing.
 */
function augmentBar(files: readonly string[]): void {
  type Run = { dumps?: Array<{ name: string; round: string; first: Score; model: Score; augmented?: Record<string, Score> }>; fixtures?: Array<{ name: string; scores?: Record<string, Score> }> };
  const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Run);
  const dumps = runs.flatMap((r) => r.dumps ?? []);
  const fxs = runs.flatMap((r) => r.fixtures ?? []).filter((f) => f.scores !== undefined);
  const labels = [...new Set(dumps.flatMap((d) => Object.keys(d.augmented ?? {})))];
  const rounds = [...new Set(dumps.map((d) => d.round))].sort();
  const sum = (ss: Score[]): Score => ss.reduce(add, zero());
  const three = (s: Score): [number, number, number] => [s.authors / Math.max(1, s.posts), s.starts / Math.max(1, s.posts), s.parents / Math.max(1, s.parentsGold)];
  const sign = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  console.log(`session 36 bar (aug36): ${dumps.length} dumps in ${rounds.length} rounds, ${fxs.length} fixtures in folds`);
  console.log(`| round | first try | main's model alone | ${labels.join(' | ')} |\n| --- | --- | --- |${labels.map(() => ' --- |').join('')}`);
  for (const rd of [...rounds, 'pooled']) {
    const ds = dumps.filter((d) => rd === 'pooled' || d.round === rd);
    console.log(`| ${rd} | ${fig(sum(ds.map((d) => d.first)))} | ${fig(sum(ds.map((d) => d.model)))} | ${labels.map((l) => fig(sum(ds.map((d) => d.augmented![l]!)))).join(' | ')} |`);
  }
  if (fxs.length > 0) {
    const keys = Object.keys(fxs[0]!.scores!);
    for (const k of keys) console.log(`| fixtures, folds left out | ${k} | ${fig(sum(fxs.map((f) => f.scores![k]!)))} |`);
  }
  for (const l of labels) {
    const main = three(sum(dumps.map((d) => d.model)));
    const aug = three(sum(dumps.map((d) => d.augmented![l]!)));
    const gain = aug.map((x, i) => x - main[i]!);
    const mean = (gain[0]! + gain[1]! + gain[2]!) / 3;
    const worst = Math.min(...rounds.flatMap((rd) => {
      const ds = dumps.filter((d) => d.round === rd);
      const m = three(sum(ds.map((d) => d.model)));
      return three(sum(ds.map((d) => d.augmented![l]!))).map((x, i) => x - m[i]!);
    }));
    const fxGain = fxs.length === 0 ? null : three(sum(fxs.map((f) => f.scores![l]!))).map((x, i) => x - three(sum(fxs.map((f) => f.scores!['model alone (left out)']!)))[i]!);
    const holds = gain.every((g) => g >= 0) && mean >= 0.01 && worst >= -0.05 && fxGain !== null && fxGain.every((g) => g >= 0);
    console.log(`${l}: pooled gain ${gain.map(sign).join(' / ')} (mean ${sign(mean)}), worst round ${sign(worst)}, fixtures ${fxGain === null ? 'not read' : fxGain.map(sign).join(' / ')}: bar ${holds ? 'HOLDS' : 'fails'}`);
  }
}
const abi = args.indexOf('--augment-bar');
if (abi >= 0) {
  augmentBar(args.slice(abi + 1).filter((a) => a.endsWith('.json')));
  process.exit(0);
}

/**
 * Authors that cannot be a name (session 31): of a reading's posts not removed, the share whose author is missing, has
 * no letter, holds a clock, runs past four words, or is the author of more than half the posts (left out with
 * `majority` false). Since session 35 (shape37) the library's `authorShares` (scripts/study/lib/arbitration-features.ts).
 */
export function oddAuthorShare(doc: Doc, majority = true): number {
  return authorShares(doc.thread.posts.filter((p) => !p.removed).map((p) => p.author), majority).odd;
}

/**
 * Authors that carry the head's frame (session 32, shape32): odd by `oddAuthorShare` (no majority test) or with a token
 * on at least half of three or more distinct authors. The library's `authorShares` since session 35 (shape37).
 */
export function frameAuthorShare(doc: Doc): number {
  return authorShares(doc.thread.posts.filter((p) => !p.removed).map((p) => p.author)).framed;
}

/**
 * The merge of the rules' and the model's readings (session 32, shape32b; measure only here): each rules' post on whose
 * first text line the model also starts a post, and in whose lines the model starts no other, is kept (its text, start,
 * parent) with the model's author; a rules' post in whose lines the model starts two or more posts (the rules ran posts
 * together) is replaced by the model's posts; a rules' post where the model starts none, or a removed one, is kept as
 * it is. With `modelParents`, a kept post's parent is the model's where the model's parent is in the merged reading;
 * with `misaligned`, a rules' post where the model starts one post but not on its first line gives way to it too.
 */
export function mergeReadings(text: string, rules: Doc, model: Doc, modelParents = false, misaligned = false): Doc {
  const lineAt: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineAt.push(i + 1);
  const lineOf = (at: number): number => {
    let lo = 0;
    let hi = lineAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineAt[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const modelStart = model.thread.posts.map((p) => lineOf(p.span[0]));
  const out: Post[] = [];
  const ruleId = new Map<string, string>(); // a rules' post id -> its id in the merge
  const modelId = new Map<string, string>(); // a model's post id -> its id in the merge
  const keptFrom = new Map<string, Post>(); // a merged id (kept rules' post) -> the model's post on its line
  for (const r of rules.thread.posts) {
    const a = lineOf(r.span[0]);
    const b = lineOf(Math.max(r.span[0], r.span[1] - 1));
    const inside = model.thread.posts.filter((_, k) => modelStart[k]! >= a && modelStart[k]! <= b);
    if (r.removed || inside.length === 0 || (!misaligned && inside.length === 1 && lineOf(inside[0]!.span[0]) !== a)) {
      ruleId.set(r.id, r.id);
      out.push({ ...r });
    } else if (inside.length === 1 && lineOf(inside[0]!.span[0]) === a) {
      ruleId.set(r.id, r.id);
      modelId.set(inside[0]!.id, r.id);
      keptFrom.set(r.id, inside[0]!);
      out.push({ ...r, author: inside[0]!.author, authorSpan: inside[0]!.authorSpan });
    } else {
      ruleId.set(r.id, `m-${inside[0]!.id}`);
      for (const m of inside) {
        modelId.set(m.id, `m-${m.id}`);
        out.push({ ...m, id: `m-${m.id}`, parentId: m.parentId === null ? null : `?${m.parentId}` });
      }
    }
  }
  const posts = out.map((p) => {
    if (p.parentId !== null && p.parentId.startsWith('?')) return { ...p, parentId: modelId.get(p.parentId.slice(1)) ?? null };
    const km = keptFrom.get(p.id);
    if (modelParents && km !== undefined && km.parentId !== null && modelId.has(km.parentId)) return { ...p, parentId: modelId.get(km.parentId)! };
    return { ...p, parentId: p.parentId === null ? null : (ruleId.get(p.parentId) ?? p.parentId) };
  });
  return { ...rules, thread: { ...rules.thread, posts } };
}

/** What an arbitration weighs: the trigger's facts, and the odd-author shares of the rules' and the model's readings. */
type ArbFacts = TriggerFacts & { rulesOdd: number; modelOdd: number; modelPosts: number; rulesOddNames: number; modelOddNames: number; rulesFramed: number; modelFramed: number };

/**
 * The arbitration's facts between a reading by the rules (`doc`) and the model's (`modelDoc`) of `text`; the trigger's
 * facts read the model set now (`useLineModelForStudy(model, false)` before the call, as every caller does).
 */
function arbFacts(text: string, doc: Doc, modelDoc: Doc): ArbFacts {
  return { ...lineFacts(text, doc).facts, rulesOdd: oddAuthorShare(doc), modelOdd: oddAuthorShare(modelDoc), modelPosts: modelDoc.thread.posts.length, rulesOddNames: oddAuthorShare(doc, false), modelOddNames: oddAuthorShare(modelDoc, false), rulesFramed: frameAuthorShare(doc), modelFramed: frameAuthorShare(modelDoc) };
}

/**
 * The count arm (session 33, shape33; measured, not shipped; with the model's mean start probability >= 0.8 it is
 * shape33b, shipped in session 34 as src/ingest/line-roles.ts `countArm`):
 * with three start lines, the rules' posts and the model's posts (`modelPosts`: its start lines plus the removal notes
 * it reads as removed posts) differ by a quarter of the model's start lines or more, and the difference is the rules'
 * doing: where they read more, at least three of their posts, and half the difference, are `textless`; where they read
 * fewer, at least three, and half the difference, of the model's start lines lie under a head in their text.
 */
export function countArm(f: TriggerFacts, modelPosts: number): boolean {
  if (f.starts < 3) return false;
  const gap = f.rulePosts - modelPosts;
  if (4 * Math.abs(gap) < f.starts) return false;
  const explained = gap > 0 ? f.textless : f.startsUnderHead;
  return explained >= 3 && 2 * explained >= Math.abs(gap);
}

/** shape32's arm (shipped): the rules' odd or framed authors a quarter or more, the model's under half of theirs. */
const shape32Arm = (f: ArbFacts): boolean => f.starts >= 3 && f.rulesFramed >= 0.25 && 2 * f.modelFramed < f.rulesFramed;

/**
 * shape35's arm (session 34): the model is sure of its start lines (mean probability >= 0.8) and at least three sure start
 * lines (p >= 0.8) under a line it reads as an author or meta line lie before the rules' first post (`startsInArticle`),
 * at least 1/k as many as the rules' posts: the rules began the comment section too late.
 */
const articleArm = (f: ArbFacts, k: number): boolean => f.starts >= 3 && f.meanStartP >= 0.8 && f.startsInArticle >= 3 && k * f.startsInArticle >= f.rulePosts;

/** Arbitrations weighed (study): whether the model's reading replaces the rules', from the facts. */
const ARBITRATIONS: Record<string, (f: ArbFacts) => boolean> = {
  'shape32 (pre-registered): rules odd or framed authors >= 1/4, model\'s < half the rules\'': shape32Arm,
  'shape32 variant: rules odd or framed authors >= 1/2, model\'s < 1/4': (f) => f.starts >= 3 && f.rulesFramed >= 0.5 && f.modelFramed < 0.25,
  'rules odd authors >= 1/4, model odd < half the rules\'': (f) => f.starts >= 3 && f.rulesOdd >= 0.25 && 2 * f.modelOdd < f.rulesOdd,
  'rules odd authors >= 1/4, model odd < half the rules\', no majority name': (f) => f.starts >= 3 && f.rulesOddNames >= 0.25 && 2 * f.modelOddNames < f.rulesOddNames,
  'rules odd authors >= 1/2, model odd < 1/4': (f) => f.starts >= 3 && f.rulesOdd >= 0.5 && f.modelOdd < 0.25,
  'rules posts > 5/4 model posts, model odd < 1/4': (f) => f.starts >= 3 && 4 * f.rulePosts > 5 * f.modelPosts && f.modelOdd < 0.25,
  'shipped trigger': (f) => f.starts >= 3 && (f.rulePosts === 0 || (2 * f.agreed < f.starts && f.startsUnderHead >= 3)),
  'agreed < 1/2 of starts': (f) => f.starts >= 3 && 2 * f.agreed < f.starts,
  'agreed < 1/3 of starts': (f) => f.starts >= 3 && 3 * f.agreed < f.starts,
  'agreed < 1/4 of starts': (f) => f.starts >= 3 && 4 * f.agreed < f.starts,
  'agreed < 1/3 of starts and of posts': (f) => f.starts >= 3 && 3 * f.agreed < f.starts && 3 * f.agreed < f.rulePosts,
  'agreed < 1/2 of starts and of posts': (f) => f.starts >= 3 && 2 * f.agreed < f.starts && 2 * f.agreed < f.rulePosts,
  'posts < 1/2 of starts': (f) => f.starts >= 3 && 2 * f.rulePosts < f.starts,
  'agreed < 1/2, >= 3 in text': (f) => f.starts >= 3 && 2 * f.agreed < f.starts && f.startsInText >= 3,
  // session 33 (shape33): shape32's arm, or the count arm guarded (src/ingest/line-roles.ts `countArm`)
  "shape33 (pre-registered): shape32's arm, or posts differ from the model's posts by >= 1/4 of its starts, explained (textless rules' posts / starts under a head: >= 3 and >= half)": (f) =>
    shape32Arm(f) || countArm(f, f.modelPosts),
  "shape33 variant: shape32's arm, or the guarded count arm against the model's start lines": (f) => shape32Arm(f) || countArm(f, f.starts),
  // written after the run above (post hoc, chosen on 01-70 and the fixtures' folds): for the thirteenth set, 71-76
  // shipped in session 34 (held on 71-76 and in the fixture folds): the library's `countArm` carries the probability
  "shape33b (post hoc, for 71-76): shape32's arm, or the count arm with the model's mean start probability >= 0.8": (f) =>
    shape32Arm(f) || shippedCountArm(f, f.modelPosts),
  // session 34 (shape34), registered before its run: the rules do not know the layout when the model is sure of lines in
  // their part of the dump and reads a quarter of them otherwise (src/ingest/line-roles.ts `disagreeArm`)
  "shape34 (pre-registered): shape32's arm, or the model sure (p >= 0.8) and reading >= 3 and >= 1/4 of those lines otherwise than the rules": (f) =>
    shape32Arm(f) || disagreeArm(f),
  "shape34 variant: shape32's arm, or >= 3 and >= 1/6 sure lines read otherwise": (f) => shape32Arm(f) || (f.starts >= 3 && f.sureDisagree >= 3 && 6 * f.sureDisagree >= f.sureLines),
  "shape34 variant: shape32's arm, or >= 3 and >= 1/3 sure lines read otherwise": (f) => shape32Arm(f) || (f.starts >= 3 && f.sureDisagree >= 3 && 3 * f.sureDisagree >= f.sureLines),
  "shape34 variant: shape32's arm, or the disagreement arm with the model's mean start probability >= 0.8": (f) => shape32Arm(f) || (disagreeArm(f) && f.meanStartP >= 0.8),
  "shape34 variant: the disagreement arm alone (no shape32 arm)": (f) => disagreeArm(f),
  // written after shape34's run (post hoc, chosen on 01-76's per-dump figures and the lines behind 01, 05, 19, 22):
  // only the lines where one reading starts a post and the other does not, with shape33b's sure model
  "shape34b (post hoc): shape32's arm, or >= 3 and >= 1/4 of the sure lines either reading starts a post at started by one only, mean start probability >= 0.8": (f) =>
    shape32Arm(f) || (f.starts >= 3 && f.sureStartDisagree >= 3 && 4 * f.sureStartDisagree >= f.sureStarts && f.meanStartP >= 0.8),
  "shape34b variant: the same without the mean start probability": (f) => shape32Arm(f) || (f.starts >= 3 && f.sureStartDisagree >= 3 && 4 * f.sureStartDisagree >= f.sureStarts),
  // session 34 (shape35), registered before its run: a comment section the rules began too late; the model's sure start
  // lines under a head it reads, before the rules' first post (`startsInArticle`)
  "shape35 (pre-registered): shape33b (main), or >= 3 sure starts under a head before the rules' first post, >= half the rules' posts, mean start probability >= 0.8": (f) =>
    shape32Arm(f) || shippedCountArm(f, f.modelPosts) || articleArm(f, 2),
  "shape35 variant: the same with the starts before the first post at least as many as the rules' posts": (f) =>
    shape32Arm(f) || shippedCountArm(f, f.modelPosts) || articleArm(f, 1),
  "shape35 variant: the same (half) without the mean start probability": (f) =>
    shape32Arm(f) || shippedCountArm(f, f.modelPosts) || (f.starts >= 3 && f.startsInArticle >= 3 && 2 * f.startsInArticle >= f.rulePosts),
  "lead 32: shape32's arm, or posts differ from the model's start lines by >= 1/4 of them (unguarded)": (f) =>
    shape32Arm(f) || (f.starts >= 3 && 4 * Math.abs(f.rulePosts - f.starts) >= f.starts),
};

const fixtureNames = readdirSync(fixturesDir)
  .filter((d) => existsSync(join(fixturesDir, d, 'input.txt')) && existsSync(join(fixturesDir, d, 'expected.json')))
  .sort();
const fixtures = fixtureNames.map((n) => deriveGold(n, true)).filter((f): f is Fixture => f !== null);

// Blind dumps: roles from gold; the text extent from today's parse (shipped model), which reads them.
useLineModelForStudy(null);
const blind = blindThreads().map((t) => {
  const doc = parseToday(t.text, { name: t.name });
  const byRules = !doc.messages.some((m) => m.ruleId === 'thread/line-model');
  const fx = deriveThreadGold(t.name, t.text, t.gold, byRules ? doc.thread.posts.filter((p) => !p.removed).map((p) => p.text) : []);
  return { ...t, n: blindNumber(t.name), fx };
});
{
  const c: Record<string, number> = {};
  for (const b of blind) for (const g of b.fx.gold) c[g] = (c[g] ?? 0) + 1;
  console.log(`blind roles derived from gold (${blind.length} dumps): ${Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ')}; starts not found ${blind.reduce((s, b) => s + b.fx.unfound, 0)}`);
}

const fixtureRows = lineRoleRows(fixtures);
const fixturesOnly = fitLineRoles(fixtureRows, ['study']);
function fitWithout(lo: number, hi: number): { model: LinearModel; decoders: RoleDecoder[] } {
  const train = blind.filter((b) => b.n < lo || b.n > hi).map((b) => b.fx);
  const model = fitLineRoles([...fixtureRows, ...lineRoleRows(train)], ['study']);
  // session 36 (lines36): the decoders with the constants of the same dumps (transitions, priors)
  return { model, decoders: decodersOf([...fixtures, ...train]) };
}

/** Session 36 (lines36, pre-registered): the structured decodings read beside the model alone (argmax). */
const DECODINGS = [
  ['viterbi', 'lines36 (V, pre-registered): model alone, Viterbi over the non-blank lines (left out)'],
  ['hybrid', 'lines36 (H, pre-registered): model alone, hybrid Viterbi (posterior over prior) (left out)'],
] as const;

/** The decoders of `DECODINGS`, their constants from the gold roles of `train`. */
function decodersOf(train: readonly Fixture[]): RoleDecoder[] {
  const t = roleTransitions(train, true);
  return DECODINGS.map(([how]) => viterbiDecoder(t, how === 'hybrid'));
}

/** A fixture's labels as a thread gold (removed posts: no text start). */
function fixtureGold(fx: Fixture): ThreadGold {
  return { posts: fx.labels.posts.map((p) => ({ author: p.startsWith.trim() === '' ? null : p.author, starts: p.startsWith, parent: p.parent, removed: p.startsWith.trim() === '' })) };
}

// `--augment N` (session 36, aug36; registered in docs/dump-styles.md before its run): the generated layouts added to
// every fit, in each of the two registered weightings: weight 1 a row, and all of them together a tenth of the real rows.
const AUGMENT_WEIGHTS: ReadonlyArray<{ label: string; weight: 'one' | number }> = [
  { label: 'generated rows weight 1', weight: 'one' },
  { label: 'generated rows together 1/10 of the real rows', weight: 0.1 },
];
const ai = args.indexOf('--augment');
const genRows: FitRow[] = [];
if (ai >= 0) {
  const g = generatedFixtures(Number(args[ai + 1] ?? 20));
  const c: Record<string, number> = {};
  genRows.push(...lineRoleRows(g.fixtures, c));
  console.log(`generated layouts (--augment): ${g.fixtures.length} dumps kept, dropped ${JSON.stringify(g.dropped)}; ${genRows.length} lines: ${Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
/** The fit on `real` rows plus the generated ones in each registered weighting (none without `--augment`). */
function fitAugmented(real: readonly FitRow[]): Array<{ label: string; model: LinearModel }> {
  if (ai < 0) return [];
  return AUGMENT_WEIGHTS.map((w) => ({ label: `model alone (left out) + ${w.label}`, model: fitLineRoles([...real, ...weightGenerated(genRows, real.length, w.weight)], ['study']) }));
}
/** A fixture's expected.json as a blind gold (authors, the first 40 characters of each text, parents by index). */
function fixtureExpectedGold(name: string): ThreadGold {
  const exp = JSON.parse(readFileSync(join(fixturesDir, name, 'expected.json'), 'utf8')) as { posts: Array<{ id: string; author: string | null; removed: boolean; parentId: string | null; text: string }> };
  const at = new Map(exp.posts.map((p, i) => [p.id, i]));
  return { posts: exp.posts.map((p) => ({ author: p.removed ? null : p.author, starts: p.removed ? '' : squash(p.text).slice(0, 40), parent: p.parentId === null ? null : (at.get(p.parentId) ?? null), removed: p.removed })) };
}

const out: Record<string, unknown> = {};
const total: Record<string, Score> = {};
const tot = (k: string, s: Score): void => {
  total[k] = add(total[k] ?? zero(), s);
};
const rows: string[] = [];
const dumpRows: Array<Record<string, unknown>> = [];
for (const r of BLIND_ROUNDS) {
  const { model, decoders } = fitWithout(r.lo, r.hi);
  const variants = fitAugmented([...fixtureRows, ...lineRoleRows(blind.filter((b) => b.n < r.lo || b.n > r.hi).map((b) => b.fx))]);
  const dumps = blind.filter((b) => b.n >= r.lo && b.n <= r.hi && (onlyDumps === null || onlyDumps.has(b.n)));
  const first = ((await import(join(oldSource(r.commit), 'src', 'index.ts'))) as { parse: ParseFn }).parse;
  const per: Record<string, Score> = {};
  const acc = (k: string, s: Score): void => {
    per[k] = add(per[k] ?? zero(), s);
    tot(k, s);
  };
  for (const d of dumps) {
    useLineModelForStudy(fixturesOnly, true);
    const shippedDoc = parseToday(d.text, { name: d.name });
    useLineModelForStudy(model, true);
    const modelDoc = parseToday(d.text, { name: d.name });
    // session 37 (lines37): the model's reading alone, without the odd-author guard that gives way to today's rules
    useLineModelForStudy(model, true, null, true);
    const unguardedDoc = parseToday(d.text, { name: d.name });
    useLineModelForStudy(null);
    const rulesDoc = parseToday(d.text, { name: d.name });
    useLineModelForStudy(model, false);
    const fallbackDoc = parseToday(d.text, { name: d.name });
    const firstDoc = first(d.text, { name: d.name });
    // facts of the first try's posts against the left-out model's guesses (the model set above)
    const facts = arbFacts(d.text, firstDoc, modelDoc);
    const augmented: Record<string, Score> = {};
    for (const v of variants) {
      useLineModelForStudy(v.model, true);
      augmented[v.label] = scoreDoc(parseToday(d.text, { name: d.name }), d.gold);
    }
    const decodedScores = DECODINGS.map(([how, label], k) => {
      useLineModelForStudy(model, true, decoders[k]!);
      const s = scoreDoc(parseToday(d.text, { name: d.name }), d.gold);
      acc(label, s);
      return `${how} ${fig(s)}`;
    });
    useLineModelForStudy(null);
    const sm = scoreDoc(modelDoc, d.gold);
    console.log(`${d.name}: lines36 model alone ${fig(sm)} | ${decodedScores.join(' | ')}`);
    const sr = scoreDoc(rulesDoc, d.gold);
    const sf = scoreDoc(fallbackDoc, d.gold);
    const s1 = scoreDoc(firstDoc, d.gold);
    acc('model alone (left out)', sm);
    const su = scoreDoc(unguardedDoc, d.gold);
    acc('model alone, unguarded (left out)', su);
    for (const [k, s] of Object.entries(augmented)) acc(k, s);
    acc('model alone, fit on the fixtures only (as shipped until session 25)', scoreDoc(shippedDoc, d.gold));
    acc("today's rules (have seen it)", sr);
    acc("today's rules + left-out model as fallback", sf);
    acc('first try (in-process parse)', s1);
    acc('gold posts, each reply to the post above (parents baseline)', postAbove(d.gold));
    const took: string[] = [];
    for (const [name, rule] of Object.entries(ARBITRATIONS)) {
      const take = rule(facts);
      if (take) took.push(name);
      acc(`arbitration: ${name}`, take ? sm : s1);
    }
    // session 32 (shape32b): where shape32's arm takes the model, the merge of the two readings instead
    const arm32 = ARBITRATIONS[Object.keys(ARBITRATIONS)[0]!]!(facts);
    const merged = arm32 ? scoreDoc(mergeReadings(d.text, firstDoc, modelDoc), d.gold) : s1;
    const mergedMp = arm32 ? scoreDoc(mergeReadings(d.text, firstDoc, modelDoc, true), d.gold) : s1;
    acc("shape32b (pre-registered): shape32's arm, merged (rules' posts and parents, model's authors; model's posts where the rules ran posts together)", merged);
    acc("shape32b variant: merged, model's parents where they are in the merge", mergedMp);
    const mergedMis = arm32 ? scoreDoc(mergeReadings(d.text, firstDoc, modelDoc, false, true), d.gold) : s1;
    acc("shape32b variant (after widget-49): merged, the model's posts where it starts one off the rules' first line too", mergedMis);
    if (arm32) console.log(`${d.name}: merged ${fig(merged)} | merged, model parents ${fig(mergedMp)} | merged, misaligned to the model ${fig(mergedMis)}`);
    const line = `${d.name}: first ${fig(s1)} | model ${fig(sm)} [${modelDoc.thread.posts.length} posts] | rules ${fig(sr)} | odd authors first ${f3(facts.rulesOdd)} model ${f3(facts.modelOdd)} | facts rules ${facts.rulePosts} starts ${facts.starts} agreed ${facts.agreed} inText ${facts.startsInText} underHead ${facts.startsUnderHead} inArticle ${facts.startsInArticle} orphan ${facts.orphanStarts} textless ${facts.textless} sure ${facts.sureLines} disagree ${facts.sureDisagree} sureStarts ${facts.sureStarts} startDisagree ${facts.sureStartDisagree} meanStartP ${f3(facts.meanStartP)} took ${took.length}`;
    console.log(line);
    for (const [k, s] of Object.entries(augmented)) console.log(`${d.name}: ${k} ${fig(s)}`);
    dumpRows.push({ name: d.name, round: r.round, first: s1, model: sm, modelUnguarded: su, rules: sr, fallback: sf, augmented, facts, took, ...(withPosts ? { firstPosts: postRows(d.text, firstDoc), modelPosts: postRows(d.text, modelDoc), gold: d.gold.posts.map((g) => ({ author: g.author, removed: g.removed ?? false, start: g.starts })) } : {}) });
  }
  for (const [k, s] of Object.entries(per)) rows.push(`| ${r.round} | ${k} | ${fig(s)} |`);
  // written after each round too, so that a long run can be read part way
  if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1]!, JSON.stringify({ dumps: dumpRows, total }, null, 1));
}
console.log('\n| round | reading | authors / starts / parents (aligned by index, as score.mjs) | counts exact | gold posts found as a post start, in any place, of posts read (author right) |\n| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
for (const [k, s] of Object.entries(total)) console.log(`| all ${BLIND_ROUNDS.map((r) => r.round).join(' ')} | ${k} | ${fig(s)} |`);
out.dumps = dumpRows;
out.total = total;

// Fixtures, K folds left out: the arbitration's facts against today's rules (they read every fixture right).
const ki = args.indexOf('--fixtures');
// session 38 (lines38): `--fixtures 5`'s fold models, the same fits `--chrome` reads (fixtures outside the fold and every blind round)
const fixtureFoldModels = new Map<number, LinearModel>();
const unguarded = args.includes('--unguarded');
if (ki >= 0) {
  const k = Number(args[ki + 1] ?? 5);
  const blindRows = lineRoleRows(blind.map((b) => b.fx));
  const fired: Record<string, string[]> = Object.fromEntries(Object.keys(ARBITRATIONS).map((n) => [n, []]));
  const factRows: Array<Record<string, unknown>> = [];
  const fixtureTotals: Record<string, Score> = {};
  for (let fold = 0; fold < k; fold++) {
    const train = fixtures.filter((_, i) => i % k !== fold);
    const real = [...lineRoleRows(train), ...blindRows];
    const model = fitLineRoles(real, ['study']);
    fixtureFoldModels.set(fold, model);
    const variants = fitAugmented(real);
    const decoders = decodersOf([...train, ...blind.map((b) => b.fx)]);
    for (const [i, fx] of fixtures.entries()) {
      if (i % k !== fold) continue;
      useLineModelForStudy(null);
      const doc = parseToday(fx.text, { name: fx.name });
      useLineModelForStudy(model, true);
      const modelDoc = parseToday(fx.text, { name: fx.name });
      useLineModelForStudy(model, false);
      const facts = arbFacts(fx.text, doc, modelDoc);
      for (const [name, rule] of Object.entries(ARBITRATIONS)) if (rule(facts)) fired[name]!.push(fx.name);
      // the model alone of each fit scored on the fixture's expected.json (`--augment`: main's fit and each weighting)
      const scores: Record<string, Score> = {};
      if (ai >= 0) {
        const gold = fixtureExpectedGold(fx.name);
        scores["today's rules"] = scoreDoc(doc, gold);
        scores['model alone (left out)'] = scoreDoc(modelDoc, gold);
        for (const v of variants) {
          useLineModelForStudy(v.model, true);
          scores[v.label] = scoreDoc(parseToday(fx.text, { name: fx.name }), gold);
        }
        useLineModelForStudy(null);
        console.log(`${fx.name} (fold ${fold}): ${Object.entries(scores).map(([k, s]) => `${k} ${fig(s)}`).join(' | ')}`);
      }
      // session 36 (lines36): the model alone on the fixture left out, argmax and the structured decodings
      // (`--unguarded`, post hoc: without the odd-author guard of session 35, the model's reading alone)
      const g = fixtureGold(fx);
      useLineModelForStudy(model, true, null, unguarded);
      fixtureTotals['model alone (argmax)'] = add(fixtureTotals['model alone (argmax)'] ?? zero(), scoreDoc(parseToday(fx.text, { name: fx.name }), g));
      for (const [k, [, label]] of DECODINGS.entries()) {
        useLineModelForStudy(model, true, decoders[k]!, unguarded);
        fixtureTotals[label] = add(fixtureTotals[label] ?? zero(), scoreDoc(parseToday(fx.text, { name: fx.name }), g));
      }
      useLineModelForStudy(model, false);
      factRows.push({ name: fx.name, facts, scores, ...(withPosts ? { rulesPosts: postRows(fx.text, doc), modelPosts: postRows(fx.text, modelDoc) } : {}) });
    }
  }
  useLineModelForStudy(null);
  console.log(`\nfixtures (${fixtures.length}, ${k} folds left out, today's rules): arbitrations that would take over`);
  for (const [name, list] of Object.entries(fired)) console.log(`  ${name}: ${list.length} ${list.join(' ')}`);
  out.fixtures = factRows;
  console.log(`\nfixtures (${fixtures.length}, ${k} folds left out): the model alone, read by the labels (authors / starts / parents | counts exact)`);
  for (const [name, sc] of Object.entries(fixtureTotals)) console.log(`| fixtures, ${k} folds left out | ${name} | ${fig(sc)} |`);
  out.fixtureTotals = fixtureTotals;
}
// Generated known-layout negatives (session 35, shape38; `--generated N`): N dumps per style and layout of
// src/testing's generators (`dumpArbitrary`, every style and layout, and `layoutDumpArbitrary`'s head recipes), fixed
// seeds, read by today's rules and by the model fit on every round and every fixture; kept (as negatives of the
// learned arbitration's cut, scripts/study/learned-arbitration.ts `--generated`) where the rules read them right:
// every author and start of the generator's truth, and the count exact (parents recorded, not required). With `--rounds none` nothing else runs.
const gi = args.indexOf('--generated');
if (gi >= 0) {
  const n = Number(args[gi + 1] ?? 10);
  const model = fitLineRoles([...fixtureRows, ...lineRoleRows(blind.map((b) => b.fx))], ['study']);
  // post hoc (shape38, after its registered run): GENERATED_MAX_POSTS=4 draws small dumps, like the edge-biased draws
  // of the tests' fast-check `assert` runs where shape37's library arm took made-up dumps (default: the generators')
  const small = process.env.GENERATED_MAX_POSTS === undefined ? undefined : Number(process.env.GENERATED_MAX_POSTS);
  const combos: Array<{ label: string; arb: fc.Arbitrary<{ input: string; truth: TruthThread }> }> = [
    ...(
      [
        ['counted', 'classic'], ['counted', 'facebook'], ['widget', 'classic'], ['widget', 'disqus'], ['widget', 'coral'],
        ['forum', 'classic'], ['forum', 'hn'], ['json', 'classic'], ['mail', 'classic'],
      ] as const
    ).map(([style, layout]) => ({ label: `${style}/${layout}`, arb: dumpArbitrary(style, { layout, maxPosts: small }) })),
    { label: 'layout-recipes', arb: layoutDumpArbitrary({ maxPosts: small }) },
  ];
  const genRows: Array<Record<string, unknown>> = [];
  let seen = 0;
  for (const [ci, c] of combos.entries()) {
    const drawn = fc.sample(c.arb, { seed: 3800 + ci, numRuns: n });
    let right = 0;
    for (const [i, d] of drawn.entries()) {
      seen++;
      const name = `gen-${c.label}-${i}`;
      const gold: ThreadGold = {
        posts: d.truth.posts.map((p) => ({ author: p.removed ? null : p.author, starts: p.removed ? '' : norm(p.paragraphs[0]).slice(0, 24), parent: p.parentIndex, removed: p.removed })),
      };
      useLineModelForStudy(null);
      const doc = parseToday(d.input, { name });
      const s = scoreDoc(doc, gold);
      // parents not required: some layouts do not show every reply's parent (counted), and the rules' posts are the point
      if (!(s.countsExact === 1 && s.authors === s.posts && s.starts === s.posts)) continue;
      right++;
      useLineModelForStudy(model, true);
      const modelDoc = parseToday(d.input, { name });
      useLineModelForStudy(model, false);
      const facts = arbFacts(d.input, doc, modelDoc);
      const sm = scoreDoc(modelDoc, gold);
      genRows.push({ name, facts, parentsRight: s.parents === s.parentsGold, modelRight: sm.countsExact === 1 && sm.authors === sm.posts && sm.starts === sm.posts });
    }
    console.log(`generated ${c.label}: ${drawn.length} drawn, ${right} read right by today's rules`);
  }
  useLineModelForStudy(null);
  console.log(`generated: ${genRows.length} of ${seen} read right by today's rules (the known-layout negatives)`);
  out.generated = genRows;
}
// Chrome-perturbed fixtures (session 37, shape40; `--chrome N`, registered in docs/dump-styles.md "Registration for
// session 37's held-out read (the lead, learned40)"): for each fixture (name order, index i, fold i mod 5) with at
// least two author lines after its first post's first line, N variants drawn with fc.sample (seed 3700 + i) from the
// chrome property of test/properties.test.ts with 1-6 inserts (scripts/study/lib/chrome-variants.ts); kept where today's
// rules read the same posts (author and text of each) as on the fixture itself; their facts as `--fixtures 5` computes
// them (today's rules against the model fit on every blind round and the fixtures outside the fixture's fold).
const chi = args.indexOf('--chrome');
// `--chrome-own` (session 37, lines37): each row also carries the fixture's own facts under its fold's model (`own`)
const ownFacts = args.includes('--chrome-own');
if (chi >= 0) {
  const n = Number(args[chi + 1] ?? 4);
  const k = 5;
  const blindRows = lineRoleRows(blind.map((b) => b.fx));
  const foldModels = ki >= 0 && Number(args[ki + 1] ?? 5) === k ? fixtureFoldModels : new Map<number, LinearModel>();
  const foldModel = (fold: number): LinearModel => {
    let m = foldModels.get(fold);
    if (m === undefined) {
      m = fitLineRoles([...lineRoleRows(fixtures.filter((_, i) => i % k !== fold)), ...blindRows], ['study']);
      foldModels.set(fold, m);
    }
    return m;
  };
  const readPosts = (doc: Doc): string => JSON.stringify(doc.thread.posts.map((p) => [p.author, p.text]));
  // `--chrome-other` (session 38, lines38): also the fifth family, other fixtures' derived-gold chrome lines
  // (`otherChromePool`), same seeds, rows in `chromeOther`, reported apart
  const families: Array<{ key: 'chrome' | 'chromeOther'; prefix: string; arb: (fx: Fixture) => ReturnType<typeof chromeInserts> | undefined }> = [
    { key: 'chrome', prefix: 'chrome', arb: () => undefined },
    ...(args.includes('--chrome-other') ? [{ key: 'chromeOther' as const, prefix: 'chrome5', arb: (fx: Fixture) => chromeInserts(otherChromePool(fixtures, fx.name)) }] : []),
  ];
  for (const family of families) {
    const chromeRows: Array<Record<string, unknown>> = [];
    let drawnAll = 0;
    let eligible = 0;
    for (const [i, fx] of fixtures.entries()) {
      const fold = i % k;
      useLineModelForStudy(null);
      const doc = parseToday(fx.text, { name: fx.name });
      const first = doc.thread.posts[0];
      const firstAt = first === undefined ? -1 : (first.lines[0]?.span[0] ?? first.span[0]);
      const authors = new Set(doc.thread.posts.flatMap((p) => (p.author !== null && p.author.trim() !== '' ? [p.author.trim()] : [])));
      const variants = first === undefined ? null : drawChromeVariants(fx.text, authors, fx.text.slice(0, firstAt).split('\n').length - 1, 3700 + i, n, family.arb(fx));
      if (variants === null) {
        console.log(`${family.prefix} ${fx.name} (fold ${fold}): fewer than two author lines after the first post, none drawn`);
        continue;
      }
      eligible++;
      const base = readPosts(doc);
      let kept = 0;
      // session 37 (lines37): the fixture's own facts under the same fold model, to see how far a variant's move
      let own: unknown;
      for (const [v, variant] of variants.entries()) {
        drawnAll++;
        const name = `${family.prefix}-${fx.name}-${v}`;
        useLineModelForStudy(null);
        const vdoc = parseToday(variant.text, { name });
        if (readPosts(vdoc) !== base) continue;
        kept++;
        const model = foldModel(fold);
        useLineModelForStudy(model, true);
        const modelDoc = parseToday(variant.text, { name });
        useLineModelForStudy(model, false);
        const facts = arbFacts(variant.text, vdoc, modelDoc);
        if (ownFacts && own === undefined) {
          useLineModelForStudy(model, true);
          const ownModelDoc = parseToday(fx.text, { name: fx.name });
          useLineModelForStudy(model, false);
          own = arbFacts(fx.text, doc, ownModelDoc);
        }
        chromeRows.push(ownFacts ? { name, fixture: fx.name, fold, facts, own, inserted: variant.inserted } : { name, fixture: fx.name, fold, facts, inserted: variant.inserted });
      }
      console.log(`${family.prefix} ${fx.name} (fold ${fold}): ${variants.length} drawn, ${kept} kept`);
    }
    useLineModelForStudy(null);
    console.log(`${family.prefix}: ${chromeRows.length} of ${drawnAll} variants kept (read as the fixture by today's rules), from ${eligible} of ${fixtures.length} fixtures with two author lines or more`);
    out[family.key] = chromeRows;
  }
}
const ji = args.indexOf('--json');
if (ji >= 0) writeFileSync(args[ji + 1]!, JSON.stringify(out, null, 1));
