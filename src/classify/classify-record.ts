import type { Act, Claim, ModerationResult, SentimentResult, StanceResult } from '../schema/classify.js';
import { detectActs } from './acts/index.js';
import { detectClaims } from './claims/index.js';
import { normalizeTargets, type ClassifyOptions } from './classify-document.js';
import { scoreSentimentAndModeration } from './sentiment-and-moderation.js';
import { classifyStance } from './stance/index.js';
import { maskHandles } from '../text/mask-handles.js';

/** One record of `threadlens classify`: a comment on its own. */
export interface ClassifyRecord {
  /** Echoed back as given. */
  id?: unknown;
  text: string;
  /** Stance target(s) for this record, added to `options.targets`. */
  target?: string | string[];
}

/** What `classifyRecord` returns for one record. */
export interface ClassifyRecordResult {
  id: unknown;
  sentiment: SentimentResult;
  acts: Act[];
  moderation: ModerationResult;
  /** Present when a target was given (in the record or the options). */
  stances?: StanceResult[];
  claims: Claim[];
}

/**
 * Classifies one comment on its own (no thread): sentiment, acts, moderation, claims, and stance toward
 * the record's targets. Spans are offsets into `record.text`. Throws `ThreadlensOptionError` on bad options.
 */
export function classifyRecord(record: ClassifyRecord, options: ClassifyOptions = {}): ClassifyRecordResult {
  // Acts see the text as written; the others see "@handles" blanked out (offsets unchanged).
  const text = maskHandles(record.text);
  const recordTargets = record.target === undefined ? [] : Array.isArray(record.target) ? record.target : [record.target];
  const targets = [...(normalizeTargets(options.targets) ?? []), ...(normalizeTargets(recordTargets.filter((t) => typeof t === 'string' && t.trim())) ?? [])];
  const { sentiment, moderation } = scoreSentimentAndModeration(
    text,
    options.sentimentLexicon ? { lexicon: options.sentimentLexicon } : undefined,
    options.moderationTerms ? { terms: options.moderationTerms } : undefined,
  );
  const result: ClassifyRecordResult = { id: record.id ?? null, sentiment, acts: detectActs(record.text), moderation, claims: detectClaims(text) };
  if (targets.length > 0) result.stances = classifyStance(text, targets);
  return result;
}
