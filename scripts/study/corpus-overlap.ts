/**
 * Word sequences a comment-corpus file shares with the evaluation threads (../shared/eval-threads) and the blind
 * threads 01-16 (fixtures/blind-threads): every n-word sequence (lower case, words of letters, digits, £ $ % ') of
 * each row's text, looked up in those files' texts and gold files. Session 24 (sent24): the third writer's files were
 * checked with n = 5 (no shared sequence). Usage: npx tsx scripts/study/corpus-overlap.ts [n] [file ...]
 * (files under scripts/train/data/comment-sentiment/; default comments-3.jsonl heldout-3.jsonl).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const n = Number(process.argv[2] ?? 5);
const files = process.argv.length > 3 ? process.argv.slice(3) : ['comments-3.jsonl', 'heldout-3.jsonl'];
const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}0-9£$%']+/gu) ?? [];
const grams = (s: string): Set<string> => {
  const t = words(s);
  const out = new Set<string>();
  for (let i = 0; i + n <= t.length; i++) out.add(t.slice(i, i + n).join(' '));
  return out;
};
const refs: string[] = [];
const evalDir = resolve(root, '..', 'shared', 'eval-threads');
for (const f of readdirSync(evalDir)) if (f.endsWith('.txt') || f.endsWith('.gold.json')) refs.push(join(evalDir, f));
// Blind threads 01-16 only: 17 and above are the held-out set no classifier helper reads.
const blindDir = join(root, 'fixtures', 'blind-threads');
for (const f of readdirSync(blindDir)) if (/^(0[1-9]|1[0-6])_/.test(f)) refs.push(join(blindDir, f));
const ref = new Set<string>();
for (const f of refs) for (const g of grams(readFileSync(f, 'utf8'))) ref.add(g);
let shared = 0, rows = 0;
for (const file of files) {
  for (const line of readFileSync(join(root, 'scripts', 'train', 'data', 'comment-sentiment', file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    rows++;
    const text = (JSON.parse(line) as { text: string }).text;
    const hit = [...grams(text)].filter((g) => ref.has(g));
    if (hit.length > 0) {
      shared++;
      console.log(`${file}: ${JSON.stringify(hit)} in ${JSON.stringify(text)}`);
    }
  }
}
console.log(`${rows} rows, ${refs.length} reference files: ${shared} rows share a ${n}-word sequence`);
