/**
 * Study (session 39, tmpl39): the page's record template (src/ingest/line-template.ts) as features of the line-role
 * model, every blind development round left out. For each round R the line-role model is fit twice with the shipped
 * recipe (`fitLineRoles`) on the fixtures and the other rounds' dumps (rows as scripts/study/line-roles-left-out.ts
 * makes them: roles from the gold, text extents from today's parse): main's features, and main's plus the template's.
 * Round R is then read by each model alone (unguarded: the model's reading whatever the odd-author guard says; and
 * guarded, as line-roles-left-out.ts's `model alone (left out)`), and by today's rules with the left-out model as
 * their fallback. Scored as score.mjs (posts by index; authors, starts, parents, counts exact).
 *
 * Run: nice -n 10 npx tsx scripts/study/template-features.ts [--rounds 01-04,05-10] [--json out.json]
 *      npx tsx scripts/study/template-features.ts --show fixtures/blind-threads/NAME.txt   (one dump's template)
 *      npx tsx scripts/study/template-features.ts --bar a.json b.json ...                   (the registered bar)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { blindThreads, deriveGold, deriveThreadGold, fitLineRoles, lineRoleRows, type Fixture } from '../train/lib/line-roles-data.js';
import { useLineModelForStudy } from '../../src/ingest/line-roles-study.js';
import { useTemplateFeaturesForStudy } from '../../src/ingest/line-features.js';
import { findRecordTemplate } from '../../src/ingest/line-template.js';
import { shapeSignature } from '../../src/ingest/line-recurrence.js';
import { BLIND_DEV_ROUNDS, blindNumber } from '../train/lib/blind-rounds.js';
import { add, scoreDoc, zero, type Score } from './lib/thread-score.js';
import { parse as todayParse } from '../../src/index.js';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

type ParseFn = (t: string, o?: object) => Parameters<typeof scoreDoc>[0] & { messages: Array<{ ruleId: string }>; thread: { posts: Array<{ removed: boolean; text: string }> } };
const parse = todayParse as unknown as ParseFn;
const args = process.argv.slice(2);
const f3 = (x: number): string => x.toFixed(3);
const three = (s: Score): [number, number, number] => [s.authors / Math.max(1, s.posts), s.starts / Math.max(1, s.posts), s.parents / Math.max(1, s.parentsGold)];
const fig = (s: Score): string => `${three(s).map(f3).join(' / ')} (${s.countsExact}/${s.files})`;

const si = args.indexOf('--show');
if (si >= 0) {
  const lines = readFileSync(args[si + 1]!, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const t = findRecordTemplate(lines.map(shapeSignature), lines.map((l) => l.replace(/[0-9]+/g, '0')));
  if (t === null) console.log('no template');
  else {
    console.log(`head [${t.head}] x${t.heads.length} regularity ${f3(t.regularity)} vary ${f3(t.vary)} filled ${f3(t.filled)} score ${f3(t.score)}`);
    for (const k of t.heads.slice(0, 8)) console.log(`  ${k}: ${lines[k]}`);
  }
  process.exit(0);
}

type Row = { name: string; round: string; reads: Record<string, Score> };
const READS = ['main: model alone, unguarded', 'template: model alone, unguarded', 'main: model alone, guarded', 'template: model alone, guarded', "main: today's rules + left-out model as fallback", "template: today's rules + left-out model as fallback"] as const;

/** The registered bar (docs/dump-styles.md "Session 39 (tmpl39)"), from one or more `--json` files. */
function bar(files: readonly string[]): void {
  const dumps = files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { dumps: Row[] }).dumps);
  const rounds = [...new Set(dumps.map((d) => d.round))].sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]));
  const sum = (ds: Row[], k: string): Score => ds.reduce((s, d) => add(s, d.reads[k]!), zero());
  console.log(`${dumps.length} dumps, ${rounds.length} rounds\n| round | ${READS.join(' | ')} |\n| --- |${READS.map(() => ' --- |').join('')}`);
  for (const r of [...rounds, 'pooled']) {
    const ds = dumps.filter((d) => r === 'pooled' || d.round === r);
    console.log(`| ${r} | ${READS.map((k) => fig(sum(ds, k))).join(' | ')} |`);
  }
  const sign = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  const [a0, s0] = three(sum(dumps, READS[0]));
  const [a1, s1] = three(sum(dumps, READS[1]));
  const worst = Math.min(...rounds.map((r) => three(sum(dumps.filter((d) => d.round === r), READS[1]))[0] - three(sum(dumps.filter((d) => d.round === r), READS[0]))[0]));
  const fb0 = three(sum(dumps, READS[4]));
  const fb1 = three(sum(dumps, READS[5]));
  console.log(`model alone (unguarded): authors ${sign(a1 - a0)}, starts ${sign(s1 - s0)}; worst round authors ${sign(worst)}; fallback authors/starts/parents ${fb1.map((x, i) => sign(x - fb0[i]!)).join(' / ')}`);
  const holds = a1 - a0 >= 0.02 && s1 - s0 >= 0.02 && worst >= -0.05 && fb1.every((x, i) => x >= fb0[i]! - 0.0005);
  console.log(`bar (model alone + rounds + fallback): ${holds ? 'HOLDS' : 'fails'}`);
}
const bi = args.indexOf('--bar');
if (bi >= 0) {
  bar(args.slice(bi + 1).filter((a) => a.endsWith('.json')));
  process.exit(0);
}

