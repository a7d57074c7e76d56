import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { DocumentSchema } from '../src/schema/document.js';
import { JsonDumpSchema } from '../src/schema/input.js';
import { documentJsonSchema, inputJsonSchema } from '../src/schema/json-schema.js';
import { validateJsonSchema } from './lib/json-schema-validate.js';

const root = join(__dirname, '..');
const fixtures = readdirSync(join(root, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, 'fixtures', d.name))
      .filter((f) => /^input\./.test(f))
      .map((f) => `fixtures/${d.name}/${f}`),
  )
  .sort();

const sampleInput = {
  article: { title: 'Harbour bridge reopens', text: 'The bridge reopened on Monday.\n\nIt cost 12 million euros.', date: '2025-03-02', source: 'extra field' },
  comments: [
    { id: 1, author: 'ana', text: 'It was 14 million, not 12.', parentId: null, timestamp: '2025-03-02T10:00:00Z', likes: 3 },
    { id: '2', author: null, text: 'Source?', parentId: 1, timestamp: null, removed: false, extra: { any: 'thing' } },
  ],
};

describe('JSON Schema of the output', () => {
  const schema = documentJsonSchema();

  it('is a well-formed draft 2020-12 schema whose required keys are the document’s', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    const required = Object.entries(DocumentSchema.shape)
      .filter(([, s]) => !s.safeParse(undefined).success)
      .map(([k]) => k)
      .sort();
    expect([...(schema.required as string[])].sort()).toEqual(required);
    expect(Object.keys(schema.properties as object).sort()).toEqual(Object.keys(DocumentSchema.shape).sort());
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('the validator rejects what the schema forbids', () => {
    const doc = JSON.parse(JSON.stringify(analyze('Title: A\n\nBody text.')));
    expect(validateJsonSchema(schema, doc)).toEqual([]);
    expect(validateJsonSchema(schema, { ...doc, schemaVersion: '0.0.1' })).not.toEqual([]);
    expect(validateJsonSchema(schema, { ...doc, blocks: [{ kind: 'paragraph', span: [1], post: null }] })).not.toEqual([]);
    const { messages, ...noMessages } = doc;
    expect(validateJsonSchema(schema, noMessages)).toContain('$: missing messages');
  });

  it.each(fixtures)('the analysis of %s validates against the schema and DocumentSchema', (file) => {
    const doc = analyze(readFileSync(join(root, file)), { name: file });
    const json = JSON.parse(JSON.stringify(doc));
    expect(validateJsonSchema(schema, json)).toEqual([]);
    // The zod schema keeps every field (parse strips unknown keys: the output must have none).
    expect(DocumentSchema.parse(json)).toEqual(json);
  });

  it('ships in dist/ as schema.json and input-schema.json, equal to the generated ones', () => {
    const dist = join(root, 'dist');
    expect(existsSync(join(dist, 'schema.json')), 'run `npm run build` first').toBe(true);
    expect(JSON.parse(readFileSync(join(dist, 'schema.json'), 'utf8'))).toEqual(schema);
    expect(JSON.parse(readFileSync(join(dist, 'input-schema.json'), 'utf8'))).toEqual(inputJsonSchema());
  });

  it('`threadlens schema` prints it, `--input` the input schema', () => {
    const cli = join(root, 'dist', 'cli.js');
    const out = spawnSync(process.execPath, [cli, 'schema'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(schema);
    const input = spawnSync(process.execPath, [cli, 'schema', '--input'], { encoding: 'utf8' });
    expect(JSON.parse(input.stdout)).toEqual(inputJsonSchema());
    const bad = spawnSync(process.execPath, [cli, 'schema', '--nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});

describe('JSON Schema of the JSON input', () => {
  const schema = inputJsonSchema();
  it('accepts a dump with extra fields, as JsonDumpSchema does', () => {
    expect(validateJsonSchema(schema, sampleInput)).toEqual([]);
    expect(JsonDumpSchema.safeParse(sampleInput).success).toBe(true);
  });
  it.each(['json-01-rent-cap', 'json-03-nested-ai-exam'])('accepts fixtures/%s (canonical names, nested replies)', (name) => {
    const dump = JSON.parse(readFileSync(join(root, 'fixtures', name, 'input.json'), 'utf8'));
    expect(validateJsonSchema(schema, dump)).toEqual([]);
    expect(JsonDumpSchema.safeParse(dump).success).toBe(true);
  });
  it('rejects what JsonDumpSchema rejects', () => {
    for (const bad of [
      {},
      { article: { title: 'x' }, comments: [] },
      { article: { title: 'x', text: 'y' }, comments: [{ id: 1, author: 'a', parentId: null }] },
      { article: { title: 'x', text: 'y' }, comments: [{ id: 1, text: 't', replies: [{ id: 2, text: 3 }] }] },
      { article: { title: 'x', text: 'y' }, comments: [{ id: true, author: 'a', text: 't', parentId: null, timestamp: null }] },
    ]) {
      expect(JsonDumpSchema.safeParse(bad).success).toBe(false);
      expect(validateJsonSchema(schema, bad)).not.toEqual([]);
    }
  });
});
