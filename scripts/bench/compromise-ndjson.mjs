// The baseline of the CLI speed check: a bare compromise parse, nlp(text).json(), of every record of an NDJSON
// file, in a fresh process like `threadlens classify` (start-up included). Prints the record count.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

let n = 0;
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!line) continue;
  nlp(JSON.parse(line).text).json();
  n++;
}
console.log(n);
