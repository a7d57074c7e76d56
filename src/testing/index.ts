/** Test helpers shipped as `threadlens/testing` (fast-check is an optional peer dependency). */
export { type DumpStyle, dumpArbitrary, renderThread, type ThreadArbitraryOptions, threadArbitrary, type TruthPost, type TruthThread } from './generate.js';
