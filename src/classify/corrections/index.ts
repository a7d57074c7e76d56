/**
 * Corrections: where a post corrects the article, an earlier post, or its author's own earlier words. The
 * work is done by small named detectors (one file each, `{ id, find(unit, context) }`, listed in
 * `DETECTORS`); this module prepares each sentence's context, gathers the detectors' findings, aims a reply's
 * findings at the correction it answers, and turns them into `Correction`s.
 */
import { isPageChromeSentence } from './chrome-target.js';
import type { Claim, Correction } from '../../schema/classify.js';
import type { Evidence, Span } from '../../schema/common.js';
import { lineOffsetMapper } from '../../text/remap.js';
import { scoreCheckworthiness } from '../claims/index.js';
import { markerAt, MARKERS } from './clauses.js';
import { AGREE, answeredSentence, namesSomeone } from './compare.js';
import { countedApart } from './counted-noun.js';
import type { CountedPair, Detector, DetectorContext, DetectorFinding, PostSentence } from './detector.js';
import { answersParent } from './answers-parent.js';
import { articleReference } from './article-reference.js';
import { closingRebuke } from './closing-rebuke.js';
import { ellipticalDenial } from './elliptical-denial.js';
import { explicitMarker } from './explicit-marker.js';
import { negatedClaim } from './negated-claim.js';
import { notXButY } from './not-x-but-y.js';
import { refutingFact } from './refuting-fact.js';
import { restatedAmount } from './restated-amount.js';
import { selfRestatement } from './self-restatement.js';
import { sourcedFigure } from './sourced-figure.js';
import { valueMismatch } from './value-mismatch.js';
import { valueUpdate } from './value-update.js';
import { valueVerdict } from './value-verdict.js';
import { findMarkedSelf, findStarOrEdit } from './self.js';
import { findConcededSelf } from './conceded-self.js';
import { postUnits, threadIndex, toAbs, type Candidate, type CorrectionPost, type IndexWindow, type ThreadIndex } from './thread-index.js';
import { isDateValue, type Unit } from './units.js';
import { BUILTIN_PARAPHRASES, pronounSubject, type Paraphrases } from './paraphrase.js';
import { validateInput } from './validate.js';
import type { PreparedPost } from './thread-walk.js';
import { pairFeatures } from './pair-features.js';
import { parentSlot } from './parent-slot.js';
import { findConcededArticle } from './conceded-article.js';
import { deniedReplaced } from './denied-and-replaced.js';
import { findPostQuotes } from './quotes.js';
import { checkedModel, predict, type LinearModel } from '../../learn/model.js';
import modelData from './correction.model.json' with { type: 'json' };

/** The correction scorer: a logistic model over pair features (see scripts/train/train-corrections.ts). */
const CORRECTION_MODEL: LinearModel = checkedModel(modelData, 'src/classify/corrections/correction.model.json');

/**
 * The operating point chosen by cross-validation on the training pairs (see the model's notes): corrections
 * scored below it are the doubtful ones. `findCorrections` returns them all, with their probability as
 * `confidence`; callers that want fewer, surer corrections filter at this value.
 */
export const CORRECTION_THRESHOLD: number = CORRECTION_MODEL.thresholds?.keep ?? 0;

export { findArticleInconsistencies } from './inconsistencies.js';
export { findConcededByWriter } from './conceded-by-writer.js';
export { findGrantedCorrections } from './granted-correction.js';
export { findConcessions } from './concessions.js';
export { mostContested, type ContestedSentence, type ContestedSummary } from './summary.js';
export type { CorrectionPost } from './thread-index.js';
export { CORRECTION_WINDOW, ThreadWalk } from './thread-walk.js';

export interface CorrectionInput {
  post: CorrectionPost;
  /** Earlier posts in the thread, in order (same shape as post). */
  earlier: ReadonlyArray<CorrectionPost>;
  /** Article sentences with spans into the analysed input. Pass the same array for every post of a thread: the sentence index is cached on it. */
  articleSentences: ReadonlyArray<{ span: [number, number]; text: string }>;
  /** Article claims (spans into the input), may be empty. */
  articleClaims?: ReadonlyArray<Claim>;
  /** Corrections already found for earlier posts (post id -> corrections): marks corrections of corrections. */
  earlierCorrections?: ReadonlyMap<string, readonly Correction[]>;
  /** Paraphrase groups (built-in plus the caller's, see `withParaphrases`). Pass the same object for every post of a thread. Default: the built-in groups. */
  paraphrases?: Paraphrases;
  /** The index, window and sentences a `ThreadWalk` prepared for this post and `earlier` (the corrections step). Default: made from `earlier`. */
  prepared?: PreparedPost;
  /** Check-worthiness of sentences of the post already scored, by text (the claims step's); the others are scored with `scoreCheckworthiness`. */
  sentenceScores?: ReadonlyMap<string, number>;
}

