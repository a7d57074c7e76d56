/**
 * Session 25 (mod25b, issue 14, docs/moderation.md "session 25 (mod25b)"): the shipped comment model's raw insult
 * output on blind threads 01-22 (never fit on), as AUC per blind round, and on the made-up probes of session 25 whose
 * only second-person word is a contraction ("you've"), beside their calm twins. Run before and after a refit to
 * read what the change did. Measures only; chooses nothing that ships.
 * Usage: nice -n 10 npx tsx scripts/study/second-person-blind.ts
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commentFeatures } from '../../src/classify/moderation/features.js';
import { readText, shippedModerationModels } from '../../src/classify/moderation/models.js';
import { predict } from '../../src/learn/model.js';
import { BLIND_ROUNDS, readBlindPosts } from '../eval/lib/blind-posts.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const m = shippedModerationModels();
const rawInsult = (text: string): number => predict(m.comment, commentFeatures(...readText(text, m.wordScores, undefined, undefined, m.likeness)))[1]!;
const hasYou = (text: string): boolean => commentFeatures(...readText(text, m.wordScores, undefined, undefined, m.likeness)).some(([k]) => k === '$you');

/** Rank AUC (ties count half): the chance an insult is scored above a calm post. */
function auc(scores: readonly number[], gold: readonly boolean[]): number {
  let pos = 0;
  let num = 0;
  const neg = gold.filter((g) => !g).length;
  scores.forEach((s, i) => {
    if (!gold[i]) return;
    pos++;
    scores.forEach((t, j) => {
      if (gold[j]) return;
      num += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return pos === 0 || neg === 0 ? Number.NaN : num / (pos * neg);
}

const posts = readBlindPosts(root);
const raw = posts.map((p) => rawInsult(p.text));
const gold = posts.map((p) => p.insult);
const cells = BLIND_ROUNDS.map(([label, test]) => {
  const ix = posts.flatMap((p, i) => (test(p.file) ? [i] : []));
  return `${label} ${auc(ix.map((i) => raw[i]!), ix.map((i) => gold[i]!)).toFixed(3)}`;
});
console.log(`Blind 01-22 (${posts.length} posts, ${gold.filter(Boolean).length} insults): insult AUC ${cells.join(' / ')} / all ${auc(raw, gold).toFixed(3)}`);
const contracted = /\byou['\u2019](ve|d|ll)\b/i;
const withContraction = posts.flatMap((p, i) => (contracted.test(p.text) ? [i] : []));
console.log(`posts with "you've" / "you'd" / "you'll": ${withContraction.length} (${withContraction.filter((i) => gold[i]).length} insults)`);
for (const i of withContraction.filter((k) => gold[k])) console.log(`  insult ${posts[i]!.file}: raw ${raw[i]!.toFixed(3)}`);

// Session 25's probes (docs/moderation.md "session 25 (mod25)"), put-down then calm twin.
const PROBES: Array<[string, string]> = [
  ["Clement, you've got the attention span of a moth at a porch light.", "Clement, you've got the timetable of the night buses, could you post it?"],
  ["You've brought the same tired grievance to every thread since spring, Norbert. It has the shelf life of milk.", "You've brought the same useful timetable to every thread since spring, Norbert. It has saved me a wait."],
  ["You'd need a map to find your own point, Hester.", "You'd need a map to find the new bus stop, Hester."],
];
for (const [bad, calm] of PROBES) console.log(`probe ${rawInsult(bad).toFixed(3)} ($you ${hasYou(bad) ? 1 : 0}) vs calm ${rawInsult(calm).toFixed(3)} ($you ${hasYou(calm) ? 1 : 0}): ${bad}`);
