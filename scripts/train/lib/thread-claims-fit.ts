/**
 * A thread-post claim model (a `commentModel` for `detectClaims`; measuring only, none ships: it rose on the blind
 * rounds left out, and nested over fifteen rounds in session 36, but fell on the eval threads both times; session 37's
 * F0.7 threshold and stacking on the register missed the nested precision bar; claims38's rate-matched threshold held
 * the nested bar and fell on the eval threads, 0.853 -> 0.837: docs/claims.md, sessions 26, 36 and 37):
 * rows, fit and blind-round-left-out choice.
 * Fit on the blind threads' development rounds' posts (fixtures/blind-threads, scripts/train/lib/blind-rounds.ts; gold `claim`: the post asserts a
 * checkable fact), optionally with the comment-claims corpus (scripts/train/data/comment-claims/comments.jsonl) at a
 * weight, over the comment-register claim features (`commentClaimFeatures`), the hand-set comment register's score
 * decile (`rc:`) among them. The gold is per post, the model per sentence: every sentence of a post that is no claim is
 * a negative row; a claim post's positive row is its sentence the hand-set comment register scores highest (its other
 * sentences are left out: the gold does not say whether they are claims).
 */
import { claimInputs, commentClaimFeaturesAndCap, scoreCheckworthiness, type ClaimModel } from '../../../src/classify/claims/index.js';
import { MODEL_FORMAT, predict } from '../../../src/learn/model.js';
import { splitSentences } from '../../../src/text/sentences.js';
import type { LinearModel } from '../../../src/learn/model.js';
import { bestFBetaThreshold } from './claim-recipe.js';
import { COMMENT_CLAIM_FEATURE_FILES, ironicSpansOf, type CommentClaimRow } from './comment-claims-fit.js';
import { fitModel } from './fit-model.js';

/** A labelled thread post: its body as the pipeline reads it, its round (the CV fold) and its gold. */
export interface ThreadClaimPost {
  text: string;
  round: string;
  claim: boolean;
}

/** The fit's settings, chosen by blind round left out (scripts/eval/thread-claims-cv.ts). */
export interface ThreadClaimSettings {
  /** L2 on every weight. */
  l2: number;
  /** Weight of the comment-claims corpus's sentence rows (0: not read); a blind post's rows weigh 1. */
  corpus: number;
  /** Read the hand-set comment register's score decile (`rc:`) as a feature. */
  handset: boolean;
  /** Full-batch Adam steps. */
  iterations: number;
  /**
   * L2 on the `rc:` features alone (with `handset`), `l2` on the rest: a small value makes the fit start from the
   * hand-set register's reading and learn corrections to it (session 37's stacking candidate). Default: `l2`.
   */
  handsetL2?: number;
  /** The threshold maximises post-level F-beta with this beta (below 1 weighs precision above recall). Default 1 (F1). */
  beta?: number;
  /**
   * `rate`: the threshold is the one at which the fit calls as many of its own training posts claims as their gold
   * has (`rateMatchedThreshold` on the fit's scores of the posts it was fit on; no inner fits; `beta` is not read).
   * Default `fbeta` (best F-beta over the fit's rounds left out in turn). Session 38's candidate (docs/claims.md).
   */
  threshold?: 'fbeta' | 'rate';
}

/**
 * The settings the blind-round-left-out grid chose (docs/claims.md, session 26: scripts/eval/thread-claims-cv.ts); the
 * same on fifteen rounds in session 36 (scripts/eval/thread-claims-nested.ts).
 */
export const THREAD_CLAIM_SETTINGS: ThreadClaimSettings = { l2: 1e-3, corpus: 0.25, handset: false, iterations: 300 };

interface SentenceRow {
  features: string[];
  label: 0 | 1;
  weight: number;
}

/**
 * How a sentence's claim decision depends on the model: `never` (said in irony, or under a question, fragment or
 * prediction cap: below 0.5 whatever the model says), `always` (a quotation with a named speaker, held at 0.55), or
 * `model` (a claim when the model's probability reaches the threshold).
 */