/**
 * The detectors run on each sentence that someone else's words may answer, in this order (later ones see the
 * earlier ones' findings: a marker takes the target a value detector found).
 */
export const DETECTORS: readonly Detector[] = [
  valueMismatch,
  negatedClaim,
  refutingFact,
  notXButY,
  valueUpdate,
  valueVerdict,
  sourcedFigure,
  answersParent,
  ellipticalDenial,
  restatedAmount,
  articleReference,
  explicitMarker,
  closingRebuke,
];

/** Added to the rank of the sentence a quote repeats, for the sentences after the quote: more than a shared rare word. */
const QUOTED_BONUS = 2;

/** Candidates sharing a word that more than this share of the window's sentences have are not looked up by it. */
const COMMON_WORD_SHARE = 0.5;

/**
 * True when a sentence states something: at least three words with letters and not page chrome (see
 * `isChrome`). Corrections never point at anything else.
 */
function isStatement(u: Unit): boolean {
  // Kept on the unit rather than in a WeakMap: a field read is far cheaper than an ephemeron lookup, and it
  // goes when the unit goes.
  return (u.statement ??= statesSomething(u));
}

function statesSomething(u: Unit): boolean {
  const words = u.words.filter((w) => w.kind === 'word' && /[a-z]/i.test(w.text) && u.text[w.start - 1] !== '#');
  if (words.length < 3 || isChrome(u)) return false;
  // A sentence says something in lower-case words ("views", "am" alone are a counter and a clock), unless it
  // is a title-case headline of four words or more.
  const lower = words.filter((w) => /^[a-z]/.test(w.text)).length;
  return lower >= 2 || words.length - lower >= 4;
}

/**
 * True for header lines and counter rows caught in a text ("Date: Tue, 3 Mar 2026", "On Tue, Mar 3, 2026 at
 * 8:02 AM Ann <ann@x.org> wrote:", "♥ 6"): they state nothing. Short replies ("So no.") are not chrome.
 */
function isChrome(u: Unit): boolean {
  return (u.chrome ??= chromeLine(u));
}

function chromeLine(u: Unit): boolean {
  const words = u.words.filter((w) => w.kind === 'word' && /[a-z]/i.test(w.text));
  if (words.length === 0) return true;
  const text = u.text.trim();
  if (/\bwrote:$/i.test(text) || /^[A-Z][\w-]{1,20}: [^a-z]*$/.test(text)) return true;
  if (/^(?:date|from|to|subject|sent|cc|message)\s*:/i.test(text)) return true;
  if (/[<\s][\w.+-]+@[\w-]+\.[\w.]+/.test(text) && words.length < 8) return true;
  // A footer, byline stamp, reply notice or menu row the text still holds (session 29b).
  return isPageChromeSentence(u.text, u.words);
}

/** Openers that mock the view they answer ("Sure, because ...", "Sure, let's ...", "Yeah right"): sarcasm is no correction. */
function mocks(u: Unit): boolean {
  const first = u.words[0]?.lower;
  const second = u.words[1]?.lower;
  if (first === 'sure' && (second === 'because' || second === "let's" || second === 'let')) return true;
  return first === 'yeah' && second === 'right';
}

/** What every sentence of one post shares: the thread index, the window, the parent and the author's own posts. */
interface PostScope {
  post: CorrectionPost;
  sentences: PostSentence[];
  earlier: readonly CorrectionPost[];
  ownEarlier: DetectorContext['ownEarlier'];
  parent: CorrectionPost | undefined;
  postById(id: string | null): CorrectionPost | undefined;
  index: ThreadIndex;
  window: IndexWindow;
  foreign(candidate: Candidate): boolean;
  earlierCorrections: ReadonlyMap<string, readonly Correction[]> | undefined;
}

