/**
 * threadlens: parse news article dumps with their reader comment threads into position-tracked posts,
 * and tell what each post does.
 */
export { parse, checkParseOptions, DEFAULT_MAX_INPUT_BYTES, type ParseOptions } from './parse.js';
export { splitSentences } from './text/sentences.js';
export { ThreadlensInputError, ThreadlensOptionError } from './errors.js';
export { VERSION } from './version.js';
export * from './schema/common.js';
export * from './schema/classify.js';
export * from './schema/document.js';
