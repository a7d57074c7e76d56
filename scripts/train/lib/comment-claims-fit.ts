/**
 * The comment-register claim model (src/classify/claims/comment-model.ts): rows, fit and cross-validation, on the
 * project's comment-claims corpus (scripts/train/data/comment-claims/comments.jsonl, project-written, MIT). A post's
 * sentences are the rows: a sentence in the comment's `claimSentences` is check-worthy, every other sentence is not.
 * A post is a claim when one of its sentences scores >= 0.5 through `detectClaimsScored` in the comment register,
 * with the irony the `claims` step passes (the framing sarcasm cues of the post's sentiment analysis), so the
 * cross-validated figures are those of the step. `heldout.jsonl` is read only by {@link readCommentClaims} callers
 * that measure (scripts/eval/comment-claims-cv.ts --heldout), never here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { claimInputs, commentClaimFeaturesAndCap, detectClaimsScored, type ClaimModel } from '../../../src/classify/claims/index.js';
import { scoreSentiment } from '../../../src/classify/sentiment/index.js';
import { splitSentences } from '../../../src/text/sentences.js';
import type { LinearModel } from '../../../src/learn/model.js';
import { fitModel } from './fit-model.js';
import { bestF1Threshold } from './claim-recipe.js';

const root = resolve(import.meta.dirname, '..', '..', '..');
/** The corpus folder. */
export const COMMENT_CLAIMS_DIR = resolve(root, 'scripts', 'train', 'data', 'comment-claims');

/** One labelled comment. */
export interface CommentClaimRow {
  text: string;
  claim: boolean;
  claimSentences: string[];
  topic: string;
  kind: string;
}

