/**
 * Session 27 (stance27): the comment register's label as the tone of a post the stance model reads flat
 * (src/classify/stance/register-side.ts, the stance step's REGISTER_TONE), by blind round left out.
 *
 * Each development round (scripts/train/lib/blind-rounds.ts) is read by the pipeline WITH REGISTER_TONE SET TO null
 * (edit it first: the re-reading rebuilds the pipeline's reading before the register), then re-read as the pipeline
 * would with a setting, in-process: every post's register probabilities come from a
 * register model fit WITHOUT that round (`fitRegister` on the corpus, FanChuan and the other rounds' posts, the
 * shipped settings), the stance step's `run` reading is rebuilt from the output and the register's side put in, and the
 * step's own `linkStances` runs again in dump order, so a reply sees its parent's new side.
 * `--dump [MARGIN MODE]` lists every post stance, the pipeline's or the re-reading's with the shipped register: the
 * re-reading (REGISTER_TONE null) diffed against the pipeline with the setting in REGISTER_TONE checks it. Settings (margin x mode) are chosen NESTED: each round scored with the setting that is
 * best on the mean of the other five rounds.
 *
 *   tsx scripts/study/register-tone.ts [--misses] [--dump [MARGIN MODE]] [--eval-threads DIR MARGIN MODE]
 *
 * `--eval-threads` (measured only, once, at the end) reads DIR's gold files with the shipped register.
 * The link runs with session 20's correction rule (`{ correction: 'void' }`, the shipped `REPLY_LINKS`), as this study
 * was measured; scripts/study/stance-no-side.ts re-reads the other rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../src/index.js';
import type { StanceResult } from '../../src/schema/classify.js';
import { COMMENT_REGISTER_MODEL } from '../../src/classify/sentiment/register.js';
import { registerSide, withRegisterSide, type RegisterTone } from '../../src/classify/stance/register-side.js';
import { REGISTER_TONE, linkStances } from '../../src/classify/steps/stance.js';
import type { StepPost } from '../../src/classify/steps/types.js';
import { BLIND_DEV_ROUNDS, blindDevRound } from '../train/lib/blind-rounds.js';
import { allPairs, leftOutRegisterModels, mean, pairs, precision, readRegister, sides, type RoundDump, type Side, type StancePost } from './lib/stance-rounds.js';

type Dump = RoundDump;
type Post = StancePost;

const root = resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
if (REGISTER_TONE !== null && !(args[0] === '--dump' && args[1] === undefined)) {
  console.error('set REGISTER_TONE to null in src/classify/steps/stance.ts first: the re-reading starts from the pipeline without the register');
  process.exit(1);
}
const fmt = (x: number): string => x.toFixed(3);

function readDumps(dir: string, anyFile: boolean): Dump[] {
  const out: Dump[] = [];
  for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
    const round = anyFile ? '' : blindDevRound(g);
    if (round === undefined) continue;
    const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Dump['gold'] };
    const targets = gold.targets ?? [];
    const doc = analyze(readFileSync(join(dir, gold.file), 'utf8'), { targets: targets.map((name) => ({ name })) }) as unknown as { thread: { posts: Post[] } };
    out.push({ file: g, round, targets, gold: gold.posts, posts: doc.thread.posts, probs: [], flipped: [], evidence: [] });
  }
  return out;
}

const FROM_PARENT = /^(agrees-with-parent|disagrees-with-parent|answers-parent)$/;
const VOIDED = /^(corrects-a-fact|concedes-a-fact|addresses-a-person|asks)$/;

/**
 * The stances of every post of `d` as the pipeline would give them with `tone` (null: the pipeline as it is). The
 * `run` reading is rebuilt from the output: a side taken over by tone toward the parent gives the reply's own tone
 * back; a side taken over by a cue, or voided, had an own reading the link overrides again whatever it was.
 */
