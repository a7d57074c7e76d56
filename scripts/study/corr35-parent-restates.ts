/**
 * Session 33 (corr35): the blind development rounds' replies (to someone else's post) with a finding aimed at an
 * article sentence, and whether the parent states a figure of that sentence too (the parent restating the article's
 * claim the reply answers), by gold label and shipped score. Gold structure. Usage: npx tsx scripts/study/corr35-parent-restates.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections } from '../../src/classify/corrections/index.js';
import type { Correction } from '../../src/schema/classify.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { blindThreads } from '../train/lib/correction-rows.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = JSON.parse(readFileSync(join(root, 'src', 'classify', 'corrections', 'correction.model.json'), 'utf8')) as LinearModel;
const figures = (s: string): Set<string> => new Set((s.match(/\d[\d,.]*\d|\d/g) ?? []).map((f) => f.replace(/,/g, '')));
const tally = new Map<string, number>();
for (const b of blindThreads(root)) {
  const t = b.thread;
  const found = new Map<string, Correction[]>();
  t.posts.forEach((post, i) => {
    const gp = t.gold.posts[i]!;
    const cands = gp.removed || post.text === '' ? [] : collectCorrections({ post, earlier: t.posts.slice(0, i), articleSentences: t.articleSentences, earlierCorrections: found });
    found.set(post.id, cands.map((c) => c.correction));
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
}
for (const [k, v] of [...tally].sort()) console.log(`${k}\t${v}`);
