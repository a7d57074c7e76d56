/**
 * The shape every correction detector has: `{ id, find(unit, context) }`. A detector looks at one sentence of
 * the post and returns what it may correct; `index.ts` gathers the findings of all detectors and ranks them.
 */
import type { Correction } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';
import type { Candidate, CorrectionPost, IndexWindow, ThreadIndex } from './thread-index.js';
import type { Unit } from './units.js';

/** A sentence of a post with its absolute span in the input. */
export interface PostSentence {
  unit: Unit;
  abs: Span;
}

/** What a detector sees besides the sentence itself. */
export interface DetectorContext {
  post: CorrectionPost;
  /** The post's sentences, in order. */
  sentences: readonly PostSentence[];
  /** Index of the sentence being looked at in `sentences`. */
  at: number;
  /** Earlier posts of the thread (the window), in order. */
  earlier: readonly CorrectionPost[];
  /** The sentences of the author's own earlier posts, latest post first (at most five posts). */
  ownEarlier: ReadonlyArray<{ post: CorrectionPost; sentences: readonly PostSentence[] }>;
  /** The post replied to, when it is among the earlier posts. */
  parent: CorrectionPost | undefined;
  postById(id: string | null): CorrectionPost | undefined;
  /** The article sentences and earlier post sentences, indexed by word and by value. */
  index: ThreadIndex;
  window: IndexWindow;
  /** Candidates that share rare words with the sentence (or stand for its he/she subject), best first. */
  ranked: readonly Candidate[];
  /** The best-ranked candidate among these index ids that someone else wrote (or null). */
  best(ids: Iterable<number>): Candidate | null;
  /** True when the candidate is someone else's statement: an article sentence or another author's post sentence. */
  foreign(candidate: Candidate): boolean;
  /** Candidates linked to the sentence through its he/she subject (the person speaking in them). */
  speakerLinked: ReadonlySet<Candidate>;
  /** True when the sentence states a checkable fact (a figure, or a check-worthy claim). */
  factual: boolean;
  /** True when the value at this index is stated in the article itself (so the post agrees there). */
  statedInArticle(valueIndex: number): boolean;
  earlierCorrections: ReadonlyMap<string, readonly Correction[]> | undefined;
  /** Findings of the detectors that ran before on this sentence. */
  found: readonly DetectorFinding[];
  /** The target of the post's previous finding, if any. */
  previousTarget: Candidate | null;
  /** The sentence a quote above this one repeats (`> ...`, `[quote]`, a repeated first line; see quotes.ts): what this sentence answers. */
  quoted: Candidate | null;
}

/** One finding of a detector: the sentence it corrects and the contradicting words. */
export interface DetectorFinding {
  target: Candidate;
  /** Correction kind when not read from the target (`self` for the author's own words). */
  kind?: Correction['kind'];
  cue: Correction['cue'];
  /** Spans of the contradicting words, relative to the sentence's text. */
  evidence: Span[];
  note: string;
  /** 0..1: how sure the detector is before the pair is scored. */
  strength: number;
  /** The id of the detector that found it (filled in when findings are gathered). */
  detector?: Correction['detector'];
  /** How a proposed pair was linked, for the scorer (`link:` features; parent-slot.ts). */
  links?: readonly string[];
  /** What the two figures of a plain different figure count (value-mismatch.ts, counted-noun.ts); absent for every other finding. */
  counted?: CountedPair;
}

/** The counted noun phrases of a post figure and a target figure (lemmas, head last; null when none reads). */
export interface CountedPair {
  post: readonly string[] | null;
  target: readonly string[] | null;
  /**
   * Something else links the pair: the sentence is quoted above the post, both are statements of one speaker, or one
   * figure's noun names the doer of a verb by the other ("38,212 finishers", "50,000 runners finished").
   */
  linked: boolean;
}

export interface Detector {
  /** Stable name of the detector (its file name): each correction it finds carries it as `detector`, beside a `cue`. */
  id: Correction['detector'];
  find(unit: Unit, context: DetectorContext): DetectorFinding[];
}