function postScope(input: CorrectionInput, paraphrases: Paraphrases): PostScope {
  const { post } = input;
  const { prepared } = input;
  const index = prepared?.index ?? threadIndex(input.articleSentences, paraphrases);
  const window = prepared?.window ?? index.window(input.earlier);
  let byId: Map<string, CorrectionPost> | null = null;
  const postById = (id: string | null): CorrectionPost | undefined => {
    if (id === null) return undefined;
    byId ??= new Map(input.earlier.map((p) => [p.id, p]));
    return byId.get(id);
  };
  // The parent, as `postById` finds it (the last post with that id), without indexing the whole window for it:
  // a parent is mostly one of the latest posts.
  const lastWithId = (id: string | null): CorrectionPost | undefined => {
    if (id === null) return undefined;
    for (let k = input.earlier.length - 1; k >= 0; k--) if (input.earlier[k]!.id === id) return input.earlier[k];
    return undefined;
  };
  const foreign = (candidate: Candidate): boolean =>
    isStatement(candidate.unit) &&
    (candidate.kind === 'article' || (candidate.post !== post && candidate.post!.id !== post.id && (candidate.post!.author === null || candidate.post!.author !== post.author)));
  // The author's latest five earlier posts, latest first.
  const ownEarlier: Array<{ post: CorrectionPost; sentences: PostSentence[] }> = [];
  if (post.author !== null) {
    for (let k = input.earlier.length - 1; k >= 0 && ownEarlier.length < 5; k--) {
      const p = input.earlier[k]!;
      if (p.author === post.author && p.id !== post.id) ownEarlier.push({ post: p, sentences: postUnits(p, paraphrases) });
    }
  }
  return { post, sentences: prepared?.sentences ?? postUnits(post, paraphrases), earlier: input.earlier, ownEarlier, parent: lastWithId(post.parentId), postById, index, window, foreign, earlierCorrections: input.earlierCorrections };
}

/**
 * The candidates a sentence may correct, best first: those sharing a not-too-common content word (weighted by
 * rarity), plus, for a he/she subject that names nobody, the reported statements of the article and the parent
 * that name someone (as if they shared the name); a bonus for the parent and for two reported statements.
 */
function rankCandidates(unit: Unit, scope: PostScope, quoted: number | undefined): { rank: () => Candidate[]; best: DetectorContext['best']; speakerLinked: () => ReadonlySet<Candidate> } {
  const { index, foreign } = scope;
  const candidates = index.cands;
  // Scored when a detector first asks: most sentences meet no detector that reads the ranking.
  let scored: { scores: Map<number, number>; speaker: Set<number> } | undefined;
  const scoresOf = (): Map<number, number> => (scored ??= scoreCandidates(unit, scope, quoted)).scores;
  const bonus = (id: number): number => rankBonus(scope, unit, quoted, id);
  const best = (ids: Iterable<number>): Candidate | null => {
    const scores = scoresOf();
    const score = (id: number): number => scores.get(id) ?? bonus(id);
    let top = -1;
    for (const id of ids) {
      if (!foreign(candidates[id]!)) continue;
      if (top < 0 || score(id) > score(top) || (score(id) === score(top) && candidates[id]!.abs[0] < candidates[top]!.abs[0])) top = id;
    }
    return top < 0 ? null : candidates[top]!;
  };
  let ranked: Candidate[] | undefined;
  const rank = (): Candidate[] => (ranked ??= [...scoresOf().entries()].sort((a, b) => b[1] - a[1] || candidates[a[0]]!.abs[0] - candidates[b[0]]!.abs[0]).map(([id]) => candidates[id]!));
  let linked: Set<Candidate> | undefined;
  const speakerLinked = (): ReadonlySet<Candidate> => {
    scoresOf();
    return (linked ??= new Set([...scored!.speaker].map((id) => candidates[id]!)));
  };
  return { rank, best, speakerLinked };
}

/** What a candidate gains beyond shared words: being the parent's sentence, two reported statements, being the sentence quoted above. */
function rankBonus(scope: PostScope, unit: Unit, quoted: number | undefined, id: number): number {
  const c = scope.index.cands[id]!;
  return (c.post !== null && c.post.id === scope.post.parentId ? 0.5 : 0) + (unit.speech && c.unit.speech ? 0.5 : 0) + (id === quoted ? QUOTED_BONUS : 0);
}

