/**
 * Session 44 (span44, docs/moderation.md): how well gold recipes rebuilt from ToxiSpans' rater spans reproduce
 * SemEval-2021 Task 5's released gold on tsd_train.csv (mean per-post character F1, the SemEval way), overall, by
 * raters / span-marking raters, and by "marked by >= k raters" within the commonest groups. Reads ../shared/data only;
 * prints figures, no rows. Usage: npx tsx scripts/study/span44-gold-recipes.ts
 */
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { readTsd } from '../train/lib/moderation-data.js';
import { parseCsvObjects } from '../eval/lib/csv.js';
import { spanF1 } from '../eval/20-moderation.js';
const dataDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const dir = join(dataDir, 'moderation', 'toxispans');
const comments = parseCsvObjects(readFileSync(join(dir, 'comments.csv'), 'utf8'));
const annotations = parseCsvObjects(readFileSync(join(dir, 'annotations.csv'), 'utf8'));
const spans = parseCsvObjects(readFileSync(join(dir, 'spans.csv'), 'utf8'));
const byAnn = new Map<string, Array<[number, number]>>();
for (const s of spans) { const l = byAnn.get(s.annotation!) ?? []; l.push([Number(s.start), Number(s.end)]); byAnn.set(s.annotation!, l); }
const byC = new Map<string, Array<{ nt: boolean; s: Array<[number, number]> }>>();
for (const a of annotations) { const l = byC.get(a.comment_id!) ?? []; l.push({ nt: a['not toxic'] === 'True', s: byAnn.get(a.annotation!) ?? [] }); byC.set(a.comment_id!, l); }
const byText = new Map<string, { n: number; marks: Uint16Array; spanRaters: number; notTox: number }>();
for (const c of comments) {
  const text = c.comment_text ?? ''; const rs = byC.get(c.comment_id!); if (!rs) continue;
  const marks = new Uint16Array(text.length); let sr = 0;
  for (const r of rs) { const mine = new Uint8Array(text.length); for (const [a, b] of r.s) for (let i = Math.max(0, a); i < Math.min(text.length, b); i++) mine[i] = 1; if (mine.includes(1)) sr++; for (let i = 0; i < text.length; i++) marks[i] = marks[i]! + mine[i]!; }
  byText.set(text, { n: rs.length, marks, spanRaters: sr, notTox: rs.filter((r) => r.nt).length });
}
const rows = readTsd(dataDir, 'train');
const recipes: Record<string, (m: number, n: number, sr: number) => boolean> = {
  'half of span raters': (m, n, sr) => m > 0 && m * 2 >= sr,
  'strict majority of span raters': (m, n, sr) => m * 2 > sr,
  '>=2 raters': (m) => m >= 2,
  'half of all raters': (m, n) => m > 0 && m * 2 >= n,
  'majority of all raters': (m, n) => m * 2 > n,
  'any rater': (m) => m > 0,
};
const tot: Record<string, number> = {}; let found = 0; const nDist = new Map<string, number>();
const emptyGold = { n: 0 };
for (const r of rows) {
  const t = byText.get(r.text); if (!t) continue; found++;
  nDist.set(`${t.n}/${t.spanRaters}`, (nDist.get(`${t.n}/${t.spanRaters}`) ?? 0) + 1);
  for (const [k, f] of Object.entries(recipes)) {
    const s = new Set<number>(); for (let i = 0; i < r.text.length; i++) if (f(t.marks[i]!, t.n, t.spanRaters)) s.add(i);
    tot[k] = (tot[k] ?? 0) + spanF1(r.gold, s);
  }
}
console.log('found', found, 'of', rows.length);
for (const [k, v] of Object.entries(tot)) console.log(k, (v / found).toFixed(4));
console.log([...nDist].sort((a, b) => b[1] - a[1]).slice(0, 12));
const by = new Map<string, [number, number, number, number]>();
for (const r of rows) {
  const t = byText.get(r.text)!; const s = new Set<number>(); for (let i = 0; i < r.text.length; i++) if (t.marks[i]! > 0 && t.marks[i]! * 2 >= t.spanRaters) s.add(i);
  const f = spanF1(r.gold, s); const key = `${t.n}/${t.spanRaters}`;
  const e = by.get(key) ?? [0, 0, 0, 0]; e[0]++; e[1] += f; if (r.gold.size === 0) e[2]++; if (s.size === 0) e[3]++; by.set(key, e);
}
for (const [k, e] of [...by].sort((a, b) => b[1][0] - a[1][0]).slice(0, 8)) console.log(k, e[0], (e[1] / e[0]).toFixed(3), 'goldEmpty', e[2], 'recipeEmpty', e[3]);
console.log('---- per group, thresholds m>=k');
for (const key of ['3/3', '4/4', '5/5', '4/3', '3/2']) {
  const res: string[] = [];
  for (let k = 1; k <= 5; k++) {
    let sum = 0, n = 0;
    for (const r of rows) { const t = byText.get(r.text)!; if (`${t.n}/${t.spanRaters}` !== key) continue; n++; const s = new Set<number>(); for (let i = 0; i < r.text.length; i++) if (t.marks[i]! >= k) s.add(i); sum += spanF1(r.gold, s); }
    res.push(`k${k}:${(sum / n).toFixed(3)}`);
  }
  console.log(key, res.join(' '));
}
