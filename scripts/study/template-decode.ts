/**
 * Study (session 40, tmpl40): the page's record template as a decoding constraint on main's line-role model, behind a
 * gate on the template's strength (scripts/study/lib/template-decode.ts), every blind development round left out. For
 * each round R main's line-role model is fit once with the shipped recipe (`fitLineRoles(lineRoleRows(...))`) on the
 * fixtures and the other rounds' dumps; round R is then read three ways (model alone unguarded, model alone guarded,
 * today's rules with the left-out model as their fallback), each with main's decoding (each line its most probable
 * role) and with the two constrained decodings (`restrict`, `force`) with the gate open on every page. Each call's
 * page facts (the records' regularity, the first run's place) are kept, so that any gate cell's reading of a dump is
 * main's when the gate is closed there and the constrained one when it is open (exact when every call on the dump
 * opens alike: counted and reported).
 *
 * `--bar FILE` applies the registered bar (docs/dump-styles.md "Session 40 (tmpl40)"): for each round R the gate cell
 * (mode x theta x near) is chosen on the other rounds' dumps only (nested), R is read with it; then per round, pooled
 * and dump by dump against main. `--cell MODE,THETA,NEAR` also prints one fixed cell (exploratory).
 *
 * Run: nice -n 10 npx tsx scripts/study/template-decode.ts --json decode.json [--rounds 01-04,05-10]
 *      npx tsx scripts/study/template-decode.ts --bar decode.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fitLineRoles, lineRoleRows } from '../train/lib/line-roles-data.js';
import { useLineModelForStudy } from '../../src/ingest/line-roles-study.js';
import { setLineRoleStudy } from '../../src/ingest/line-roles.js';
import { lineFeatures } from '../../src/ingest/line-features.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { BLIND_DEV_ROUNDS } from '../train/lib/blind-rounds.js';
import { add, rates, scoreDoc, scoreFigure, zero, type Score } from './lib/thread-score.js';
import { studyBlind, studyFixtures } from './lib/left-out-data.js';
import { parse as todayParse } from '../../src/index.js';
import { decodeUnderTemplate, gateOpens, recordsOf, type DecodeMode, type TemplateGate } from './lib/template-decode.js';
import type { PageRecords } from './lib/line-template.js';

type ParseFn = (t: string, o?: object) => Parameters<typeof scoreDoc>[0];
const parse = todayParse as unknown as ParseFn;
const args = process.argv.slice(2);
const sign = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

const HOW = ['model alone, unguarded', 'model alone, guarded', "today's rules + left-out model as fallback"] as const;
const MODES_ALL = ['main', 'restrict', 'force', 'restrict+head', 'force+head'] as const;
const mi = args.indexOf('--modes');
const MODES = (mi >= 0 ? args[mi + 1]!.split(',') : ['main', 'restrict', 'force']) as Array<(typeof MODES_ALL)[number]>;
type Mode = (typeof MODES_ALL)[number];
/** A page's facts as one call of the decoder saw them (null: no template). */
type Facts = { regularity: number; firstRunAt: number } | null;
type Row = { name: string; round: string; reads: Record<string, Score>; facts: Facts[] };

// ---- the registered gate grid and the nested choice ----
const THETAS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
interface Cell {
  mode: DecodeMode;
  gate: TemplateGate;
}
// `--grid head`: the post hoc grid of the `+head` modes (reads merged by dump from the files given to --bar)
const GRID_MODES: DecodeMode[] = args.includes('head') && args.includes('--grid') ? ['restrict+head', 'force+head'] : ['restrict', 'force'];
const CELLS: Cell[] = GRID_MODES.flatMap((mode) => [false, true].flatMap((near) => THETAS.map((theta) => ({ mode, gate: { theta, near } }))));
const cellName = (c: Cell | null): string => (c === null ? 'main (gate never opens)' : `${c.mode}, regularity >= ${c.gate.theta}${c.gate.near ? ', first run at record 0-1' : ''}`);

/** Whether the gate of `c` opens on the dump (every call alike), and whether the calls agreed. */
function opens(d: Row, c: Cell): { open: boolean; exact: boolean } {
  const o = d.facts.map((f) => gateOpens(f === null ? null : ({ ...f, starts: [0], ends: [0], leadFrom: 0 } as PageRecords), c.gate));
  return { open: o.length > 0 && o.every((x) => x), exact: o.every((x) => x === o[0]) };
}
/** A dump's reading `how` under cell `c` (null: main). */
function readOf(d: Row, c: Cell | null, how: string): Score {
  if (c === null || !opens(d, c).open) return d.reads[`main: ${how}`]!;
  return d.reads[`${c.mode}: ${how}`]!;
}
const sum = (ds: readonly Row[], c: Cell | null, how: string): Score => ds.reduce((s, d) => add(s, readOf(d, c, how)), zero());
/** The registered criterion: pooled authors + starts of the model alone (unguarded); ties: fewer pages opened, restrict, the grid's order. */
function choose(ds: readonly Row[]): Cell | null {
  const value = (c: Cell | null): number => {
    const [a, s] = rates(sum(ds, c, HOW[0]));
    return a + s;
  };
  let best: Cell | null = null;
  let bestV = value(null);
  let bestOpen = 0;
  for (const c of CELLS) {
    const v = value(c);
    const o = ds.filter((d) => opens(d, c).open).length;
    if (v > bestV + 1e-12 || (Math.abs(v - bestV) <= 1e-12 && o < bestOpen)) {
      best = c;
      bestV = v;
      bestOpen = o;
    }
  }
  return best;
}

