/**
 * Span highlighting thresholds written into spans.model.json: a word is highlighted when the span model gives it
 * at least `marked` and the comment's highest attribute score is at least `gate`. Chosen on the 5-fold
 * cross-validated grid that scripts/eval/20-moderation.ts prints (docs/moderation.md).
 */
export const SPAN_THRESHOLDS = { marked: 0.4, gate: 0.3 };
