/**
 * threadlens: parse news article dumps with their reader comment threads into position-tracked posts,
 * and tell what each post does. The zod schemas and JSON Schemas are in `threadlens/schema`.
 */
export { parse, safeParse } from './parse.js';
export { analyze, analyzeAsync, labelPosts, safeAnalyze, type BatchLabeler, type BatchPlan, type PostBatch, type PostLabels } from './analyze.js';
export { classifyRecord, type ClassifyRecord, type ClassifyRecordResult } from './classify/classify-record.js';
export { compile, type Config } from './compile.js';
export { createAnalyzer, type Analyzer, type CallOptions } from './analyzer.js';
export { DEFAULT_MAX_INPUT_BYTES, type AnalyzeOptions, type ClassifyOptions, type ParseOptions, type StepName } from './options.js';
export { formatText } from './report/format-text.js';
export { renderHtml, type RenderHtmlOptions } from './report/html/render-html.js';
export type { StyleDefinition } from './ingest/styles/custom.js';
export { ThreadlensInputError, ThreadlensOptionError } from './errors.js';
export type { ChromePattern } from './ingest/chrome-patterns.js';
export type { SafeResult } from './safe.js';
export { VERSION } from './version.js';
export type * from './schema/common.js';
export type * from './schema/classify.js';
export type * from './schema/document.js';
export type * from './schema/input.js';
