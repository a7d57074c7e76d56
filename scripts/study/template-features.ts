/**
 * Study (session 39, tmpl39): the page's record template (src/ingest/line-template.ts) as features of the line-role
 * model, every blind development round left out. For each round R the line-role model is fit twice with the shipped
 * recipe (`fitLineRoles`) on the fixtures and the other rounds' dumps (rows as scripts/study/line-roles-left-out.ts
 * makes them: roles from the gold, text extents from today's parse): main's features, and main's plus the template's.
 * Round R is then read by each model alone (unguarded: the model's reading whatever the odd-author guard says; and
 * guarded, as line-roles-left-out.ts's `model alone (left out)`), and by today's rules with the left-out model as
 * their fallback. Scored as score.mjs (posts by index; authors, starts, parents, counts exact).
 * A study: nothing in src changes. The template's features reach the model through `lineFeatures`' own-feature hook
 * (`addOwn`), in the fit's rows and, at read time, through the studies' hook of line-roles.ts (`setLineRoleStudy`).
 * Variants (`--variants`, default all): `template` (v1, registered), `template+fit` (v2, registered after v1's run,
 * the records' fit to the frame added), `template+run+boundary` (v3, tmpl39b, registered before its run: the records
 * start at their blank-line boundary and the section at its first run of two fitting records; `template+run` and
 * `template+boundary` each alone, exploratory). `--bar` merges the files' reads by dump.
 *
 * Run: nice -n 10 npx tsx scripts/study/template-features.ts [--rounds 01-04,05-10] [--json out.json]
 *      npx tsx scripts/study/template-features.ts --show fixtures/blind-threads/NAME.txt   (one dump's template)
 *      npx tsx scripts/study/template-features.ts --bar a.json b.json ...                   (the registered bar)
 *      ... --rounds 05-10 --variants main,template+run+boundary --posts 08   (dump 08's first posts under each model)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fitLineRoles, lineRoleRows, ROLES, type Fixture } from '../train/lib/line-roles-data.js';
import { useLineModelForStudy } from '../../src/ingest/line-roles-study.js';
import { setLineRoleStudy } from '../../src/ingest/line-roles.js';
import { lineFeatures } from '../../src/ingest/line-features.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import type { FitRow } from '../train/lib/fit-model.js';
import { findRecordTemplate, templateFeatures } from './lib/line-template.js';
import { shapeSignature } from '../../src/ingest/line-recurrence.js';
import { BLIND_DEV_ROUNDS } from '../train/lib/blind-rounds.js';
import { add, rates, scoreDoc, scoreFigure, zero, type Score } from './lib/thread-score.js';
import { studyBlind, studyFixtures } from './lib/left-out-data.js';
import { parse as todayParse } from '../../src/index.js';

type ParseFn = (t: string, o?: object) => Parameters<typeof scoreDoc>[0];
const parse = todayParse as unknown as ParseFn;
const args = process.argv.slice(2);
const f3 = (x: number): string => x.toFixed(3);
const three = rates;
const fig = scoreFigure;

const si = args.indexOf('--show');
if (si >= 0) {
  const lines = readFileSync(args[si + 1]!, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const t = findRecordTemplate(lines.map(shapeSignature), lines.map((l) => l.replace(/[0-9]+/g, '0')));
  if (t === null) console.log('no template');
  else {
    console.log(`head [${t.head}] x${t.heads.length} regularity ${f3(t.regularity)} vary ${f3(t.vary)} filled ${f3(t.filled)} score ${f3(t.score)}`);
    for (const k of t.heads.slice(0, 8)) console.log(`  ${k}: ${lines[k]}`);
  }
  // v3's records: the first lines of the records kept (tpl:head) and the lines before them, by the dump's line number
  const raw = readFileSync(args[si + 1]!, 'utf8').split('\n').map((l) => l.trim());
  const v3 = templateFeatures(raw, { boundary: true, firstRun: true });
  const first = raw.findIndex((_, i) => v3[i]!.some(([k]) => k === 'tpl:head'));
  console.log(`v3: ${v3.filter((f) => f.some(([k]) => k === 'tpl:head')).length} records, ${v3.filter((f) => f.some(([k]) => k === 'tpl:anchor')).length} anchors apart from the head, first at line ${first + 1}`);
  raw.forEach((l, i) => {
    if (v3[i]!.some(([k]) => k === 'tpl:head') && i <= first + 40) console.log(`  ${i + 1}: ${l.slice(0, 80)}`);
  });
  process.exit(0);
}

type Row = { name: string; round: string; reads: Record<string, Score> };
const VARIANTS = ['main', 'template', 'template+fit', 'template+run+boundary', 'template+run', 'template+boundary'] as const;
type Variant = (typeof VARIANTS)[number];
const HOW = ['model alone, unguarded', 'model alone, guarded', "today's rules + left-out model as fallback"] as const;

/** A variant's own-feature hook for `lineFeatures` (none for main's features). */
function addOwnOf(v: Variant): ((own: Array<{ blank: boolean; feats: Array<[string, number]> }>) => void) | undefined {
  if (v === 'main') return undefined;
  return (own) => {
    // the trimmed lines are not passed to the hook: rebuilt from the own features' blank flags is not enough, so the
    // caller sets `current` to the dump's lines before each `lineFeatures` call
    const opts = { recordFit: v === 'template+fit', firstRun: v.includes('+run'), boundary: v.includes('boundary') };
    templateFeatures(current.map((l) => l.trim()), opts).forEach((r, i) => {
      if (!own[i]!.blank) own[i]!.feats.push(...r);
    });
  };
}
let current: readonly string[] = [];
function featuresOf(lines: readonly string[], v: Variant): ReturnType<typeof lineFeatures> {
  current = lines;
  return lineFeatures(lines, addOwnOf(v));
}
/** The fit's rows as `lineRoleRows` makes them, with the variant's features. */
function rowsOf(fxs: readonly Fixture[], v: Variant): FitRow[] {
  const rows: FitRow[] = [];
  for (const fx of fxs) {
    const feats = featuresOf(fx.lines, v);
    fx.gold.forEach((g, i) => {
      const f = feats[i];
      if (g === 'blank' || g === 'skip' || f === null || f === undefined) return;
      rows.push({ features: f, y: ROLES.indexOf(g) });
    });
  }
  return rows;
}
/** Read with the variant's model: as `useLineModelForStudy(m, force, null, unguarded)`, the variant's features. */
function useVariant(v: Variant, m: LinearModel, force: boolean, unguarded: boolean): void {
  if (v === 'main') useLineModelForStudy(m, force, null, unguarded);
  else setLineRoleStudy({ probs: (lines) => featuresOf(lines.map((l) => l.text), v).map((f) => (f === null ? null : predict(m, f))), decode: null, force, unguarded });
}