type Gate = 'model' | 'never' | 'always';
interface SentenceInfo {
  features: string[];
  handset: number;
  gate: Gate;
}

// A model that gives every sentence probability ~0: what is left of a sentence's score under it is the quoted-speaker floor.
const ZERO_MODEL: ClaimModel = { format: MODEL_FORMAT, name: 'zero', fitOn: [], featureFiles: [], featureHash: '', link: 'sigmoid', labels: ['check-worthy'], bias: [-30], weights: {} };

const infoCache = new Map<string, SentenceInfo[]>();
/** A text's sentences: their comment-register features, hand-set comment-register scores and gates (cached by text). */
function sentencesOf(text: string): SentenceInfo[] {
  let out = infoCache.get(text);
  if (out === undefined) {
    const irony = ironicSpansOf(text);
    out = splitSentences(text).map((s) => {
      const { features, capLimit } = commentClaimFeaturesAndCap(s.text);
      const ironic = irony.some((sp) => sp[0] < s.span[1] && sp[1] > s.span[0]);
      const floor = scoreCheckworthiness(s.text, { register: 'comment', commentModel: ZERO_MODEL }) >= 0.5;
      const gate: Gate = ironic || (!floor && capLimit < 0.5) ? 'never' : floor ? 'always' : 'model';
      return { features, handset: scoreCheckworthiness(s.text, { register: 'comment', cuesOnly: true }), gate };
    });
    infoCache.set(text, out);
  }
  return out;
}

/**
 * A post's score for choosing a threshold: the highest probability `model` gives a sentence the model decides (1 for a
 * sentence held at the quoted-speaker floor, 0 for one a cap or irony holds below 0.5), so that the post is a claim
 * through the `claims` step (`commentModel` re-centred on threshold t) exactly when this reaches t.
 */
export function postProbability(text: string, model: LinearModel): number {
  let best = 0;
  for (const s of sentencesOf(text)) {
    if (s.gate === 'always') return 1;
    if (s.gate === 'never') continue;
    const p = predict(model, claimInputs(s.features, (f) => Object.prototype.hasOwnProperty.call(model.weights, f)))[0] ?? 0;
    if (p > best) best = p;
  }
  return best;
}

/** The sentence rows of labelled thread posts (see the file comment for how a post's gold labels its sentences). */
export function threadSentenceRows(posts: readonly ThreadClaimPost[]): SentenceRow[] {
  const out: SentenceRow[] = [];
  for (const p of posts) {
    const ss = sentencesOf(p.text);
    if (ss.length === 0) continue;
    if (!p.claim) {
      for (const s of ss) out.push({ features: s.features, label: 0, weight: 1 });
      continue;
    }
    let top = 0;
    ss.forEach((s, i) => {
      if (s.handset > ss[top]!.handset) top = i;
    });
    out.push({ features: ss[top]!.features, label: 1, weight: 1 });
  }
  return out;
}

/** The sentence rows of the comment-claims corpus, each weighing `weight` (a marked claim sentence = 1). */
export function corpusSentenceRows(rows: readonly CommentClaimRow[], weight: number): SentenceRow[] {
  const out: SentenceRow[] = [];
  for (const r of rows) {
    splitSentences(r.text).forEach((s, i) => {
      const t = s.text.trim();
      const label = r.claimSentences.some((c) => c.includes(t) || t.includes(c)) ? 1 : 0;
      out.push({ features: sentencesOf(r.text)[i]!.features, label, weight });
    });
  }
  return out;
}

/** Fits on sentence rows, without a threshold; words (`w:`) are never read, `rc:` only with `settings.handset`. */
export function fitThreadClaimRows(rows: readonly SentenceRow[], settings: ThreadClaimSettings, fitOn: string[] = ['caller rows'], notes?: string): LinearModel {
  const keep = (f: string): boolean => !f.startsWith('w:') && (settings.handset || !f.startsWith('rc:'));
  return fitModel(
    rows.map((r) => {
      const used = [...new Set(r.features)].filter(keep);
      const v = 1 / Math.sqrt(Math.max(1, used.length));
      return { features: used.map((f) => [f, v] as const), y: [r.label], weight: r.weight };
    }),
    {
      name: 'thread-claim',
      labels: ['check-worthy'],
      link: 'sigmoid',
      fitOn,
      featureFiles: COMMENT_CLAIM_FEATURE_FILES,
      balanced: true,
      minCount: 2,
      iterations: settings.iterations,
      l2: (name) => (settings.handsetL2 !== undefined && name.startsWith('rc:') ? settings.handsetL2 : settings.l2),
      ...(notes === undefined ? {} : { notes }),
    },
  );
}

