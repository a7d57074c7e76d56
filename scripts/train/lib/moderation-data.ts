/**
 * Moderation training data that may ship (rows stay in ../shared/data; only learned numbers ship):
 * ToxiSpans (Pavlopoulos et al., CC0 1.0: Civil Comments news-site comments with per-rater typed spans) and
 * Davidson et al. 2017 (MIT: tweets, hate / offensive / neither with rater counts). Also builds the feature rows
 * of both moderation models, so the training script and the evaluation fit exactly the same way.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvObjects } from '../../eval/lib/csv.js';
import { kFold } from '../../eval/lib/metrics.js';
import { fitModel, type FitRow } from './fit-model.js';
import { fitWordScores, type Embeddings } from './word-scores.js';
import { tokenize } from '../../../src/text/tokenize.js';
import type { LinearModel } from '../../../src/learn/model.js';
import { MODERATION_ATTRIBUTES, readText, type ModerationModels } from '../../../src/classify/moderation/models.js';
import { commentFeatures, HELD_APART_PREFIXES } from '../../../src/classify/moderation/features.js';
import { spanFeatures, spanReading } from '../../../src/classify/moderation/span-context.js';
import { encodeWords, loadWordScores, type WordScores, type WordScoresData } from '../../../src/classify/moderation/word-scores.js';

/** One comment with its moderation targets (each the share of raters, 0..1) in MODERATION_ATTRIBUTES order. */
export interface ModerationRow {
  source: 'toxispans' | 'davidson' | 'newsmtsc' | 'uci' | 'comments' | 'tweets' | 'frames';
  text: string;
  /** toxicity, insult, profanity, identityAttack, threat; NaN where the source does not say. */
  targets: number[];
  /** ToxiSpans only: the character ranges at least 2 raters marked ([start, end), sorted, merged). Read by the likeness seeds and the ">= 2 raters" span figures. */
  gold?: Array<[number, number]>;
  /**
   * ToxiSpans only: the SemEval-2021 Task 5 gold: the characters marked by at least half of the raters who marked
   * any span (empty when no rater marked one). Agrees with tsd_train.csv's released gold at mean per-post F1 0.935
   * (7,212 of 7,938 posts exact; ">= 2 raters" 0.567). The span model's target.
   */
  semeval?: Array<[number, number]>;
  /**
   * ToxiSpans only, since session 44: SemEval-2021 Task 5's released gold where the comment is in tsd_train.csv or
   * tsd_trial.csv (7,938 + 690 posts; absent elsewhere). Read by the `released` span target.
   */
  released?: Array<[number, number]>;
  /** Span fits only, measured in session 24 (span-cv SPAN_CTX=score): the comment model's out-of-fold shown toxicity of the row. */
  commentScore?: number;
  /** ToxiSpans only: per character, the share of the span-marking raters who marked it (0 when none marked a span). */
  share?: Float32Array;
  /** Ordinary reader comments: the thread the comment belongs to (folds keep a thread together); insult-frames rows: the topic. */
  group?: string;
}

export const FIT_ON = {
  toxispans: 'ToxiSpans, Pavlopoulos et al. 2022 (CC0 1.0)',
  davidson: 'Davidson et al. 2017, hate speech and offensive language tweets (MIT)',
  newsmtsc: 'NewsMTSC sentences, Hamborg & Donnay 2021, as non-toxic news text (MIT)',
  uci: 'UCI Sentiment Labelled Sentences, Kotzias et al. 2015, as non-toxic review text (CC BY 4.0)',
  comments: 'Ordinary reader comments as toxicity and insult negatives: RumourEval 2017 train posts, PHEME (CC BY 4.0); FanChuan reddit-trump comments (MIT)',
  tweets: 'Casual tweets rated neutral or positive as toxicity and insult negatives: VADER ground-truth tweets, Hutto & Gilbert 2014 (MIT)',
  frames: 'Insult-frames corpus (scripts/train/data/insult-frames): project-written reader comments, insults with mostly unlisted words and calm uses of the same frames, labelled for toxicity and insult (MIT)',
} as const;

/**
 * Ordinary text as negatives for every attribute (weight 0.5 in the fit): ToxiSpans holds only comments that
 * Civil Comments had flagged, so alone it never sees calm talk or hard criticism of things. News sentences
 * (NewsMTSC train) and review sentences (UCI, both classes: "the worst service ever" is criticism, not abuse).
 */
