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
// 2026-12-03 afternoon refit (L2 1e-4): profanity, identityAttack and threat moved to the raw output at which that refit
// flagged as many ToxiSpans comments as the previous fit did at its k-fold choice (0.11, 0.16, 0.1); not re-chosen since.
// 2026-12-03 evening refit (denials reach 3 words, no sparse aimed-word features): insult re-chosen on out-of-fold
// predictions, F1-optimal for "most raters mark an insult" over a held-out third of ToxiSpans plus a held-out third of the
// ordinary-text negatives (a comment section is mostly ordinary talk), same folds as section 20 (docs/moderation.md).
export const ATTRIBUTE_THRESHOLDS = { toxicity: 0.5, insult: 0.335, profanity: 0.12, identityAttack: 0.2, threat: 0.13 };

/** The span model's notes (written by train-moderation.ts). */
export const SPAN_NOTES =
  "Sigmoid over each word of a ToxiSpans comment, read against the comment's strongest cues: 1 when most of its characters were marked by at least 2 raters. Highlight when >= thresholds.marked, the comment is flagged (highest attribute >= thresholds.gate) and its best word reaches thresholds.gateWord; words aimed at an idea never; adjacent words merge into one span.";