function bar(files: readonly string[]): void {
  const byName = new Map<string, Row>();
  let mainDiffers = 0;
  for (const f of files) {
    for (const d of (JSON.parse(readFileSync(f, 'utf8')) as { dumps: Row[] }).dumps) {
      const r = byName.get(d.name);
      if (r === undefined) byName.set(d.name, { ...d, reads: { ...d.reads }, facts: [...d.facts] });
      else {
        if (HOW.some((h) => JSON.stringify(r.reads[`main: ${h}`]) !== JSON.stringify(d.reads[`main: ${h}`]))) mainDiffers++;
        Object.assign(r.reads, d.reads);
        r.facts.push(...d.facts);
      }
    }
  }
  if (files.length > 1) console.log(`dumps whose main reads differ between the files: ${mainDiffers}`);
  const dumps = [...byName.values()];
  const rounds = [...new Set(dumps.map((d) => d.round))].sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]));
  const inexact = dumps.filter((d) => CELLS.some((c) => !opens(d, c).exact));
  console.log(`${dumps.length} dumps, ${rounds.length} rounds; dumps whose calls open a gate cell differently: ${inexact.length}${inexact.length ? ` (${inexact.map((d) => d.name).join(', ')})` : ''}`);
  // nested: each round's cell chosen on the other rounds' dumps
  const chosen = new Map<string, Cell | null>();
  for (const r of rounds) chosen.set(r, choose(dumps.filter((d) => d.round !== r)));
  const nestedSum = (ds: readonly Row[], how: string): Score => ds.reduce((s, d) => add(s, readOf(d, chosen.get(d.round)!, how)), zero());
  console.log(`\n| round | cell chosen on the other rounds | pages the gate opens | ${HOW.map((h) => `main: ${h}`).join(' | ')} | ${HOW.map((h) => `tmpl40: ${h}`).join(' | ')} | authors, unguarded |`);
  console.log(`| --- | --- | --- |${HOW.map(() => ' --- |').join('')}${HOW.map(() => ' --- |').join('')} --- |`);
  const per: Array<{ r: string; d: number }> = [];
  for (const r of [...rounds, 'pooled']) {
    const ds = dumps.filter((d) => r === 'pooled' || d.round === r);
    const opened = ds.filter((d) => {
      const c = chosen.get(d.round)!;
      return c !== null && opens(d, c).open;
    }).length;
    const da = rates(nestedSum(ds, HOW[0]))[0] - rates(sum(ds, null, HOW[0]))[0];
    if (r !== 'pooled') per.push({ r, d: da });
    const cell = r === 'pooled' ? '-' : cellName(chosen.get(r)!);
    console.log(`| ${r} | ${cell} | ${opened}/${ds.length} | ${HOW.map((h) => scoreFigure(sum(ds, null, h))).join(' | ')} | ${HOW.map((h) => scoreFigure(nestedSum(ds, h))).join(' | ')} | ${sign(da)} |`);
  }
  const [a0, s0, p0] = rates(sum(dumps, null, HOW[0]));
  const [a1, s1, p1] = rates(nestedSum(dumps, HOW[0]));
  const fb0 = rates(sum(dumps, null, HOW[2]));
  const fb1 = rates(nestedSum(dumps, HOW[2]));
  const below = per.filter((x) => x.d < -0.05);
  console.log(`\nmodel alone (unguarded), pooled: authors ${sign(a1 - a0)}, starts ${sign(s1 - s0)}, parents ${sign(p1 - p0)}; rounds below -0.05 in authors: ${below.map((x) => `${x.r} ${sign(x.d)}`).join(', ') || 'none'}; fallback authors/starts/parents ${fb1.map((x, i) => sign(x - fb0[i]!)).join(' / ')}`);
  const holds = a1 - a0 >= 0.02 && s1 - s0 >= 0.02 && below.length === 0 && fb1.every((x, i) => x >= fb0[i]! - 0.0005);
  console.log(`bar (1)-(3): ${holds ? 'HOLDS' : 'fails'}`);
  // dump by dump, model alone unguarded
  const key = (s: Score): string => `${s.authors} / ${s.starts}`;
  const better: string[] = [];
  const worse: string[] = [];
  for (const d of dumps) {
    const m = d.reads[`main: ${HOW[0]}`]!;
    const t = readOf(d, chosen.get(d.round)!, HOW[0]);
    const dd = t.authors + t.starts - m.authors - m.starts;
    if (dd > 0) better.push(`${d.name.split('_').slice(0, 2).join(' ')} ${key(m)} -> ${key(t)}`);
    if (dd < 0) worse.push(`${d.name.split('_').slice(0, 2).join(' ')} ${key(m)} -> ${key(t)}`);
  }
  console.log(`\ndump by dump (authors / starts of the gold's posts, model alone unguarded, main -> tmpl40): ${better.length} better, ${worse.length} worse\n better: ${better.join('; ')}\n worse: ${worse.join('; ')}`);
  const all = choose(dumps);
  console.log(`\nthe cell chosen on all ${rounds.length} rounds (what would ship): ${cellName(all)}`);
  const ci = args.indexOf('--cell');
  const extra: Cell[] = ci >= 0 ? [(() => {
    const [mode, theta, near] = args[ci + 1]!.split(',');
    return { mode: mode as DecodeMode, gate: { theta: Number(theta), near: near === 'near' } };
  })()] : [];
  // --cells: every cell of the grid on all dumps (exploratory, after the registered result; decides nothing)
  if (args.includes('--cells')) {
    const [ma, ms] = rates(sum(dumps, null, HOW[0]));
    console.log(`\n| cell | pages opened | model alone, unguarded | authors - main | starts - main | dumps better / worse |\n| --- | --- | --- | --- | --- | --- |`);
    for (const c of CELLS) {
      const s = sum(dumps, c, HOW[0]);
      const [a, st] = rates(s);
      let b = 0;
      let w = 0;
      for (const d of dumps) {
        const m = d.reads[`main: ${HOW[0]}`]!;
        const t = readOf(d, c, HOW[0]);
        const dd = t.authors + t.starts - m.authors - m.starts;
        if (dd > 0) b++;
        if (dd < 0) w++;
      }
      console.log(`| ${cellName(c)} | ${dumps.filter((d) => opens(d, c).open).length} | ${scoreFigure(s)} | ${sign(a - ma)} | ${sign(st - ms)} | ${b} / ${w} |`);
    }
  }
  for (const c of extra) {
    const [a, s, p] = rates(sum(dumps, c, HOW[0]));
    console.log(`fixed cell ${cellName(c)}: model alone unguarded ${a.toFixed(3)} / ${s.toFixed(3)} / ${p.toFixed(3)}, opens ${dumps.filter((d) => opens(d, c).open).length}`);
  }
}

