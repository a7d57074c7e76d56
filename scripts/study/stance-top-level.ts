/**
 * Session 29 (stance29): a top-level post's side toward the thread target, read again by a learned softmax over what
 * the steps found (scripts/study/lib/top-level-reading.ts), chosen and scored by blind round left out (nested).
 *
 * Each development round is read as session 28's study reads it (scripts/study/lib/stance-simulate.ts: the `run`
 * readings, the register's fill put back with a register fit WITHOUT the round, then the stance step's link in dump
 * order, so a reply sees its parent's new side). The reading is fit on the top-level posts of the other rounds (their
 * labelled pairs; gold `none` where a labelled post has no side), by the one learner (`fitModel`), and applied to every
 * top-level reading but a declared side. Settings (L2 x class balance) are chosen nested: for each round, the setting
 * best on the mean of (gold-side F1 + all-pairs F1) / 2 over the other rounds, each of them scored by a fit without it
 * and without the outer round.
 *
 *   tsx scripts/study/stance-top-level.ts --aimed            the aimed tone beside the gold side (top-level posts)
 *   tsx scripts/study/stance-top-level.ts --choose           every setting by round left out, nested choice
 *   tsx scripts/study/stance-top-level.ts --scopes           the balanced fits x which moves are taken, nested choice
 *   tsx scripts/study/stance-top-level.ts --core             the balanced fits, every value or the tone values only, nested choice
 *   tsx scripts/study/stance-top-level.ts --margins          the balanced fits, the learned label only past a margin over the reading's own
 *   tsx scripts/study/stance-top-level.ts --eval-threads DIR L2 BALANCED [SCOPE [core|all [MARGIN]]]   measured only (fit on all rounds)
 *   add --every to any of them: session 38's variant B, every labelled post re-read (replies with the parent's side)
 */
import { resolve } from 'node:path';
import type { StanceResult } from '../../src/schema/classify.js';
import { COMMENT_REGISTER_MODEL } from '../../src/classify/sentiment/register.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { REPLY_LINKS } from '../../src/classify/steps/stance.js';
import { fitModel, type FitRow } from '../train/lib/fit-model.js';
import { BLIND_DEV_ROUNDS } from '../train/lib/blind-rounds.js';
import { allPairs, mean, pairs, precision, readRegister, sides, type Side } from './lib/stance-rounds.js';
import { leftOutRegisters, readDumps, simulate, type Dump, type Variant } from './lib/stance-simulate.js';
import { aimedAt, reread, TOP_LEVEL_LABELS, topLevelFeatures } from './lib/top-level-reading.js';

const root = resolve(import.meta.dirname, '..', '..');
// `--every` (variant B) may stand anywhere: it is not one of `--eval-threads`'s positional values.
const args = process.argv.slice(2).filter((a) => a !== '--every');
const EVERY = process.argv.includes('--every');
const fmt = (x: number): string => x.toFixed(3);

/** Whether a reading is a declared side (a rule of its own: never re-read). */
const declared = (s: StanceResult): boolean => s.evidence.some((e) => e.cue.startsWith('declares:'));

/** Training rows: every labelled top-level post and gold target of `ds`, read with its own (filled) reading. */
function rowsOf(ds: readonly Dump[], setting: Setting): FitRow[] {
  return ds.flatMap((d) => dumpRows(d, setting));
}
const rowCache = new Map<string, FitRow[]>();
/** `rowsOf` one dump (cached: the rows of a dump depend on the setting only through `core`). */
function dumpRows(d: Dump, setting: Setting): FitRow[] {
  const key = `${d.file}|${setting.core === true}`;
  const known = rowCache.get(key);
  if (known) return known;
  const rows: FitRow[] = [];
  {
    const owns: Array<StanceResult[] | undefined> = [];
    const parents: Array<StanceResult[] | null> = [];
    simulate(d, { name: 'capture', links: REPLY_LINKS, everyPost: (_, k, o, parent) => ((owns[k] = o), (parents[k] = parent), o) });
    d.gold.forEach((gp, i) => {
      const p = d.posts[i];
      if (!p || (p.parentId != null && !EVERY) || gp.removed || !gp.stance) return;
      for (const t of d.targets) {
        const s = owns[i]?.find((x) => x.target.toLowerCase() === t.toLowerCase());
        if (!s || declared(s)) continue;
        const gold: Side = gp.stance[t] ?? 'none';
        rows.push({ features: valuesOf(featuresOf(p, s, t, d.probs[i]!, parents[i] ?? null), setting), y: TOP_LEVEL_LABELS.indexOf(gold) });
      }
    });
  }
  rowCache.set(key, rows);
  return rows;
}

