/** The library version, written into every result (kept equal to package.json by a test). */
export const VERSION = '0.1.0';

/**
 * Version of the output contract; bumped (with a CHANGELOG entry) whenever a field changes. Defined here, away from
 * the zod schemas (src/schema/document.ts re-exports it), so that parsing and classifying never load zod.
 */
export const SCHEMA_VERSION = '1.2.0';