const bi = args.indexOf('--bar');
if (bi >= 0) {
  bar(args.slice(bi + 1).filter((a) => a.endsWith('.json')));
  process.exit(0);
}

// ---- the run ----
let facts: Facts[] = [];
function use(m: LinearModel, mode: Mode, force: boolean, unguarded: boolean): void {
  if (mode === 'main') {
    useLineModelForStudy(m, force, null, unguarded);
    return;
  }
  let rec: ReturnType<typeof recordsOf> = null;
  let texts: string[] = [];
  setLineRoleStudy({
    probs: (lines) => {
      texts = lines.map((l) => l.trimmed);
      rec = recordsOf(texts);
      facts.push(rec === null ? null : { regularity: rec.regularity, firstRunAt: rec.firstRunAt });
      return lineFeatures(lines.map((l) => l.text)).map((f) => (f === null ? null : predict(m, f)));
    },
    decode: (probs) => decodeUnderTemplate(probs, rec, mode, texts),
    force,
    unguarded,
  });
}

const fixtures = studyFixtures();
const blind = studyBlind();
const ri = args.indexOf('--rounds');
const only = ri >= 0 ? new Set(args[ri + 1]!.split(',')) : null;
const ji = args.indexOf('--json');
const rows: Row[] = [];
const t0 = Date.now();
for (const r of BLIND_DEV_ROUNDS.filter((x) => only === null || only.has(x.label))) {
  const train = [...fixtures, ...blind.filter((b) => b.n < r.first || b.n > r.last).map((b) => b.fx)];
  const m = fitLineRoles(lineRoleRows(train), ['study']);
  for (const d of blind.filter((b) => b.n >= r.first && b.n <= r.last)) {
    const reads: Record<string, Score> = {};
    facts = [];
    for (const mode of MODES) {
      const how: Array<[boolean, boolean]> = [[true, true], [true, false], [false, false]];
      how.forEach(([force, unguarded], k) => {
        use(m, mode, force, unguarded);
        reads[`${mode}: ${HOW[k]}`] = scoreDoc(parse(d.text, { name: d.name }), d.gold);
      });
      useLineModelForStudy(null);
    }
    rows.push({ name: d.name, round: r.label, reads, facts: [...facts] });
    console.log(`${d.name}: ${Object.entries(reads).map(([k, s]) => `${k} ${scoreFigure(s)}`).join(' | ')}`);
  }
  console.log(`round ${r.label} done, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (ji >= 0) writeFileSync(args[ji + 1]!, JSON.stringify({ dumps: rows }, null, 1));
}
