/**
 * Span highlighting thresholds written into spans.model.json: a word is highlighted when the span model gives it
 * at least `marked` and the comment's highest attribute score is at least `gate`, and the comment's best
 * word reaches `gateWord` (0.35 / 0.5 chosen on scripts/eval/moderation-span-cv.ts's 3-fold grid; the comment gate 0.3 is
 * the one section 20 chose before the span model read its comment). Chosen on the 3-fold
 * cross-validated grid that scripts/eval/20-moderation.ts prints (docs/moderation.md).
 */
export const SPAN_THRESHOLDS = { marked: 0.35, gate: 0.3, gateWord: 0.5 };

/**
 * Per attribute: the comment model's raw output at which a comment is called positive (F1-optimal for "most raters
 * see it" on the 3-fold cross-validated ToxiSpans scores, printed by scripts/eval/20-moderation.ts). `moderate`
 * maps that point to a score of 0.5, linearly on both sides, so "score >= 0.5" is that decision; the ranking is
 * unchanged.
 */
// Toxicity keeps 0.5: most ToxiSpans comments are toxic, so its F1-optimal point (0.05) would call everything toxic.
export const ATTRIBUTE_THRESHOLDS = { toxicity: 0.5, insult: 0.27, profanity: 0.11, identityAttack: 0.16, threat: 0.1 };