function simulate(d: Dump, tone: RegisterTone | null): StanceResult[][] {
  const byId = new Map(d.posts.map((p, i) => [p.id, i]));
  const done: Array<StanceResult[] | undefined> = [];
  const at = (i: number): StanceResult[] => {
    const cached = done[i];
    if (cached) return cached;
    const p = d.posts[i]!;
    const pi = p.parentId != null ? byId.get(p.parentId) : undefined;
    const parent = pi !== undefined ? d.posts[pi]! : null;
    const own: StanceResult[] = (p.stances ?? []).map((s) => {
      const cues = s.evidence.map((e) => e.cue);
      const theirs = parent?.stances?.find((x) => x.target === s.target)?.label;
      // Tone toward the parent: its cue, or (an own reading without evidence) a plain reply's side under a sided parent.
      const toward =
        s.evidence.some((e) => e.cue.startsWith('tone-toward-parent:')) ||
        (s.evidence.length === 0 && s.implicit === true && s.label !== 'neutral' && p.replyStance?.label === 'comment' && theirs !== undefined && theirs !== 'neutral');
      if (toward) {
        return { target: s.target, label: s.label === theirs ? 'favor' : 'against', confidence: s.confidence, implicit: true, evidence: s.evidence.map((e) => ({ ...e, cue: e.cue.slice('tone-toward-parent:'.length) })) };
      }
      if (cues.some((c) => FROM_PARENT.test(c))) return { target: s.target, label: 'neutral', confidence: s.confidence, evidence: [], ...(s.implicit === true ? { implicit: true } : {}) };
      // A voided side was a side read from tone (which side does not matter: it is voided again).
      if (cues.some((c) => VOIDED.test(c))) return { target: s.target, label: 'against', confidence: s.confidence, implicit: true, evidence: [{ span: s.evidence[0]!.span, text: '', cue: 'model:voided' }] };
      return s;
    });
    let stances = tone === null ? own : withRegisterSide(own, registerSide(d.probs[i]!, d.flipped[i]!, d.evidence[i]!.length > 0, tone.margin), d.evidence[i]!, tone);
    // The stance step's link (session 20's correction rule, as this study was measured), with the parent's new stances.
    stances = linkStances({ ...p, stances } as StepPost, parent ? ({ ...parent, stances: at(pi!) } as StepPost) : null, p.text, p.sentences?.[0]?.text ?? '', { correction: 'void' });
    done[i] = stances;
    return stances;
  };
  return d.posts.map((_, i) => at(i));
}

const SETTINGS: Array<RegisterTone | null> = [null, ...[0, 0.1, 0.2, 0.3, 0.4, 0.5].flatMap((margin) => (['fill', 'replace'] as const).map((mode) => ({ margin, mode })))];
const nameOf = (t: RegisterTone | null): string => (t === null ? 'pipeline (switch off)' : `register ${t.mode}, margin ${t.margin}`);

if (args[0] === '--eval-threads') {
  // Measured only, once: the shipped register (the eval threads are in no fit).
  const dumps = readDumps(resolve(args[1]!), true);
  readRegister(dumps, () => COMMENT_REGISTER_MODEL);
  const tone: RegisterTone = { margin: Number(args[2]), mode: args[3] as RegisterTone['mode'] };
  for (const t of [null, tone]) {
    const ps = pairs(dumps, new Map(dumps.map((d) => [d, simulate(d, t)])));
    const against = ps.map(([g]) => [g, 'against'] as [Side, Side]);
    console.log(`${nameOf(t)}: gold sides ${fmt(sides(ps))} (${ps.filter(([g]) => g !== 'none').length}), all labelled ${fmt(allPairs(ps))} (${ps.length}), precision ${fmt(precision(ps))}; every post against ${fmt(sides(against))} / ${fmt(allPairs(against))}`);
  }
  process.exit(0);
}

const dumps = readDumps(resolve(root, 'fixtures', 'blind-threads'), false);
if (args[0] === '--dump') {
  // One line per post stance: the pipeline's label, or with MARGIN MODE the re-reading with the shipped register.
  // The check: the re-reading (switch off) against the pipeline built with the switch on (REGISTER_TONE edited), diffed.
  readRegister(dumps, () => COMMENT_REGISTER_MODEL);
  const tone: RegisterTone | null = args[1] ? { margin: Number(args[1]), mode: args[2] as RegisterTone['mode'] } : null;
  for (const d of dumps) {
    const st = tone ? simulate(d, tone) : d.posts.map((p) => p.stances ?? []);
    st.forEach((ss, i) => ss.forEach((s) => console.log(`${d.file} #${i} ${s.target}: ${s.label}`)));
  }
  process.exit(0);
}

// The register each round is read with: fit without that round.
const models = leftOutRegisterModels(root);
readRegister(dumps, (round) => models.get(round)!);

