/**
 * The shape every correction detector has: `{ id, find(unit, context) }`. A detector looks at one sentence of
 * the post and returns what it may correct; `index.ts` gathers the findings of all detectors and ranks them.
 */
import type { Correction } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';
import type { Candidate, CorrectionPost } from './thread-index.js';
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
}

/** One finding of a detector: the sentence it corrects and the contradicting words. */
export interface DetectorFinding {
  target: Candidate;
  /** Correction kind: the author's own words make it `self`. */
  kind: Correction['kind'];
  cue: Correction['cue'];
  /** Spans of the contradicting words, relative to the sentence's text. */
  evidence: Span[];
  note: string;
  /** 0..1: how sure the detector is before the pair is scored. */
  strength: number;
}

export interface Detector {
  /** Stable name, carried as the finding's `cue`. */
  id: Correction['cue'];
  find(unit: Unit, context: DetectorContext): DetectorFinding[];
}
