/**
 * Prints the blind correction figures (test/corrections-blind/): `npx tsx scripts/blind-corrections.ts [dir]`; a
 * folder argument scores another set in the same format (scripts/train/data/correction-corpus/, its heldout/).
 */
import { resolve } from 'node:path';
import { scoreBlind } from './eval/lib/blind-corrections.js';

const s = process.argv[2] ? scoreBlind(process.cwd(), resolve(process.argv[2])) : scoreBlind(process.cwd());
const f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
console.log(`threads ${s.threads}; corrections found ${s.found}/${s.positives} (recall ${s.recall.toFixed(3)}), non-corrections flagged ${s.flagged}/${s.negatives} (precision ${s.precision.toFixed(3)}, F1 ${f1.toFixed(3)}); kind right ${s.kindRight}/${s.found}; kind and target sentence right ${s.targetRight}/${s.positives}`);
for (const n of s.notes) console.log(`  ${n}`);
