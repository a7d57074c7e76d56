import { z } from 'zod';
import { EvidenceSchema, SpanSchema } from './common.js';

// ---- Sentiment -------------------------------------------------------------------------------------

/** Sentiment labels: `mixed` when strong positive and negative sentences both occur. */
export const SentimentLabelSchema = z.enum(['positive', 'negative', 'neutral', 'mixed']);

/** Sentiment of one sentence, with the cues that drove it. */
export const SentenceSentimentSchema = z.object({
  span: SpanSchema,
  label: SentimentLabelSchema,
  /** -1 (most negative) .. 1 (most positive). */
  score: z.number().min(-1).max(1),
  /** The words, emoji and rules that drove the score. */
  evidence: z.array(EvidenceSchema),
});

/** Sentiment of a post or text: label, score in -1..1, per-sentence scores, evidence and sarcasm cues. */
export const SentimentSchema = z.object({
  label: SentimentLabelSchema,
  /** -1 (most negative) .. 1 (most positive); does not saturate on long posts. */
  score: z.number().min(-1).max(1),
  sentences: z.array(SentenceSentimentSchema),
  /** The strongest cues over the whole text. */
  evidence: z.array(EvidenceSchema),
  /**
   * The cues that made the sarcasm detector fire ("Oh sure, that will work", scare quotes, a praise word beside
   * a bad situation, an eye-roll emoji); empty when it did not. When it fires, positive sentences holding a cue
   * and a positive post are damped (`possible`) or flipped to negative and damped (`flip`).
   */
  sarcasm: z.array(EvidenceSchema),
  /** The sarcasm detector's probability (0..1), present only when it fired. Additive since 0.1. */
  sarcasmProbability: z.number().min(0).max(1).optional(),
  /**
   * How the detector fired, present only when it did: `possible` (praise damped) or `flip` (praise read as its
   * opposite: a strict threshold and a form cue such as "Sure, because ...", or "/s"). Additive.
   */
  sarcasmLevel: z.enum(['possible', 'flip']).optional(),
});
/** Sentiment of a text. */
export type SentimentResult = z.infer<typeof SentimentSchema>;

// ---- Discourse acts --------------------------------------------------------------------------------

/** Discourse acts threadlens detects. */
export const ActKindSchema = z.enum([
  'question',
  'rhetorical-question',
  'agreement',
  'disagreement',
  'concession',
  'prediction',
  'call-to-action',
  'meta-comment',
  'self-correction',
]);
/** One discourse act found in a text, with its evidence span. */
export const ActSchema = z.object({
  act: ActKindSchema,
  /** 0..1: how strongly the cue shows the act. */
  confidence: z.number().min(0).max(1),
  evidence: EvidenceSchema,
});
/** A discourse act. */
export type Act = z.infer<typeof ActSchema>;

/** Stance of a reply toward its parent post (RumourEval labels). */
export const ReplyStanceSchema = z.object({
  /** Stance toward the parent post, as in RumourEval. */
  label: z.enum(['support', 'deny', 'query', 'comment']),
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
});
/** Stance toward the parent post. */
export type ReplyStance = z.infer<typeof ReplyStanceSchema>;

// ---- Moderation ------------------------------------------------------------------------------------

/** How strongly the text shows the attribute: 0..1, the learned model's estimate of the share of raters who would see it. */
export const SignalSchema = z.object({
  score: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
});
/** A highlighted phrase: what a moderator should look at, and which attribute it shows. */
export const ModerationSpanSchema = z.object({
  span: SpanSchema,
  text: z.string(),
  attribute: z.enum(['toxicity', 'insult', 'profanity', 'identityAttack', 'threat']),
  score: z.number().min(0).max(1),
});
/** Moderation signals, each a 0..1 strength with evidence; no threshold is imposed. */
export const ModerationSchema = z.object({
  toxicity: SignalSchema,
  insult: SignalSchema,
  profanity: SignalSchema,
  identityAttack: SignalSchema,
  threat: SignalSchema,
  /**
   * The phrases a moderator should see highlighted, in text order, not overlapping: `span` in input offsets,
   * `text` = the input's slice, the `attribute` it shows and the span model's `score` (0..1). Empty when every
   * attribute's score is under 0.1 or no word is likely marked (with `moderationSpans: 'flagged'`: when no attribute
   * flags the text).
   */
  spans: z.array(ModerationSpanSchema),
});
/** Moderation signals of a text. */
export type ModerationResult = z.infer<typeof ModerationSchema>;

// ---- Stance ----------------------------------------------------------------------------------------

