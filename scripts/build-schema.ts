/**
 * Writes the JSON Schemas into dist/, where the exports map publishes them as `threadlens/schema.json`
 * and `threadlens/input-schema.json`. tsup runs it after every build (tsup.config.ts `onSuccess`), so a
 * bare `npx tsup` ships them too; `npx tsx scripts/build-schema.ts` runs it alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentJsonSchema, inputJsonSchema } from '../src/schema/json-schema.js';

export function writeSchemas(dist: string): void {
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'schema.json'), `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
  writeFileSync(join(dist, 'input-schema.json'), `${JSON.stringify(inputJsonSchema(), null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeSchemas(join(import.meta.dirname, '..', 'dist'));
}