/** Reads one file of the corpus (`comments.jsonl` to fit; `heldout.jsonl` to measure only). */
export function readCommentClaims(file: string): CommentClaimRow[] {
  return readFileSync(resolve(COMMENT_CLAIMS_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CommentClaimRow);
}

/** The repository files whose output the model's weights expect. */
export const COMMENT_CLAIM_FEATURE_FILES = [
  'src/classify/claims/index.ts', 'src/classify/claims/features.ts', 'src/classify/claims/register.ts',
  'src/classify/claims/comment-features.ts', 'src/classify/claims/lexicon.ts', 'src/text/values.ts',
  'src/text/value-words.ts', 'src/text/word-tokens.ts',
];

/** The fit's settings, chosen by topic-left-out CV (scripts/eval/comment-claims-cv.ts; docs/claims.md, session 24). */
export interface CommentClaimSettings {
  /** L2 on every non-word weight. */
  l2: number;
  /** L2 on the word layer's weights (`w:`); 0 = no word layer (the words are dropped). */
  wordL2: number;
  /** A word is kept when in at least this many sentences of at least two topics. */
  wordMinDocs: number;
  /** Full-batch Adam steps. */
  iterations: number;
}

/** The shipped settings (docs/claims.md, session 24: chosen by scripts/eval/comment-claims-cv.ts). */
export const COMMENT_CLAIM_SETTINGS: CommentClaimSettings = { l2: 1e-3, wordL2: 0, wordMinDocs: 3, iterations: 300 };

interface SentenceRow {
  features: string[];
  label: 0 | 1;
  topic: string;
}

/** True when sentence `s` is (part of) one of the claim sentences, or holds one. */
function isClaimSentence(s: string, claimSentences: readonly string[]): boolean {
  const t = s.trim();
  return claimSentences.some((c) => c.includes(t) || t.includes(c));
}

/** The sentence rows of labelled comments. */
export function sentenceRows(rows: readonly CommentClaimRow[]): SentenceRow[] {
  const out: SentenceRow[] = [];
  for (const r of rows) {
    for (const s of splitSentences(r.text)) {
      out.push({ features: commentClaimFeaturesAndCap(s.text).features, label: isClaimSentence(s.text, r.claimSentences) ? 1 : 0, topic: r.topic });
    }
  }
  return out;
}

/** Fits the model on sentence rows, without a threshold. */
export function fitCommentClaimRows(rows: readonly SentenceRow[], settings: CommentClaimSettings, fitOn: string[] = ['caller rows'], notes?: string): LinearModel {
  const df = new Map<string, number>();
  const topics = new Map<string, Set<string>>();
  for (const r of rows) {
    for (const f of new Set(r.features)) {
      df.set(f, (df.get(f) ?? 0) + 1);
      if (f.startsWith('w:')) {
        let t = topics.get(f);
        if (t === undefined) topics.set(f, (t = new Set()));
        t.add(r.topic);
      }
    }
  }
  const known = (f: string): boolean => {
    if (f.startsWith('w:')) return settings.wordL2 > 0 && (df.get(f) ?? 0) >= settings.wordMinDocs && (topics.get(f)?.size ?? 0) >= 2;
    // The hand-set score's decile (`rc:`, read by the thread-post model) was not among session 24's features.
    return !f.startsWith('rc:') && (df.get(f) ?? 0) >= 2;
  };
  return fitModel(
    rows.map((r) => ({ features: claimInputs(r.features, known), y: [r.label] })),
    {
      name: 'comment-claim',
      labels: ['check-worthy'],
      link: 'sigmoid',
      fitOn,
      featureFiles: COMMENT_CLAIM_FEATURE_FILES,
      balanced: true,
      minCount: 1,
      iterations: settings.iterations,
      l2: (n) => (n.startsWith('w:') ? settings.wordL2 : settings.l2),
      ...(notes === undefined ? {} : { notes }),
    },
  );
}

// The sarcasm cues that frame a sentence as irony: the ones the `claims` step passes (src/classify/steps/claims.ts).
const FRAMING_CUES = new Set(['sarcasm:mock-opener', 'sarcasm:praise-opener', 'sarcasm:mock-vocative', 'sarcasm:tag', 'sarcasm:scare-quotes', 'sarcasm:mock-capital']);
const ironyCache = new Map<string, Array<[number, number]>>();
/** The ironic spans the `claims` step would pass for this post text. */
export function ironicSpansOf(text: string): Array<[number, number]> {
  let spans = ironyCache.get(text);
  if (spans === undefined) {
    spans = (scoreSentiment(text).sarcasm ?? []).filter((c) => FRAMING_CUES.has(c.cue)).map((c) => [c.span[0], c.span[1]] as [number, number]);
    ironyCache.set(text, spans);
  }
  return spans;
}

/**
 * A post's claim score as the `claims` step reads it: the highest check-worthiness of its sentences after irony.
 * `model`: a comment-register model (its threshold re-centres scores); `'cues'`: the hand-set comment register.
 */
export function postScore(text: string, model: ClaimModel | 'cues'): number {
  const opts = model === 'cues' ? { cuesOnly: true } : { commentModel: model };
  const { claims } = detectClaimsScored(text, { register: 'comment', threshold: 0, ironicSpans: ironicSpansOf(text), ...opts });
  return claims.reduce((m, c) => Math.max(m, c.checkworthiness), 0);
}

/** Post-level F1, precision and recall of "a claim >= 0.5". */
export function postF1(pred: readonly boolean[], gold: readonly boolean[]): { f1: number; p: number; r: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  pred.forEach((p, i) => {
    if (p && gold[i]) tp++;
    else if (p) fp++;
    else if (gold[i]) fn++;
  });
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, p, r };
}

/**
 * Fits on `rows` with the probability threshold chosen by leaving one topic out within them (best post-level F1 on
 * the out-of-topic posts, kept within 0.4..0.9 so the caps and the irony cap stay below it).
 */
export function fitCommentClaims(rows: readonly CommentClaimRow[], settings: CommentClaimSettings, fitOn?: string[], notes?: string): ClaimModel {
  const topics = [...new Set(rows.map((r) => r.topic))].sort();
  const scores: number[] = [];
  const gold: boolean[] = [];
  for (const t of topics) {
    const model = fitCommentClaimRows(sentenceRows(rows.filter((r) => r.topic !== t)), settings);
    for (const r of rows.filter((x) => x.topic === t)) {
      scores.push(postScore(r.text, model));
      gold.push(r.claim);
    }
  }
  const { threshold } = bestF1Threshold(scores, gold);
  const model = fitCommentClaimRows(sentenceRows(rows), settings, fitOn, notes);
  return { ...model, thresholds: { claim: Math.min(0.9, Math.max(0.4, threshold)) } };
}
