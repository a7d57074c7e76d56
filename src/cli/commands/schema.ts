import { parseArgs } from 'node:util';
import { SCHEMA_HELP } from '../help.js';

/**
 * `threadlens schema [--input]`: prints the JSON Schema of the output (default) or of the JSON input. The schemas
 * (and zod) are loaded here, only for this command: `analyze` and `classify` start without them.
 */
export async function runSchema(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { input: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(SCHEMA_HELP);
    return;
  }
  const { documentJsonSchema, inputJsonSchema } = await import('../../schema/index.js');
  const schema = values.input ? inputJsonSchema() : documentJsonSchema();
  process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
}