/**
 * Session 38's variant B (`--every`): every labelled post is re-read, replies too, with what a reply is beside the
 * top-level values: that it is a reply, its parent's (linked, re-read) side toward the target, and its reply stance
 * (agree, disagree, ...) crossed with that side. Without `--every`: session 29's top-level posts only.
 */
function featuresOf(p: Dump['posts'][number], s: StanceResult, t: string, probs: readonly number[], parent: readonly StanceResult[] | null): Map<string, number> {
  const f = topLevelFeatures(p, s, t, probs);
  if (!EVERY || parent === null) return f;
  const theirs = parent.find((x) => x.target.toLowerCase() === t.toLowerCase())?.label;
  const side = theirs === 'favor' || theirs === 'against' ? theirs : 'none';
  f.set('reply', 1);
  f.set(`parent:${side}`, 1);
  f.set(`reply:${p.replyStance?.label ?? 'none'}*parent:${side}`, 1);
  return f;
}

/** Which of the reading's moves are taken: every one, only a side taken away, only a side given to a flat reading, or both of those (no side turned round). */
type Scope = 'all' | 'void' | 'fill' | 'void+fill';
interface Setting {
  l2: number;
  balanced: boolean;
  scope: Scope;
  /** Only the tone values (the reading's signed confidence, the register, the sentence scores, the aimed tone, a change target's direction, a correction, a question): no cue kinds, acts, insult or length. */
  core?: boolean;
  /** The learned label only where its probability beats the reading's own label's by more than this (undefined: 0). */
  margin?: number;
}
const CORE = (name: string): boolean => !/^(?:cue:|read:|act:(?!question)|insult|words:)/.test(name);
const valuesOf = (f: Map<string, number>, s: Setting): Map<string, number> => (s.core ? new Map([...f].filter(([k]) => CORE(k))) : f);
/** The first grid (`--choose`): L2 x class balance, every move taken; `--scopes`: the balanced fits x the moves taken. */
const SETTINGS: Setting[] = args.includes('--margins')
  ? [0.001, 0.003].flatMap((l2) => [0, 0.1, 0.2, 0.3, 0.4].map((margin) => ({ l2, balanced: true, scope: 'all' as const, margin })))
  : args.includes('--core')
  ? [0.0003, 0.001, 0.003, 0.01, 0.03].flatMap((l2) => [false, true].map((core) => ({ l2, balanced: true, scope: 'all' as const, core })))
  : args.includes('--scopes')
  ? [0.0003, 0.001, 0.003, 0.01].flatMap((l2) => (['all', 'void', 'fill', 'void+fill'] as const).map((scope) => ({ l2, balanced: true, scope })))
  : [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3].flatMap((l2) => [true, false].map((balanced) => ({ l2, balanced, scope: 'all' as const })));
const nameOf = (s: Setting): string => `L2 ${s.l2}${s.balanced ? ', balanced' : ''}${s.scope === 'all' ? '' : `, moves: ${s.scope}`}${s.core ? ', tone values only' : ''}${s.margin ? `, margin ${s.margin}` : ''}`;
const fits = new Map<string, LinearModel>();

function fit(ds: readonly Dump[], s: Setting): LinearModel {
  const key = `${[...new Set(ds.map((d) => d.round))].join(',')}|${s.l2}|${s.balanced}|${s.core === true}`;
  const known = fits.get(key);
  if (known) return known;
  const m = fitModel(rowsOf(ds, s), {
    name: 'top-level-stance (study)',
    labels: TOP_LEVEL_LABELS,
    link: 'softmax',
    fitOn: ['study'],
    featureFiles: ['scripts/study/lib/top-level-reading.ts'],
    l2: () => s.l2,
    iterations: 300,
    minCount: 3,
    balanced: s.balanced,
  });
  fits.set(key, m);
  return m;
}

