import { z } from 'zod';
import { DocumentSchema, SCHEMA_VERSION } from './document.js';
import { JsonDumpSchema } from './input.js';
import { VERSION } from '../version.js';

/** A JSON Schema (draft 2020-12) as a plain object. */
export type JsonSchemaObject = Record<string, unknown>;

/**
 * JSON Schema (draft 2020-12) of what `parse` and `analyze` return, generated from `DocumentSchema`;
 * shipped as `threadlens/schema.json`. Describes the output as written (`io: 'output'`).
 */
export function documentJsonSchema(): JsonSchemaObject {
  const { $schema, ...rest } = z.toJSONSchema(DocumentSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
  return {
    $schema,
    title: 'threadlens document',
    description: `Output of threadlens ${VERSION} (schemaVersion ${SCHEMA_VERSION}): an article dump parsed into position-tracked posts with their labels. Spans are [start, end) UTF-16 offsets into the analysed text.`,
    ...rest,
  };
}

/**
 * JSON Schema (draft 2020-12) of the structured JSON input (`JsonDumpSchema`); shipped as
 * `threadlens/input-schema.json`. Extra fields are allowed.
 */
export function inputJsonSchema(): JsonSchemaObject {
  const { $schema, ...rest } = z.toJSONSchema(JsonDumpSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return {
    $schema,
    title: 'threadlens JSON dump',
    description: 'A news article with its reader comments, as threadlens reads it from JSON, in canonical field names (the reader also accepts common aliases such as body, user, parent_id). Extra fields are allowed and ignored.',
    ...rest,
  };
}
