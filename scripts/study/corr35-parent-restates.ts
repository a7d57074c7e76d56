/**
 * Session 33 (corr35): the blind development rounds' replies (to someone else's post) with a finding aimed at an
 * article sentence, and whether the parent states a figure of that sentence too (the parent restating the article's
 * claim the reply answers), by gold label and shipped score. Gold structure. Usage: npx tsx scripts/study/corr35-parent-restates.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { eachBlindFinding } from './lib/blind-findings.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = JSON.parse(readFileSync(join(root, 'src', 'classify', 'corrections', 'correction.model.json'), 'utf8')) as LinearModel;
const figures = (s: string): Set<string> => new Set((s.match(/\d[\d,.]*\d|\d/g) ?? []).map((f) => f.replace(/,/g, '')));
const tally = new Map<string, number>();
eachBlindFinding(root, ({ t, post, i, gold: gp, cands }) => {
  if (gp.removed || gp.correction === null || gp.correction === undefined || gp.parent == null) return;
  const parent = t.posts[gp.parent]!;
  if (parent.author !== null && parent.author === post.author) return;
  const art = cands.filter((c) => c.correction.target.kind === 'article');
  if (art.length === 0) return;
  const pf = figures(parent.text);
  const restates = art.some((c) => [...figures(c.correction.target.text)].some((f) => pf.has(f)));
  const top = Math.max(...cands.map((c) => predict(model, c.features)[0]!));
  const key = `${restates ? 'parent-restates' : 'parent-not'} gold=${gp.correction}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
  console.log(`${key} ${t.name} #${i} top ${top.toFixed(2)} kinds ${cands.map((c) => c.correction.kind).join(',')} :: ${post.text.replace(/\s+/g, ' ').slice(0, 120)}`);
});
for (const [k, v] of [...tally].sort()) console.log(`${k}\t${v}`);
