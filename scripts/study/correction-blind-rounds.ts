/**
 * Session 25 (corr25): the blind threads 01-22 as fit rows for the correction scorer, measured by blind round left out.
 * For each weight of the blind rows (0, 0.5, 1, 2) and each keep threshold (0 to 0.5 by 0.05), every round (01-04,
 * 05-10, 11-16, 17-22) is scored by a scorer fit on RumourEval + correction-pairs + the other three rounds: a post is
 * flagged when its best finding's probability reaches the threshold (threshold 0: any finding, as shipped), scored as
 * score.mjs scores (a post with any correction against gold article/post/self, gold null skipped). Guards, at each
 * (weight, threshold), from the scorer fit on all four rounds: the correction corpus held-out and blind21 folders and
 * the session-16 blind threads (posts found / flagged). Never reads ../shared/eval-threads.
 * `--misses` prints the development rounds' misses and false alarms by mechanism (no candidate / wrong kind / false alarm).
 * Usage: npx tsx scripts/study/correction-blind-rounds.ts [--misses]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections, type CorrectionPost } from '../../src/classify/corrections/index.js';
import type { Correction } from '../../src/schema/classify.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { buildCase, type BlindCase } from '../../test/corrections-helpers.js';
import { BLIND_ROUNDS, blindGroup, blindPosts, blindThreads, pairGroups, postF1, roundOf, rumourGroups, type LabelledPost } from '../train/lib/correction-rows.js';
import { fitModel, type FitRow } from '../train/lib/fit-model.js';
import { CORRECTION_FIT } from '../train/lib/correction-fit.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const WEIGHTS = [0, 0.5, 1, 2];
const THRESHOLDS = Array.from({ length: 11 }, (_, k) => k * 0.05);

function casePosts(dir: string): LabelledPost[] {
  const out: LabelledPost[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as BlindCase;
    const { articleSentences, posts } = buildCase({ ...c, expected: [] });
    const found = new Map<string, Correction[]>();
    const positive = new Set(c.expected.map((e) => e.post));
    const negative = new Set(c.notCorrections);
    posts.forEach((p: CorrectionPost, i) => {
      const cands = collectCorrections({ post: p, earlier: posts.slice(0, i), articleSentences, earlierCorrections: found });
      found.set(p.id, cands.map((x) => x.correction));
      if (positive.has(p.id) || negative.has(p.id)) out.push({ name: `${c.name} ${p.id}`, gold: positive.has(p.id), goldKind: '', findings: cands, text: p.text });
    });
  }
  return out;
}

const best = (m: LinearModel, p: LabelledPost): number => Math.max(0, ...p.findings.map((f) => predict(m, f.features)[0]!));
const score = postF1;

const blind = blindThreads(root);
const blindFindings = blind.map((b) => ({ round: roundOf(b), posts: blindPosts(b), group: blindGroup(b) }));

if (process.argv.includes('--misses')) {
  for (const { round, posts } of blindFindings) {
    for (const p of posts) {
      const show = p.findings.map((f) => `${f.correction.kind}/${f.correction.detector} -> "${f.correction.target.text.slice(0, 70)}"`).join(' | ');
      const text = p.text.replace(/\s+/g, ' ').slice(0, 220);
      if (p.gold && p.findings.length === 0) console.log(`NOCAND r${round} ${p.name} gold=${p.goldKind} :: ${text}`);
      else if (p.gold && !p.findings.some((f) => f.correction.kind === p.goldKind)) console.log(`KIND r${round} ${p.name} gold=${p.goldKind}: ${show} :: ${text}`);
      else if (p.gold) console.log(`FOUND r${round} ${p.name} gold=${p.goldKind}: ${show}`);
      else if (p.findings.length > 0) console.log(`FP r${round} ${p.name}: ${show} :: ${text}`);
    }
  }
  process.exit(0);
}

const base: FitRow[] = [...rumourGroups(dataDir), ...pairGroups(root)].flat();
const weighted = (rows: FitRow[], w: number): FitRow[] => rows.map((r) => ({ ...r, weight: w }));
const fit = (rows: FitRow[]): LinearModel => fitModel(rows, { ...CORRECTION_FIT, fitOn: ['study'] });
const baseModel = fit(base);

const guards = [
  ['corpus held-out', join(root, 'scripts', 'train', 'data', 'correction-corpus', 'heldout')],
  ['blind21 corpus', join(root, 'scripts', 'train', 'data', 'correction-corpus', 'blind21')],
  ['s16 blind', join(root, 'test', 'corrections-blind')],
] as const;
const guardPosts = guards.map(([label, dir]) => ({ label, posts: casePosts(dir) }));

console.log('weight | threshold | per round F1 (left out) | pooled P / R / F1 | guards: found/positives flagged/negatives');
for (const w of WEIGHTS) {
  const models = BLIND_ROUNDS.map((_, r) =>
    w === 0 ? baseModel : fit([...base, ...weighted(blindFindings.filter((b) => b.round !== r).flatMap((b) => b.group), w)]),
  );
  const full = w === 0 ? baseModel : fit([...base, ...weighted(blindFindings.flatMap((b) => b.group), w)]);
  const left = blindFindings.flatMap((b) => b.posts.map((p) => ({ round: b.round, s: best(models[b.round]!, p), gold: p.gold, any: p.findings.length > 0 })));
  const g = guardPosts.map(({ label, posts }) => ({ label, rows: posts.map((p) => ({ s: best(full, p), gold: p.gold, any: p.findings.length > 0 })) }));
  for (const t of THRESHOLDS) {
    const per = BLIND_ROUNDS.map((_, r) => score(left.filter((x) => x.round === r), t).f1.toFixed(3)).join(' ');
    const all = score(left, t);
    const gs = g.map(({ label, rows }) => {
      const s = score(rows, t);
      return `${label} ${s.tp}/${s.tp + s.fn} ${s.fp}/${rows.filter((x) => !x.gold).length}`;
    }).join('; ');
    console.log(`${w} | ${t.toFixed(2)} | ${per} | ${all.p.toFixed(3)} / ${all.r.toFixed(3)} / ${all.f1.toFixed(3)} | ${gs}`);
  }
}
