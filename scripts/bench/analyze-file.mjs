// `analyze` of one file with the built package, in a fresh process: the size check of the benchmark.
import { readFileSync } from 'node:fs';
import { analyze } from '../../dist/index.js';

const input = readFileSync(process.argv[2]);
const doc = analyze(input, { maxInputBytes: 64 * 1024 * 1024 });
console.log(doc.thread.posts.length);
