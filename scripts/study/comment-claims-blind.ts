/**
 * The comment-register claim model on the development blind threads (fixtures/blind-threads 01-16; files numbered 17
 * and up are never opened): every post's text as the pipeline splits it (dist/cli.js analyze, so build first), scored
 * by the hand-set comment register (what the `claims` step uses) and by the model `fitCommentClaims` gives on the
 * comment-claims corpus (comments.jsonl, `COMMENT_CLAIM_SETTINGS`), both with the step's irony. Post level: a claim
 * >= 0.5 against the gold `claim`. `--list` prints the posts the two read differently.
 *
 *   npm run build --silent && npx tsx scripts/study/comment-claims-blind.ts [--list]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMENT_CLAIM_SETTINGS, fitCommentClaims, postF1, postScore, readCommentClaims } from '../train/lib/comment-claims-fit.js';

const dir = 'fixtures/blind-threads';
const posts: Array<{ set: number; text: string; claim: boolean }> = [];
for (const f of readdirSync(dir).sort()) {
  const n = Number(/^(\d+)_/.exec(f)?.[1] ?? Number.NaN);
  if (!f.endsWith('.gold.json') || !(n >= 1 && n <= 16)) continue;
  const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ claim?: boolean; removed?: boolean }> };
  const targets = (gold.targets ?? []).flatMap((x) => ['--target', x]);
  let res = JSON.parse(execFileSync('node', ['dist/cli.js', 'analyze', join(dir, gold.file), '--format', 'json', ...targets], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  if (Array.isArray(res)) res = res[0];
  const out: Array<{ text: string }> = res?.thread?.posts ?? [];
  gold.posts.forEach((gp, i) => {
    const p = out[i];
    if (p && !gp.removed && typeof gp.claim === 'boolean') posts.push({ set: n, text: p.text, claim: gp.claim });
  });
}
const model = fitCommentClaims(readCommentClaims('comments.jsonl'), COMMENT_CLAIM_SETTINGS);
const m = posts.map((p) => postScore(p.text, model));
const c = posts.map((p) => postScore(p.text, 'cues'));
for (const [name, lo, hi] of [['01-04', 1, 4], ['05-10', 5, 10], ['11-16', 11, 16], ['01-16', 1, 16]] as const) {
  const idx = posts.map((_, i) => i).filter((i) => posts[i]!.set >= lo && posts[i]!.set <= hi);
  const f = (s: number[]): string => postF1(idx.map((i) => s[i]! >= 0.5), idx.map((i) => posts[i]!.claim)).f1.toFixed(3);
  const all = postF1(idx.map(() => true), idx.map((i) => posts[i]!.claim)).f1.toFixed(3);
  console.log(`blind ${name} (${idx.length} posts): hand-set comment register ${f(c)}, comment-claims model ${f(m)}, every post a claim ${all}`);
}
if (process.argv.includes('--list')) {
  posts.forEach((p, i) => {
    if ((m[i]! >= 0.5) !== (c[i]! >= 0.5)) console.log(p.claim ? 'GOLD+' : 'GOLD-', `model ${m[i]!.toFixed(2)} cues ${c[i]!.toFixed(2)} |`, p.text.replace(/\s+/g, ' ').slice(0, 200));
  });
}
