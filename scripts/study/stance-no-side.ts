/**
 * Session 28 (stance28): the gold sides the thread pipeline gives no side (and the wrong sides), by why, on the blind
 * development rounds (scripts/train/lib/blind-rounds.ts), and the reply links re-weighed by blind round left out.
 *
 * Each round is analysed in-process with the stance step's `link` switched off for the read (the object's property
 * is set to undefined, then restored), which gives every post's `run` reading (the stance model, a declared side, a
 * change target's object, the comment register's fill). The register's fill is taken out again and put back with a
 * register model fit WITHOUT the round (`fitRegister` on the corpus, FanChuan and the other rounds' posts, the
 * shipped settings; as scripts/study/register-tone.ts), then the stance step's link is run in dump order (a reply
 * sees its parent's linked side) with a variant of the rules (`Variant`). Check: with the shipped register and the
 * shipped rules the re-reading gives the pipeline's own labels (`--check`).
 *
 *   tsx scripts/study/stance-no-side.ts --misses       the pipeline's misses by why (shipped register, main's rules)
 *   tsx scripts/study/stance-no-side.ts --check        the re-reading against the pipeline's labels
 *   tsx scripts/study/stance-no-side.ts --cells        how correction replies and plain flat replies relate to gold
 *   tsx scripts/study/stance-no-side.ts --choose       every variant by round left out, nested choice
 *   tsx scripts/study/stance-no-side.ts --eval-threads DIR VARIANT   measured only, once (shipped register)
 */
import { resolve } from 'node:path';
import { registerSide, withRegisterSide } from '../../src/classify/stance/register-side.js';
import { REGISTER_TONE, REPLY_LINKS } from '../../src/classify/steps/stance.js';
import { BLIND_DEV_ROUNDS } from '../train/lib/blind-rounds.js';
import { allPairs, mean, pairs, precision, readRegister, sides, sideOf, type Side, type StancePost } from './lib/stance-rounds.js';
import { leftOutRegisters, readDumps, simulate, type Dump, type Variant } from './lib/stance-simulate.js';
import { COMMENT_REGISTER_MODEL } from '../../src/classify/sentiment/register.js';

type Post = StancePost;

const root = resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const fmt = (x: number): string => x.toFixed(3);
if (REGISTER_TONE === null) throw new Error('the study starts from the shipped register fill (REGISTER_TONE)');

const MAIN: Variant = { name: 'main (session 20 rule, no inheritance, no lean)', links: {} };
/** What the stance step ships (REPLY_LINKS, REGISTER_TONE's lean): the `--check` compares it with the pipeline. */
const SHIPPED: Variant = { name: 'shipped', links: REPLY_LINKS, ...(REGISTER_TONE.lean != null ? { lean: REGISTER_TONE.lean } : {}) };
const CORRECTIONS = ['void', 'keep', 'off', 'oppose', 'oppose-keep'] as const;
const FLAT_REPLIES = [null, 'agree', 'oppose'] as const;
const LEANS = [undefined, 0.05, 0.1, 0.2, 0.3] as const;
const nameOf = (c: string, f: string | null, l: number | undefined): string => `correction ${c}, plain flat reply ${f ?? 'none'}, lean ${l ?? 'off'}`;
/** The grid: correction rule x plain flat reply x register lean (75 settings; the first is main). */
const VARIANTS: Variant[] = CORRECTIONS.flatMap((correction) =>
  FLAT_REPLIES.flatMap((flatReply) => LEANS.map((lean) => ({ name: nameOf(correction, flatReply, lean), links: { correction, flatReply }, ...(lean === undefined ? {} : { lean }) }))),
);
VARIANTS[0] = { ...VARIANTS[0]!, name: MAIN.name };
/** The rows printed in the table: main, each change alone, and the pairs. */
const SHOWN = new Set([
  MAIN.name,
  ...CORRECTIONS.slice(1).map((c) => nameOf(c, null, undefined)),
  ...FLAT_REPLIES.slice(1).map((f) => nameOf('void', f, undefined)),
  ...LEANS.slice(1).map((l) => nameOf('void', null, l)),
  ...CORRECTIONS.slice(1).flatMap((c) => LEANS.slice(1).map((l) => nameOf(c, null, l))),
]);