/** The variant that re-reads each top-level post with `model`. */
function learned(model: LinearModel, scope: Scope = 'all', core = false, margin = 0): Variant {
  return {
    name: 'learned',
    links: REPLY_LINKS,
    everyPost: (d, i, own, parent) => {
      const p = d.posts[i]!;
      if (p.parentId != null && !EVERY) return own;
      const first = p.sentiment?.sentences[0];
      const firstSentence = first ? { span: [first.span[0], first.span[1]] as [number, number], text: p.text.slice(first.span[0] - p.span[0], first.span[1] - p.span[0]) } : undefined;
      return own.map((s) => {
        if (declared(s) || !d.targets.some((t) => t.toLowerCase() === s.target.toLowerCase())) return s;
        const pr = predict(model, valuesOf(featuresOf(p, s, s.target, d.probs[i]!, parent), { l2: 0, balanced: true, scope, core }));
        let k = 0;
        for (let j = 1; j < pr.length; j++) if (pr[j]! > pr[k]!) k = j;
        const label = TOP_LEVEL_LABELS[k]!;
        const was = s.label === 'neutral' ? 'none' : s.label;
        if (pr[k]! - pr[TOP_LEVEL_LABELS.indexOf(was)]! <= margin) return s;
        const allowed = scope === 'all' || label === was || (label === 'none' ? scope !== 'fill' : was === 'none' ? scope !== 'void' : false);
        return allowed ? reread(s, label, pr[k]!, firstSentence) : s;
      });
    },
  };
}

const PIPELINE: Variant = { name: 'pipeline (main)', links: REPLY_LINKS };

/**
 * The rule the brief names first, measured without a fit: a top-level reading of a subject (not declared) re-read as
 * the sign of the summed score of its aimed sentences (at least `bar` either way, else none); a post with no aimed
 * sentence keeps its reading (`elsewhere: 'keep'`) or takes none (`'none'`).
 */
function aimedRule(bar: number, elsewhere: 'keep' | 'none'): Variant {
  return {
    name: `aimed tone rule, bar ${bar}, no aimed sentence: ${elsewhere}`,
    links: REPLY_LINKS,
    topLevel: (d, i, own) => {
      const p = d.posts[i]!;
      return own.map((s) => {
        if (declared(s) || s.implicit !== true) return s;
        const stems = s.target.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3).map((w) => w.slice(0, 5));
        const aimed = (p.sentiment?.sentences ?? []).filter((x) => aimedAt(p.text.slice(x.span[0] - p.span[0], x.span[1] - p.span[0]), stems));
        if (aimed.length === 0) return elsewhere === 'keep' ? s : reread(s, 'none', 0.55, undefined);
        const sum = aimed.reduce((a, x) => a + x.score, 0);
        return reread(s, sum >= bar ? 'favor' : sum <= -bar ? 'against' : 'none', 0.55, undefined);
      });
    },
  };
}
const AIMED_RULES = [0.05, 0.1, 0.2].flatMap((bar) => (['keep', 'none'] as const).map((e) => aimedRule(bar, e)));
const top = (d: Dump, st: StanceResult[][]): StanceResult[][] => st.map((x, i) => (d.posts[i]?.parentId == null ? x : []));
/** Pairs of `ds` under `st`, every labelled post, or top-level posts only. */
function pairsOf(ds: readonly Dump[], st: Map<Dump, StanceResult[][]>, onlyTop: boolean): Array<[Side, Side]> {
  if (!onlyTop) return pairs(ds, st);
  const topDs = ds.map((d) => ({ ...d, gold: d.gold.map((g, i) => (d.posts[i]?.parentId == null ? g : { ...g, stance: null })) }));
  return pairs(topDs, new Map(topDs.map((d, k) => [d, top(ds[k]!, st.get(ds[k]!)!)])));
}
const both = (ps: ReadonlyArray<[Side, Side]>): number => (sides(ps) + allPairs(ps)) / 2;

