/**
 * Writes a large NDJSON file for the by-hand memory check of `threadlens classify`:
 *   npx tsx scripts/bench/make-ndjson.ts /tmp/big.ndjson 1024   (size in MiB)
 * then `/usr/bin/time -v node dist/cli.js classify /tmp/big.ndjson > /dev/null` (see docs/performance.md).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { corpusTexts, loadCorpus, ndjsonRecords } from './corpus.js';

const [path, mib = '1024'] = process.argv.slice(2);
if (!path) throw new Error('usage: make-ndjson.ts <out.ndjson> [MiB]');
const texts = corpusTexts(loadCorpus(process.cwd()));
const out = createWriteStream(path);
let buf = '';
for (const line of ndjsonRecords(texts, Number(mib) * 1024 * 1024)) {
  buf += line;
  if (buf.length > 1 << 20) {
    if (!out.write(buf)) await once(out, 'drain');
    buf = '';
  }
}
out.end(buf);
await once(out, 'finish');
