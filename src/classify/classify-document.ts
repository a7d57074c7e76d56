import type { TargetInput } from '../schema/classify.js';
import type { ThreadDocument } from '../schema/document.js';

/** Options of the classification stage. */
export interface ClassifyOptions {
  /** Targets for stance; default: derived from the article. */
  targets?: readonly (TargetInput | string)[];
}

/** Fills classification fields on every post (wired as the classifiers land). */
export function classifyDocument(doc: ThreadDocument, _options: ClassifyOptions = {}): ThreadDocument {
  return doc;
}