/**
 * The threshold at which as many of these posts are called claims (score at or above it) as their gold has: the
 * count nearest the gold count where score ties make it inexact, the higher threshold between two equally near.
 * Midway between the last score taken and the next lower one (as `bestFBetaThreshold`), so the threshold separates
 * them; rounded to 1e-4 and clamped to 0.01..0.99 as `bestFBetaThreshold` is. Non-finite scores are never called.
 */
export function rateMatchedThreshold(scores: readonly number[], gold: readonly boolean[]): { threshold: number; called: number; claims: number } {
  const claims = gold.filter(Boolean).length;
  const sorted = scores.filter((x) => Number.isFinite(x)).sort((a, b) => b - a);
  // Above every score: nothing called.
  let best = { threshold: sorted.length === 0 ? 0.5 : Math.min(0.99, sorted[0]! + 0.01), called: 0 };
  for (let r = 0; r < sorted.length; r++) {
    const next = sorted[r + 1];
    if (next !== undefined && next === sorted[r]) continue;
    const called = r + 1;
    // Strictly nearer only: scanning down from the top, an equally near count keeps the higher threshold.
    if (Math.abs(called - claims) < Math.abs(best.called - claims)) best = { threshold: next === undefined ? sorted[r]! : (sorted[r]! + next) / 2, called };
  }
  return { threshold: Math.min(0.99, Math.max(0.01, Math.round(best.threshold * 1e4) / 1e4)), called: best.called, claims };
}

/** The rows a fit reads: the posts', and the corpus's at the settings' weight. */
function fitRows(posts: readonly ThreadClaimPost[], corpus: readonly CommentClaimRow[], settings: ThreadClaimSettings): SentenceRow[] {
  return [...threadSentenceRows(posts), ...(settings.corpus > 0 ? corpusSentenceRows(corpus, settings.corpus) : [])];
}

/**
 * Fits on `posts` (and the corpus at the settings' weight), with the probability threshold chosen by leaving one of
 * the posts' rounds out (best post-level F-beta, F1 unless `settings.beta`, over the out-of-round posts, by
 * `postProbability`, within 0.05..0.95), or with `settings.threshold` `rate` rate-matched on the posts it was fit on.
 */
export function fitThreadClaims(posts: readonly ThreadClaimPost[], corpus: readonly CommentClaimRow[], settings: ThreadClaimSettings, fitOn?: string[], notes?: string): ClaimModel {
  if (settings.threshold === 'rate') {
    const model = fitThreadClaimRows(fitRows(posts, corpus, settings), settings, fitOn, notes);
    const { threshold } = rateMatchedThreshold(posts.map((p) => postProbability(p.text, model)), posts.map((p) => p.claim));
    return { ...model, thresholds: { claim: Math.min(0.95, Math.max(0.05, threshold)) } };
  }
  const rounds = [...new Set(posts.map((p) => p.round))].sort();
  const scores: number[] = [];
  const gold: boolean[] = [];
  for (const r of rounds) {
    const model = fitThreadClaimRows(fitRows(posts.filter((p) => p.round !== r), corpus, settings), settings);
    for (const p of posts.filter((x) => x.round === r)) {
      scores.push(postProbability(p.text, model));
      gold.push(p.claim);
    }
  }
  const { threshold } = bestFBetaThreshold(scores, gold, settings.beta ?? 1);
  const model = fitThreadClaimRows(fitRows(posts, corpus, settings), settings, fitOn, notes);
  return { ...model, thresholds: { claim: Math.min(0.95, Math.max(0.05, threshold)) } };
}