/** A stance target: a topic or entity with the aliases that name it. */
export const TargetSchema = z.object({
  /** Display name, e.g. "SOFA revision". */
  name: z.string().min(1),
  /** Other ways the text may name it (case-insensitive whole words). */
  aliases: z.array(z.string()).default([]),
  /** True when threadlens derived it from the article (its subject), not given by the caller. */
  derived: z.boolean().optional(),
});
/** A stance target (aliases filled in). */
export type Target = z.infer<typeof TargetSchema>;
/** A stance target as callers give it (aliases optional). */
export type TargetInput = z.input<typeof TargetSchema>;

/** Stance of a text toward one target. */
export const StanceSchema = z.object({
  target: z.string(),
  label: z.enum(['favor', 'against', 'neutral']),
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
  /** True when the text never names the target: the stance is read from its overall tone or inherited from its parent. */
  implicit: z.boolean().optional(),
});
/** Stance toward one target. */
export type StanceResult = z.infer<typeof StanceSchema>;

// ---- Claims ----------------------------------------------------------------------------------------

/** Kinds of factual claims. */
export const ClaimKindSchema = z.enum([
  'statistic',
  'date-or-event',
  'legal-or-policy',
  'attribution-or-quote',
  'causal',
  'comparison',
  'prediction',
]);

/** A normalised number, date or entity inside a claim. */
export const ClaimValueSchema = z.object({
  kind: z.enum(['number', 'percent', 'money', 'quantity', 'date', 'year', 'entity']),
  text: z.string(),
  span: SpanSchema,
  /** Normalised value: a number, an ISO date (`yyyy`, `yyyy-mm`, `yyyy-mm-dd`) or an entity name. */
  value: z.union([z.number(), z.string()]),
  /** Unit or currency when known ("troops", "JPY", "USD", "%"). */
  unit: z.string().nullable(),
  /** True for "2016 or so", "about 50,000", "over 10 trillion yen". */
  approximate: z.boolean(),
});
/** A normalised value in a claim. */
export type ClaimValue = z.infer<typeof ClaimValueSchema>;

/** A check-worthy factual claim in one sentence. */
export const ClaimSchema = z.object({
  text: z.string(),
  span: SpanSchema,
  kind: ClaimKindSchema,
  /** 0..1: how much the sentence deserves a fact check. */
  checkworthiness: z.number().min(0).max(1),
  values: z.array(ClaimValueSchema),
  /** "I think", "or so", "probably": the hedge, or null. */
  hedge: EvidenceSchema.nullable(),
  /** For a quoted statement: who said it ("said Hamada"), else null. */
  speaker: z.string().nullable(),
});
/** A factual claim. */
export type Claim = z.infer<typeof ClaimSchema>;

// ---- Corrections -----------------------------------------------------------------------------------

/** How a correction contradicts what it corrects. */
export const CorrectionCueSchema = z.enum([
  'different-number',
  'different-date',
  'negated-statement',
  'refuting-fact',
  'explicit-marker',
  'not-x-but-y',
  'internal-inconsistency',
  'correction-of-correction',
  'self-correction',
]);

/**
 * The detector that found a correction (its file in src/classify/corrections; `star-or-edit` and
 * `self-marker` are the two whole-post rules of self.ts, `article-inconsistency` the article checked against itself).
 */
export const CorrectionDetectorSchema = z.enum([
  'value-mismatch',
  'negated-claim',
  'refuting-fact',
  'not-x-but-y',
  'value-update',
  'value-verdict',
  'sourced-figure',
  'answers-parent',
  'elliptical-denial',
  'restated-amount',
  'article-reference',
  'explicit-marker',
  'closing-rebuke',
  'self-restatement',
  'star-or-edit',
  'self-marker',
  'article-inconsistency',
]);

/** What a correction corrects: an article sentence, or a passage of an earlier post. */
export const CorrectionTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('article'),
    /** The corrected article sentence or quoted claim. */
    span: SpanSchema,
    text: z.string(),
  }),
  z.object({
    kind: z.literal('post'),
    postId: z.string(),
    span: SpanSchema,
    text: z.string(),
  }),
]);

/** A correction of the article, of another post, or of the author's own post. */
export const CorrectionSchema = z.object({
  kind: z.enum(['article', 'post', 'self']),
  target: CorrectionTargetSchema,
  /** The correcting words in this post. */
  evidence: z.array(EvidenceSchema),
  /** How it contradicts the target. */
  cue: CorrectionCueSchema,
  /** Which detector found it (`cue` says how it contradicts; several detectors share a cue). */
  detector: CorrectionDetectorSchema,
  /** A sentence for people, e.g. "2016 here, 2019 in the article". */
  note: z.string(),
  confidence: z.number().min(0).max(1),
});
/** A correction. */
export type Correction = z.infer<typeof CorrectionSchema>;

/** A post that concedes ("My mistake") links to the post that corrected it. */
export const ConcessionSchema = z.object({
  postId: z.string(),
  evidence: EvidenceSchema,
});
/** A concession. */
export type Concession = z.infer<typeof ConcessionSchema>;
