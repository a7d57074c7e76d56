/**
 * Session 39 (mention39, docs/dump-styles.md "Session 39 (mention39)"): which of a named writer's posts a reply answers.
 * A name cue ("@Full Name", "Priya, …", "Replying to X": replyCue kind `mention`, `address`, `replying-to`) links a post
 * to the named writer's latest earlier post. For every such link whose writer has 2+ earlier posts (not removed), counts
 * whether the latest is the gold parent, another earlier post of that writer is, or something else is; then scores
 * choosers among the writer's earlier posts (post hoc on the parse, the parse's own links elsewhere unchanged):
 *   latest      the parse's choice;
 *   turn        the latest candidate that is itself a reply to the replier's post (a conversation turn), else latest;
 *   idf:M       the candidate whose shared words with the reply (content words and figures the article does not have,
 *               each weighted by log(N/df) over the page's posts) outweigh the latest's by more than M, else latest;
 *   num         the latest candidate sharing a figure (a token with a digit) with the reply that the latest lacks;
 *   turn+idf:M  turn, then idf:M among the rest when no candidate is a turn;
 *   idfA:M, numA  as idf:M and num with the article's words kept (the page's df alone discounts them).
 * Words: content words (src/text/words.ts) plus every figure (a digit run: "95", "19%").
 * Data: blind 01-106 only (files numbered <= 106; BLIND_DEV_ROUNDS) and the fixtures' structure labels (structure.json).
 * Halves: rounds at even positions of BLIND_DEV_ROUNDS (01-04, 11-16, 23-28, …) + fixtures choose ("choose"); rounds at
 * odd positions (05-10, 17-22, …) report ("report"), and the eval threads (../shared/eval-threads, measured only) too:
 * both printed only with `REPORT=1`. `LEFTOUT=1` (exploratory, after the registered run): each round left out in turn. `LIST=1` prints every ambiguous link (stderr; report and eval ones with REPORT=1).
 * (Session 43, at43) `FRESH=1`: instead, blind 107-130 only (written after session 39 chose), as one set "fresh", every
 * chooser scored as registered in session 39 (never 131-136; no fixtures, no eval threads).
 * (Session 43, idf43) The library runs `idfA:4` since session 43: the study switches it off (`CHOOSER=1` leaves it on).
 * Usage: nice npx tsx scripts/study/named-parent-choice.ts [src-dir]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BLIND_DEV_ROUNDS, blindDevRound, blindNumber } from '../train/lib/blind-rounds.js';
import { contentWords } from '../../src/text/words.js';

const srcDir = process.argv[2] ?? 'src';
const lib = (await import(resolve(srcDir, 'index.ts'))) as { analyze: (b: Buffer, o: object) => any; parse: (t: string, o: object) => any };
// (Session 43, idf43) The library now runs `idfA:4` itself; the study reads the parse without it (the named writer's
// latest post), as it always did, unless `CHOOSER=1`. A src tree from before session 43 has no switch.
const chooser = (await import(resolve(srcDir, 'thread/choose-named-parents.ts')).catch(() => null)) as { setNamedChooserForStudy: (on: boolean) => void } | null;
chooser?.setNamedChooserForStudy(Boolean(process.env.CHOOSER));
const NAMED = new Set(['mention', 'address', 'replying-to']);
const MARGINS = [0, 1, 2, 3, 4, 5, 6, 8];
type Post = { id: string; author: string | null; text: string; removed: boolean; parentId: string | null; replyCue: { kind: string } | null };

const FIGURE = /\d+(?:[.,]\d+)*%?/g;
const figuresOf = (text: string): string[] => [...text.matchAll(FIGURE)].map((m) => `#${m[0].replace(/[.,]$/, '')}`);
const half = (round: string): 'choose' | 'report' => (BLIND_DEV_ROUNDS.findIndex((r) => r.label === round) % 2 === 0 ? 'choose' : 'report');
const SETS = ['choose', 'report', 'eval', 'fresh'] as const;
const FRESH = Boolean(process.env.FRESH);
type Set_ = (typeof SETS)[number];
const tally: Record<string, Record<string, { n: number; right: number }>> = { choose: {}, report: {}, eval: {}, fresh: {} };
const base: Record<string, { named: number; ambiguous: number; latestRight: number; otherSameWriter: number; elsewhere: number; notLatest: number; notLatestRight: number; notLatestOtherSameWriter: number }> = {};
// Per blind round (and 'fixtures'), per chooser: for the rounds-left-out choice of a margin (`LEFTOUT=1`, exploratory).
const perRound: Record<string, Record<string, number>> = {};
let roundNow = 'fixtures';
const sameWriterWrong: Record<string, Record<string, number>> = {};
const rows: string[] = [];

function study(where: string, set: Set_, doc: any, goldParent: (i: number) => number | null | undefined): void {
  const posts = doc.thread.posts as Post[];
  const idx = new Map(posts.map((p, i) => [p.id, i]));
  const article = new Set(contentWords([doc.article?.title ?? '', ...(doc.article?.blocks ?? []).filter((b: any) => b.kind === 'heading' || b.kind === 'paragraph').map((b: any) => b.text)].join(' ')));
  // Content words (3+ characters), plus every figure ("95", "19%", "1,000": contentWords drops two-digit ones).
  const all = posts.map((p) => new Set([...contentWords(p.text), ...figuresOf(p.text)]));
  const words = all.map((w) => new Set([...w].filter((t) => !article.has(t))));
  const df = new Map<string, number>();
  for (const w of all) for (const t of w) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(posts.length / (df.get(t) ?? 1));
  const b = (base[set] ??= { named: 0, ambiguous: 0, latestRight: 0, otherSameWriter: 0, elsewhere: 0, notLatest: 0, notLatestRight: 0, notLatestOtherSameWriter: 0 });
  posts.forEach((post, i) => {
    // Every wrong parent that is another post by the gold parent's writer, by the cue that made the link.
    const gp = goldParent(i);
    const ours = post.parentId === null ? undefined : idx.get(post.parentId);
    if (gp !== undefined && gp !== null && ours !== undefined && ours !== gp && posts[gp] && posts[ours]!.author !== null && posts[ours]!.author === posts[gp]!.author) {
      const kind = post.replyCue?.kind ?? 'none';
      const w = (sameWriterWrong[set] ??= {});
      w[kind] = (w[kind] ?? 0) + 1;
      if (process.env.LIST && (set === 'choose' || set === 'fresh' || process.env.REPORT)) console.error(`same-writer wrong ${set} ${where} #${i} [${kind}] ours ${ours} gold ${gp}`);
    }
    if (post.parentId === null || post.replyCue === null || !NAMED.has(post.replyCue.kind)) return;
    const p = idx.get(post.parentId);
    const g = goldParent(i);
    if (p === undefined || g === undefined) return;
    b.named++;
    const writer = posts[p]!.author;
    if (writer === null) return;
    const cands: number[] = [];
    for (let k = i - 1; k >= 0; k--) if (posts[k]!.author === writer && !posts[k]!.removed) cands.push(k);
    if (cands.length >= 2 && cands[0] !== p) {
      // Links a preview, a subject or a run of follow-ups took to another of the writer's posts: counted, not re-chosen.
      b.notLatest++;
      if (g === p) b.notLatestRight++;
      else if (g !== null && cands.includes(g)) b.notLatestOtherSameWriter++;
    }
    if (cands.length < 2 || cands[0] !== p) return; // only links to the writer's latest (a preview or subject picked otherwise)
    b.ambiguous++;
    if (g === p) b.latestRight++;
    else if (g !== null && cands.includes(g)) b.otherSameWriter++;
    else b.elsewhere++;
    const scoreIn = (ws: Array<Set<string>>) => (k: number) => [...ws[i]!].filter((w) => ws[k]!.has(w)).reduce((s, w) => s + idf(w), 0);
    const isTurn = (k: number) => {
      const up = posts[k]!.parentId === null ? undefined : idx.get(posts[k]!.parentId!);
      return up !== undefined && posts[up]!.author === post.author && post.author !== null;
    };
    const byIdf = (m: number, score: (k: number) => number) => {
      let best = p;
      let top = score(p);
      for (const k of cands) if (score(k) > top + m && score(k) > score(best)) { best = k; }
      return score(best) > score(p) + m ? best : p;
    };
    const num = (ws: Array<Set<string>>) => {
      const figures = (k: number) => new Set([...ws[k]!].filter((w) => w.startsWith('#')));
      const mine = figures(i);
      const latest = figures(p);
      for (const k of cands) if ([...figures(k)].some((f) => mine.has(f) && !latest.has(f))) return k;
      return p;
    };
    const turn = cands.find(isTurn);
    const choices: Record<string, number> = { latest: p, turn: turn ?? p, num: num(words), numA: num(all) };
    for (const m of MARGINS) {
      choices[`idf:${m}`] = byIdf(m, scoreIn(words));
      choices[`idfA:${m}`] = byIdf(m, scoreIn(all));
      choices[`turn+idf:${m}`] = turn ?? byIdf(m, scoreIn(words));
    }
    for (const [c, k] of Object.entries(choices)) {
      const t = (tally[set]![c] ??= { n: 0, right: 0 });
      t.n++;
      if (k === g) t.right++;
      const r = (perRound[roundNow] ??= {});
      r[c] = (r[c] ?? 0) + (k === g ? 1 : 0);
    }
    if (process.env.LIST && (set === 'choose' || set === 'fresh' || process.env.REPORT)) {
      const moved = Object.entries(choices).filter(([, k]) => k !== p).map(([c, k]) => `${c}->${k}${k === g ? '✓' : '✗'}`);
      console.error(`${set} ${where} #${i} [${post.replyCue.kind}] latest ${p} gold ${g} cands ${cands.join(',')} ${moved.join(' ')} :: ${post.text.slice(0, 80).replace(/\s+/g, ' ')}`);
    }
  });
}

// Blind dev rounds (numbers <= 106 only).
const dir = resolve('fixtures/blind-threads');
if (FRESH) {
  for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json') && blindNumber(f) >= 107 && blindNumber(f) <= 130).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
    const out = lib.analyze(readFileSync(join(dir, gold.file)), { name: gold.file, targets: gold.targets });
    const doc = Array.isArray(out) ? out[0] : out;
    if (doc.thread.posts.length !== gold.posts.length) continue;
    roundNow = `fresh ${Math.floor((blindNumber(g) - 107) / 6)}`;
    study(g.slice(0, 3), 'fresh', doc, (i) => gold.posts[i]?.parent ?? null);
  }
}
for (const g of readdirSync(dir).filter((f) => !FRESH && f.endsWith('.gold.json') && blindNumber(f) <= 106).sort()) {
  const round = blindDevRound(g);
  if (round === undefined) continue;
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
  const out = lib.analyze(readFileSync(join(dir, gold.file)), { name: gold.file, targets: gold.targets });
  const doc = Array.isArray(out) ? out[0] : out;
  if (doc.thread.posts.length !== gold.posts.length) continue;
  roundNow = round;
  study(g.slice(0, 3), half(round), doc, (i) => gold.posts[i]?.parent ?? null);
}
// Fixtures' structure labels (matched by text start, as scripts/study/structure-score.ts does): the choosing half.
const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
for (const name of FRESH ? [] : readdirSync('fixtures').sort()) {
  const d = join('fixtures', name);
  if (!existsSync(join(d, 'structure.json'))) continue;
  const doc = lib.parse(readFileSync(join(d, 'input.txt'), 'utf8'), { name: `${name}/input` });
  const labels = JSON.parse(readFileSync(join(d, 'structure.json'), 'utf8'));
  const posts = doc.thread.posts as Post[];
  const used = new Set<number>();
  const texts = posts.map((p) => squash(p.text));
  const match: Array<number | null> = labels.posts.map((l: any) => {
    const s = squash(l.startsWith);
    const i = texts.findIndex((t, k) => !used.has(k) && t.startsWith(s));
    if (i < 0) return null;
    used.add(i);
    return i;
  });
  const labelOf = new Map<number, number>();
  match.forEach((m, li) => { if (m !== null) labelOf.set(m, li); });
  // gold parent as a post index: the labelled parent's matched post.
  roundNow = 'fixtures';
  study(name, 'choose', doc, (i) => {
    const li = labelOf.get(i);
    if (li === undefined) return undefined;
    const lp = labels.posts[li].parent;
    return lp === null ? null : (match[lp] ?? undefined);
  });
}
// The eval threads: measured only (never used to choose), printed with REPORT=1.
if (process.env.REPORT && !FRESH) {
  const evalDir = resolve('../shared/eval-threads');
  for (const g of readdirSync(evalDir).filter((f) => f.endsWith('.gold.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(evalDir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
    const out = lib.analyze(readFileSync(join(evalDir, gold.file)), { name: gold.file, targets: gold.targets });
    const doc = Array.isArray(out) ? out[0] : out;
    if (doc.thread.posts.length !== gold.posts.length) continue;
    roundNow = 'eval';
    study(`eval ${g.slice(0, 2)}`, 'eval', doc, (i) => gold.posts[i]?.parent ?? null);
  }
}
console.log('links a name cue makes (named), to a writer with 2+ earlier posts (ambiguous): latest right / another post by the writer is gold / gold elsewhere');
const shown = FRESH ? (['fresh'] as const) : process.env.REPORT ? (['choose', 'report', 'eval'] as const) : (['choose'] as const);
console.log(JSON.stringify(Object.fromEntries(shown.map((x) => [x, base[x]]))));
console.log(`wrong parents that are another post by the gold parent's writer, by cue: ${JSON.stringify(Object.fromEntries(shown.map((x) => [x, sameWriterWrong[x] ?? {}])))}`);
for (const set of shown) {
  console.log(`\n${set}:`);
  for (const [c, t] of Object.entries(tally[set]!)) console.log(`  ${c.padEnd(12)} ${t.right}/${t.n}`);
}

// (Exploratory, after the registered run) Each blind round and the fixtures left out in turn: the chooser with the most
// right on all the others (ties to the later in the list: a larger margin), scored on the one left out, against latest.
if (process.env.LEFTOUT) {
  delete perRound['eval'];
  const names = Object.keys(perRound['fixtures'] ?? perRound[Object.keys(perRound)[0]!]!);
  let got = 0;
  let latest = 0;
  for (const out of Object.keys(perRound)) {
    const sum = (c: string) => Object.entries(perRound).reduce((s, [r, m]) => s + (r === out ? 0 : (m[c] ?? 0)), 0);
    let best = 'latest';
    for (const c of names) if (sum(c) >= sum(best)) best = c;
    got += perRound[out]![best] ?? 0;
    latest += perRound[out]!['latest'] ?? 0;
    if ((perRound[out]![best] ?? 0) !== (perRound[out]!['latest'] ?? 0)) console.log(`left out ${out}: chose ${best}; right ${perRound[out]![best]} vs latest ${perRound[out]!['latest']}`);
  }
  console.log(`rounds left out (${Object.keys(perRound).length}): right ${got} vs latest ${latest}`);
}
