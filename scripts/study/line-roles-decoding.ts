/**
 * Study (session 36, lines36; measure only): the line-role model alone with the roles of a dump decoded jointly, set
 * left out, lean (no first try, no rules' readings, no arbitrations: scripts/study/line-roles-left-out.ts has them and
 * the pre-registered variants V and H). For each development round (`BLIND_DEV_ROUNDS`, `--rounds` to pick), the model
 * is fit as line-roles-left-out.ts fits it (the fixtures plus the other rounds' blind dumps), and the round is read by
 * the model alone (its posts whenever it has three start lines) with each decoding of `VARIANTS`: argmax (main), the
 * pre-registered V and H, and P1, Viterbi with the article row made uniform (post hoc, written after V's run: the
 * fitted article row made a comment section whose head lines the model missed stay `article`), each read guarded and unguarded
 * (`READS`). Scored as score.mjs scores.
 *
 * Run: nice -n 10 npx tsx scripts/study/line-roles-decoding.ts [--rounds 01-04,05-10] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { fitLineRoles, lineRoleRows, roleTransitions, ROLES } from '../train/lib/line-roles-data.js';
import { useLineModelForStudy, type RoleDecoder } from '../../src/ingest/line-roles-study.js';
import { viterbiDecoder } from './lib/role-decoding.js';
import { BLIND_DEV_ROUNDS } from '../train/lib/blind-rounds.js';
import { parse } from '../../src/index.js';
import { add, scoreDoc, zero, type Score } from './lib/thread-score.js';
import { studyBlind, studyFixtures } from './lib/left-out-data.js';

const args = process.argv.slice(2);
const ri = args.indexOf('--rounds');
const onlyRounds = ri >= 0 ? new Set(args[ri + 1]!.split(',')) : null;

type Constants = Record<string, number>;
/**
 * The transitions as a grammar: a transition the training dumps show (its add-one share above 1.5 times its row's least,
 * which is a count of 0) costs nothing, one they never show is forbidden (1e-6).
 */
function grammar(t: Constants): Constants {
  const out: Constants = { ...t };
  for (const a of ROLES) {
    const least = Math.min(...ROLES.map((b) => t[`transition:${a}>${b}`]!));
    for (const b of ROLES) out[`transition:${a}>${b}`] = t[`transition:${a}>${b}`]! > 1.5 * least ? 1 : 1e-6;
  }
  return out;
}
/** The constants with the article row uniform: from the article, the section may begin on any role. */
const uniformArticle = (t: Constants): Constants => ({ ...t, ...Object.fromEntries(ROLES.map((b) => [`transition:article>${b}`, 1 / ROLES.length])) });
/** Each variant: its decoder from the fitted constants (null: argmax, as the library reads). */
const ALL_VARIANTS: Array<{ label: string; decoder: (t: Constants) => RoleDecoder | null }> = [
  { label: 'model alone (argmax, main)', decoder: () => null },
  { label: 'V (pre-registered): Viterbi, fitted transitions', decoder: (t) => viterbiDecoder(t) },
  { label: 'H (pre-registered): hybrid Viterbi', decoder: (t) => viterbiDecoder(t, true) },
  {
    label: 'P1 (post hoc): Viterbi, the article row uniform (the section may begin on any role)',
    decoder: (t) => viterbiDecoder(uniformArticle(t)),
  },
  {
    label: 'P3 (post hoc, after the registered run): Viterbi as a hard grammar, every transition the training dumps show free, the others forbidden',
    decoder: (t) => viterbiDecoder(grammar(t)),
  },
];
// `--variants 0,4` reads only those (by index; default all)
const vi = args.indexOf('--variants');
const VARIANTS = vi < 0 ? ALL_VARIANTS : args[vi + 1]!.split(',').map((i) => ALL_VARIANTS[Number(i)]!);
/**
 * Each variant is read twice: as line-roles-left-out.ts's model alone reads (the odd-author guard of session 35 on: a
 * model reading whose authors look wrong more often than today's rules' gives way to the rules', which have seen every
 * round), and unguarded (the model's reading alone whenever it has three start lines, as before session 35).
 */
const READS = [
  ['guarded', false],
  ['unguarded', true],
] as const;

const fixtures = studyFixtures();
const blind = studyBlind();
const fixtureRows = lineRoleRows(fixtures);
type S = Score;
const addS = (a: S | undefined, b: S): S => add(a ?? zero(), b);
const f3 = (x: number): string => x.toFixed(3);
const fig = (s: S): string => `${f3(s.authors / Math.max(1, s.posts))} / ${f3(s.starts / Math.max(1, s.posts))} / ${f3(s.parents / Math.max(1, s.parentsGold))} (${s.countsExact}/${s.files})`;
const total: Record<string, S> = {};
const perRound: Record<string, Record<string, S>> = {};
for (const r of BLIND_DEV_ROUNDS.filter((x) => onlyRounds === null || onlyRounds.has(x.label))) {
  const train = blind.filter((b) => b.n < r.first || b.n > r.last).map((b) => b.fx);
  const model = fitLineRoles([...fixtureRows, ...lineRoleRows(train)], ['study']);
  const t = roleTransitions([...fixtures, ...train], true);
  const decoders = VARIANTS.map((v) => v.decoder(t));
  const cellsOf = READS.flatMap(([g, unguarded]) => VARIANTS.map((v, k) => ({ label: `${v.label}, ${g}`, decoder: decoders[k]!, unguarded })));
  perRound[r.label] = {};
  for (const d of blind.filter((b) => b.n >= r.first && b.n <= r.last)) {
    const cells = cellsOf.map((v) => {
      useLineModelForStudy(model, true, v.decoder, v.unguarded);
      const s = scoreDoc(parse(d.text, { name: d.name }), d.gold);
      perRound[r.label]![v.label] = addS(perRound[r.label]![v.label], s);
      total[v.label] = addS(total[v.label], s);
      return fig(s);
    });
    useLineModelForStudy(null);
    console.log(`${d.name}: ${cells.join(' | ')}`);
  }
  if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1]!, JSON.stringify({ perRound, total }, null, 1));
}
const labels = Object.keys(total);
console.log(`\n| round | ${labels.join(' | ')} |\n| --- |${labels.map(() => ' --- |').join('')}`);
for (const [round, per] of Object.entries(perRound)) console.log(`| ${round} | ${labels.map((l) => fig(per[l]!)).join(' | ')} |`);
console.log(`| all | ${labels.map((l) => fig(total[l]!)).join(' | ')} |`);
