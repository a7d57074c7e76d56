/**
 * Study (session 33, shape33; measure only): the trigger's facts behind the count arm, per dump, against the *shipped*
 * line-role model (which has seen every fixture and blind dump, so these are no left-out figures): the rules' posts (R),
 * the model's start lines (S), where they agree, start lines in the rules' text and under a head there, and per rules'
 * post whether the model sees no post text in it (`headOnly`, the study's `textless`), no start but body (`noStart`),
 * two or more starts (`multi`), only author or meta lines (`headP`); `CNT` where the lead's count arm (posts against
 * start lines, a quarter) fires. `--fixtures`: today's rules on every fixture; `--blind`: each blind dump's first try.
 *
 * Run: FIRST_TRY_DIR=/tmp/x/first- nice npx tsx scripts/study/count-arm-facts.ts --fixtures --blind
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../src/index.js';
import { lineFacts } from './lib/line-facts.js';
import { oldSource } from './line-roles.js';
import { execFileSync } from 'node:child_process';
import { BLIND_DEV_ROUNDS, blindNumber } from '../train/lib/blind-rounds.js';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents of several src trees (first tries)
type Doc = any;
export function extra(text: string, doc: Doc) {
  const lf = lineFacts(text, doc);
  // line -> post id of post-body blocks
  const postOfLine = new Map<number, string>();
  let b = 0;
  for (const line of lf.lines) {
    while (b < doc.blocks.length && doc.blocks[b].span[1] <= line.start) b++;
    const block = doc.blocks[b];
    if (!block || block.span[0] > line.start) continue;
    if (block.kind === 'post-body' && block.post !== null) postOfLine.set(line.index, typeof block.post === 'number' ? doc.thread.posts[block.post]?.id : block.post);
  }
  const byPost = new Map<string, number[]>();
  for (const [l, p] of postOfLine) { if (!byPost.has(p)) byPost.set(p, []); byPost.get(p)!.push(l); }
  let headOnly = 0, noStart = 0, multi = 0, headPosts = 0, removed = 0;
  for (const p of doc.thread.posts) {
    if (p.removed) { removed++; continue; }
    const ls = byPost.get(p.id) ?? [];
    const roles = ls.map((l) => lf.guesses[l]?.role).filter((r) => r);
    const st = roles.filter((r) => r === 'start').length;
    if (st >= 2) multi++;
    if (roles.length > 0 && roles.every((r) => r === 'author' || r === 'meta')) headPosts++;
    if (st === 0) { if (roles.some((r) => r === 'body')) noStart++; else headOnly++; }
  }
  return { ...lf.facts, headOnly, noStart, multi, headPosts, removed };
}
const fmt = (name: string, f: any, extraS = '') => {
  const gap = Math.abs(f.rulePosts - f.starts);
  const cnt = f.starts >= 3 && 4 * gap >= f.starts;
  console.log(`${name.slice(0, 34).padEnd(34)} R ${f.rulePosts} S ${f.starts} agr ${f.agreed} inT ${f.startsInText} uH ${f.startsUnderHead} orph ${f.orphanStarts} headOnly ${f.headOnly} noStart ${f.noStart} multi ${f.multi} headP ${f.headPosts} rem ${f.removed} ${cnt ? 'CNT' : ''} ${extraS}`);
};
const here = join(import.meta.dirname, '..', '..');
if (process.argv.includes('--fixtures')) {
  for (const d of readdirSync(join(here, 'fixtures')).sort()) {
    const p = join(here, 'fixtures', d, 'input.txt');
    if (!existsSync(p)) continue;
    const t = readFileSync(p, 'utf8');
    const doc = parse(t, { name: d }) as any;
    fmt(d, extra(t, doc));
  }
}
if (process.argv.includes('--blind')) {
  const dir = join(here, 'fixtures', 'blind-threads');
  const files = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();
  const commits = new Map<string, any>();
  for (const f of files) {
    const n = blindNumber(f);
    const lo = BLIND_DEV_ROUNDS.find((r) => n >= r.first && n <= r.last)?.first;
    if (lo === undefined) continue;
    const first = files.find((g) => blindNumber(g) === lo)!;
    const log = execFileSync('git', ['log', '--diff-filter=A', '--format=%h', '--', join('fixtures', 'blind-threads', first)], { cwd: here, encoding: 'utf8' });
    const c = log.trim().split('\n').at(-1)!;
    if (!commits.has(c)) commits.set(c, (await import(join(oldSource(c), 'src', 'index.ts'))).parse);
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const txt = readFileSync(join(dir, f.replace('.gold.json', '.txt')), 'utf8');
    const doc = commits.get(c)(txt, { name: f });
    fmt(f, extra(txt, doc), `gold ${gold.posts.length}`);
  }
}
