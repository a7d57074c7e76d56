/**
 * Study (session 19, lines19; measure only): when should the line-role model's posts replace the rules'? For each
 * blind round (two to eight), the model is fit only on the fixtures labelled before the round (as
 * scripts/study/line-roles.ts does), the rules are the round's first try (the parser of the labelling commit, `git
 * archive` into /tmp/lines19-first-<commit>), and for each of the round's dumps this prints the trigger's facts
 * (src/ingest/line-roles.ts `triggerFacts`: the rules' posts, the model's start lines, those in no post of the rules',
 * the mean start probability) beside the labels right (test/fixture-structure.test.ts's count: title, count, per post
 * text start, author, parent) of the first try and of the model's reading (today's src with the round's model, the
 * fallback forced). The model's reading uses today's parent resolution and article segmenter (they have seen the
 * round: a small leak, on parents and titles only). Then the same facts for known dumps (today's rules and the
 * shipped model): every fixture, the eval threads (measure only) and generated dumps of src/testing.
 *
 * Session 20 (lines20): rounds nine and ten, the refined rule (`refined`: start lines right under a head the rules took
 * for text), and for known and generated dumps whether the library's own fallback fired (`thread/line-model`). The
 * facts here come from the parsed document's blocks (a post's leading quote already split off, as a block of its head);
 * the library weighs its trigger on the section parse, before that split, so the two can differ (they did on
 * forum-12's quotes). For JSON dumps the facts are of the input's JSON lines, not of the text the library reads.
 * FIRST_TRY_DIR=/tmp/lines20-first- extracts the first-try trees elsewhere (another helper's may link a gone node_modules).
 *
 * Run: nice -n 10 npx tsx scripts/study/fallback-trigger.ts [--rounds] [--known] [--generated N] [--json out.json]
 */
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { ROUNDS, addedIn, fit, isAncestor, oldSource } from './line-roles.js';
import { deriveGold, type Fixture } from '../train/lib/line-roles-data.js';
import { takeModel, type TriggerFacts } from '../../src/ingest/line-roles.js';
import { useLineModelForStudy } from '../../src/ingest/line-roles-study.js';
import { lineFacts } from './lib/line-facts.js';
import { parse as todayParse } from '../../src/index.js';
import { dumpArbitrary, type DumpStyle } from '../../src/testing/index.js';

const here = resolve(import.meta.dirname, '..', '..');
const fixturesDir = join(here, 'fixtures');
const args = process.argv.slice(2);
const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();

type Doc = { article: { title: string | null }; thread: { posts: Array<{ id: string; author: string | null; text: string; parentId: string | null; removed: boolean; lines: Array<{ span: [number, number] }> }> }; blocks: Array<{ kind: string; span: [number, number]; post: string | null }>; messages: Array<{ ruleId: string }> };
type ParseFn = (t: string, o?: object) => Doc;

/** Labels right as test/fixture-structure.test.ts counts them. */
export function labelsRight(doc: Doc, labels: Fixture['labels']): { right: number; all: number; found: number } {
  const posts = doc.thread.posts;
  const used = new Set<number>();
  const texts = posts.map((p) => squash(p.text));
  const match = labels.posts.map((l) => {
    const s = squash(l.startsWith);
    const i = texts.findIndex((t, k) => !used.has(k) && t.startsWith(s));
    if (i < 0) return null;
    used.add(i);
    return i;
  });
  const lop = new Map<string, number>();
  match.forEach((m, i) => {
    if (m !== null) lop.set(posts[m]!.id, i);
  });
  let right = (doc.article.title === labels.title ? 1 : 0) + (posts.length === labels.posts.length ? 1 : 0);
  let found = 0;
  labels.posts.forEach((l, i) => {
    const m = match[i];
    if (m === null || m === undefined) return;
    found++;
    const p = posts[m]!;
    const parent = p.parentId === null ? null : (lop.get(p.parentId) ?? `u${p.parentId}`);
    right += 1 + (p.author === l.author ? 1 : 0) + (parent === l.parent ? 1 : 0);
  });
  return { right, all: 2 + 3 * labels.posts.length, found };
}

