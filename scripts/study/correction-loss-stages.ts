/**
 * Session 30 (corr30): every gold correction missed and every false finding of the blind development rounds, by the
 * stage where the pipeline lost it. Gold structure (posts, authors, parents from NAME.gold.json) for the detector and
 * scorer stages; the CLI (`dist/cli.js analyze`, run `npm run build` first) for the parse stage:
 * - `parse`: the CLI's outcome for the post differs from the gold-structure outcome and the CLI's post is not the gold
 *   post (its text does not start with the gold `starts`, or its parent differs);
 * - `no-candidate`: no detector finds anything in the post;
 * - `scorer`: findings, none reaching the shipped scorer's keep threshold;
 * - `kind`: kept findings, none of the gold kind (counted as found by score.mjs, which scores posts);
 * - `target?`: a `post` correction whose kept findings of that kind all aim outside the gold parent (read by hand:
 *   a correction may answer a post above the parent);
 * - false findings: a post the gold says corrects nothing with a kept finding, by detector and kind.
 * Never reads ../shared/eval-threads or a blind round outside the development list.
 * Usage: npx tsx scripts/study/correction-loss-stages.ts [--list]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections } from '../../src/classify/corrections/index.js';
import type { Correction } from '../../src/schema/classify.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { BLIND_ROUNDS, blindThreads, roundOf } from '../train/lib/correction-rows.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = JSON.parse(readFileSync(join(root, 'src', 'classify', 'corrections', 'correction.model.json'), 'utf8')) as LinearModel & { thresholds: { keep: number } };
const keep = model.thresholds.keep;
const list = process.argv.includes('--list');
const norm = (s: string | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

type Stage = 'found' | 'parse' | 'no-candidate' | 'scorer' | 'kind' | 'target?';
const counts = new Map<string, number>();
const bump = (key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
const perRound = BLIND_ROUNDS.map(() => new Map<string, number>());
// The simple baselines: flag every labelled post, or every labelled reply (a post with a parent).
const base = { posts: 0, gold: 0, replies: 0, goldReplies: 0 };

for (const b of blindThreads(root)) {
  const t = b.thread;
  const round = roundOf(b);
  const cli = JSON.parse(execFileSync('node', [join(root, 'dist', 'cli.js'), 'analyze', join(root, 'fixtures', 'blind-threads', (t.gold as unknown as { file: string }).file), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 })) as { thread?: { posts: CliPost[] }; posts?: CliPost[] };
  const cliPosts = cli.thread?.posts ?? cli.posts ?? [];
  const cliIndex = new Map(cliPosts.map((p, i) => [p.id, i]));
  const found = new Map<string, Correction[]>();
  t.posts.forEach((post, i) => {
    const gp = t.gold.posts[i]!;
    const cands = gp.removed || post.text === '' ? [] : collectCorrections({ post, earlier: t.posts.slice(0, i), articleSentences: t.articleSentences, earlierCorrections: found });
    found.set(post.id, cands.map((c) => c.correction));
    if (gp.removed || gp.correction === null || gp.correction === undefined) return;
    const reply = gp.parent !== null && gp.parent !== undefined;
    base.posts++;
    base.gold += gp.correction === false ? 0 : 1;
    base.replies += reply ? 1 : 0;
    base.goldReplies += reply && gp.correction !== false ? 1 : 0;
    const kept = cands.filter((c) => predict(model, c.features)[0]! >= keep);
    const cp = cliPosts[i];
    const cliFlag = (cp?.corrections ?? []).length > 0;
    const cliParent = cp?.parentId == null ? null : cliIndex.get(cp.parentId) ?? -1;
    const parsedOk = cp !== undefined && norm(cp.text).startsWith(norm((gp as { starts?: string }).starts)) && cliParent === (gp.parent ?? null);
    const show = (cs: typeof cands): string => cs.map((c) => `${c.correction.kind}/${c.correction.detector} ${predict(model, c.features)[0]!.toFixed(2)} -> "${c.correction.target.text.slice(0, 60)}"`).join(' | ');
    const text = post.text.replace(/\s+/g, ' ').slice(0, 200);
    const name = `r${BLIND_ROUNDS[round]!.label} ${t.name} #${i}`;
    if (gp.correction === false) {
      if (kept.length === 0 && !(cliFlag && !parsedOk)) return;
      const key = kept.length === 0 ? 'false: parse' : `false: ${kept[0]!.correction.kind}/${kept[0]!.correction.detector}`;
      bump(key);
      perRound[round]!.set('fp', (perRound[round]!.get('fp') ?? 0) + 1);
      if (list) console.log(`${key} ${name}: ${show(kept)} :: ${text}`);
      return;
    }
    const kind = String(gp.correction);
    let stage: Stage;
    const goldFlag = kept.length > 0;
    if (!parsedOk && cliFlag !== goldFlag && !cliFlag) stage = 'parse';
    else if (cands.length === 0) stage = 'no-candidate';
    else if (kept.length === 0) stage = 'scorer';
    else if (!kept.some((c) => c.correction.kind === kind)) stage = 'kind';
    else if (kind === 'post' && gp.parent !== null && gp.parent !== undefined && !kept.some((c) => c.correction.kind === 'post' && c.correction.target.kind === 'post' && c.correction.target.postId === `p${gp.parent}`)) stage = 'target?';
    else stage = 'found';
    bump(`${kind}: ${stage}`);
    perRound[round]!.set(stage, (perRound[round]!.get(stage) ?? 0) + 1);
    const parent = gp.parent === null || gp.parent === undefined ? '' : ` <<parent: ${t.posts[gp.parent]!.text.replace(/\s+/g, ' ').slice(0, 300)}>>`;
    if (list && stage !== 'found') console.log(`${stage} ${kind} ${name}: ${show(cands)} :: ${text}${kind === 'post' ? parent : ''}`);
  });
}

interface CliPost { id: string; text: string; parentId?: string | null; corrections?: unknown[] }

console.log(`keep threshold ${keep}; gold structure unless "parse"`);
const f1 = (tp: number, flagged: number, gold: number): string => `P ${(tp / flagged).toFixed(3)} R ${(tp / gold).toFixed(3)} F1 ${((2 * tp) / (flagged + gold)).toFixed(3)}`;
console.log(`baselines: never P - R 0 F1 0; every post ${f1(base.gold, base.posts, base.gold)}; every reply ${f1(base.goldReplies, base.replies, base.gold)} (${base.posts} labelled posts, ${base.gold} corrections)`);
for (const [k, v] of [...counts].sort()) console.log(`${k}\t${v}`);
BLIND_ROUNDS.forEach((r, i) => console.log(`${r.label}\t${[...perRound[i]!].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`));
