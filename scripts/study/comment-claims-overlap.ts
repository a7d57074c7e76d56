/**
 * Checks that the project-written comment-claims corpus (scripts/train/data/comment-claims) copies nothing from the
 * evaluation threads (../shared/eval-threads) nor the development blind threads (fixtures/blind-threads 01-16; the
 * held-out files numbered 17 and up are never opened): no sequence of five words (lower-cased, punctuation dropped) is
 * shared. Prints every shared sequence and exits 1 if there is one.
 *
 *   npx tsx scripts/study/comment-claims-overlap.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const N = 5;
const DATA = 'scripts/train/data/comment-claims';

function words(text: string): string[] {
  return text.toLowerCase().replace(/[\u2019']/g, '').split(/[^a-z0-9]+/).filter(Boolean);
}
function grams(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + N <= w.length; i++) out.add(w.slice(i, i + N).join(' '));
  return out;
}

const sources: string[] = [];
const evalDir = '../shared/eval-threads';
if (existsSync(evalDir)) for (const f of readdirSync(evalDir)) if (f.endsWith('.txt')) sources.push(join(evalDir, f));
const blindDir = 'fixtures/blind-threads';
for (const f of readdirSync(blindDir)) {
  const n = Number(/^(\d+)_/.exec(f)?.[1] ?? Number.NaN);
  if (f.endsWith('.txt') && n >= 1 && n <= 16) sources.push(join(blindDir, f));
}
const seen = new Map<string, string>();
for (const s of sources) for (const g of grams(readFileSync(s, 'utf8'))) if (!seen.has(g)) seen.set(g, s);

let shared = 0;
let rows = 0;
for (const file of ['comments.jsonl', 'heldout.jsonl']) {
  for (const line of readFileSync(join(DATA, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    rows++;
    const { text } = JSON.parse(line) as { text: string };
    for (const g of grams(text)) {
      const from = seen.get(g);
      if (from !== undefined) {
        shared++;
        console.log(`${file}: "${g}" also in ${from}`);
      }
    }
  }
}
console.log(`${rows} comments against ${sources.length} thread files: ${shared} shared ${N}-word sequences`);
process.exitCode = shared > 0 ? 1 : 0;