if (args[0] === '--aimed') {
  const ds = readDumps(resolve(root, 'fixtures', 'blind-threads'), false);
  const tally = new Map<string, number>();
  for (const d of ds)
    d.gold.forEach((gp, i) => {
      const p = d.posts[i];
      if (!p || p.parentId != null || gp.removed || !gp.stance) return;
      for (const t of d.targets) {
        const stems = t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3).map((w) => w.slice(0, 5));
        const aimed = (p.sentiment?.sentences ?? []).filter((x) => aimedAt(p.text.slice(x.span[0] - p.span[0], x.span[1] - p.span[0]), stems));
        const sum = aimed.reduce((a, x) => a + x.score, 0);
        const k = `gold ${gp.stance[t] ?? 'none'} | aimed tone ${aimed.length === 0 ? 'no aimed sentence' : sum >= 0.1 ? 'favor (>= 0.1)' : sum <= -0.1 ? 'against (<= -0.1)' : 'flat'}`;
        tally.set(k, (tally.get(k) ?? 0) + 1);
      }
    });
  for (const [k, n] of [...tally].sort()) console.log(`  ${n}\t${k}`);
  process.exit(0);
}

if (args[0] === '--choose' || args[0] === '--scopes' || args[0] === '--core' || args[0] === '--margins') {
  const ds = readDumps(resolve(root, 'fixtures', 'blind-threads'), false);
  leftOutRegisters(root, ds);
  const rounds = BLIND_DEV_ROUNDS.map((r) => r.label);
  const of = (r: string): Dump[] => ds.filter((d) => d.round === r);
  // score[outer][setting][inner]: round `inner` read by a fit without it and without `outer` (inner === outer: the
  // plain left-out reading of the outer round, fit on all others).
  const read = (train: Dump[], test: Dump[], s: Setting): Map<Dump, StanceResult[][]> => {
    const v = learned(fit(train, s), s.scope, s.core, s.margin);
    return new Map(test.map((d) => [d, simulate(d, v)]));
  };
  const row = (name: string, per: ReadonlyArray<ReadonlyArray<[Side, Side]>>): string => {
    const pooled = per.flat();
    return `| ${name} | ${per.map((ps) => `${fmt(sides(ps))} / ${fmt(allPairs(ps))}`).join(' | ')} | ${fmt(mean(per.map(sides)))} / ${fmt(mean(per.map(allPairs)))} | ${fmt(sides(pooled))} / ${fmt(allPairs(pooled))} / ${fmt(threeClass(pooled))} / ${fmt(precision(pooled))} |`;
  };
  const pipe = new Map(ds.map((d) => [d, simulate(d, PIPELINE)]));
  for (const onlyTop of [false, true]) {
    console.log(`\n${onlyTop ? 'TOP-LEVEL POSTS ONLY' : 'ALL LABELLED POSTS'} (gold sides / all pairs)`);
    console.log(`| reading | ${rounds.join(' | ')} | mean | pooled: sides / all / 3-class / precision |`);
    console.log(`|---|${rounds.map(() => '---:').join('|')}|---:|---:|`);
    const pipePer = rounds.map((r) => pairsOf(of(r), pipe, onlyTop));
    console.log(row('every post against', pipePer.map((ps) => ps.map(([g]) => [g, 'against'] as [Side, Side]))));
    console.log(row(PIPELINE.name, pipePer));
    for (const v of AIMED_RULES) {
      const st = new Map(ds.map((d) => [d, simulate(d, v)]));
      console.log(row(v.name, rounds.map((r) => pairsOf(of(r), st, onlyTop))));
    }
  }
  process.stderr.write(`read and registers ready, ${new Date().toISOString()}\n`);
  const plain: Array<Array<Map<Dump, StanceResult[][]>>> = SETTINGS.map((s) => rounds.map((r) => read(ds.filter((d) => d.round !== r), of(r), s)));
  for (const onlyTop of [false, true]) {
    console.log(`\n${onlyTop ? 'TOP-LEVEL POSTS ONLY' : 'ALL LABELLED POSTS'}, each setting (round left out)`);
    SETTINGS.forEach((s, k) => console.log(row(nameOf(s), rounds.map((r, j) => pairsOf(of(r), plain[k]![j]!, onlyTop)))));
  }
  // Nested: the setting for round r is chosen on the other rounds, each read by a fit without it and without r.
  const picks: string[] = [];
  const nested = rounds.map((r, j) => {
    const others = rounds.filter((x) => x !== r);
    process.stderr.write(`nested: round ${r} (${j + 1} of ${rounds.length}), ${new Date().toISOString()}\n`);
    const inner = SETTINGS.map((s) => mean(others.map((o) => both(pairsOf(of(o), read(ds.filter((d) => d.round !== r && d.round !== o), of(o), s), false)))));
    let b = 0;
    inner.forEach((x, k) => (x > inner[b]! + 1e-12 ? (b = k) : 0));
    picks.push(`${r} ${nameOf(SETTINGS[b]!)}`);
    return plain[b]![j]!;
  });
  for (const onlyTop of [false, true]) console.log(row(`**nested choice** (${onlyTop ? 'top-level only' : 'all labelled'})`, rounds.map((r, j) => pairsOf(of(r), nested[j]!, onlyTop))));
  console.log(`nested picks: ${picks.join('; ')}`);
  process.exit(0);
}