const rounds = BLIND_DEV_ROUNDS.map((r) => r.label);
const scored = SETTINGS.map((t) => {
  const st = new Map(dumps.map((d) => [d, simulate(d, t)]));
  const per = rounds.map((r) => pairs(dumps.filter((d) => d.round === r), st));
  return { t, st, per, sides: per.map(sides), all: per.map(allPairs) };
});
const against = rounds.map((r) => pairs(dumps.filter((d) => d.round === r), scored[0]!.st).map(([g]) => [g, 'against'] as [Side, Side]));
const row = (name: string, per: ReadonlyArray<ReadonlyArray<[Side, Side]>>): string => {
  const pooled = per.flat();
  return `| ${name} | ${per.map((ps) => `${fmt(sides(ps))} / ${fmt(allPairs(ps))}`).join(' | ')} | ${fmt(mean(per.map(sides)))} | ${fmt(sides(pooled))} / ${fmt(allPairs(pooled))} / ${fmt(precision(pooled))} |`;
};
console.log(`\n| reading (register fit without the round) | ${rounds.join(' | ')} | mean of rounds (gold sides) | pooled: gold sides / all pairs / side precision |`);
console.log(`|---|${rounds.map(() => '---:').join('|')}|---:|---:|`);
console.log(row('every post against', against));
for (const s of scored) console.log(row(nameOf(s.t), s.per));
// Nested: each round with the setting (the switch off included) best on the mean of the other five rounds.
const nested = rounds.map((r, k) => {
  const others = rounds.map((_, j) => j).filter((j) => j !== k);
  const best = scored.reduce((a, b) => (mean(others.map((j) => b.sides[j]!)) > mean(others.map((j) => a.sides[j]!)) + 1e-12 ? b : a));
  return { pick: nameOf(best.t), ps: best.per[k]! };
});
console.log(row('nested choice (each round by the setting best on the other five)', nested.map((x) => x.ps)));
console.log(`nested picks: ${nested.map((x, k) => `${rounds[k]} ${x.pick}`).join('; ')}`);

if (args.includes('--misses')) {
  // What the register says of the pipeline's misses: gold sides given none, and sides where the gold has none.
  const tally = new Map<string, number>();
  const off = scored[0]!.st;
  for (const d of dumps) {
    const st = off.get(d)!;
    d.gold.forEach((gp, i) => {
      if (gp.removed || !gp.stance) return;
      const p = d.posts[i]!;
      for (const t of d.targets) {
        const s = st[i]?.find((x) => x.target.toLowerCase() === t.toLowerCase());
        const got: Side = s?.label === 'favor' || s?.label === 'against' ? s.label : 'none';
        const gold: Side = gp.stance[t] ?? 'none';
        const cue = s?.evidence.find((e) => e.cue !== 'mention')?.cue.replace(/:.*/s, '') ?? 'none';
        const flat = got === 'none' && !VOIDED.test(cue) && !FROM_PARENT.test(cue);
        const kind = gold !== 'none' && got === 'none' ? (flat ? 'gold side, read flat' : `gold side, none by ${cue}`) : gold === 'none' && got !== 'none' ? 'side, gold none' : null;
        if (kind === null) continue;
        const where = p.parentId != null ? (p.replyStance?.label === 'comment' ? 'reply, no cue' : `reply, ${p.replyStance?.label ?? '?'}`) : 'top';
        const pr = d.probs[i]!;
        const best = pr.indexOf(Math.max(...pr));
        const reg = (['negative', 'neutral', 'positive'] as const)[best]!;
        const tone = p.sentiment?.score ?? 0;
        const toneBand = tone <= -0.15 ? 'tone<=-0.15' : tone >= 0.15 ? 'tone>=0.15' : 'tone flat';
        const regSide = reg === 'negative' || (reg === 'positive' && d.flipped[i]) ? 'against' : reg === 'positive' ? 'favor' : 'none';
        const agree = kind === 'side, gold none' ? `given ${got}, register ${regSide}` : `gold ${gold}, register ${regSide}${regSide === gold ? ' (right)' : ''}`;
        const key = `${kind} | ${where} | ${toneBand} | ${agree}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
    });
  }
  console.log('\nmisses of the pipeline (register fit without the round):');
  for (const [k, n] of [...tally].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${n}\t${k}`);
}
