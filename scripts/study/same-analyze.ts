/**
 * analyze() of every fixtures/<case>/input.* with two src trees (a baseline extracted with `git archive <commit> src` into
 * /tmp, node_modules linked, and this one), compared byte for byte (pretty JSON, as `analyze --format json` prints).
 * Session 18 (lines18b). Usage: npx tsx scripts/study/same-analyze.ts <baseline-src-dir> [src-dir] [--except-explicit-cue-spans]
 * (Session 40, cue40) `--except-explicit-cue-spans`: an output that differs only in `replyCue.span` of kind `explicit`
 * (null in the baseline) is counted apart, with how many spans moved, so a change that fills those spans alone can be
 * told from one that moves anything else. `-- FILE…` after the options: those dumps (named as given) instead of the
 * fixtures, e.g. `-- fixtures/blind-threads/*.txt ../shared/eval-threads/*.txt` (measuring only: never 113-118).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const all = process.argv.slice(2);
const cut = all.indexOf('--');
const args = cut < 0 ? all : all.slice(0, cut);
const exceptSpans = args.includes('--except-explicit-cue-spans');
const [baseSrc, newSrc = 'src'] = args.filter((x) => !x.startsWith('--'));
/** The document with every explicit reply cue's span nulled that the baseline `base` leaves null; how many were nulled. */
function withoutExplicitSpans(doc: any, base: any): { doc: any; moved: number } {
  let moved = 0;
  const copy = structuredClone(doc);
  copy.thread.posts.forEach((p: any, i: number) => {
    const was = base.thread.posts[i]?.replyCue;
    if (p.replyCue?.kind === 'explicit' && p.replyCue.span !== null && was?.kind === 'explicit' && was.span === null) {
      p.replyCue.span = null;
      moved++;
    }
  });
  return { doc: copy, moved };
}
const a = (await import(resolve(baseSrc!, 'index.ts'))) as any;
const b = (await import(resolve(newSrc, 'index.ts'))) as any;
const root = resolve('fixtures');
const inputs = cut >= 0
  ? all.slice(cut + 1)
  : readdirSync(root).sort().flatMap((d) => readdirSync(join(root, d)).sort().filter((f) => f.startsWith('input.')).map((f) => `fixtures/${d}/${f}`));
const what = cut >= 0 ? 'dumps' : 'fixture inputs';
let n = 0, diff = 0, spansOnly = 0, spansMoved = 0;
for (const name of inputs) {
  const bytes = readFileSync(name);
  const da = a.analyze(bytes, { name }), db = b.analyze(bytes, { name });
  const x = JSON.stringify(da, null, 2), y = JSON.stringify(db, null, 2);
  n++;
  if (x === y) continue;
  const rest = exceptSpans ? withoutExplicitSpans(db, da) : null;
  if (rest && rest.moved > 0 && JSON.stringify(rest.doc, null, 2) === x) {
    spansOnly++;
    spansMoved += rest.moved;
    console.log(`EXPLICIT CUE SPANS ONLY (${rest.moved}) ${name}`);
  } else { diff++; console.log(`DIFFERENT ${name}`); }
}
if (exceptSpans) console.log(`${n} ${what} analysed: ${n - diff - spansOnly} byte-identical, ${spansOnly} different only in explicit reply cues' spans (${spansMoved} spans, null before), ${diff} different otherwise`);
else console.log(`${n} ${what} analysed: ${diff === 0 ? 'all byte-identical' : `${diff} different`}`);