/** The trigger's facts for a parsed document (the lines in the rules' posts from its blocks). */
export function factsOf(text: string, doc: Doc): TriggerFacts {
  const { lines, guesses, starts, facts } = lineFacts(text, doc);
  // further facts looked at for a wider rule (study only): the model's author lines inside the text of a rules' post,
  // the rules' posts without author.
  let headsInText = 0;
  let b = 0;
  for (const line of lines) {
    while (b < doc.blocks.length && doc.blocks[b]!.span[1] <= line.start) b++;
    const block = doc.blocks[b];
    const g = guesses[line.index];
    if (!block || block.kind !== 'post-body' || g === null || g === undefined || starts.has(line.index)) continue;
    if (g.role === 'author') headsInText++;
  }
  const authorless = doc.thread.posts.filter((p) => p.author === null && !p.removed).length;
  return { ...facts, headsInText, authorless } as TriggerFacts;
}

/**
 * The wider rule measured in session 19 and not shipped (it took over 2 of 5400 generated dumps the rules read right):
 * most of the model's start lines not where a post of the rules' starts its text, and five or more inside their text.
 */
export const wider = (f: TriggerFacts): boolean => f.starts >= 3 && (f.rulePosts === 0 || (2 * f.agreed < f.starts && f.startsInText >= 5));

/**
 * The refined rule (session 20, lines20; fixed before it was run): as the wider one, but counting only the start lines
 * inside the rules' text that sit right under a line the model calls an author or meta line and the rules took for
 * text (a head run into the post before): at least three of them.
 */
/** The trigger shipped before session 20: the rules read no post. */
export const noPost = (f: TriggerFacts): boolean => f.starts >= 3 && f.rulePosts === 0;
export const REFINED_MIN = Number(process.env.REFINED_MIN ?? 3);
export const refined = (f: TriggerFacts): boolean => f.starts >= 3 && (f.rulePosts === 0 || (2 * f.agreed < f.starts && f.startsUnderHead >= REFINED_MIN));

const fmt = (f: TriggerFacts): string => {
  const x = f as TriggerFacts & { headsInText?: number; authorless?: number };
  return `rules ${f.rulePosts} posts, model ${f.starts} starts, ${f.orphanStarts} outside the rules' posts, ${f.agreed} agreed, mean start p ${f.meanStartP.toFixed(3)}, in text ${f.startsInText} starts (${f.startsUnderHead} under a head) ${x.headsInText} authors, ${x.authorless} authorless`;
};
const out: Record<string, unknown> = {};

if (args.includes('--rounds')) {
  const names = readdirSync(fixturesDir).filter((d) => existsSync(join(fixturesDir, d, 'structure.json'))).sort();
  const fixtures = names.map((n) => deriveGold(n)).filter((f): f is Fixture => f !== null);
  const extra = readdirSync(fixturesDir).filter((d) => !names.includes(d)).sort().map((n) => deriveGold(n, true)).filter((f): f is Fixture => f !== null);
  const added = new Map(fixtures.map((f) => [f.name, addedIn(f.name)] as const));
  for (const f of extra) added.set(f.name, addedIn(f.name, 'input.txt'));
  const rows: unknown[] = [];
  const tot = { first: 0, model: 0, all: 0, shipped: 0, noPost: 0, wider: 0, refined: 0 };
  for (const { round, commit } of ROUNDS) {
    const test = fixtures.filter((f) => added.get(f.name) === commit);
    const train = [...extra, ...fixtures].filter((f) => added.get(f.name) !== commit && isAncestor(added.get(f.name)!, commit));
    const model = fit(train, { balanced: false, iterations: 300, l2: 1e-3 });
    const firstParse = ((await import(join(oldSource(commit), 'src', 'index.ts'))) as { parse: ParseFn }).parse;
    console.log(`round ${round} (${commit}): model fit on ${train.length}`);
    for (const fx of test) {
      useLineModelForStudy(model, false);
      const first = firstParse(fx.text, { name: `${fx.name}/input` });
      const facts = factsOf(fx.text, first);
      useLineModelForStudy(model, true);
      const forcedDoc = todayParse(fx.text, { name: `${fx.name}/input` }) as unknown as Doc;
      const usedModel = forcedDoc.messages.some((m) => m.ruleId === 'thread/line-model');
      const a = labelsRight(first, fx.labels);
      const b = usedModel ? labelsRight(forcedDoc, fx.labels) : a;
      tot.first += a.right;
      tot.model += b.right;
      tot.all += a.all;
      tot.shipped += takeModel(facts) ? b.right : a.right;
      tot.wider += wider(facts) ? b.right : a.right;
      tot.noPost += noPost(facts) ? b.right : a.right;
      tot.refined += refined(facts) ? b.right : a.right;
      console.log(`  ${fx.name}: ${fmt(facts)}; labels first try ${a.right}/${a.all} (${a.found} starts), model ${b.right}/${b.all} (${b.found} starts)${takeModel(facts) ? ' [trigger]' : ''}${wider(facts) ? ' [wider]' : ''}${refined(facts) ? ' [refined]' : ''}`);
      rows.push({ round, name: fx.name, facts, first: a, model: b, trigger: takeModel(facts) });
    }
  }
  useLineModelForStudy(null, false);
  console.log(`all rounds: labels first try ${tot.first}/${tot.all}, with the trigger before session 20 (no post read) ${tot.noPost}/${tot.all}, with the shipped trigger ${tot.shipped}/${tot.all}, with the wider rule ${tot.wider}/${tot.all}, with the refined rule ${tot.refined}/${tot.all}, model everywhere ${tot.model}/${tot.all}`);
  out.rounds = rows;
}