/** The registered bar (docs/dump-styles.md "Session 39 (tmpl39)"), from one or more `--json` files. */
function bar(files: readonly string[]): void {
  const byName = new Map<string, Row>();
  for (const f of files) {
    for (const d of (JSON.parse(readFileSync(f, 'utf8')) as { dumps: Row[] }).dumps) {
      const r = byName.get(d.name);
      if (r === undefined) byName.set(d.name, { ...d, reads: { ...d.reads } });
      else Object.assign(r.reads, d.reads);
    }
  }
  const dumps = [...byName.values()];
  const present = VARIANTS.filter((v) => dumps.every((d) => d.reads[`${v}: ${HOW[0]}`] !== undefined));
  const READS = present.flatMap((v) => HOW.map((h) => `${v}: ${h}`));
  const rounds = [...new Set(dumps.map((d) => d.round))].sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]));
  const sum = (ds: Row[], k: string): Score => ds.reduce((s, d) => add(s, d.reads[k]!), zero());
  console.log(`${dumps.length} dumps, ${rounds.length} rounds\n| round | ${READS.join(' | ')} |\n| --- |${READS.map(() => ' --- |').join('')}`);
  for (const r of [...rounds, 'pooled']) {
    const ds = dumps.filter((d) => r === 'pooled' || d.round === r);
    console.log(`| ${r} | ${READS.map((k) => fig(sum(ds, k))).join(' | ')} |`);
  }
  const sign = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  const k0 = `main: ${HOW[0]}`;
  const f0 = `main: ${HOW[2]}`;
  for (const v of present.filter((x) => x !== 'main')) {
    const k1 = `${v}: ${HOW[0]}`;
    const [a0, s0] = three(sum(dumps, k0));
    const [a1, s1] = three(sum(dumps, k1));
    const per = rounds.map((r) => ({ r, d: three(sum(dumps.filter((d) => d.round === r), k1))[0] - three(sum(dumps.filter((d) => d.round === r), k0))[0] }));
    const worst = per.reduce((w, x) => (x.d < w.d ? x : w));
    const fb0 = three(sum(dumps, f0));
    const fb1 = three(sum(dumps, `${v}: ${HOW[2]}`));
    console.log(`${v}: model alone (unguarded) authors ${sign(a1 - a0)}, starts ${sign(s1 - s0)}; worst round authors ${sign(worst.d)} (${worst.r}); rounds below -0.05: ${per.filter((x) => x.d < -0.05).map((x) => `${x.r} ${sign(x.d)}`).join(', ') || 'none'}; fallback authors/starts/parents ${fb1.map((x, i) => sign(x - fb0[i]!)).join(' / ')}`);
    const holds = a1 - a0 >= 0.02 && s1 - s0 >= 0.02 && worst.d >= -0.05 && fb1.every((x, i) => x >= fb0[i]! - 0.0005);
    console.log(`${v}: bar (1)-(3) ${holds ? 'HOLDS' : 'fails'}`);
  }
}
const bi = args.indexOf('--bar');
if (bi >= 0) {
  bar(args.slice(bi + 1).filter((a) => a.endsWith('.json')));
  process.exit(0);
}

