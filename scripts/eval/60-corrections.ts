/**
 * Corrections: precision and recall on the hand-made thread cases in test/corrections-cases/ and on the
 * hand-labelled dump fixtures (fixtures/<case>/corrections.json, run through `analyze`). Written for
 * threadlens; no external data. A labelled correction counts as found when a correction of the same post
 * has the same kind and target; the cue is scored separately on the hand-made cases.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { EvalContext, EvalSection } from '../eval.js';
import { analyze } from '../../src/index.js';
import { findArticleInconsistencies, findConcessions, findCorrections } from '../../src/classify/corrections/index.js';
import type { Correction } from '../../src/schema/classify.js';
import { buildCase, type CorrectionCase } from '../../test/corrections-helpers.js';
import { loadGoldThreads } from './lib/gold-threads.js';
import { rocAuc } from './lib/metrics.js';
import { scoreBlind } from './lib/blind-corrections.js';
import { CORRECTION_THRESHOLD } from '../../src/classify/corrections/index.js';

/** F1 of the posts whose best correction reaches `threshold`. */
function keptF1(rows: ReadonlyArray<{ confidence: number; gold: boolean }>, threshold: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const kept = r.confidence > 0 && r.confidence >= threshold;
    if (kept && r.gold) tp++;
    else if (kept) fp++;
    else if (r.gold) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}
import { scoreGoldCorrections } from './lib/gold-corrections.js';

/** Labels of fixtures/<case>/corrections.json (see test/fixture-corrections.test.ts). */
interface FixtureLabels {
  corrections: Array<{ post: string; kind: Correction['kind']; targetPost?: string; targetIncludes: string }>;
  concessions: Array<{ post: string; to: string }>;
  notCorrections: string[];
  /** Corrections a fact checker would note that the rules do not find yet: they count as labelled (and missed). */
  knownMisses?: FixtureLabels['corrections'];
}

/** Scores of the fixture labels; `misses` and `extras` name what went wrong, for the notes. */
export interface FixtureScore {
  fixtures: number;
  tp: number;
  fn: number;
  /** Corrections found on labelled posts that match no label (distinct post, kind and target). */
  fp: number;
  /** Corrections found on posts that carry no label either way (ambiguous posts). */
  unlabelled: number;
  negPosts: number;
  negFlagged: number;
  conTp: number;
  conAll: number;
  misses: string[];
  extras: string[];
}

/** Runs `analyze` on every fixture with a corrections.json and scores it against the labels. */
export function scoreFixtures(root: string): FixtureScore {
  const dir = join(root, 'fixtures');
  const cases = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'corrections.json'))).sort();
  const s: FixtureScore = { fixtures: cases.length, tp: 0, fn: 0, fp: 0, unlabelled: 0, negPosts: 0, negFlagged: 0, conTp: 0, conAll: 0, misses: [], extras: [] };
  for (const name of cases) {
    const file = ['input.txt', 'input.json'].map((f) => join(dir, name, f)).find((f) => existsSync(f));
    if (!file) continue;
    const doc = analyze(readFileSync(file, 'utf8'));
    const labels = JSON.parse(readFileSync(join(dir, name, 'corrections.json'), 'utf8')) as FixtureLabels;
    const posts = new Map(doc.thread.posts.map((p) => [p.id, p]));
    const matches = (l: FixtureLabels['corrections'][number], c: Correction): boolean =>
      c.kind === l.kind && c.target.text.includes(l.targetIncludes) && (l.targetPost === undefined || (c.target.kind === 'post' && c.target.postId === l.targetPost));
    const known = labels.knownMisses ?? [];
    const all = [...labels.corrections, ...known];
    for (const l of all) {
      if ((posts.get(l.post)?.corrections ?? []).some((c) => matches(l, c))) s.tp++;
      else {
        s.fn++;
        s.misses.push(`${name} ${l.post} (${l.kind} "${l.targetIncludes}"${known.includes(l) ? ', known miss' : ''})`);
      }
    }
    const labelled = new Set([...all.map((l) => l.post), ...labels.notCorrections]);
    for (const p of doc.thread.posts) {
      const cs = p.corrections ?? [];
      if (labels.notCorrections.includes(p.id)) {
        s.negPosts++;
        if (cs.length > 0) s.negFlagged++;
      }
      // One finding per distinct (kind, target): several cues for the same target count once.
      const distinct = new Map<string, Correction>();
      for (const c of cs) distinct.set(`${c.kind}|${c.target.span[0]}:${c.target.span[1]}`, c);
      for (const c of distinct.values()) {
        if (!labelled.has(p.id)) s.unlabelled++;
        else if (!all.some((l) => l.post === p.id && matches(l, c))) {
          s.fp++;
          s.extras.push(`${name} ${p.id} (${c.kind} ${c.cue} "${c.target.text.slice(0, 40)}")`);
        }
      }
    }
    for (const l of labels.concessions) {
      s.conAll++;
      if ((posts.get(l.post)?.concessions ?? []).some((c) => c.postId === l.to)) s.conTp++;
      else s.misses.push(`${name} ${l.post} (concession to ${l.to})`);
    }
  }
  return s;
}

