/** Prints every missed, wrong-kind and false correction of findCorrections on the gold structure of ../shared/eval-threads (`npx tsx scripts/corrections-misses.ts`). */
import { resolve } from 'node:path';
import { loadGoldThreads } from './eval/lib/gold-threads.js';
import { scoreGoldCorrections } from './eval/lib/gold-corrections.js';
const threads = loadGoldThreads(resolve('../shared/eval-threads'));
if (process.argv.includes('--posts')) for (const t of threads) t.posts.forEach((p, i) => console.log(`${t.name} #${i} ${p.author} parent=${p.parentId}: ${JSON.stringify(p.text.slice(0, 100))} ... ${JSON.stringify(p.text.slice(-40))}`));
const s = scoreGoldCorrections(threads);
const p = s.tp / (s.tp + s.fp), r = s.tp / (s.tp + s.fn);
for (const e of s.errors) console.log(e);
console.log(JSON.stringify({ ...s, errors: undefined, precision: p, recall: r, f1: 2 * p * r / (p + r), kindOk: s.kindOk / s.tp }));
