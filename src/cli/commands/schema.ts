import { parseArgs } from 'node:util';
import { documentJsonSchema, inputJsonSchema } from '../../schema/index.js';
import { SCHEMA_HELP } from '../help.js';

/** `threadlens schema [--input]`: prints the JSON Schema of the output (default) or of the JSON input. */
export function runSchema(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { input: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(SCHEMA_HELP);
    return;
  }
  const schema = values.input ? inputJsonSchema() : documentJsonSchema();
  process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
}