if (args.includes('--known')) {
  useLineModelForStudy(null, false);
  const rows: unknown[] = [];
  const inputs: Array<[string, string]> = [];
  for (const d of readdirSync(fixturesDir).sort()) if (existsSync(join(fixturesDir, d, 'input.txt'))) inputs.push([d, readFileSync(join(fixturesDir, d, 'input.txt'), 'utf8')]);
  const ev = join(here, '..', 'shared', 'eval-threads');
  for (const f of readdirSync(ev).filter((x) => x.endsWith('.txt')).sort()) inputs.push([`eval:${f}`, readFileSync(join(ev, f), 'utf8')]);
  let fired = 0;
  let widerFired = 0;
  let refinedFired = 0;
  let libraryFired = 0;
  for (const [name, text] of inputs) {
    const doc = todayParse(text, { name }) as unknown as Doc;
    if (doc.messages.some((m) => m.ruleId === 'thread/line-model')) libraryFired++;
    const facts = factsOf(text, doc);
    const t = takeModel(facts);
    if (t) fired++;
    if (wider(facts)) widerFired++;
    if (refined(facts)) refinedFired++;
    console.log(`${name}: ${fmt(facts)}${t ? ' [trigger]' : ''}${wider(facts) ? ' [wider]' : ''}${refined(facts) ? ' [refined]' : ''}`);
    rows.push({ name, facts, trigger: t });
  }
  console.log(`known dumps: ${inputs.length}, trigger on ${fired}, wider rule on ${widerFired}, refined rule on ${refinedFired}; the library's fallback (thread/line-model) on ${libraryFired}`);
  out.known = rows;
}

const genAt = args.indexOf('--generated');
if (genAt >= 0) {
  useLineModelForStudy(null, false);
  const n = Number(args[genAt + 1] ?? 200);
  const rows: unknown[] = [];
  let fired = 0;
  let widerFired = 0;
  let refinedFired = 0;
  let libraryFired = 0;
  let all = 0;
  const kinds: Array<[DumpStyle, string | undefined]> = [['counted', undefined], ['widget', undefined], ['forum', undefined], ['mail', undefined], ['json', undefined], ['counted', 'facebook'], ['widget', 'disqus'], ['forum', 'hn'], ['widget', 'coral']];
  for (const [style, layout] of kinds) {
    for (const seed of [20250303, 20251122, 11, 7, 1, 2, 3, 4, 5, 6]) {
      for (const { input } of fc.sample(dumpArbitrary(style, { maxPosts: 10, ...(layout ? { layout } : {}) } as never), { numRuns: n, seed })) {
        all++;
        const doc = todayParse(input) as unknown as Doc;
        if (doc.messages.some((m) => m.ruleId === 'thread/line-model')) {
          libraryFired++;
          console.log(`generated ${style}/${layout ?? '-'} seed ${seed}: the library's fallback fired`);
        }
        const facts = factsOf(input, doc);
        if (takeModel(facts)) fired++;
        if (wider(facts)) widerFired++;
        if (refined(facts)) refinedFired++;
        if (takeModel(facts) || wider(facts) || refined(facts)) console.log(`generated ${style}/${layout ?? '-'} seed ${seed}: ${fmt(facts)}${takeModel(facts) ? ' [trigger]' : ''}${wider(facts) ? ' [wider]' : ''}${refined(facts) ? ' [refined]' : ''}`);
        rows.push({ style, layout, facts });
      }
    }
  }
  console.log(`generated dumps: ${all}, trigger on ${fired}, wider rule on ${widerFired}, refined rule on ${refinedFired} (facts of the input's lines: for JSON dumps not what the library sees); the library's fallback (thread/line-model) on ${libraryFired}`);
  out.generated = rows;
}

const jsonAt = args.indexOf('--json');
if (jsonAt >= 0) writeFileSync(args[jsonAt + 1]!, `${JSON.stringify(out)}\n`);
