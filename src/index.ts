/**
 * threadlens: parse news article dumps with their reader comment threads into position-tracked posts,
 * and tell what each post does.
 */
export { analyze, safeAnalyze, type AnalyzeOptions } from './analyze.js';
export { parse, safeParse, checkParseOptions, DEFAULT_MAX_INPUT_BYTES, type ParseOptions } from './parse.js';
export { CLASSIFY_STEPS, classifyDocument, normalizeSteps, normalizeTargets, type ClassifyOptions, type ClassifyStep } from './classify/classify-document.js';
export { classifyRecord, type ClassifyRecord, type ClassifyRecordResult } from './classify/classify-record.js';
export { scoreSentiment, type SentimentOptions } from './classify/sentiment/index.js';
export { moderate, summarizeSentiment, type ModerationOptions } from './classify/moderation/index.js';
export { detectActs, classifyReplyStance } from './classify/acts/index.js';
export { detectClaims, trainClaimModel, SHIPPED_CLAIM_MODEL } from './classify/claims/index.js';
export { classifyStance, trainStanceModel, summarizeStances } from './classify/stance/index.js';
export { deriveTargets } from './classify/targets/index.js';
export { findCorrections, findConcessions, findArticleInconsistencies, mostContested } from './classify/corrections/index.js';
export { withParaphrases, type Paraphrases } from './classify/corrections/paraphrase.js';
export { formatText } from './report/format-text.js';
export { renderHtml, type RenderHtmlOptions } from './report/html/render-html.js';
export { documentJsonSchema, inputJsonSchema, type JsonSchemaObject } from './schema/json-schema.js';
export { splitSentences } from './text/sentences.js';
export { CHROME_PATTERNS, type ChromePattern } from './ingest/chrome-patterns.js';
export type { StyleDefinition } from './ingest/styles/custom.js';
export { ThreadlensInputError, ThreadlensOptionError } from './errors.js';
export type { SafeResult } from './safe.js';
export { VERSION } from './version.js';
export * from './schema/common.js';
export * from './schema/classify.js';
export * from './schema/document.js';
export * from './schema/input.js';