export function readCleanText(dataDir: string): ModerationRow[] {
  const out: ModerationRow[] = [];
  for (const line of readFileSync(join(dataDir, 'stance', 'newsmtsc', 'train.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const text = (JSON.parse(line) as { sentence_normalized?: string }).sentence_normalized;
    if (text) out.push({ source: 'newsmtsc', text, targets: [0, 0, 0, 0, 0] });
  }
  for (const f of ['uci-amazon.json', 'uci-imdb.json', 'uci-yelp.json']) {
    const raw = JSON.parse(readFileSync(join(dataDir, 'sentiment', f), 'utf8')) as Array<{ text?: string }>;
    for (const r of raw) if (typeof r.text === 'string' && r.text.trim() !== '') out.push({ source: 'uci', text: r.text, targets: [0, 0, 0, 0, 0] });
  }
  return out;
}

/**
 * Ordinary reader comments: RumourEval 2017 replies and sources of the train split (PHEME, CC BY 4.0) and the Reddit
 * comments of FanChuan's reddit-trump set (MIT), each with its thread (`group`). Unlabelled for toxicity and mostly
 * ordinary talk (a few are not), they stand in for the comment section a cut is applied to: the pooled ToxiSpans
 * comments are all ones Civil Comments had flagged, and a cut chosen on them alone flags a third of ordinary
 * comments. All of them are negatives in the pool the cuts are chosen on (scripts/eval/moderation-thresholds-cv.ts,
 * each scored by a fold model fit without its thread); since 2026-12-04 (session 14) the comment model is also fit
 * on those `ordinaryNegatives` keeps.
 */
export function readOrdinaryComments(dataDir: string): ModerationRow[] {
  const out: ModerationRow[] = [];
  for (const line of readFileSync(join(dataDir, 'threads', 'rumoureval2017_sdqc.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as { split?: string; text?: string; thread_id?: string };
    if (r.split === 'train' && typeof r.text === 'string' && r.text.trim() !== '') out.push({ source: 'comments', text: r.text, targets: [0, 0, 0, 0, 0], group: `re:${r.thread_id ?? ''}` });
  }
  const reddit = parseCsvObjects(readFileSync(join(dataDir, 'threads', 'reddit-trump-comments-train.csv'), 'utf8'));
  // A Reddit comment's thread: follow its parents as far as the file holds them (a comment whose parent is not in
  // the file roots a thread of its own, named by that parent).
  const parentOf = new Map(reddit.map((r) => [r.comment_id ?? '', r.parent_comment_id ?? ''] as const));
  const rootOf = (id: string): string => {
    let at = id;
    for (let hops = 0; hops < 1000; hops++) {
      const up = parentOf.get(at);
      if (up === undefined || up === '') return at;
      if (!parentOf.has(up)) return up;
      at = up;
    }
    return at;
  };
  for (const r of reddit) {
    if (r.content !== undefined && r.content.trim() !== '') out.push({ source: 'comments', text: r.content, targets: [0, 0, 0, 0, 0], group: `fc:${rootOf(r.comment_id ?? '')}` });
  }
  return out;
}

/**
 * K folds over the ordinary reader comments that keep every thread in one fold (a reply's siblings share its
 * topic and often its words; fit on them, a held-out reply would look more familiar than a new comment section's).
 * The threads are dealt out by `kFold` over their sorted names, so the folds are deterministic.
 */
export function commentFolds(rows: readonly ModerationRow[], k: number, seed: number): number[][] {
  const groups = [...new Set(rows.map((r) => r.group ?? r.text))].sort();
  const foldOf = new Map<string, number>();
  kFold(groups.length, k, seed).forEach((members, f) => members.forEach((g) => foldOf.set(groups[g]!, f)));
  const out: number[][] = Array.from({ length: k }, () => []);
  rows.forEach((r, i) => out[foldOf.get(r.group ?? r.text)!]!.push(i));
  return out;
}

/**
 * The ordinary reader comments the comment model is fit on as negatives (since 2026-12-04, session 14), for
 * toxicity and insult only. Left out: every comment with a plain word (the writer's own, not quoted or denied) in
 * any table of the hand-written lexicon. The comments are unlabelled and some are abuse: of the 399 the session-13
 * model flagged for insult, most of the top-scored call someone a listed insult, and 335 of the 399 use a listed
 * word; the 4,041 comments without one are mostly the register a comment section talks in (replies, "you are
 * wrong", complaints about prices, harsh words about things), which ToxiSpans (all comments Civil Comments had
 * flagged) never shows. The filter reads the lexicon only, so it needs no earlier model and every fit makes the
 * same choice. Profanity, identity attack and threat are left unlabelled (NaN: the comment fit fills them with its
 * teacher's prediction): the RumourEval threads are about shootings, sieges and terror attacks, and fit as
 * negatives for every attribute (and in the word scores) they taught the events' words as calm (out-of-fold
 * ToxiSpans AUC threat 0.835 -> 0.814, identity attack 0.770 -> 0.759, profanity 0.793 -> 0.787; with toxicity and
 * insult only, comment model only: 0.834, 0.770, 0.792; docs/moderation.md, session 14).
 */
export function ordinaryNegatives(rows: readonly ModerationRow[]): ModerationRow[] {
  return rows
    .filter((r) => !readText(r.text, null)[1].some((w) => w.mode === 'plain' && Object.values(w.lex).some((v) => v > 0)))
    .map((r) => ({ ...r, targets: [0, 0, NaN, NaN, NaN] }));
}

/**
 * Each source's row weight in the comment fit. `frames` (the insult-frames corpus, session 22) is chosen by
 * scripts/eval/moderation-frames.ts on the fit topics left out by topic (docs/moderation.md, session 22).
 */
export const ROW_WEIGHT: Readonly<Record<ModerationRow['source'], number>> = { toxispans: 1, davidson: 0.5, newsmtsc: 0.5, uci: 0.5, comments: 0.5, tweets: 0.5, frames: 1 };

/**
 * The insult-frames corpus (session 22; project-written, MIT; scripts/train/data/insult-frames/README.md): short
 * reader comments, insults aimed at a person, a commenter or a group with mostly unlisted words, beside calm uses of
 * the same frames, policy criticism, reported insults and moderators' warnings. `comments.jsonl` (11 topics) is fit
 * on by the comment model (toxicity and insult; the other attributes from the teacher); `heldout.jsonl` (4 other
 * topics) is measured only. `group` is the topic, so folds can leave topics out.
 */
export type InsultFramesFile = 'comments.jsonl' | 'heldout.jsonl' | 'comments-2.jsonl' | 'heldout-2.jsonl';

/**
 * The insult-frames files the shipped comment model is fit on: the first writer's (session 22) and, since session 24,
 * the second writer's (`comments-2.jsonl`: put-downs with no insult word; chosen by topic-left-out CV over both
 * writers' fit files, docs/moderation.md, session 24). The `heldout*.jsonl` files are never fit on.
 */
export const FRAMES_FIT_FILES: readonly InsultFramesFile[] = ['comments.jsonl', 'comments-2.jsonl'];

/** Every shipped fit file of the insult-frames corpus ({@link FRAMES_FIT_FILES}), in that order. */
export function readInsultFramesFit(files: readonly InsultFramesFile[] = FRAMES_FIT_FILES): ModerationRow[] {
  return files.flatMap((f) => readInsultFrames(f));
}

export function readInsultFrames(file: InsultFramesFile = 'comments.jsonl'): ModerationRow[] {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'insult-frames', file);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const r = JSON.parse(l) as { text: string; insult: boolean; toxicity: number; topic: string };
      return { source: 'frames' as const, text: r.text, targets: [r.toxicity, r.insult ? 1 : 0, NaN, NaN, NaN], group: r.topic };
    });
}

/**
 * Casual tweets (since 2026-12-05, session 19; comment model only): the VADER ground-truth tweets (Hutto & Gilbert
 * 2014, MIT; 20 raters' mean valence -4..+4) rated at least `minRating` (default 0: neutral or friendly). Davidson's
 * tweets are mostly offensive, and the other ordinary text is news, reviews and reader comments, so without these the
 * comment model learned the informal register itself ("hey", "yay", "dude") as toxic: 11% of the positive VADER
 * tweets flagged (docs/moderation.md, session 19). Passed through {@link ordinaryNegatives} like the reader comments
 * (a tweet with a plain lexicon word is left out; toxicity and insult 0, the other attributes from the teacher).
 * `half` keeps one half of a fixed split (the tweet's id, even = 'fit', odd = 'measure'), so that
 * scripts/eval/moderation-friendly.ts can fit on one half and measure on the other; the shipped fit reads all.
 */
export function readCasualTweets(dataDir: string, options: { minRating?: number; half?: 'fit' | 'measure' } = {}): Array<ModerationRow & { rating: number; id: number }> {
  const out: Array<ModerationRow & { rating: number; id: number }> = [];
  for (const line of readFileSync(join(dataDir, 'sentiment', 'tweets_GroundTruth.txt'), 'utf8').split(/\r?\n/)) {
    const [idText, ratingText, ...rest] = line.split('\t');
    const text = rest.join('\t');
    const id = Number(idText);
    const rating = Number(ratingText);
    if (!Number.isInteger(id) || !Number.isFinite(rating) || text.trim() === '') continue;
    if (rating < (options.minRating ?? 0)) continue;
    if (options.half !== undefined && (id % 2 === 0) !== (options.half === 'fit')) continue;
    out.push({ source: 'tweets', text, targets: [0, 0, 0, 0, 0], rating, id });
  }
  return out;
}

const TYPE_OF: Record<string, number> = { Insult: 1, 'Profane/Obscene': 2, 'Identity based Attack': 3, Threat: 4 };

/** ToxiSpans comments: toxicity = share of raters who did not flag the comment "not toxic"; each type = share of raters who marked a span of it. */
export function readToxiSpans(dataDir: string): ModerationRow[] {
  const dir = join(dataDir, 'moderation', 'toxispans');
  const comments = parseCsvObjects(readFileSync(join(dir, 'comments.csv'), 'utf8'));
  const annotations = parseCsvObjects(readFileSync(join(dir, 'annotations.csv'), 'utf8'));
  const spans = parseCsvObjects(readFileSync(join(dir, 'spans.csv'), 'utf8'));
  const byAnnotation = new Map<string, Array<{ type: string; start: number; end: number }>>();
  for (const s of spans) {
    const list = byAnnotation.get(s.annotation!) ?? [];
    list.push({ type: s.type ?? '', start: Number(s.start), end: Number(s.end) });
    byAnnotation.set(s.annotation!, list);
  }
  const byComment = new Map<string, Array<{ notToxic: boolean; spans: Array<{ type: string; start: number; end: number }> }>>();
  for (const a of annotations) {
    const list = byComment.get(a.comment_id!) ?? [];
    list.push({ notToxic: a['not toxic'] === 'True', spans: byAnnotation.get(a.annotation!) ?? [] });
    byComment.set(a.comment_id!, list);
  }
  // SemEval-2021 Task 5's released gold of the comments it holds (tsd_train first, then tsd_trial), by text.
  const released = new Map<string, Set<number>>();
  for (const split of ['train', 'trial'] as const) for (const r of readTsd(dataDir, split)) if (!released.has(r.text)) released.set(r.text, r.gold);
  const out: ModerationRow[] = [];
  for (const c of comments) {
    const text = c.comment_text ?? '';
    const raters = byComment.get(c.comment_id!);
    if (!raters || raters.length === 0 || text.trim() === '') continue;
    const n = raters.length;
    const targets = [raters.filter((r) => !r.notToxic).length / n, 0, 0, 0, 0];
    for (const r of raters) {
      const types = new Set(r.spans.map((s) => TYPE_OF[s.type]).filter((t): t is number => t !== undefined));
      for (const t of types) targets[t] = targets[t]! + 1 / n;
    }
    const marks = new Uint16Array(text.length);
    let spanRaters = 0;
    for (const r of raters) {
      const mine = new Uint8Array(text.length);
      for (const s of r.spans) for (let i = Math.max(0, s.start); i < Math.min(text.length, s.end); i++) mine[i] = 1;
      if (mine.includes(1)) spanRaters++;
      for (let i = 0; i < text.length; i++) marks[i] = marks[i]! + mine[i]!;
    }
    const share = new Float32Array(text.length);
    if (spanRaters > 0) for (let i = 0; i < text.length; i++) share[i] = marks[i]! / spanRaters;
    const tsd = released.get(text);
    out.push({ source: 'toxispans', text, targets, gold: ranges((i) => marks[i]! >= 2, text.length), semeval: ranges((i) => marks[i]! * 2 >= spanRaters && marks[i]! > 0, text.length), ...(tsd ? { released: ranges((i) => tsd.has(i), text.length) } : {}), share });
  }
  return out;
}

/** The [start, end) ranges of the characters `on` holds for, merged. */
function ranges(on: (i: number) => boolean, length: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < length; i++) {
    if (!on(i)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

/** Davidson et al. tweets: toxicity = share of raters calling it hate or offensive; identityAttack = share calling it hate. */
export function readDavidson(dataDir: string): ModerationRow[] {
  const rows = parseCsvObjects(readFileSync(join(dataDir, 'moderation', 'davidson', 'labeled_data.csv'), 'utf8'));
  return rows
    .filter((r) => r.tweet && Number(r.count) > 0)
    .map((r) => {
      const n = Number(r.count);
      const text = cleanTweet(r.tweet!);
      return { source: 'davidson' as const, text, targets: [(Number(r.hate_speech) + Number(r.offensive_language)) / n, NaN, NaN, Number(r.hate_speech) / n, NaN] };
    });
}

/** Tweets carry HTML entities and retweet headers: "&amp;" -> "&", "RT @x:" dropped (mentions are skipped anyway). */
function cleanTweet(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#\d{1,7};/g, ' ')
    .replace(/\bRT\b/g, ' ');
}

/**
 * Fits the word scores (a GloVe direction toward toxicity, see scripts/train/lib/word-scores.ts) on the rows'
 * toxicity targets. (A word-level fit toward the raters' marked rate was tried: it scored rare GloVe words
 * wildly, so the comment-level direction stays.)
 */
export function fitModerationWordScores(rows: readonly ModerationRow[], embeddings: Embeddings): WordScoresData {
  return fitWordScores(
    rows.map((r) => ({ text: r.text, target: r.targets[0]! })),
    embeddings,
    { vocabulary: 60_000, keep: 2.5 },
  );
}

export const COMMENT_FEATURE_FILES = ['src/classify/moderation/features.ts', 'src/classify/moderation/lexicon.json', 'src/classify/moderation/lexicon.ts', 'src/text/tokenize.ts'];

/** Keeps the `keep` features with the largest weight (any label), so the file stays small; refits nothing. */
export function prune(model: LinearModel, keep: number): LinearModel {
  const ranked = Object.entries(model.weights)
    .map(([k, w]) => [k, Math.max(...w.map(Math.abs))] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = new Set(ranked.slice(0, keep).map(([k]) => k));
  const weights: Record<string, number[]> = {};
  for (const k of Object.keys(model.weights).sort()) if (kept.has(k) || k.startsWith('$')) weights[k] = model.weights[k]!;
  return { ...model, weights };
}

function log(what: string, since: number): void {
  if (process.env.THREADLENS_QUIET !== '1') console.error(`  ${what}: ${((Date.now() - since) / 1000).toFixed(1)} s`);
}

/** Options shared by the comment and span fits. */
export interface ModerationFitOptions {
  /** Rows only the comment model is fit on (not the word scores, likeness or span model): the ordinary reader comments. */
  commentRows?: readonly ModerationRow[];
  /** The comment rows' features, precomputed (`commentFitFeatures`), so that several fits on the same rows read them once. */
  features?: ReadonlyArray<ReadonlyArray<readonly [string, number]>>;
  /** The teacher for the rows that leave an attribute unlabelled, precomputed (`commentTeacher`); fit here when absent. */
  teacher?: LinearModel;
  /** Row weights per source, instead of {@link ROW_WEIGHT} (weight choice by CV). */
  rowWeight?: Readonly<Record<ModerationRow['source'], number>>;
  /** Max word/char features kept in the comment model. Default 4000. */
  keepComment?: number;
  /** Max features kept in the span model. Default 3000. */
  keepSpan?: number;
  iterations?: number;
  /** Fit the comment model with the held-apart features (features.ts `CommentFeatureOptions`). Default true. */
  heldApart?: boolean;
  /** The span model's target (default SPAN_TARGET). */
  spanTarget?: SpanTarget;
  /** Fit the span model with the cross-fitted per-word marked rate ({@link WORD_RATE}). Default true (since session 14). */
  wordRate?: boolean;
  /**
   * Span model rows weighted per comment: each word of a comment of n words weighs (mean n / n)^spanPostWeight, so at 1
   * every comment counts the same in the fit, as every post counts the same in SemEval-2021's per-post F1. Default 0
   * (every word weighs 1).
   */
  spanPostWeight?: number;
  /**
   * Fit the span model with its neighbours' cross-fitted marked rates too (`$rate-l`, `$rate-r`: the rate of the word
   * before and after, {@link WORD_RATE}), folded after the fit into the `l:` / `r:` weights of those words, as `$rate`
   * is folded into `w:`. Default false.
   */
  neighbourRate?: boolean;
  /**
   * Log-odds added, after the fit and the pruning, to the `w:` weight of every word the training raters marked in at
   * least half of its >= 3 occurrences (the marked-word list baseline's words, {@link LISTED_WORD}). Default
   * {@link LISTED_WORD}.bonus.
   */
  listedBonus?: number;
  /**
   * Fit the span model as a linear chain over each sentence's word labels (session 32, measured: fit-model.ts
   * `FitModelOptions.chain`); the transitions come back in the model's thresholds (`chain.oi`, `chain.io`,
   * `chain.ii`). Default false.
   */
  chain?: boolean;
}

/**
 * Fits the comment model on `rows` (sigmoid, one output per attribute). A source that does not label an
 * attribute (NaN) gets the teacher's prediction for it: a first fit on the rows that do label everything.
 */
export function fitCommentModel(rows: readonly ModerationRow[], scores: Lookups, fitOn: readonly string[], options: ModerationFitOptions = {}): LinearModel {
  const t0 = Date.now();
  const feats = options.features ?? commentFitFeatures(rows, scores, options);
  log(`comment features of ${rows.length} rows`, t0);
  const weightOf = options.rowWeight ?? ROW_WEIGHT;
  const full = rows.flatMap((r, i) => (r.targets.every((t) => !Number.isNaN(t)) ? [i] : []));
  const isFull = new Set(full);
  let teacher: LinearModel | null = null;
  if (full.length < rows.length) {
    teacher = options.teacher ?? commentTeacher(rows, feats, options);
    log('teacher fit', t0);
  }
  const fitRows: FitRow[] = rows.map((r, i) => {
    if (!teacher || isFull.has(i)) return { features: feats[i]!, y: r.targets, weight: weightOf[r.source] };
    const p = predictLinear(teacher, feats[i]!);
    return { features: feats[i]!, y: r.targets.map((t, l) => (Number.isNaN(t) ? p[l]! : t)), weight: weightOf[r.source] };
  });
  const model = fitModel(fitRows, { ...commentFitSettings(options), fitOn });
  log('comment fit', t0);
  // The held-apart features only take the raters' signal of quoted, denied and idea-aimed words during the fit;
  // `moderate` never emits them, so their weights would change nothing: dropped before pruning.
  const weights = Object.fromEntries(Object.entries(model.weights).filter(([k]) => !HELD_APART_PREFIXES.some((h) => k.startsWith(h))));
  return prune({ ...model, weights }, options.keepComment ?? 4000);
}

/** The comment model's feature rows for `rows` (what {@link fitCommentModel} reads). */
export function commentFitFeatures(rows: readonly ModerationRow[], scores: Lookups, options: ModerationFitOptions = {}): Array<Array<readonly [string, number]>> {
  const heldApart = options.heldApart ?? true;
  return rows.map((r) => commentFeatures(...readText(r.text, scores.wordScores, undefined, undefined, scores.likeness), undefined, { heldApart }));
}

function commentFitSettings(options: ModerationFitOptions) {
  return {
    name: 'moderation',
    labels: [...MODERATION_ATTRIBUTES],
    link: 'sigmoid' as const,
    featureFiles: COMMENT_FEATURE_FILES,
    iterations: options.iterations ?? 120,
    learningRate: 0.1,
    minCount: 3,
    // 1e-4 on every feature: 3e-4 on the words shrank the rare attributes' words (threat: 95 comments) toward 0.
    l2: () => 1e-4,
  };
}

/** The first fit on the rows that label every attribute; it fills the others' unlabelled attributes. */
export function commentTeacher(rows: readonly ModerationRow[], feats: ReadonlyArray<ReadonlyArray<readonly [string, number]>>, options: ModerationFitOptions = {}): LinearModel {
  const weightOf = options.rowWeight ?? ROW_WEIGHT;
  const full = rows.flatMap((r, i) => (r.targets.every((t) => !Number.isNaN(t)) ? [i] : []));
  return fitModel(full.map((i) => ({ features: feats[i]!, y: rows[i]!.targets, weight: weightOf[rows[i]!.source] })), { ...commentFitSettings(options), fitOn: [] });
}

function predictLinear(m: LinearModel, f: ReadonlyArray<readonly [string, number]>): number[] {
  const s = m.bias.slice();
  for (const [k, v] of f) {
    const w = m.weights[k];
    if (w) for (let l = 0; l < s.length; l++) s[l] = s[l]! + w[l]! * v;
  }
  return s.map((x) => 1 / (1 + Math.exp(-x)));
}

export const SPAN_FEATURE_FILES = [...COMMENT_FEATURE_FILES, 'src/classify/moderation/span-context.ts'];

/**
 * What the span model is fit toward, per word of a ToxiSpans comment: `semeval` (shipped since 2026-12-04, session
 * 12): 1 when most of its characters are in the SemEval-2021 gold (marked by at least half of the span-marking
 * raters); `share`: the mean share of span-marking raters over its characters (soft); `two-raters` (until then): 1
 * when most of its characters were marked by at least 2 raters; `released` (session 44): as `semeval`, but SemEval-2021's
 * released gold where the comment has one (`ModerationRow.released`).
 */
export type SpanTarget = 'semeval' | 'released' | 'share' | 'two-raters';
export const SPAN_TARGET: SpanTarget = 'semeval';

/** Span model rows: every word of every row with gold spans, its target as `target` says. */
export function spanRows(rows: readonly ModerationRow[], scores: Lookups, target: SpanTarget = SPAN_TARGET): FitRow[] {
  return spanWordRows(rows, scores, target).rows;
}

/** {@link spanRows} with each row's word (`norm`) and the index of the comment it comes from. */
function spanWordRows(rows: readonly ModerationRow[], scores: Lookups, target: SpanTarget, postWeight = 0): { rows: FitRow[]; words: string[]; comment: number[]; link: number[] } {
  const out: FitRow[] = [];
  const words: string[] = [];
  const comment: number[] = [];
  // 1 when the word follows the previous one in the same sentence of the same comment (the chain fit's links).
  const link: number[] = [];
  rows.forEach((r, c) => {
    if (!r.gold) return;
    const [tokens, readings] = readText(r.text, scores.wordScores, undefined, undefined, scores.likeness);
    const inGold = new Float32Array(r.text.length);
    if (target === 'share') inGold.set(r.share!);
    else for (const [s, e] of target === 'semeval' ? r.semeval! : target === 'released' ? (r.released ?? r.semeval!) : r.gold) inGold.fill(1, s, e);
    const context = spanReading(readings, r.text, tokens);
    if (r.commentScore !== undefined) context.commentScore = r.commentScore;
    const first = out.length;
    readings.forEach((w, k) => {
      const t = tokens[w.token]!;
      let n = 0;
      for (let i = t.start; i < t.end; i++) n += inGold[i]!;
      const len = t.end - t.start;
      out.push({ features: spanFeatures(readings, k, context), y: [target === 'share' ? Math.round((n / len) * 1000) / 1000 : n * 2 > len ? 1 : 0] });
      words.push(w.norm);
      comment.push(c);
      link.push(k > 0 && !/[.!?\n]/.test(r.text.slice(tokens[readings[k - 1]!.token]!.end, t.start)) ? 1 : 0);
    });
    if (postWeight !== 0) for (let i = first; i < out.length; i++) out[i]!.weight = readings.length;
  });
  if (postWeight !== 0 && out.length > 0) {
    // Each row holds its comment's word count; the weight is (mean count per comment / count)^postWeight.
    const commentsSeen = new Set(comment).size;
    const meanLen = out.length / commentsSeen;
    for (const r of out) r.weight = Math.round((meanLen / r.weight!) ** postWeight * 1e6) / 1e6;
  }
  return { rows: out, words, comment, link };
}

/**
 * The per-word marked rate (since 2026-12-04, session 14): how often the raters marked this word elsewhere, as one
 * dense feature `$rate` = logit((marked + prior·p0) / (seen + prior)) − logit(p0), p0 the share of all words marked,
 * for words seen at least `minCount` times (else absent). The `w:` weights carry the same information, but shrunk
 * and read beside context features that were learned on comments that had all been flagged; the rate is calibrated
 * on its own. Cross-fitted in the fit: a training word's rate is counted on the comments of the other `folds` inner
 * folds (comment index mod `folds`), never on its own comment, so the model learns how far an out-of-sample rate is
 * to be trusted. After the fit the rate over all comments, times the learned weight, is added into each word's `w:`
 * weight, so the shipped model stays a plain linear model over `wordFeatures` (nothing changes at run time).
 */
export const WORD_RATE = { prior: 2, minCount: 3, folds: 5 };

function rateTable(words: readonly string[], ys: readonly number[], take: (i: number) => boolean): Map<string, number> {
  const seen = new Map<string, [number, number]>();
  let all = 0;
  let marked = 0;
  for (let i = 0; i < words.length; i++) {
    if (!take(i)) continue;
    const c = seen.get(words[i]!) ?? [0, 0];
    c[0]++;
    c[1] += ys[i]!;
    seen.set(words[i]!, c);
    all++;
    marked += ys[i]!;
  }
  const p0 = Math.min(0.5, Math.max(1e-3, marked / Math.max(1, all)));
  const logit = (p: number): number => Math.log(p / (1 - p));
  const out = new Map<string, number>();
  for (const [w, [n, m]] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (n >= WORD_RATE.minCount) out.set(w, logit((m + WORD_RATE.prior * p0) / (n + WORD_RATE.prior)) - logit(p0));
  }
  return out;
}

/** Fits the span model (sigmoid: is this word part of what raters marked). */
export function fitSpanModel(rows: readonly ModerationRow[], scores: Lookups, fitOn: readonly string[], options: ModerationFitOptions = {}): LinearModel {
  const t0 = Date.now();
  const { rows: data, words, comment, link } = spanWordRows(rows, scores, options.spanTarget ?? SPAN_TARGET, options.spanPostWeight ?? 0);
  log(`span rows: ${data.length} words`, t0);
  const ys = data.map((r) => (r.y as number[])[0]!);
  let full: Map<string, number> | null = null;
  if (options.wordRate ?? true) {
    const inner = Array.from({ length: WORD_RATE.folds }, (_, f) => rateTable(words, ys, (i) => comment[i]! % WORD_RATE.folds !== f));
    const nb = options.neighbourRate ?? false;
    data.forEach((r, i) => {
      const table = inner[comment[i]! % WORD_RATE.folds]!;
      const v = table.get(words[i]!);
      const extra: Array<readonly [string, number]> = [];
      if (v !== undefined) extra.push(['$rate', v]);
      if (nb) {
        // The neighbours are the rows before and after in the same comment (spanWordRows keeps the words in order).
        const l = i > 0 && comment[i - 1] === comment[i] ? table.get(words[i - 1]!) : undefined;
        const rr = i + 1 < data.length && comment[i + 1] === comment[i] ? table.get(words[i + 1]!) : undefined;
        if (l !== undefined) extra.push(['$rate-l', l]);
        if (rr !== undefined) extra.push(['$rate-r', rr]);
      }
      if (extra.length > 0) r.features = [...r.features, ...extra];
    });
    full = rateTable(words, ys, () => true);
    log('word rates', t0);
  }
  const model = fitModel(data, {
    name: 'moderation-spans',
    labels: ['marked'],
    link: 'sigmoid',
    fitOn,
    featureFiles: SPAN_FEATURE_FILES,
    iterations: options.iterations ?? 120,
    learningRate: 0.1,
    minCount: 3,
    l2: () => 1e-4,
    ...(options.chain ? { chain: { link: Uint8Array.from(link) } } : {}),
  });
  log('span fit', t0);
  if (full) {
    // Fold the rate into the word weights: w:x + beta * rate(x) is what the model read for x during the fit.
    const beta = model.weights.$rate?.[0] ?? 0;
    const weights = { ...model.weights };
    delete weights.$rate;
    for (const [w, v] of full) {
      const k = `w:${w}`;
      weights[k] = [Math.round(((weights[k]?.[0] ?? 0) + beta * v) * 1e4) / 1e4];
    }
    if (options.neighbourRate) {
      // The neighbour's rate is read through its l:/r: feature, valued 0.5 in wordFeatures.
      for (const [side, key] of [['l', '$rate-l'], ['r', '$rate-r']] as const) {
        const gamma = model.weights[key]?.[0] ?? 0;
        delete weights[key];
        for (const [w, v] of full) {
          const k = `${side}:${w}`;
          weights[k] = [Math.round(((weights[k]?.[0] ?? 0) + (gamma * v) / 0.5) * 1e4) / 1e4];
        }
      }
    }
    return listedBonus(prune({ ...model, weights }, options.keepSpan ?? 3000), words, ys, (i) => rows[comment[i]!]!.source === 'toxispans', options.listedBonus ?? LISTED_WORD.bonus);
  }
  return listedBonus(prune(model, options.keepSpan ?? 3000), words, ys, (i) => rows[comment[i]!]!.source === 'toxispans', options.listedBonus ?? LISTED_WORD.bonus);
}

/**
 * The marked-word list's words (seen at least `minCount` times in the ToxiSpans rows, marked in at least half of them) and
 * the log-odds `bonus` their `w:` weight gains after the fit (since session 17; none before). SemEval-2021's raters mark a listed
 * word wherever it stands more often than the context features, learned on comments that had all been flagged, say;
 * the bonus is chosen out of fold on the pooled span grid (docs/moderation.md, session 17).
 */
export const LISTED_WORD = { minCount: 3, bonus: 0.5 };

function listedBonus(model: LinearModel, words: readonly string[], ys: readonly number[], rated: (i: number) => boolean, bonus: number): LinearModel {
  if (bonus === 0) return model;
  const seen = new Map<string, [number, number]>();
  words.forEach((w, i) => {
    if (!rated(i)) return;
    const c = seen.get(w) ?? [0, 0];
    c[0]++;
    c[1] += ys[i]!;
    seen.set(w, c);
  });
  const weights = { ...model.weights };
  for (const [w, [n, m]] of seen) {
    if (n < LISTED_WORD.minCount || m * 2 < n) continue;
    const k = `w:${w}`;
    weights[k] = [Math.round(((weights[k]?.[0] ?? 0) + bonus) * 1e4) / 1e4];
  }
  return { ...model, weights: Object.fromEntries(Object.keys(weights).sort().map((k) => [k, weights[k]!])) };
}

/** The word tables both models read. */
export interface Lookups {
  wordScores: WordScores;
  likeness: WordScores;
}

/**
 * Likeness to the words raters mark: seeds are the words seen at least 3 times in rows with spans and inside a
 * gold span at least 40% of the time; every plain GloVe word among the 150,000 most frequent gets the cosine of
 * its vector to the nearest seed. Kept from 0.55 up, in steps of 0.05. This is what reaches insults no training
 * comment used ("windbag" sits next to words raters marked), where a linear direction in the vectors does not.
 */
export function fitLikeness(rows: readonly ModerationRow[], embeddings: Embeddings): WordScoresData {
  const counts = new Map<string, [number, number]>();
  for (const r of rows) {
    if (!r.gold) continue;
    const gold = new Uint8Array(r.text.length);
    for (const [a, b] of r.gold) gold.fill(1, a, b);
    for (const t of tokenize(r.text)) {
      if (t.kind !== 'word') continue;
      const w = t.text.toLowerCase();
      const c = counts.get(w) ?? [0, 0];
      c[0]++;
      c[1] += gold[t.start]!;
      counts.set(w, c);
    }
  }
  const D = embeddings.dimensions;
  // The package's vectors carry extra entries after the `dimensions` coordinates.
  const unit = (v: readonly number[]): Float64Array => {
    let n = 0;
    for (let d = 0; d < D; d++) n += v[d]! * v[d]!;
    n = Math.sqrt(n) || 1;
    return Float64Array.from(v.slice(0, D), (x) => x / n);
  };
  const seeds: Float64Array[] = [];
  for (const [w, [n, m]] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const v = embeddings.vector(w);
    if (v && n >= 3 && m * 5 >= n * 2) seeds.push(unit(v));
  }
  log(`likeness: ${seeds.length} seed words`, Date.now());
  const step = 0.05;
  const groups = new Map<number, string[]>();
  for (const w of embeddings.words.slice(0, 150_000)) {
    if (!/^[a-z][a-z'-]*$/.test(w)) continue;
    const u = unit(embeddings.vector(w)!);
    let best = 0;
    for (const seed of seeds) {
      let z = 0;
      for (let d = 0; d < D; d++) z += seed[d]! * u[d]!;
      if (z > best) best = z;
    }
    const l = Math.round(best / step);
    if (l * step < 0.55) continue;
    if (!groups.has(l)) groups.set(l, []);
    groups.get(l)!.push(w);
  }
  const out: Record<string, string> = {};
  for (const l of [...groups.keys()].sort((a, b) => a - b)) out[String(l)] = encodeWords(groups.get(l)!.sort());
  return { center: 0, step, groups: out };
}

/**
 * The span model's rows among `rows`: the ToxiSpans comments (their words' targets from the raters) and, since
 * 2026-12-04 (session 14), the ordinary news and review sentences as comments nobody marked: every ToxiSpans
 * comment had been flagged, so fit on them alone the model learns which word of an abusive comment raters mark,
 * and in a calm text it marks the strongest word there is ("terrible", "killed"). Davidson has no spans.
 */
export function spanFitRows(rows: readonly ModerationRow[]): ModerationRow[] {
  const ordinary = rows.filter((r) => r.source === 'newsmtsc' || r.source === 'uci');
  return [...rows.filter((r) => r.gold), ...ordinary.map((r) => ({ ...r, gold: [], semeval: [], share: new Float32Array(r.text.length) }))];
}

/** Fits word scores, likeness, the comment model and the span model on `rows`: everything `moderate` needs. */
export function fitModeration(rows: readonly ModerationRow[], embeddings: Embeddings, options: ModerationFitOptions = {}): ModerationModels & { wordScoresData: WordScoresData; likenessData: WordScoresData } {
  const t0 = Date.now();
  const wordScoresData = fitModerationWordScores(rows, embeddings);
  log('word scores', t0);
  const likenessData = fitLikeness(rows, embeddings);
  log('likeness', t0);
  const lookups = { wordScores: loadWordScores(wordScoresData), likeness: loadWordScores(likenessData) };
  const commentRows = [...rows, ...(options.commentRows ?? [])];
  const fitOn = [...new Set(rows.map((r) => FIT_ON[r.source]))];
  return {
    wordScoresData,
    likenessData,
    ...lookups,
    comment: fitCommentModel(commentRows, lookups, [...new Set(commentRows.map((r) => FIT_ON[r.source]))], options),
    spans: fitSpanModel(spanFitRows(rows), lookups, fitOn.filter((f) => f !== FIT_ON.davidson), options),
  };
}

/**
 * SemEval-2021 Task 5 toxic spans (`tsd_train.csv`, `tsd_trial.csv`; same source as ToxiSpans, CC0 1.0): each post's
 * text and its released gold, the character indexes as a set. Every text is also a ToxiSpans comment. Measuring
 * only: no weight is fit on these files (the span model's SemEval target is rebuilt from the raters, readToxiSpans).
 */
export function readTsd(dataDir: string, split: 'train' | 'trial'): Array<{ text: string; gold: Set<number> }> {
  const rows = parseCsvObjects(readFileSync(join(dataDir, 'moderation', 'toxispans', `tsd_${split}.csv`), 'utf8'));
  return rows.map((r) => ({ text: r.text ?? '', gold: new Set<number>(JSON.parse(r.spans ?? '[]') as number[]) }));
}