const dumps = (): Dump[] => readDumps(resolve(root, 'fixtures', 'blind-threads'), false);

const whereOf = (p: Post): string => (p.parentId == null ? 'top' : p.replyStance?.label === 'comment' ? 'reply, no cue' : `reply, ${p.replyStance?.label ?? 'no reply stance'}`);

if (args[0] === '--check') {
  const ds = dumps();
  readRegister(ds, () => COMMENT_REGISTER_MODEL);
  let same = 0;
  let all = 0;
  for (const d of ds) {
    const st = simulate(d, SHIPPED);
    d.posts.forEach((p, i) =>
      (p.stances ?? []).forEach((s) => {
        all++;
        const r = st[i]!.find((x) => x.target === s.target);
        if (r?.label === s.label) same++;
        else console.log(`differs: ${d.file} #${i} ${s.target}: pipeline ${s.label}, re-read ${r?.label} (${s.evidence.map((e) => e.cue).join(',')})`);
      }),
    );
  }
  console.log(`re-reading with the shipped register and the shipped links (${JSON.stringify(SHIPPED)}): ${same} of ${all} post stances as the pipeline`);
  process.exit(0);
}

if (args[0] === '--misses') {
  // The pipeline's own output (shipped register, the shipped links), each miss by why.
  const ds = dumps();
  const tally = new Map<string, number>();
  const add = (k: string): void => void tally.set(k, (tally.get(k) ?? 0) + 1);
  let goldSides = 0;
  for (const d of ds) {
    const byId = new Map(d.posts.map((p, i) => [p.id, i]));
    d.gold.forEach((gp, i) => {
      if (gp.removed || !gp.stance) return;
      const p = d.posts[i];
      if (!p) {
        // The pipeline found fewer posts than the gold lists (posts are aligned by index, as score.mjs does).
        for (const t of d.targets) if ((gp.stance![t] ?? 'none') !== 'none') goldSides++, add('no side | no post at this index');
        return;
      }
      const parent = p.parentId != null ? d.posts[byId.get(p.parentId)!] : undefined;
      for (const t of d.targets) {
        const gold: Side = gp.stance[t] ?? 'none';
        if (gold === 'none') continue;
        goldSides++;
        const s = p.stances?.find((x) => x.target.toLowerCase() === t.toLowerCase());
        const got = sideOf(s);
        const raw = sideOf(d.raw[i]!.find((x) => x.target.toLowerCase() === t.toLowerCase()));
        const cue = s?.evidence.find((e) => e.cue !== 'mention')?.cue.replace(/:.*/s, '') ?? 'none';
        const named = s?.implicit === true ? '' : ' (names the target)';
        const theirs = sideOf(parent?.stances?.find((x) => x.target.toLowerCase() === t.toLowerCase()));
        const pg = parent ? d.gold[byId.get(p.parentId!)!]?.stance?.[t] ?? 'none' : 'none';
        const parentNote = parent ? `; parent read ${theirs}, parent gold ${pg}` : '';
        if (got === gold) {
          add(`right | ${whereOf(p)}`);
          continue;
        }
        if (got === 'none') {
          let why: string;
          if (cue === 'corrects-a-fact' || cue === 'concedes-a-fact' || cue === 'addresses-a-person' || cue === 'asks') why = `voided: ${cue} (own reading ${raw === gold ? 'right' : raw})`;
          else if (cue === 'answers-parent') why = `answers a parent with no side (own reading ${raw === gold ? 'right' : raw})`;
          else if (p.parentId == null) why = `read flat, register neutral${named}`;
          else if (p.replyStance?.label === 'comment') why = `plain reply read flat${named}${parentNote}`;
          else why = `reply with cue ${p.replyStance?.label}, read flat${named}${parentNote}`;
          add(`no side | ${whereOf(p)} | ${why}`);
        } else {
          let why: string;
          if (cue === 'tone-toward-parent' || cue === 'agrees-with-parent' || cue === 'disagrees-with-parent') why = `${cue}${parentNote}`;
          else why = `own reading by ${cue}${named}`;
          add(`wrong side | ${whereOf(p)} | ${why}`);
        }
      }
    });
  }
  console.log(`${goldSides} gold sides on blind ${BLIND_DEV_ROUNDS[0]!.label.slice(0, 2)}-${BLIND_DEV_ROUNDS.at(-1)!.label.slice(3)}`);
  for (const [k, n] of [...tally].sort((a, b) => a[0].localeCompare(b[0]) || b[1] - a[1])) console.log(`  ${n}\t${k}`);
  process.exit(0);
}