/** The scores of `rankCandidates`: each candidate's hit weight plus its bonus, and the speaker-linked ids. */
function scoreCandidates(unit: Unit, scope: PostScope, quoted: number | undefined): { scores: Map<number, number>; speaker: Set<number> } {
  const { index, window, parent, foreign } = scope;
  const candidates = index.cands;
  const maxDocumentFrequency = Math.max(8, Math.ceil(window.size * COMMON_WORD_SHARE));
  // Each candidate's hit weight, summed in a scratch array by id; `touched` keeps the ids in first-hit order.
  if (hitWeights.length < candidates.length) hitWeights = new Float64Array(Math.max(candidates.length, 2 * hitWeights.length));
  const weights = hitWeights;
  const touched: number[] = [];
  // Weights are positive, so 0 means not hit yet.
  const hit = (id: number, weight: number): void => {
    if (weights[id] === 0) touched.push(id);
    weights[id] = weights[id]! + weight;
  };
  for (const lemma of unit.content) {
    const ids = index.withLemmaUpTo(lemma, window, maxDocumentFrequency);
    if (ids === null || ids.length === 0) continue;
    const weight = 1 / Math.log2(1 + ids.length);
    for (const id of ids) hit(id, weight);
  }
  // "He said this in 2016": a he/she subject, with no name of its own in the sentence, stands for the person
  // named in a reported statement of the article or the parent post. When the sentence reports speech itself
  // ("He said it at the hearing in 2018"), a reported statement whose speaker is named by a role ("The mayor
  // said in 2020 ...") is one too.
  const speaker = new Set<number>();
  if (pronounSubject(unit.words) >= 0 && unit.capital.size === 0) {
    const namedStatement = (id: number): boolean => candidates[id]!.unit.speech && (unit.speech || namesSomeone(candidates[id]!.unit));
    for (let id = 0; id < index.articleCount; id++) if (namedStatement(id)) speaker.add(id);
    if (parent) for (const id of index.sentencesOf(parent)) if (namedStatement(id) && foreign(candidates[id]!)) speaker.add(id);
    for (const id of speaker) hit(id, 1);
  }
  // The sentence a quote above this one repeats is what it answers, whether or not it repeats a word of it.
  if (quoted !== undefined) hit(quoted, 0);
  // A count in a reply may answer a count of the parent's under another noun ("38,212 finishers" under "50,000
  // runners finished"): the parent's sentences with a count are candidates even without a shared word.
  if (parent && unit.values.some((v) => v.kind === 'quantity')) {
    for (const id of index.sentencesOf(parent)) if (weights[id] === 0 && candidates[id]!.unit.values.some((v) => v.kind === 'quantity')) hit(id, 0);
  }
  const bonus = (id: number): number => rankBonus(scope, unit, quoted, id);
  const scores = new Map<number, number>();
  for (const id of touched) {
    if (foreign(candidates[id]!)) scores.set(id, weights[id]! + bonus(id));
    weights[id] = 0;
  }
  return { scores, speaker };
}

// The scratch array of `rankCandidates` (zero between calls), grown with the thread's candidates.
let hitWeights = new Float64Array(1024);

/** A detector's finding as a Correction (evidence spans from the sentence to input offsets). */
function toCorrection(finding: DetectorFinding, unit: Unit, post: CorrectionPost, map: (offset: number) => number, cue: Correction['cue'] = finding.cue, note = finding.note): Correction {
  const target = finding.target;
  const evidence: Evidence[] = finding.evidence.map((span) => {
    const inPost: Span = [unit.span[0] + span[0], unit.span[0] + span[1]];
    return { span: toAbs(map, inPost), text: post.text.slice(inPost[0], inPost[1]), cue: finding.cue };
  });
  return {
    kind: finding.kind ?? (target.kind === 'article' ? 'article' : 'post'),
    target: target.kind === 'article' ? { kind: 'article', span: [target.abs[0], target.abs[1]], text: target.unit.text } : { kind: 'post', postId: target.post!.id, span: [target.abs[0], target.abs[1]], text: target.unit.text },
    evidence,
    cue,
    detector: finding.detector ?? selfRestatement.id,
    note,
    confidence: finding.strength,
  };
}

