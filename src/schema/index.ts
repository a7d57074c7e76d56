/**
 * `threadlens/schema`: the zod schemas of the output and the JSON input (the TypeScript types are inferred from
 * them), `SCHEMA_VERSION`, and the JSON Schemas generated from them, for validating documents at run time.
 */
export * from './common.js';
export * from './classify.js';
export * from './document.js';
export * from './input.js';
export { documentJsonSchema, inputJsonSchema, type JsonSchemaObject } from './json-schema.js';
