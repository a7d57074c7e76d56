/**
 * Study (session 37, lines37; measure only): how far the line-role model's facts on the chrome-perturbed fixtures move
 * from the fixture's own, per variant of the model (main, P, F). Reads `line-roles-left-out.ts --rounds none --chrome 4
 * --chrome-own --json FILE` outputs (one per variant, `LINE_CHROME` off / filter / feature) and prints, over the gated
 * variants (at least three model start lines, as shape40's gate), the summed absolute moves of start lines, textless
 * posts and agreed start lines, the variants that move not at all, and chrome-seed-001-2's facts.
 *
 * Session 38 (lines38): the fifth family (`--chrome-other`'s `chromeOther` rows) is printed apart when a file has it.
 *
 * Run: npx tsx scripts/study/lines37-chrome-moves.ts main=a.json P=b.json F=c.json
 */
import { readFileSync } from 'node:fs';

type Facts = { starts: number; textless: number; agreed: number; rulePosts: number };
type Row = { name: string; fixture: string; facts: Facts; own: Facts };
const KEYS = ['starts', 'textless', 'agreed'] as const;

for (const arg of process.argv.slice(2)) {
  const [label, file] = arg.split('=') as [string, string];
  const all = JSON.parse(readFileSync(file, 'utf8')) as { chrome: Row[]; chromeOther?: Row[] };
  for (const [family, rows] of [['four families', all.chrome], ['fifth family', all.chromeOther]] as const) {
  if (rows === undefined) continue;
  const gated = rows.filter((r) => r.facts.starts >= 3);
  const moved = Object.fromEntries(KEYS.map((k) => [k, 0])) as Record<(typeof KEYS)[number], number>;
  let still = 0;
  const movedNames: string[] = [];
  let worst: { name: string; d: number } = { name: '-', d: -1 };
  for (const r of gated) {
    let d = 0;
    for (const k of KEYS) {
      const m = Math.abs(r.facts[k] - r.own[k]);
      moved[k] += m;
      d += m;
    }
    if (d === 0) still++;
    else movedNames.push(`${r.name} (${d})`);
    if (d > worst.d) worst = { name: r.name, d };
  }
  const seed = rows.find((r) => r.name === 'chrome-seed-001-2');
  const f = (x: Facts | undefined): string => (x === undefined ? '-' : `${x.starts} / ${x.textless} / ${x.agreed}`);
  console.log(
    `${label} (${family}): ${rows.length} kept, ${gated.length} gated; moved (sum |variant - fixture|) starts ${moved.starts}, textless ${moved.textless}, agreed ${moved.agreed}; unmoved ${still}/${gated.length}; largest ${worst.name} (${worst.d}); chrome-seed-001-2 starts / textless / agreed ${f(seed?.facts)} (fixture ${f(seed?.own)})`,
  );
  if (process.env.MOVED === '1') console.log(`  moved: ${movedNames.join(', ')}`);
}
}
