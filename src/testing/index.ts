/**
 * threadlens/testing: tools to property-test pipelines built on threadlens. The dump generators need
 * fast-check (an optional peer dependency); the main `threadlens` entry never loads it.
 */
export { assertDocument, DocumentInvariantError } from './assert.js';
export {
  type DumpStyle,
  dumpArbitrary,
  renderThread,
  type RenderOptions,
  type ThreadArbitraryOptions,
  threadArbitrary,
  type TruthPost,
  type TruthThread,
} from './generate.js';