const here = resolve(import.meta.dirname, '..', '..');
const fixturesDir = join(here, 'fixtures');
const fixtures = readdirSync(fixturesDir)
  .filter((d) => existsSync(join(fixturesDir, d, 'input.txt')) && existsSync(join(fixturesDir, d, 'expected.json')))
  .sort()
  .map((n) => deriveGold(n, true))
  .filter((f): f is Fixture => f !== null);
useTemplateFeaturesForStudy(false);
useLineModelForStudy(null);
const blind = blindThreads().map((t) => {
  const doc = parse(t.text, { name: t.name });
  const byRules = !doc.messages.some((m) => m.ruleId === 'thread/line-model');
  return { ...t, n: blindNumber(t.name), fx: deriveThreadGold(t.name, t.text, t.gold, byRules ? doc.thread.posts.filter((p) => !p.removed).map((p) => p.text) : []) };
});
const ri = args.indexOf('--rounds');
const only = ri >= 0 ? new Set(args[ri + 1]!.split(',')) : null;
const rows: Row[] = [];
const t0 = Date.now();
for (const r of BLIND_DEV_ROUNDS.filter((x) => only === null || only.has(x.label))) {
  const train = [...fixtures, ...blind.filter((b) => b.n < r.first || b.n > r.last).map((b) => b.fx)];
  const models = ([false, true] as const).map((on) => {
    useTemplateFeaturesForStudy(on);
    return fitLineRoles(lineRoleRows(train), ['study']);
  });
  for (const d of blind.filter((b) => b.n >= r.first && b.n <= r.last)) {
    const reads: Record<string, Score> = {};
    ([false, true] as const).forEach((on, v) => {
      const tag = on ? 'template' : 'main';
      useTemplateFeaturesForStudy(on);
      useLineModelForStudy(models[v]!, true, null, true);
      reads[`${tag}: model alone, unguarded`] = scoreDoc(parse(d.text, { name: d.name }), d.gold);
      useLineModelForStudy(models[v]!, true);
      reads[`${tag}: model alone, guarded`] = scoreDoc(parse(d.text, { name: d.name }), d.gold);
      useLineModelForStudy(models[v]!, false);
      reads[`${tag}: today's rules + left-out model as fallback`] = scoreDoc(parse(d.text, { name: d.name }), d.gold);
      useLineModelForStudy(null);
    });
    useTemplateFeaturesForStudy(false);
    rows.push({ name: d.name, round: r.label, reads });
    console.log(`${d.name}: ${READS.map((k) => `${k.split(':')[0]} ${k.includes('unguarded') ? 'alone' : k.includes('guarded') ? 'guarded' : 'fallback'} ${fig(reads[k]!)}`).join(' | ')}`);
  }
  console.log(`round ${r.label} done, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const ji = args.indexOf('--json');
  if (ji >= 0) writeFileSync(args[ji + 1]!, JSON.stringify({ dumps: rows }, null, 1));
}
