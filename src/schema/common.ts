import { z } from 'zod';

/** `[start, end)` UTF-16 offsets into the analysed text: `text.slice(start, end)` is the node's text. */
export const SpanSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
/** `[start, end)` UTF-16 offsets. */
export type Span = z.infer<typeof SpanSchema>;

/** A piece of text that justified a label, with where it stands. */
export const EvidenceSchema = z.object({
  /** Where the evidence stands in the analysed text. */
  span: SpanSchema,
  /** The evidence text itself (`slice(span)`). */
  text: z.string(),
  /** Which rule or lexicon entry fired, e.g. `negation`, `lexicon:idiot`. */
  cue: z.string(),
});
/** Evidence for a label. */
export type Evidence = z.infer<typeof EvidenceSchema>;

/** A problem found in the input. Odd input never throws; it becomes one of these. */
export const MessageSchema = z.object({
  /** Stable identifier of the rule that produced the message, e.g. `thread/missing-parent`. */
  ruleId: z.string(),
  /** `info` for notes, `warning` for input that was handled by a guess. */
  severity: z.enum(['info', 'warning']),
  /** Where in the analysed text, or null for the whole input. */
  place: SpanSchema.nullable(),
  /** A sentence for people. */
  reason: z.string(),
  /** What was found, when it helps. */
  actual: z.string().nullable().optional(),
  /** What was expected, when it helps. */
  expected: z.string().nullable().optional(),
});
/** A problem found in the input. */
export type Message = z.infer<typeof MessageSchema>;

/** A sentence with its place in the analysed text. */
export const SentenceSchema = z.object({
  span: SpanSchema,
  text: z.string(),
});
/** A sentence with its span. */
export type Sentence = z.infer<typeof SentenceSchema>;
