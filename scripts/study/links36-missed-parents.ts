/**
 * Session 35 (links36, docs/dump-styles.md "Session 35 (links36)"): where the reply parents the parse misses sit on the
 * development blind threads 01-82 (BLIND_DEV_ROUNDS; later numbers are never read), and what "the post above" would fix
 * and break per dump. Posts are aligned by index as ../shared/eval-threads/score.mjs aligns them.
 * Per dump: gold replies, right, misses by kind (gold parent the post above / the opening post / another earlier post;
 * ours none or a wrong post), whether the parse is flat (no parent from a layout cue: `explicit`, `depth`, `indent`,
 * `replying-to`), the layout signs that replies exist (below), and "the post above" two ways: for every post after the
 * first (fixes = gold replies wrong today whose parent is the post above; breaks = gold replies right today whose parent
 * is not the post above, plus gold top-level posts linked), and only for the posts the parse leaves top level.
 * Then the pre-registered gate (docs: a page whose layout shows replies exist while the parse links none by the layout)
 * with each round left out. Measures only.
 * Usage: nice npx tsx scripts/study/links36-missed-parents.ts [src-dir]   (MISSES=1 lists the misses on stderr; GATES=1
 * adds the layout signs and the registered gates, run only after the registration was written)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blindDevRound, BLIND_DEV_ROUNDS, blindNumber } from '../train/lib/blind-rounds.js';

const srcDir = process.argv[2] ?? 'src';
const lib = (await import(resolve(srcDir, 'index.ts'))) as { analyze: (b: Buffer, o: { name: string; targets?: string[] }) => any };
const dir = resolve('fixtures/blind-threads');
const LAYOUT = new Set(['explicit', 'depth', 'indent', 'replying-to']);
const last = BLIND_DEV_ROUNDS[BLIND_DEV_ROUNDS.length - 1]!.last;
const golds = readdirSync(dir)
  .filter((f) => f.endsWith('.gold.json') && blindNumber(f) <= last && blindDevRound(f) !== undefined)
  .sort();

// Layout signs that a page has replies (read from the dump's text, never from the gold).
const SIGNS: Record<string, RegExp> = {
  countedReplies: /\b\d+\s+(?:more\s+)?repl(?:y|ies)\b/i,
  moreReplies: /\b(?:view|show|load|see|hide)\s+(?:all\s+)?(?:\d+\s+)?(?:more\s+)?(?:repl(?:y|ies)|responses)\b/i,
  replyToName: /\b(?:in\s+)?(?:reply|replying|replied)\s+to\s+@?\p{Lu}/u,
  reSubject: /^[ \t]*(?:subject:\s*)?re:\s/im,
  quoteBlock: /^[ \t]*>/m,
  collapse: /^[ \t]*\[[-+]\]/m,
};

type Row = {
  file: string; round: string; posts: number; gold: number; right: number; flat: boolean; signs: string[]; declaredMore: boolean;
  miss: { above: { none: number; wrong: number }; opening: { none: number; wrong: number }; earlier: { none: number; wrong: number } };
  allAbove: { fix: number; breakReply: number; breakTop: number };
  leftAbove: { fix: number; stayWrong: number; breakTop: number };
};
const rows: Row[] = [];
for (const g of golds) {
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null; removed?: boolean }> };
  const text = readFileSync(join(dir, gold.file));
  const out = lib.analyze(text, { name: gold.file, targets: gold.targets });
  const doc = Array.isArray(out) ? out[0] : out;
  const posts: any[] = doc.thread?.posts ?? [];
  const idx = new Map(posts.map((p, i) => [p.id, i]));
  const flat = !posts.some((p) => p.parentId !== null && p.replyCue && LAYOUT.has(p.replyCue.kind));
  const s = text.toString('utf8');
  const signs = Object.entries(SIGNS).filter(([, re]) => re.test(s)).map(([k]) => k);
  const top = posts.filter((p) => p.parentId === null).length;
  const declared: number | null = doc.thread?.declaredCount ?? null;
  const row: Row = {
    file: gold.file, round: blindDevRound(g)!, posts: posts.length, gold: 0, right: 0, flat, signs, declaredMore: declared !== null && declared > top,
    miss: { above: { none: 0, wrong: 0 }, opening: { none: 0, wrong: 0 }, earlier: { none: 0, wrong: 0 } },
    allAbove: { fix: 0, breakReply: 0, breakTop: 0 }, leftAbove: { fix: 0, stayWrong: 0, breakTop: 0 },
  };
  gold.posts.forEach((gp, i) => {
    const p = posts[i];
    const ours = p && p.parentId != null ? idx.get(p.parentId) ?? null : null;
    const reply = gp.parent !== null && gp.parent !== undefined;
    if (reply) {
      row.gold++;
      const ok = ours === gp.parent;
      if (ok) row.right++;
      else {
        const kind = gp.parent === i - 1 ? 'above' : gp.parent === 0 ? 'opening' : 'earlier';
        row.miss[kind][ours === null ? 'none' : 'wrong']++;
        if (process.env.MISSES) console.error(`${gold.file.slice(0, 2)} #${i} ${kind} gold ${gp.parent} ours ${ours ?? 'none'}: ${String(p?.text ?? '').slice(0, 90).replace(/\s+/g, ' ')}`);
      }
      if (!ok && gp.parent === i - 1) row.allAbove.fix++;
      if (ok && gp.parent !== i - 1) row.allAbove.breakReply++;
      if (ours === null && p) {
        if (gp.parent === i - 1) row.leftAbove.fix++;
        else row.leftAbove.stayWrong++;
      }
    } else if (i > 0) {
      row.allAbove.breakTop++;
      if (p && ours === null) row.leftAbove.breakTop++;
    }
  });
  rows.push(row);
}

const n = (r: Row) => r.file.slice(0, 2);
console.log('| blind | round | posts | gold replies | right | missed: above none/wrong | opening none/wrong | earlier none/wrong | flat | layout signs | "post above" all: fix / break reply / top linked | left over only: fix / stay wrong / top linked |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const tot = { gold: 0, right: 0, above: [0, 0], opening: [0, 0], earlier: [0, 0], all: [0, 0, 0], left: [0, 0, 0] };
for (const r of rows) {
  tot.gold += r.gold; tot.right += r.right;
  for (const k of ['above', 'opening', 'earlier'] as const) { tot[k][0] += r.miss[k].none; tot[k][1] += r.miss[k].wrong; }
  tot.all[0] += r.allAbove.fix; tot.all[1] += r.allAbove.breakReply; tot.all[2] += r.allAbove.breakTop;
  tot.left[0] += r.leftAbove.fix; tot.left[1] += r.leftAbove.stayWrong; tot.left[2] += r.leftAbove.breakTop;
  if (r.right === r.gold && !process.env.ALL) continue;
  const sg = process.env.GATES ? [...r.signs, ...(r.declaredMore ? ['declaredMore'] : [])].join(' ') || '-' : '(GATES=1)';
  console.log(`| ${n(r)} | ${r.round} | ${r.posts} | ${r.gold} | ${r.right} | ${r.miss.above.none}/${r.miss.above.wrong} | ${r.miss.opening.none}/${r.miss.opening.wrong} | ${r.miss.earlier.none}/${r.miss.earlier.wrong} | ${r.flat ? 'flat' : 'nested'} | ${sg} | ${r.allAbove.fix} / ${r.allAbove.breakReply} / ${r.allAbove.breakTop} | ${r.leftAbove.fix} / ${r.leftAbove.stayWrong} / ${r.leftAbove.breakTop} |`);
}
console.log(`| all ${rows.length} | | | ${tot.gold} | ${tot.right} | ${tot.above.join('/')} | ${tot.opening.join('/')} | ${tot.earlier.join('/')} | ${rows.filter((r) => r.flat).length} flat | | ${tot.all.join(' / ')} | ${tot.left.join(' / ')} |`);

if (!process.env.GATES) process.exit(0);
// The gates: "the post above" for the posts left top level, only on flat pages that show a sign (each sign alone, any
// sign, declared count over top-level posts). Per gate: fixes / stay wrong / gold top-level posts linked, over all pages.
const gates: Record<string, (r: Row) => boolean> = {};
for (const k of [...Object.keys(SIGNS), 'declaredMore']) gates[k] = (r) => r.flat && (k === 'declaredMore' ? r.declaredMore : r.signs.includes(k));
gates.anySign = (r) => r.flat && (r.signs.length > 0 || r.declaredMore);
console.log('\n| gate (flat page and ...) | pages | fix | stay wrong | gold top-level linked |');
console.log('| --- | --- | --- | --- | --- |');
const perRound: Record<string, Record<string, { fix: number; top: number }>> = {};
for (const [name, gate] of Object.entries(gates)) {
  const on = rows.filter(gate);
  const t = on.reduce((a, r) => ({ fix: a.fix + r.leftAbove.fix, wrong: a.wrong + r.leftAbove.stayWrong, top: a.top + r.leftAbove.breakTop }), { fix: 0, wrong: 0, top: 0 });
  console.log(`| ${name} | ${on.length} (${on.map(n).join(' ')}) | ${t.fix} | ${t.wrong} | ${t.top} |`);
  for (const r of on) {
    const u = ((perRound[r.round] ??= {})[name] ??= { fix: 0, top: 0 });
    u.fix += r.leftAbove.fix; u.top += r.leftAbove.breakTop;
  }
}
// Each round left out: the gate chosen on the other rounds (none, or the gate with the most fixes among those that link
// no gold top-level post there), scored on the round.
const left = { fix: 0, top: 0 };
for (const { label } of BLIND_DEV_ROUNDS) {
  const sum = (gname: string) => Object.entries(perRound).filter(([r]) => r !== label).reduce((a, [, m]) => ({ fix: a.fix + (m[gname]?.fix ?? 0), top: a.top + (m[gname]?.top ?? 0) }), { fix: 0, top: 0 });
  const ok = Object.keys(gates).filter((gname) => sum(gname).top === 0 && sum(gname).fix > 0).sort((a, b) => sum(b).fix - sum(a).fix || a.localeCompare(b));
  const pick = ok[0] ?? 'none';
  const got = pick === 'none' ? { fix: 0, top: 0 } : perRound[label]?.[pick] ?? { fix: 0, top: 0 };
  left.fix += got.fix; left.top += got.top;
  console.log(`left out ${label}: chosen ${pick}; on ${label}: ${JSON.stringify(got)}`);
}
console.log(`left-out total: ${JSON.stringify(left)}`);
