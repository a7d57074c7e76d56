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
import { contentWords } from '../../src/text/words.js';

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
  // The registered action's candidates: posts left top level (after the first, not removed, no reply cue), each with the
  // latest earlier post by someone else (not removed), its outcome if linked, and the per-post cues.
  cands: Array<{ at: number; outcome: 'right' | 'wrong' | 'top'; cues: Record<string, boolean> }>;
};
const SECOND = /\b(?:you|your|yours|yourself|you['\u2019](?:re|ve|d|ll))\b/i;
const rows: Row[] = [];
const topLinked: string[] = []; // gold top-level posts the parse gives a parent
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
    allAbove: { fix: 0, breakReply: 0, breakTop: 0 }, leftAbove: { fix: 0, stayWrong: 0, breakTop: 0 }, cands: [],
  };
  const articleWords = new Set(contentWords(String(doc.article?.text ?? '')));
  // (Exploratory) the share of the page's posts that open in upper case: a lower-case opening stands out on a page that
  // mostly capitalises (links31's pair feature, here a cue of its own).
  const opens = posts.map((p) => String(p.text ?? '').trimStart()).filter((t) => /^\p{L}/u.test(t));
  const capitalPage = opens.filter((t) => /^\p{Lu}/u.test(t)).length * 2 > opens.length;
  posts.forEach((p, i) => {
    if (i === 0 || p.parentId !== null || p.removed || p.replyCue || i >= gold.posts.length) return;
    let k = i - 1;
    while (k >= 0 && (posts[k].removed || posts[k].author === p.author)) k--;
    if (k < 0) return;
    const gp = gold.posts[i]!.parent;
    const outcome = gp === null || gp === undefined ? 'top' : gp === k ? 'right' : 'wrong';
    const sentences: string[] = (p.sentences ?? []).map((x: any) => x.text);
    const above = new Set(contentWords(String(posts[k].text ?? '')));
    const mine = new Set(contentWords(sentences.slice(0, 2).join(' ') || p.text));
    const first = String(p.text ?? '').trimStart();
    row.cands.push({
      at: i, outcome,
      cues: {
        always: true,
        sharedNotArticle: [...mine].some((w) => above.has(w) && !articleWords.has(w)),
        lowerOpening: /^\p{Ll}/u.test(first),
        lowerOnCapitalPage: capitalPage && /^\p{Ll}/u.test(first),
        secondPerson: SECOND.test(p.text ?? ''),
        questionAbove: /\?\s*$/.test(String(posts[k].text ?? '').trim()),
      },
    });
  });
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
        if (process.env.MISSES) console.error(`${gold.file.split('_')[0]!} #${i} ${kind} gold ${gp.parent} ours ${ours ?? 'none'}: ${String(p?.text ?? '').slice(0, 90).replace(/\s+/g, ' ')}`);
      }
      if (!ok && gp.parent === i - 1) row.allAbove.fix++;
      if (ok && gp.parent !== i - 1) row.allAbove.breakReply++;
      if (ours === null && p) {
        if (gp.parent === i - 1) row.leftAbove.fix++;
        else row.leftAbove.stayWrong++;
      }
    } else if (i > 0) {
      if (ours !== null) topLinked.push(`${gold.file.split('_')[0]!} #${i}`);
      row.allAbove.breakTop++;
      if (p && ours === null) row.leftAbove.breakTop++;
    }
  });
  rows.push(row);
}

const n = (r: Row) => r.file.slice(0, 2);
console.log('| blind | round | posts | gold replies | right | missed: above none/wrong | opening none/wrong | earlier none/wrong | flat | layout signs | "post above" all: fix / break reply / top linked | left over only: fix / stay wrong / top linked |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const tot: { gold: number; right: number; above: number[]; opening: number[]; earlier: number[]; all: number[]; left: number[] } = {
  gold: 0, right: 0, above: [0, 0], opening: [0, 0], earlier: [0, 0], all: [0, 0, 0], left: [0, 0, 0],
};
for (const r of rows) {
  tot.gold += r.gold; tot.right += r.right;
  for (const k of ['above', 'opening', 'earlier'] as const) tot[k] = [tot[k][0]! + r.miss[k].none, tot[k][1]! + r.miss[k].wrong];
  tot.all = [tot.all[0]! + r.allAbove.fix, tot.all[1]! + r.allAbove.breakReply, tot.all[2]! + r.allAbove.breakTop];
  tot.left = [tot.left[0]! + r.leftAbove.fix, tot.left[1]! + r.leftAbove.stayWrong, tot.left[2]! + r.leftAbove.breakTop];
  if (r.right === r.gold && !process.env.ALL) continue;
  const sg = process.env.GATES ? [...r.signs, ...(r.declaredMore ? ['declaredMore'] : [])].join(' ') || '-' : '(GATES=1)';
  console.log(`| ${n(r)} | ${r.round} | ${r.posts} | ${r.gold} | ${r.right} | ${r.miss.above.none}/${r.miss.above.wrong} | ${r.miss.opening.none}/${r.miss.opening.wrong} | ${r.miss.earlier.none}/${r.miss.earlier.wrong} | ${r.flat ? 'flat' : 'nested'} | ${sg} | ${r.allAbove.fix} / ${r.allAbove.breakReply} / ${r.allAbove.breakTop} | ${r.leftAbove.fix} / ${r.leftAbove.stayWrong} / ${r.leftAbove.breakTop} |`);
}
console.log(`| all ${rows.length} | | | ${tot.gold} | ${tot.right} | ${tot.above.join('/')} | ${tot.opening.join('/')} | ${tot.earlier.join('/')} | ${rows.filter((r) => r.flat).length} flat | | ${tot.all.join(' / ')} | ${tot.left.join(' / ')} |`);