const fixtures = studyFixtures();
const vi = args.indexOf('--variants');
const variants: Variant[] = vi >= 0 ? (args[vi + 1]!.split(',') as Variant[]) : [...VARIANTS];
for (const v of variants) if (!VARIANTS.includes(v)) throw new Error(`--variants: ${VARIANTS.join(', ')}, not ${v}`);
const blind = studyBlind();
const ri = args.indexOf('--rounds');
const only = ri >= 0 ? new Set(args[ri + 1]!.split(',')) : null;
const rows: Row[] = [];
const pi = args.indexOf('--posts');
const showPosts = new Set(pi >= 0 ? args[pi + 1]!.split(',') : []);
const t0 = Date.now();
for (const r of BLIND_DEV_ROUNDS.filter((x) => only === null || only.has(x.label))) {
  const train = [...fixtures, ...blind.filter((b) => b.n < r.first || b.n > r.last).map((b) => b.fx)];
  // main's rows as the shipped recipe makes them (lineRoleRows), the variants' through the own-feature hook
  const models = variants.map((v) => fitLineRoles(v === 'main' ? lineRoleRows(train) : rowsOf(train, v), ['study']));
  for (const d of blind.filter((b) => b.n >= r.first && b.n <= r.last)) {
    const reads: Record<string, Score> = {};
    variants.forEach((v, k) => {
      useVariant(v, models[k]!, true, true);
      const alone = parse(d.text, { name: d.name });
      reads[`${v}: ${HOW[0]}`] = scoreDoc(alone, d.gold);
      // --posts NAME,NAME: the first posts the model alone reads there, beside the gold's (where a reading goes wrong)
      if (showPosts.has(d.name.split('_')[0]!)) {
        const line = (p: { author: string | null; text: string }): string => `${p.author ?? '-'} | ${p.text.replace(/\s+/g, ' ').slice(0, 60)}`;
        console.log(`${d.name} ${v} (${alone.thread.posts.length} posts, gold ${d.gold.posts.length}):\n  ${alone.thread.posts.slice(0, 4).map(line).join('\n  ')}\n  gold: ${d.gold.posts.slice(0, 2).map((p) => line({ author: p.author, text: p.starts })).join('\n  gold: ')}`);
      }
      useVariant(v, models[k]!, true, false);
      reads[`${v}: ${HOW[1]}`] = scoreDoc(parse(d.text, { name: d.name }), d.gold);
      useVariant(v, models[k]!, false, false);
      reads[`${v}: ${HOW[2]}`] = scoreDoc(parse(d.text, { name: d.name }), d.gold);
      useLineModelForStudy(null);
    });
    rows.push({ name: d.name, round: r.label, reads });
    console.log(`${d.name}: ${Object.entries(reads).map(([k, s]) => `${k} ${fig(s)}`).join(' | ')}`);
  }
  console.log(`round ${r.label} done, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const ji = args.indexOf('--json');
  if (ji >= 0) writeFileSync(args[ji + 1]!, JSON.stringify({ dumps: rows }, null, 1));
}
