/**
 * Session 38 (corr41): every gold correction of the blind development rounds the CLI misses or gives the wrong kind or
 * source, by mechanism, per round. The CLI (`dist/cli.js analyze`, run `npm run build` first) decides hit or miss as
 * score.mjs does (a post with any correction, aligned by index); the gold structure (posts, authors, parents of
 * NAME.gold.json) tells why:
 * - `parse`: missed, and the CLI's post is not the gold post (its text does not start with the gold `starts`, or its
 *   parent differs) while the gold structure finds something; `parse (elsewhere)`: missed, the post itself parsed right,
 *   the gold structure finds something (an earlier post or the article parsed differently);
 * - `no finding`: missed, and no detector finds anything in the post on the gold structure either;
 * - `keep`: findings on gold structure, none reaching the scorer's keep threshold (the CLI returns every finding, so
 *   this is reported for the scripts that apply the threshold, beside the CLI's outcome);
 * - `wrong kind`: flagged, no correction of the gold kind (a hit for correction F1, not for kind right);
 * - `wrong source`: flagged with the gold kind `post`, none of them aimed at the gold parent (a correction may answer a
 *   post above the parent: read by hand).
 * The CLI's JSON is cached under $CORR41_CACHE (default /tmp/corr41/cli-<sha of dist/*.js>) so reruns are cheap.
 * Never reads ../shared/eval-threads or a blind round outside the development list.
 * Session 45 (corr45): the rounds are the development list plus `137-142` (session 44's held-out set, development data
 * since session 45) when the list does not have it yet; never a number above 142 (143-148 are session 45's held-out
 * set). `--from N` counts only rounds starting at N or later; `--list` also lists the CLI's false flags (gold false).
 * Usage: npx tsx scripts/study/corr41-cli-misses.ts [--list] [--from 101]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections } from '../../src/classify/corrections/index.js';
import type { Correction } from '../../src/schema/classify.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { loadGoldThreads } from '../eval/lib/gold-threads.js';
import { blindNumber } from '../train/lib/blind-rounds.js';
import { BLIND_ROUNDS as DEV_ROUNDS } from '../train/lib/correction-rows.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = JSON.parse(readFileSync(join(root, 'src', 'classify', 'corrections', 'correction.model.json'), 'utf8')) as LinearModel & { thresholds: { keep: number } };
const keep = model.thresholds.keep;
const list = process.argv.includes('--list');
const fromAt = process.argv.indexOf('--from');
const from = fromAt >= 0 ? Number(process.argv[fromAt + 1]) : 1;
/** The last number any run may read: 143-148 are session 45's held-out set. */
const LAST_DEV = 142;
const BLIND_ROUNDS = [...DEV_ROUNDS, ...(DEV_ROUNDS.some((r) => r.last >= 137) ? [] : [{ label: '137-142', first: 137, last: 142 }])].filter((r) => r.first >= from && r.last <= LAST_DEV);
const roundOf = (number: number): number => BLIND_ROUNDS.findIndex((r) => number >= r.first && number <= r.last);
const blindThreads = (dir: string) => loadGoldThreads(join(dir, 'fixtures', 'blind-threads'), (f) => blindNumber(f) <= LAST_DEV && roundOf(blindNumber(f)) >= 0).map((thread) => ({ number: blindNumber(thread.name), thread }));
const norm = (s: string | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
const cliPath = join(root, 'dist', 'cli.js');
// The build's hash: every file of dist/ (cli.js imports shared chunks, so its own text does not change with src).
const build = createHash('sha1');
for (const f of readdirSync(join(root, 'dist')).sort()) if (f.endsWith('.js') || f.endsWith('.cjs')) build.update(f).update(readFileSync(join(root, 'dist', f)));
const cache = process.env.CORR41_CACHE ?? `/tmp/corr41/cli-${build.digest('hex').slice(0, 10)}`;
mkdirSync(cache, { recursive: true });

interface CliCorrection { kind: string; detector?: string; target?: { kind: string; postId?: string } }
interface CliPost { id: string; text: string; parentId?: string | null; corrections?: CliCorrection[] }

function cliPosts(file: string): CliPost[] {
  const at = join(cache, `${file}.json`);
  if (!existsSync(at)) writeFileSync(at, execFileSync('node', [cliPath, 'analyze', join(root, 'fixtures', 'blind-threads', file), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  let out = JSON.parse(readFileSync(at, 'utf8')) as { thread?: { posts: CliPost[] }; posts?: CliPost[] } | Array<{ thread?: { posts: CliPost[] } }>;
  if (Array.isArray(out)) out = out[0]!;
  return out.thread?.posts ?? (out as { posts?: CliPost[] }).posts ?? [];
}

type Mechanism = 'hit' | 'parse' | 'parse (elsewhere)' | 'no finding' | 'keep' | 'wrong kind' | 'wrong source';
const MECHANISMS: Mechanism[] = ['no finding', 'parse', 'parse (elsewhere)', 'keep', 'wrong kind', 'wrong source', 'hit'];
const perRound = BLIND_ROUNDS.map(() => new Map<Mechanism, number>());
const byKind = new Map<string, number>();
const fpPerRound = BLIND_ROUNDS.map(() => 0);
const bump = <K>(m: Map<K, number>, k: K): void => void m.set(k, (m.get(k) ?? 0) + 1);
let fp = 0;

for (const b of blindThreads(root)) {
  const t = b.thread;
  const round = roundOf(b.number);
  const file = (t.gold as unknown as { file: string }).file;
  const cli = cliPosts(file);
  const cliIndex = new Map(cli.map((p, i) => [p.id, i]));
  const found = new Map<string, Correction[]>();
  t.posts.forEach((post, i) => {
    const gp = t.gold.posts[i]!;
    const cands = gp.removed || post.text === '' ? [] : collectCorrections({ post, earlier: t.posts.slice(0, i), articleSentences: t.articleSentences, earlierCorrections: found });
    found.set(post.id, cands.map((c) => c.correction));
    if (gp.removed || typeof gp.correction !== 'string') {
      const flagged = cli[i]?.corrections ?? [];
      if (gp.correction === false && flagged.length > 0) {
        fp++;
        fpPerRound[round]!++;
        if (list) {
          const parent = gp.parent === null || gp.parent === undefined ? '' : ` <<parent #${gp.parent}: ${t.posts[gp.parent]!.text.replace(/\s+/g, ' ').slice(0, 200)}>>`;
          console.log(`false-flag r${BLIND_ROUNDS[round]!.label} ${t.name} #${i}: cli {${flagged.map((c) => `${c.kind}/${c.detector}${c.target?.postId ? ` ${c.target.postId}` : ''}`).join(' | ')}} :: ${post.text.replace(/\s+/g, ' ').slice(0, 240)}${parent}`);
        }
      }
      return;
    }
    const kind = gp.correction;
    const cp = cli[i];
    const corr = cp?.corrections ?? [];
    const cliParent = cp?.parentId == null ? null : cliIndex.get(cp.parentId) ?? -1;
    const parsedOk = cp !== undefined && [norm(cp.text), norm(cp.text).replace(/^(@\S+\s+)+/, '')].some((s) => s.startsWith(norm((gp as { starts?: string }).starts))) && cliParent === (gp.parent ?? null);
    const kept = cands.filter((c) => predict(model, c.features)[0]! >= keep);
    let m: Mechanism;
    if (corr.length > 0) {
      const right = corr.filter((c) => c.kind === kind);
      const parentId = gp.parent === null || gp.parent === undefined ? undefined : cli[gp.parent]?.id;
      if (right.length === 0) m = 'wrong kind';
      else if (kind === 'post' && parentId !== undefined && !right.some((c) => c.target?.kind === 'post' && c.target.postId === parentId)) m = 'wrong source';
      else m = 'hit';
    } else if (cands.length === 0) m = 'no finding';
    else m = parsedOk ? 'parse (elsewhere)' : 'parse';
    if (m !== 'hit' && m !== 'wrong kind' && m !== 'wrong source' && cands.length > 0 && kept.length === 0) m = 'keep';
    bump(perRound[round]!, m);
    bump(byKind, `${kind}: ${m}`);
    if (list && m !== 'hit') {
      const show = cands.map((c) => `${c.correction.kind}/${c.correction.detector} -> "${c.correction.target.text.slice(0, 50)}"`).join(' | ');
      const cliShow = corr.map((c) => `${c.kind}/${c.detector}${c.target?.postId ? ` ${c.target.postId}` : ''}`).join(' | ');
      const parent = gp.parent === null || gp.parent === undefined ? '' : ` <<parent #${gp.parent}: ${t.posts[gp.parent]!.text.replace(/\s+/g, ' ').slice(0, 240)}>>`;
      console.log(`${m} ${kind} r${BLIND_ROUNDS[round]!.label} ${t.name} #${i}${parsedOk ? '' : ' [parse differs]'}: gold-structure {${show}} cli {${cliShow}} :: ${post.text.replace(/\s+/g, ' ').slice(0, 300)}${parent}`);
    }
  });
}

console.log(`\nkeep threshold ${keep} (not applied by the CLI); CLI false flags ${fp}`);
console.log(`round\t${MECHANISMS.join('\t')}\tfalse flags`);
const total = new Map<Mechanism, number>();
BLIND_ROUNDS.forEach((r, i) => {
  console.log(`${r.label}\t${MECHANISMS.map((m) => perRound[i]!.get(m) ?? 0).join('\t')}\t${fpPerRound[i]}`);
  for (const [k, v] of perRound[i]!) total.set(k, (total.get(k) ?? 0) + v);
});
console.log(`all\t${MECHANISMS.map((m) => total.get(m) ?? 0).join('\t')}\t${fp}`);
for (const [k, v] of [...byKind].sort()) console.log(`${k}\t${v}`);
