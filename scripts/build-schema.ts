/**
 * Writes the JSON Schemas into dist/ after tsup (`npm run build`), where the exports map publishes them as
 * `threadlens/schema.json` and `threadlens/input-schema.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentJsonSchema, inputJsonSchema } from '../src/schema/json-schema.js';

const dist = join(import.meta.dirname, '..', 'dist');
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'schema.json'), `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
writeFileSync(join(dist, 'input-schema.json'), `${JSON.stringify(inputJsonSchema(), null, 2)}\n`);