if (args[0] === '--eval-threads') {
  const blind = readDumps(resolve(root, 'fixtures', 'blind-threads'), false);
  // The rows are read with registers fit without their round (the shipped register was fit on these rounds: read with
  // it, their register readings would be in-sample and the fit would trust them more than a new thread's); the eval
  // threads, which no register saw, with the shipped one.
  leftOutRegisters(root, blind);
  const s: Setting = { l2: Number(args[2]), balanced: args[3] === 'true', scope: (args[4] ?? 'all') as Scope, core: args[5] === 'core', margin: Number(args[6] ?? 0) };
  const model = fit(blind, s);
  const ds = readDumps(resolve(args[1]!), true);
  readRegister(ds, () => COMMENT_REGISTER_MODEL);
  // What the fit leans on: the features whose favor-minus-against weight is largest either way, and the none column's.
  const w = Object.entries(model.weights);
  const by = (f: (x: number[]) => number): string => [...w].sort((a, b2) => f(b2[1]) - f(a[1])).slice(0, 6).map(([k, x]) => `${k} ${f(x).toFixed(2)}`).join(', ');
  console.log(`favor over against: ${by((x) => x[0]! - x[1]!)}\nagainst over favor: ${by((x) => x[1]! - x[0]!)}\nnone over the sides: ${by((x) => x[2]! - (x[0]! + x[1]!) / 2)}`);
  // What the reading changes on the top-level posts: (gold, pipeline, learned) for every labelled pair it moves.
  const moves = new Map<string, number>();
  const before = new Map(ds.map((d) => [d, simulate(d, PIPELINE)]));
  const after = new Map(ds.map((d) => [d, simulate(d, learned(model, s.scope, s.core, s.margin))]));
  const b = pairsOf(ds, before, true);
  pairsOf(ds, after, true).forEach(([g, p], k) => {
    const was = b[k]![1];
    const key = `gold ${g}: ${was} -> ${p}`;
    if (was !== p) moves.set(key, (moves.get(key) ?? 0) + 1);
  });
  console.log(`top-level pairs moved: ${[...moves].sort().map(([k, n]) => `${k} ${n}`).join('; ')}`);
  for (const v of [PIPELINE, { ...learned(model, s.scope, s.core, s.margin), name: `learned, ${nameOf(s)}, fit on blind ${rounds()}` }]) {
    const st = new Map(ds.map((d) => [d, simulate(d, v)]));
    for (const onlyTop of [false, true]) {
      const ps = pairsOf(ds, st, onlyTop);
      const against = ps.map(([g]) => [g, 'against'] as [Side, Side]);
      console.log(`${v.name}${onlyTop ? ' (top-level)' : ''}: gold sides ${fmt(sides(ps))} (${ps.filter(([g]) => g !== 'none').length}), all labelled ${fmt(allPairs(ps))} (${ps.length}), precision ${fmt(precision(ps))}, 3-class ${fmt(threeClass(ps))}; every post against ${fmt(sides(against))} / ${fmt(allPairs(against))}`);
    }
  }
  process.exit(0);
}

function rounds(): string {
  return `${BLIND_DEV_ROUNDS[0]!.label.slice(0, 2)}-${BLIND_DEV_ROUNDS.at(-1)!.label.slice(3)}`;
}

/** Macro-F1 over favor, against and none (section 45's 3-class figure over every labelled pair). */
function threeClass(ps: ReadonlyArray<[Side, Side]>): number {
  const f1 = (l: Side): number => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [g, p] of ps) if (g === l && p === l) tp++; else if (g === l) fn++; else if (p === l) fp++;
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  };
  return (f1('favor') + f1('against') + f1('none')) / 3;
}