/**
 * Finds where `input.post` corrects the article, an earlier post, or its author's own previous post.
 * Spans are absolute input offsets. Disagreement or insults alone are never corrections: every cue needs
 * a contradicting figure, date, negated or refuting statement, or an explicit marker followed by a fact.
 */
export function findCorrections(input: CorrectionInput): Correction[] {
  const out: Correction[] = [];
  for (const { correction, features } of collectCorrections(input)) {
    const probability = Math.round(predict(CORRECTION_MODEL, features)[0]! * 1000) / 1000;
    out.push({ ...correction, confidence: probability });
  }
  return out;
}

/** The shipped scorer's probability for a pair's features (`pairFeatures`). */
export function correctionProbability(features: Array<[string, number]>): number {
  return predict(CORRECTION_MODEL, features)[0]!;
}

/** A correction as the detectors found it, with the pair features the scorer reads. */
export interface ScoredCandidate {
  correction: Correction;
  features: Array<[string, number]>;
  /** A plain different figure: what its two figures count (value-mismatch.ts; studies read it). */
  counted?: CountedPair;
}

/**
 * Every correction the detectors find for `input.post`, before scoring, each with its pair features
 * (`pairFeatures`). `findCorrections` scores them with the shipped model; the training script fits it on them.
 */
export function collectCorrections(input: CorrectionInput): ScoredCandidate[] {
  validateInput(input);
  const { post } = input;
  const map = lineOffsetMapper(post);
  const paraphrases = input.paraphrases ?? BUILTIN_PARAPHRASES;
  const out: ScoredCandidate[] = [];
  const isReply = post.parentId !== null;
  const wholePost = (correction: Correction, sentence: Unit | null): ScoredCandidate => ({
    correction,
    features: pairFeatures({ detector: correction.detector, cue: correction.cue, kind: correction.kind, strength: correction.confidence, sentence, target: null, repliesToTarget: correction.target.kind === 'post' && correction.target.postId === post.parentId, isReply }),
  });
  const starOrEdit = findStarOrEdit(post, input.earlier, map, paraphrases);
  if (starOrEdit) out.push(wholePost(starOrEdit, null));
  const scope = postScope(input, paraphrases);
  // "Fair enough ... 26 it is." under the reply that corrected the writer: the writer fixes their own figure.
  const conceded = starOrEdit ? null : findConcededSelf(scope, map, paraphrases);
  if (conceded) out.push(wholePost(conceded, null));
  // "Thanks Ellie, you're right ... We've corrected the story." under a correction of the article: the article was wrong.
  const concededArticle = starOrEdit || conceded ? null : findConcededArticle(scope, map);
  if (concededArticle) out.push(wholePost(concededArticle, null));

  const { index, window, parent, sentences } = scope;
  const isCorrectionPost = (p: CorrectionPost): boolean => {
    const corrected = input.earlierCorrections?.get(p.id);
    return corrected ? corrected.length > 0 : index.sentencesOf(p).some((id) => markerAt(index.cands[id]!.unit.text, MARKERS) !== null);
  };
  // A reply that meets the very article sentence its parent corrected answers the parent ("the council says the
  // full price is £1,150" under "£400 ... is not subsidised"). Agreement openers keep the article as the target.
  const opensAgreeing = AGREE.has(sentences[0]?.unit.words[0]?.lower ?? '');
  const parentFixes = parent && !opensAgreeing ? (input.earlierCorrections?.get(parent.id) ?? []).filter((c) => c.kind === 'article') : [];
  const seen = new Set<string>();
  let previousTarget: Candidate | null = null;
  const scored = (finding: DetectorFinding, unit: Unit, correction: Correction): ScoredCandidate => ({
    correction,
    features: pairFeatures({
      detector: finding.detector ?? selfRestatement.id,
      cue: correction.cue,
      kind: correction.kind,
      strength: finding.strength,
      sentence: unit,
      target: finding.target.unit,
      repliesToTarget: finding.target.post !== null && finding.target.post.id === post.parentId,
      isReply,
      links: finding.links,
    }),
    ...(finding.counted ? { counted: finding.counted } : {}),
  });

  const quotes = findPostQuotes(post, sentences, index, window, scope.foreign, parent, paraphrases);
  // The sentence the latest quote above repeats: what the writer answers until the next quote.
  let quoted: number | undefined = quotes.above;
  sentences.forEach(({ unit }, at) => {
    // Someone else's words, quoted to be answered: not the writer's statement.
    if (quotes.isQuote[at]) {
      quoted = quotes.source[at] ?? quoted;
      return;
    }
    // A question asks; it does not correct ("Wasn't it 2019?"); page chrome states nothing.
    if (unit.question || isChrome(unit)) return;
    const marked = findMarkedSelf(post, sentences, at, input.earlier, map);
    if (marked) {
      out.push(wholePost(marked, unit));
      return;
    }
    const { rank, best, speakerLinked } = rankCandidates(unit, scope, quoted);
    const factual = unit.values.some((v) => /\d/.test(v.text)) || (input.sentenceScores?.get(unit.text) ?? scoreCheckworthiness(unit.text)) >= 0.5;
    // A figure the article itself states somewhere ("when fares went up by 5.9%") is not a different number
    // for another of its sentences: the post agrees with the article there.
    const statedInArticle = (valueIndex: number): boolean =>
      unit.keys[valueIndex]!.some((key) => index.withValue(key, window).some((id) => index.cands[id]!.kind === 'article' && index.cands[id]!.unit.values.some((v, vi) => !isDateValue(v) && index.cands[id]!.unit.keys[vi]!.includes(key))));
    const found: DetectorFinding[] = [];
    const context: DetectorContext = {
      post, sentences, at, earlier: scope.earlier, ownEarlier: scope.ownEarlier, parent, postById: scope.postById, index, window,
      get ranked() {
        return rank();
      },
      get speakerLinked() {
        return speakerLinked();
      },
      best, foreign: scope.foreign, factual, statedInArticle, earlierCorrections: input.earlierCorrections, found, previousTarget,
      quoted: quoted === undefined ? null : index.cands[quoted]!,
    };
    // The author restating their own words ("it was the 12th, not the 11th"): a self-correction, and nothing else.
    const restated = selfRestatement.find(unit, context);
    if (restated.length > 0) {
      for (const finding of restated) out.push(scored(finding, unit, toCorrection(finding, unit, post, map)));
      return;
    }
    if (mocks(unit)) return;
    for (const detector of DETECTORS) {
      for (const finding of detector.find(unit, context)) {
        finding.detector ??= detector.id;
        found.push(finding);
      }
    }
    // A reply's opening denial followed by what holds instead, proposed only where no detector found anything
    // (denied-and-replaced.ts; its findings name the detector they report as).
    if (found.length === 0) for (const finding of deniedReplaced.find(unit, context)) found.push(finding);
    // A reply's replacement value for the parent's, proposed only where no detector found anything (parent-slot.ts).
    if (found.length === 0) {
      for (const finding of parentSlot.find(unit, context)) {
        finding.detector ??= parentSlot.id;
        found.push(finding);
      }
    }

    for (const finding of found) {
      if (finding.target.kind !== 'article' || parentFixes.length === 0) continue;
      const same = parentFixes.filter((c) => c.target.span[0] === finding.target.abs[0] && c.target.span[1] === finding.target.abs[1]);
      const answered = same.length > 0 ? answeredSentence(parent!, unit, same, index, unit) : null;
      if (answered) finding.target = answered;
    }
    for (const finding of found) {
      const target = finding.target;
      const key = `${target.abs[0]}:${target.abs[1]}:${finding.cue}`;
      if (seen.has(key)) continue;
      seen.add(key);
      previousTarget = target;
      const correction =
        target.kind === 'post' && isCorrectionPost(target.post!)
          ? toCorrection(finding, unit, post, map, 'correction-of-correction', `corrects a correction (${finding.cue}): ${finding.note}`)
          : toCorrection(finding, unit, post, map);
      out.push(scored(finding, unit, correction));
    }
  });
  // A plain different figure against the article whose two figures count different things (counted-noun.ts,
  // session 37) corroborates another finding of the post; it never flags a post alone.
  return out.every(corroboratesOnly) ? [] : out;
}

/** A plain different figure against an article sentence whose counted nouns both read and share nothing, with no other link. */
function corroboratesOnly(c: ScoredCandidate): boolean {
  return c.counted !== undefined && c.correction.kind === 'article' && !c.counted.linked && countedApart(c.counted.post, c.counted.target);
}