console.log(`gold top-level posts the parse links: ${topLinked.length} (${topLinked.join(', ')})`);
if (!process.env.GATES) process.exit(0);
// The registered gates x actions: on an open page, each candidate whose action cue holds is linked.
const pageGates: Record<string, (r: Row) => boolean> = {};
for (const k of [...Object.keys(SIGNS), 'declaredMore', 'anySign', ...(process.env.NOGATE ? ['none'] : [])]) {
  const has = (r: Row) => (k === 'none' ? true : k === 'anySign' ? r.signs.length > 0 || r.declaredMore : k === 'declaredMore' ? r.declaredMore : r.signs.includes(k));
  pageGates[`${k}&flat`] = (r) => r.flat && has(r);
  pageGates[`${k}&any`] = has;
}
const actions = ['always', 'sharedNotArticle', 'lowerOpening', 'secondPerson', 'questionAbove', ...(process.env.NOGATE ? ['lowerOnCapitalPage'] : [])];
type T = { right: number; wrong: number; top: number };
const zero = (): T => ({ right: 0, wrong: 0, top: 0 });
const perRound: Record<string, Record<string, T>> = {};
const whole: Record<string, T & { pages: Set<string> }> = {};
for (const [gname, gate] of Object.entries(pageGates)) for (const a of actions) {
  const name = `${gname} / ${a}`;
  const w = (whole[name] = { ...zero(), pages: new Set<string>() });
  for (const r of rows) {
    if (!gate(r)) continue;
    for (const c of r.cands) {
      if (!c.cues[a]) continue;
      const u = ((perRound[r.round] ??= {})[name] ??= zero());
      u[c.outcome]++; w[c.outcome]++; w.pages.add(n(r));
      if (process.env.LINKS === name) console.error(`${name}: ${n(r)} #${c.at} ${c.outcome}`);
    }
  }
}
console.log('\n| gate / action (all 82, in sample) | pages | right | wrong parent | gold top-level linked |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, t] of Object.entries(whole)) if (t.right + t.wrong + t.top > 0 && (process.env.ALL || t.right > 0)) console.log(`| ${name} | ${t.pages.size} | ${t.right} | ${t.wrong} | ${t.top} |`);
// Each round left out: the gate x action with the most right links among those with no wrong parent and no top-level link
// on the other rounds (ties: fewer links, then name; none if nothing gains), scored on the round left out.
const left = zero();
const names = Object.keys(whole).sort();
const chosen: string[] = [];
for (const { label } of BLIND_DEV_ROUNDS) {
  const sum = (name: string): T => Object.entries(perRound).filter(([r]) => r !== label).reduce((a, [, m]) => ({ right: a.right + (m[name]?.right ?? 0), wrong: a.wrong + (m[name]?.wrong ?? 0), top: a.top + (m[name]?.top ?? 0) }), zero());
  const ok = names.filter((x) => { const t = sum(x); return t.top === 0 && t.wrong === 0 && t.right > 0; });
  ok.sort((a, b) => sum(b).right - sum(a).right || a.localeCompare(b));
  const pick = ok[0] ?? 'none';
  chosen.push(pick);
  const got = pick === 'none' ? zero() : perRound[label]?.[pick] ?? zero();
  left.right += got.right; left.wrong += got.wrong; left.top += got.top;
  console.log(`left out ${label}: chosen ${pick}${pick === 'none' ? '' : ` (${sum(pick).right} right on the others)`}; on ${label}: ${JSON.stringify(got)}`);
}
console.log(`left-out total: ${JSON.stringify(left)}`);
const all = names.filter((x) => whole[x]!.top === 0 && whole[x]!.wrong === 0 && whole[x]!.right > 0).sort((a, b) => whole[b]!.right - whole[a]!.right || a.localeCompare(b));
console.log(`chosen on all fourteen rounds: ${all[0] ?? 'none'}${all[0] ? ` ${JSON.stringify({ ...whole[all[0]]!, pages: [...whole[all[0]]!.pages] })}` : ''}`);

// (Exploratory, not part of the registration: written after the registered choice above gained nothing.) A learned
// gate: a logistic model over each candidate's cues, its page's signs and their products (cue x sign), fit on the other
// rounds; its cut is the lowest that links no gold top-level post and no wrong parent among the other rounds' own
// left-out scores (nested: each of them scored by a model fit without it), then scored on the round left out.
if (!process.env.LEARNED) process.exit(0);
type Cand = { round: string; y: number; outcome: 'right' | 'wrong' | 'top'; x: Map<string, number>; page: string };
const cands: Cand[] = [];
for (const r of rows) {
  const signs = [...r.signs, ...(r.declaredMore ? ['declaredMore'] : []), ...(r.flat ? ['flat'] : []), ...(r.signs.length || r.declaredMore ? ['anySign'] : [])];
  for (const c of r.cands) {
    const x = new Map<string, number>([['bias', 1]]);
    const cues = Object.entries(c.cues).filter(([k, on]) => on && k !== 'always' && (process.env.NOGATE || k !== 'lowerOnCapitalPage')).map(([k]) => k);
    for (const s of signs) x.set(`page:${s}`, 1);
    for (const k of cues) {
      x.set(`cue:${k}`, 1);
      for (const s of signs) x.set(`cue:${k}*page:${s}`, 1);
    }
    cands.push({ round: r.round, y: c.outcome === 'right' ? 1 : 0, outcome: c.outcome, x, page: n(r) });
  }
}
function fit(train: Cand[]): Map<string, number> {
  const w = new Map<string, number>();
  const steps = 300, lr = 0.5, l2 = 1e-3;
  for (let s = 0; s < steps; s++) {
    const g = new Map<string, number>();
    for (const c of train) {
      let z = 0;
      for (const [k, v] of c.x) z += (w.get(k) ?? 0) * v;
      const e = 1 / (1 + Math.exp(-z)) - c.y;
      for (const [k, v] of c.x) g.set(k, (g.get(k) ?? 0) + e * v);
    }
    for (const [k, gv] of g) w.set(k, (w.get(k) ?? 0) - lr * (gv / train.length + l2 * (w.get(k) ?? 0)));
  }
  return w;
}
const prob = (w: Map<string, number>, c: Cand) => { let z = 0; for (const [k, v] of c.x) z += (w.get(k) ?? 0) * v; return 1 / (1 + Math.exp(-z)); };
const labels = BLIND_DEV_ROUNDS.map((r) => r.label);
const lt = zero();
for (const R of labels) {
  const inner: Array<{ p: number; c: Cand }> = [];
  for (const Q of labels) {
    if (Q === R) continue;
    const w = fit(cands.filter((c) => c.round !== R && c.round !== Q));
    for (const c of cands.filter((c) => c.round === Q)) inner.push({ p: prob(w, c), c });
  }
  const falseMax = Math.max(0, ...inner.filter((e) => e.c.outcome !== 'right').map((e) => e.p));
  const cut = falseMax + 1e-9;
  const innerRight = inner.filter((e) => e.c.outcome === 'right' && e.p >= cut).length;
  const w = fit(cands.filter((c) => c.round !== R));
  const got = zero();
  for (const c of cands.filter((c) => c.round === R)) if (prob(w, c) >= cut) got[c.outcome]++;
  lt.right += got.right; lt.wrong += got.wrong; lt.top += got.top;
  // The F1-free "most right less false" cut as well, for the record: the cut maximising right - false on the inner scores.
  const sorted = [...inner].sort((a, b) => b.p - a.p);
  let best = { net: 0, cut: 1 + 1e-9 }, net = 0;
  for (const e of sorted) { net += e.c.outcome === 'right' ? 1 : -1; if (net > best.net) best = { net, cut: e.p }; }
  const got2 = zero();
  for (const c of cands.filter((c) => c.round === R)) if (prob(w, c) >= best.cut) got2[c.outcome]++;
  console.log(`learned, left out ${R}: strict cut ${cut.toFixed(3)} (inner right ${innerRight}) -> ${JSON.stringify(got)}; net cut ${best.cut.toFixed(3)} -> ${JSON.stringify(got2)}`);
}
console.log(`learned left-out total (strict cut): ${JSON.stringify(lt)}; candidates ${cands.length}, right ${cands.filter((c) => c.y).length}`);