if (args[0] === '--cells') {
  // Correction replies and plain flat replies: their gold side beside the parent's read side, their own tone and
  // the register's side (left-out registers): what a re-weighed rule would have to find.
  const ds = dumps();
  leftOutRegisters(root, ds);
  const tally = new Map<string, number>();
  const add = (k: string): void => void tally.set(k, (tally.get(k) ?? 0) + 1);
  for (const d of ds) {
    const st = simulate(d, MAIN);
    const byId = new Map(d.posts.map((p, i) => [p.id, i]));
    d.gold.forEach((gp, i) => {
      if (gp.removed || !gp.stance) return;
      const p = d.posts[i]!;
      if (p.parentId == null) return;
      const pi = byId.get(p.parentId)!;
      for (const t of d.targets) {
        const gold: Side = gp.stance[t] ?? 'none';
        const s = st[i]!.find((x) => x.target.toLowerCase() === t.toLowerCase());
        const theirs = sideOf(st[pi]!.find((x) => x.target.toLowerCase() === t.toLowerCase()));
        const rel = (x: Side): string => (theirs === 'none' || x === 'none' ? x : x === theirs ? 'same as parent' : 'opposite of parent');
        const side = registerSide(d.probs[i]!, d.flipped[i]!, d.evidence[i]!.length > 0, 0);
        const own = sideOf(withRegisterSide(d.raw[i]!, side, d.evidence[i]!, REGISTER_TONE!).find((x) => x.target.toLowerCase() === t.toLowerCase()));
        const cue = s?.evidence.find((e) => e.cue !== 'mention')?.cue.replace(/:.*/s, '') ?? 'none';
        if ((p.corrections ?? []).length > 0) add(`correction reply (${p.replyStance?.label}) | parent read ${theirs} | gold ${rel(gold)} | own tone ${rel(own)}`);
        else if (p.replyStance?.label === 'comment' && sideOf(s) === 'none' && cue === 'none') add(`plain flat reply | parent read ${theirs} | gold ${rel(gold)}`);
      }
    });
  }
  for (const [k, n] of [...tally].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${n}\t${k}`);
  process.exit(0);
}

if (args[0] === '--eval-threads') {
  const ds = readDumps(resolve(args[1]!), true);
  readRegister(ds, () => COMMENT_REGISTER_MODEL);
  const v = VARIANTS.find((x) => x.name === args[2]) ?? VARIANTS[Number(args[2])]!;
  for (const x of [MAIN, v]) {
    const ps = pairs(ds, new Map(ds.map((d) => [d, simulate(d, x)])));
    const against = ps.map(([g]) => [g, 'against'] as [Side, Side]);
    console.log(`${x.name}: gold sides ${fmt(sides(ps))} (${ps.filter(([g]) => g !== 'none').length}), all labelled ${fmt(allPairs(ps))} (${ps.length}), precision ${fmt(precision(ps))}; every post against ${fmt(sides(against))} / ${fmt(allPairs(against))}`);
  }
  process.exit(0);
}

if (args[0] === '--choose') {
  const ds = dumps();
  leftOutRegisters(root, ds);
  const rounds = BLIND_DEV_ROUNDS.map((r) => r.label);
  const scored = VARIANTS.map((v) => {
    const st = new Map(ds.map((d) => [d, simulate(d, v)]));
    const per = rounds.map((r) => pairs(ds.filter((d) => d.round === r), st));
    return { v, per, sides: per.map(sides) };
  });
  const against = scored[0]!.per.map((ps) => ps.map(([g]) => [g, 'against'] as [Side, Side]));
  const row = (name: string, per: ReadonlyArray<ReadonlyArray<[Side, Side]>>): string => {
    const pooled = per.flat();
    return `| ${name} | ${per.map((ps) => `${fmt(sides(ps))} / ${fmt(allPairs(ps))}`).join(' | ')} | ${fmt(mean(per.map(sides)))} | ${fmt(sides(pooled))} / ${fmt(allPairs(pooled))} / ${fmt(precision(pooled))} |`;
  };
  console.log(`| reading (register fit without the round) | ${rounds.join(' | ')} | mean of rounds | pooled: gold sides / all / precision |`);
  console.log(`|---|${rounds.map(() => '---:').join('|')}|---:|---:|`);
  console.log(row('every post against', against));
  for (const s of scored) if (SHOWN.has(s.v.name) || args.includes('--all')) console.log(row(s.v.name, s.per));
  const top = [...scored].sort((x, y) => mean(y.sides) - mean(x.sides)).slice(0, 8);
  // Control (not a candidate): every flat reading of an unnamed subject against, whatever the register says (lean
  // margin -1), with main's and the shipped correction rule: how much of the lean is a prior for "against".
  for (const correction of ['void', 'off'] as const) {
    const v: Variant = { name: `control: correction ${correction}, every flat reading against`, links: { correction }, lean: -1 };
    const st = new Map(ds.map((d) => [d, simulate(d, v)]));
    console.log(row(v.name, rounds.map((r) => pairs(ds.filter((d) => d.round === r), st))));
  }
  // How the lean's sides split (shipped setting, register fit without the round).
  {
    let favor = 0;
    let against = 0;
    for (const d of ds) {
      const st = simulate(d, { name: 'lean 0.05', links: {}, lean: 0.05 });
      for (const ss of st) for (const x of ss) if (x.label !== 'neutral' && x.evidence.some((e) => /register-lean:favor$/.test(e.cue))) favor++; else if (x.label !== 'neutral' && x.evidence.some((e) => /register-lean:against$/.test(e.cue))) against++;
    }
    console.log(`lean sides at margin 0.05, main's links (own or toward a parent): ${favor} favor-cued, ${against} against-cued`);
  }
  console.log(`best on the mean of all rounds (in-sample for the choice): ${top.map((x) => `${x.v.name} ${fmt(mean(x.sides))}`).join('; ')}`);
  // Nested: each round scored with the setting best on the mean of the other six, over the whole grid and over the
  // two mechanisms shipped (correction rule x register lean; plain flat replies left as main).
  for (const [what, pool] of [
    ['the whole grid', scored],
    ['correction rule x register lean', scored.filter((x) => !x.v.links.flatReply)],
    ['correction rule alone', scored.filter((x) => !x.v.links.flatReply && x.v.lean === undefined)],
  ] as const) {
    const nested = rounds.map((_, k) => {
      const others = rounds.map((__, j) => j).filter((j) => j !== k);
      const best = pool.reduce((a, b) => (mean(others.map((j) => b.sides[j]!)) > mean(others.map((j) => a.sides[j]!)) + 1e-12 ? b : a));
      return { pick: best.v.name, ps: best.per[k]! };
    });
    console.log(row(`**nested choice, ${what}** (${pool.length} settings; each round by the one best on the other six)`, nested.map((x) => x.ps)));
    console.log(`nested picks: ${nested.map((x, k) => `${rounds[k]} ${x.pick}`).join('; ')}`);
  }
}