export async function run(ctx: EvalContext): Promise<EvalSection> {
  const dir = join(ctx.root, 'test', 'corrections-cases');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let cueRight = 0;
  let negPosts = 0;
  let negFlagged = 0;
  let conTp = 0;
  let conAll = 0;
  let incTp = 0;
  let incFp = 0;
  let incFn = 0;
  for (const file of files) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorrectionCase;
    const { articleSentences, posts } = buildCase(c);
    const map = new Map<string, Correction[]>();
    posts.forEach((p, i) => map.set(p.id, findCorrections({ post: p, earlier: posts.slice(0, i), articleSentences, earlierCorrections: map })));
    const key = (post: string, kind: string, target: { article?: number; post?: string }) => `${post}|${kind}|${target.post ?? `a${target.article}`}`;
    const got = new Map<string, Set<string>>();
    for (const [id, cs] of map) {
      for (const x of cs) {
        const t = x.target.kind === 'post' ? { post: x.target.postId } : { article: articleSentences.findIndex((s) => s.span[0] === x.target.span[0]) };
        const k = key(id, x.kind, t);
        got.set(k, (got.get(k) ?? new Set()).add(x.cue));
      }
    }
    const expected = new Map<string, Set<string>>();
    for (const e of c.expected) {
      const k = key(e.post, e.kind, e.target);
      expected.set(k, (expected.get(k) ?? new Set()).add(e.cue));
    }
    for (const [k, cues] of expected) {
      const g = got.get(k);
      if (g) {
        tp++;
        if ([...cues].some((cue) => g.has(cue))) cueRight++;
      } else fn++;
    }
    for (const k of got.keys()) if (!expected.has(k)) fp++;
    const labelled = new Set(c.expected.map((e) => e.post));
    for (const p of posts) {
      if (labelled.has(p.id)) continue;
      negPosts++;
      if ((map.get(p.id) ?? []).length > 0) negFlagged++;
    }
    for (const con of c.concessions ?? []) {
      conAll++;
      const i = posts.findIndex((p) => p.id === con.post);
      const found = findConcessions({ post: posts[i]!, earlier: posts.slice(0, i), articleSentences, corrections: map });
      if (found.length === 1 && found[0]!.postId === con.correctedBy) conTp++;
    }
    const inc = new Set(findArticleInconsistencies(articleSentences).map((x) => articleSentences.findIndex((s) => s.span[0] === x.target.span[0])));
    const want = new Set((c.inconsistencies ?? []).map((x) => x.article));
    for (const a of want) if (inc.has(a)) incTp++;
    else incFn++;
    for (const a of inc) if (!want.has(a)) incFp++;
  }
  const ds = `hand-made cases (${files.length} threads)`;
  const div = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const fx = scoreFixtures(ctx.root);
  // The independent threads on their gold structure (posts, authors, parents from the gold): the finder's own
  // figure, free of the dump parser's errors. Measure only: nothing is fit or tuned on them.
  const threadsDir = join(ctx.root, '..', 'shared', 'eval-threads');
  const gold = existsSync(threadsDir) ? scoreGoldCorrections(loadGoldThreads(threadsDir)) : null;
  const gds = 'independent threads, gold structure (10 dumps)';
  const goldRows = gold
    ? [
        { dataset: gds, metric: `precision (${gold.tp + gold.fp} posts flagged)`, system: 'findCorrections', value: div(gold.tp, gold.tp + gold.fp) },
        { dataset: gds, metric: `recall (${gold.tp + gold.fn} corrections)`, system: 'findCorrections', value: div(gold.tp, gold.tp + gold.fn) },
        { dataset: gds, metric: 'F1 (a post with any correction)', system: 'findCorrections', value: div(2 * gold.tp, 2 * gold.tp + gold.fp + gold.fn), target: '>= 0.8' },
        { dataset: gds, metric: 'kind right (of found)', system: 'findCorrections', value: div(gold.kindOk, gold.tp), target: '>= 0.8' },
        { dataset: gds, metric: 'ROC-AUC of confidence (post max)', system: 'correction scorer', value: rocAuc(gold.confidences.map((c) => c.confidence), gold.confidences.map((c) => c.gold)) },
        { dataset: gds, metric: `F1 kept at confidence >= ${CORRECTION_THRESHOLD}`, system: 'correction scorer', value: keptF1(gold.confidences, CORRECTION_THRESHOLD) },
      ]
    : [];
  const fds = `labelled fixtures (${fx.fixtures} dumps)`;
  const blind = scoreBlind(ctx.root);
  const bds = `blind threads, session 16 (${blind.threads} threads, test/corrections-blind)`;
  const blindRows = [
    { dataset: bds, metric: `recall (${blind.positives} corrections)`, system: 'findCorrections (first try, 2026-12-04: 3/17)', value: blind.recall },
    { dataset: bds, metric: `precision (${blind.found + blind.flagged} posts flagged; ${blind.flagged} of ${blind.negatives} non-corrections)`, system: 'findCorrections (first try: 0/33 flagged)', value: blind.precision },
    { dataset: bds, metric: 'kind and target sentence right (of all corrections)', system: 'findCorrections', value: div(blind.targetRight, blind.positives) },
  ];
  // The project-written correction corpus (session 17): the rules were developed on its 120 threads (coverage);
  // heldout/ was never opened by whoever changed the rules in session 17; blind21/ (session 21) was written before
  // the rules were read, and only its totals were read while session 21 chose its mechanisms.
  const corpusDir = join(ctx.root, 'scripts', 'train', 'data', 'correction-corpus');
  for (const [part, dir, first] of [
    ['developed on', corpusDir, 'first try, 2026-12-05: 38/160 found'],
    ['held out', join(corpusDir, 'heldout'), 'first try, 2026-12-05: 8/35 found'],
    ['blind21', join(corpusDir, 'blind21'), 'first try, 2026-12-05: 5/61 found, 0/77 flagged'],
  ] as const) {
    if (!existsSync(dir)) continue;
    const c = scoreBlind(ctx.root, dir);
    const cds = `correction corpus, ${part} (${c.threads} threads, ${relative(ctx.root, dir)})`;
    blindRows.push(
      { dataset: cds, metric: `recall (${c.positives} corrections)`, system: `findCorrections (${first})`, value: c.recall },
      { dataset: cds, metric: `precision (${c.found + c.flagged} posts flagged; ${c.flagged} of ${c.negatives} non-corrections)`, system: 'findCorrections', value: c.precision },
      { dataset: cds, metric: 'kind and target sentence right (of all corrections)', system: 'findCorrections', value: div(c.targetRight, c.positives) },
    );
  }
  return {
    title: 'Corrections (hand-made thread cases and labelled fixtures)',
    rows: [
      ...goldRows,
      ...blindRows,
      { dataset: ds, metric: `precision (${tp + fp} found)`, system: 'findCorrections', value: div(tp, tp + fp), target: 'no false corrections' },
      { dataset: ds, metric: `recall (${tp + fn} labelled)`, system: 'findCorrections', value: div(tp, tp + fn), target: 'all found' },
      { dataset: ds, metric: 'cue agrees (of found)', system: 'findCorrections', value: div(cueRight, tp) },
      { dataset: ds, metric: `unlabelled posts flagged (${negPosts})`, system: 'findCorrections', value: div(negFlagged, negPosts) },
      { dataset: ds, metric: `concessions linked (${conAll})`, system: 'findConcessions', value: div(conTp, conAll) },
      { dataset: ds, metric: `inconsistency precision`, system: 'findArticleInconsistencies', value: div(incTp, incTp + incFp) },
      { dataset: ds, metric: `inconsistency recall`, system: 'findArticleInconsistencies', value: div(incTp, incTp + incFn) },
      { dataset: fds, metric: `precision (${fx.tp + fx.fp} found on labelled posts)`, system: 'analyze', value: div(fx.tp, fx.tp + fx.fp), target: 'no false corrections' },
      { dataset: fds, metric: `recall (${fx.tp + fx.fn} labelled)`, system: 'analyze', value: div(fx.tp, fx.tp + fx.fn), target: 'all found' },
      { dataset: fds, metric: `not-correction posts flagged (${fx.negPosts})`, system: 'analyze', value: div(fx.negFlagged, fx.negPosts), target: '0' },
      { dataset: fds, metric: `concessions linked (${fx.conAll})`, system: 'analyze', value: div(fx.conTp, fx.conAll) },
    ],
    notes: [
      'Correction corpus (scripts/train/data/correction-corpus/, session 17; project-written, MIT): 120 threads the rules were then developed on (coverage) and heldout/ (30 threads on other topics, opened by nobody who changed a rule: the generalisation figure). `npx tsx scripts/blind-corrections.ts scripts/train/data/correction-corpus/heldout` prints the held-out figures without the texts of the misses being needed. blind21/ (session 21, corr21; 30 threads on topics neither part uses, 61 corrections, 77 non-corrections) was written and labelled before its writer read the rules or any corpus text; its first try is the blind figure, and only its totals line was read while session 21 chose mechanisms (docs/corrections.md, session 21).',
      'Blind threads (test/corrections-blind/, session 16): 15 short threads written and labelled by hand and committed before threadlens ran on them; the rules of that day found 3 of 17 corrections and flagged 0 of 33 non-corrections (first try, the blind figure); six detector fixes followed while looking at the misses, so the rows above are coverage now. `npx tsx scripts/blind-corrections.ts` prints them with the misses.',
      'Independent threads, gold structure: ../shared/eval-threads rebuilt from each NAME.gold.json (post starts, authors, parents; post text cut from the dump up to the next post\'s header, button rows trimmed; the article is the dump before the first post), fed straight to findCorrections, and scored as score.mjs scores the pipeline (a post with any correction against gold article/post/self; kind right among those found; gold null is skipped). Written by someone who did not write threadlens; measure only. The whole pipeline on the same threads (parser included) is scored by `node ../shared/eval-threads/score.mjs node dist/cli.js -- ../shared/eval-threads/*.gold.json`.',
      `Correction scorer: confidence is the probability of a logistic model over pair features (src/classify/corrections/pair-features.ts: detector, cue, kind, detector strength, shared values and words, negation over a shared word, contrast, hedge, figure, question target, reply relation), fit by scripts/train/train-corrections.ts on the detectors' findings in RumourEval 2017 reply threads (deny = positive; CC BY 4.0) and on scripts/train/data/correction-pairs.json (invented labelled threads written for threadlens). The keep threshold (${CORRECTION_THRESHOLD}) is chosen by blind round left out over the development rounds of fixtures/blind-threads (01-22 in session 25, 01-28 since session 26; by 5-fold CV over those threads before); findCorrections returns every finding with its probability (filtering at the threshold lowered F1 on the independent threads and broke fixture regressions, so it is left to callers). ROC-AUC above: each labelled post's highest confidence (0 when none) against gold.`,
      'The cases in test/corrections-cases/ were written for threadlens: corrections of the article (different date, number, negated statement, refuting fact, explicit marker), of another post, of a correction, self-corrections ("*1998, not 1989", a one-word edit), a concession, an internally inconsistent article, and negatives (insults, plain disagreement, "That\'s not true, you clown", a prediction, a question, an opinion, agreement). They were written alongside the rules, so the figures show coverage, not generalisation; the seed 001 expectations are pinned in test/corrections.test.ts.',
      `The fixtures (fixtures/*/corrections.json: seed 001 and the counted, widget, forum and JSON dump styles) were labelled by hand before the rules were extended to find them (so these figures, too, show coverage rather than generalisation; cases 13-16 of test/corrections-cases were then written as a check with new wording and exposed two gaps, since fixed; the 16 fixtures in new layouts added on 2026-11-22 were labelled blind, from their input alone, before any rule change: on them the rules of that day found 2 of 12 labelled corrections and flagged 2 of 48 not-correction posts, and the rules were then extended against them, so their figures too are coverage now): every correction a careful fact checker would note (of the article, of another post, of a correction, of oneself), the concessions, and the posts that merely disagree, insult, ask or chat (notCorrections). Precision counts distinct (post, kind, target) findings on labelled posts; ${fx.unlabelled} finding(s) fell on posts left unlabelled as ambiguous (e.g. rebuttals of deleted comments). Misses: ${fx.misses.length ? fx.misses.join('; ') : 'none'}. Extra findings: ${fx.extras.length ? fx.extras.join('; ') : 'none'}.`,
    ],
  };
}
