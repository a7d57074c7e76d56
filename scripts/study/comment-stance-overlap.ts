/**
 * Checks that the project-written comment-stance corpus (scripts/train/data/comment-stance/) copies nothing from the
 * evaluation threads (../shared/eval-threads) nor the blind threads (fixtures/blind-threads, files numbered 01-16
 * only: 17 and up are held out and never opened): no five-word sequence of a corpus comment (or a topic summary)
 * occurs in any of those files. Words are lower-cased runs of letters, digits and apostrophes. Prints each shared
 * sequence; exits 1 when there is one. Usage: tsx scripts/study/comment-stance-overlap.ts [n = 5]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const n = Number(process.argv[2] ?? 5);
const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
const grams = (s: string): string[] => {
  const w = words(s);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  return out;
};

const seen = new Map<string, string>();
const evalDir = resolve(root, '..', 'shared', 'eval-threads');
const blindDir = join(root, 'fixtures', 'blind-threads');
const sources = [
  ...readdirSync(evalDir).map((f) => join(evalDir, f)),
  ...readdirSync(blindDir).filter((f) => /^(0\d|1[0-6])_/.test(f)).map((f) => join(blindDir, f)),
];
for (const file of sources) for (const g of grams(readFileSync(file, 'utf8'))) if (!seen.has(g)) seen.set(g, file);

const dataDir = join(root, 'scripts', 'train', 'data', 'comment-stance');
const texts: string[] = [];
for (const f of ['comments.jsonl', 'heldout.jsonl'])
  for (const line of readFileSync(join(dataDir, f), 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
for (const t of Object.values(JSON.parse(readFileSync(join(dataDir, 'topics.json'), 'utf8')) as Record<string, { title: string; summary: string }>)) texts.push(t.title, t.summary);

let shared = 0;
for (const t of texts)
  for (const g of grams(t))
    if (seen.has(g)) {
      shared++;
      console.log(`"${g}" (${seen.get(g)!.slice(root.length - 10)}) in: ${t}`);
    }
console.log(`${texts.length} texts, ${sources.length} source files, ${seen.size} ${n}-word sequences; shared: ${shared}`);
process.exit(shared > 0 ? 1 : 0);
