/**
 * Where thread stance goes wrong on the independent threads (../shared/eval-threads): a mechanical breakdown of
 * every post with a gold side (outcome, top level or reply, named or implicit, which part of the pipeline gave the
 * answer, whether a wrong side follows the post's sentiment, whether a reply's parent was read right), and the
 * posts a reader gave no side (which side, if any, threadlens gave them). Development data: read the misses,
 * never tune on them. Needs dist/ (npm run build). Usage: tsx scripts/study/thread-stance-misses.ts [--list] [--dir DIR]
 * (DIR: another folder of gold files in the same format, e.g. fixtures/blind-threads; `--list` then also lists the
 * posts a reader gave no side that get one).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Side = 'favor' | 'against';
type Label = Side | 'neutral';
interface GoldPost {
  parent?: number | null;
  removed?: boolean;
  stance?: Record<string, Side> | null;
}
interface OutPost {
  text: string;
  sentiment?: { label: string; score: number };
  stances?: Array<{ target: string; label: Label; implicit?: boolean; evidence: Array<{ cue: string }> }>;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dirAt = process.argv.indexOf('--dir');
const dir = dirAt > 0 ? resolve(process.argv[dirAt + 1]!) : resolve(root, '..', 'shared', 'eval-threads');
const list = process.argv.includes('--list');

/** Which step of the pipeline gave the answer, from its evidence cues. */
function sourceOf(cues: readonly string[]): string {
  if (cues.some((c) => c === 'agrees-with-parent' || c === 'disagrees-with-parent')) return 'reply stance x parent';
  if (cues.some((c) => c.startsWith('tone-toward-parent:'))) return 'tone toward parent';
  if (cues.includes('answers-parent')) return 'answers a parent with no side';
  if (cues.some((c) => c.startsWith('scorns-holders-of:'))) return 'scorn of holders';
  return 'own reading (model)';
}

const tally = new Map<string, number>();
const count = (key: string): void => {
  tally.set(key, (tally.get(key) ?? 0) + 1);
};
const noSide = new Map<string, number>();
for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
  const spec = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets: string[]; posts: GoldPost[] };
  const args = [join(root, 'dist', 'cli.js'), 'analyze', join(dir, spec.file), '--format', 'json', ...spec.targets.flatMap((t) => ['--target', t])];
  const out = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 })) as unknown;
  const posts = ((Array.isArray(out) ? out[0] : out) as { thread: { posts: OutPost[] } }).thread.posts;
  const read = (i: number, t: string): { label: Label; implicit: boolean; cues: string[] } => {
    const s = posts[i]?.stances?.find((x) => x.target.toLowerCase() === t.toLowerCase());
    return { label: s?.label ?? 'neutral', implicit: s?.implicit === true, cues: (s?.evidence ?? []).map((e) => e.cue) };
  };
  spec.posts.forEach((gp, i) => {
    if (gp.removed || !gp.stance) return;
    const p = posts[i];
    for (const t of spec.targets) {
      const gold = gp.stance[t];
      const ours = read(i, t);
      if (!gold) {
        if (list && ours.label !== 'neutral') console.log(`${spec.file} #${i} gold none, ours ${ours.label}: ${gp.parent != null ? 'reply' : 'top level'} | ${sourceOf(ours.cues)} | ${ours.cues.slice(0, 4).join(', ')}\n    ${(p?.text ?? '').slice(0, 160).replace(/\s+/g, ' ')}`);
        noSide.set(`${ours.label} (sentiment ${p?.sentiment?.label ?? '?'})`, (noSide.get(`${ours.label} (sentiment ${p?.sentiment?.label ?? '?'})`) ?? 0) + 1);
        continue;
      }
      const outcome = ours.label === gold ? 'right' : ours.label === 'neutral' ? 'no side given' : 'wrong side';
      const reply = gp.parent !== null && gp.parent !== undefined;
      const parts = [outcome, reply ? 'reply' : 'top level', ours.implicit ? 'implicit' : 'names the target', sourceOf(ours.cues)];
      if (outcome === 'wrong side') parts.push(`sentiment ${p?.sentiment?.label ?? '?'}`);
      if (reply && outcome !== 'right') {
        const pg = spec.posts[gp.parent!]?.stance?.[t] ?? 'neutral';
        parts.push(read(gp.parent!, t).label === pg ? 'parent read right' : 'parent read wrong');
      }
      count(parts.join(' | '));
      if (list && outcome !== 'right') console.log(`${spec.file} #${i} gold ${gold}, ours ${ours.label}: ${parts.join(' | ')} | ${ours.cues.slice(0, 4).join(', ')}\n    ${(p?.text ?? '').slice(0, 160).replace(/\s+/g, ' ')}`);
    }
  });
}
const byCount = (m: Map<string, number>): Array<[string, number]> => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
console.log('Posts with a gold side (outcome | position | named | source | ...):');
for (const [k, n] of byCount(tally)) console.log(`  ${String(n).padStart(3)}  ${k}`);
console.log('Posts a reader gave no side, read as:');
for (const [k, n] of byCount(noSide)) console.log(`  ${String(n).padStart(3)}  ${k}`);
