/**
 * For the studies only (session 37, lines37; never the library's default): the line-role model's reading told what the
 * rules' shared chrome recognisers say about a line. Two variants, both off unless a study sets them
 * (`useLineChromeForStudy`), both with the existing recognisers only (no new words):
 *
 * - `filter` (P): a line the recognisers call page chrome is given the role chrome before the model reads the dump and
 *   left out of the dump the features are computed on (its neighbours, repeats, recurrence and position are those of
 *   the dump without it); its fitting row is dropped.
 * - `feature` (F): one more own feature of a line, `pageChrome`, which the neighbours' windows copy as every own feature
 *   (`p1:pageChrome` ...); the model is refit with it.
 * - `window` (H, added after P's and F's first figures): the other lines' features are those of the dump without the
 *   chrome lines (as P), but a chrome line is still read (and fit) by the model, on its features in the whole dump with
 *   `pageChrome` (as F): no role is forced.
 * - `window-strict` (H', added after H's first figures): H with only the chrome lines that have a letter and no column
 *   gap or separator (`·`, `•`, `|`): a vote count, a dash, a menu row or a head's frame is left in the windows.
 * - `window-record` (H'', session 38, lines38; decided on the fixtures before any blind round was read): H' with a
 *   record's own footer left in the windows, as main has it: a chrome line whose trimmed text recurs at least
 *   `RECORD_REPEATS` times in the dump and never on two non-blank lines in a row (`Reply` / `Share` / `Report` under
 *   every post) is structure by its place, the boundary every record shares, not page chrome dropped between posts.
 *
 * Off (the default), the features are `lineFeatures`' own, byte for byte.
 */
import { matchChrome } from './chrome-patterns.js';
import { lineFeatures } from './line-features.js';
import { isSectionChrome } from './section-cues.js';
import { isAccountBlurb, isCountLine, isLegalLine, isSeeMoreGate, isUiLine } from './ui-lines.js';

/** How the study's line-role model is told about page chrome: not at all, a pre-filter (P) or a feature (F). */
export type LineChromeMode = 'off' | 'filter' | 'feature' | 'window' | 'window-strict' | 'window-record';

let mode: LineChromeMode = 'off';

/** For the studies only: set the variant (`off` again for the library's reading). */
export function useLineChromeForStudy(m: LineChromeMode): void {
  mode = m;
}

/** The study's variant. */
export function lineChromeMode(): LineChromeMode {
  return mode;
}

/**
 * A trimmed line the shared recognisers call page chrome: a site-chrome pattern, comment-section chrome, an interface
 * line (not a count of things, which heads and footers of posts print: "31 points", "412K views"), an account blurb, a
 * log-in gate or a legal footer.
 */
export function isPageChromeLine(trimmed: string): boolean {
  if (trimmed === '') return false;
  return (
    matchChrome(trimmed) !== undefined ||
    isSectionChrome(trimmed) ||
    (isUiLine(trimmed) && !isCountLine(trimmed)) ||
    isAccountBlurb(trimmed) ||
    isSeeMoreGate(trimmed) ||
    isLegalLine(trimmed)
  );
}

/** H' (`window-strict`): a chrome line with a letter and no column gap or separator (not a count, a dash, a menu row or a head). */
function isPlainChromeShape(trimmed: string): boolean {
  return /\p{L}/u.test(trimmed) && !/[·•|]| {2}|\t/u.test(trimmed);
}

/**
 * H'' (`window-record`): a record's footer recurs under most posts. Four times or more: the fixtures' footers recur
 * once a post (3-14 times, every post of 4 or more); page chrome dropped at random places (test/properties.test.ts's
 * 1-6 inserts of four lines) recurs four times rarely, and then mostly on lines in a row (two inserts at one place).
 */
const RECORD_REPEATS = 4;

/** The trimmed texts that recur `RECORD_REPEATS` times or more, never on two non-blank lines in a row (a record's footer). */
function recordFooters(trimmed: readonly string[]): Set<string> {
  const seen = new Map<string, { n: number; last: number; adjacent: boolean }>();
  let k = 0;
  for (const t of trimmed) {
    if (t === '') continue;
    const s = seen.get(t);
    if (s === undefined) seen.set(t, { n: 1, last: k, adjacent: false });
    else {
      s.n++;
      if (k - s.last === 1) s.adjacent = true;
      s.last = k;
    }
    k++;
  }
  const out = new Set<string>();
  for (const [t, s] of seen) if (s.n >= RECORD_REPEATS && !s.adjacent) out.add(t);
  return out;
}

/** Per-line features under a variant, and which lines the pre-filter set to chrome (none unless `filter`). */
export function chromeLineFeatures(lines: readonly string[], m: LineChromeMode = mode): { feats: Array<Array<[string, number]> | null>; chrome: boolean[] } {
  if (m === 'off') return { feats: lineFeatures(lines), chrome: lines.map(() => false) };
  const trimmed = lines.map((l) => l.trim());
  const footers = m === 'window-record' ? recordFooters(trimmed) : new Set<string>();
  const strict = m === 'window-strict' || m === 'window-record';
  const chrome = trimmed.map((t) => isPageChromeLine(t) && (!strict || isPlainChromeShape(t)) && !footers.has(t));
  if (m === 'feature') {
    const feats = lineFeatures(lines, (own) =>
      own.forEach((o, i) => {
        if (!o.blank && chrome[i]) o.feats.push(['pageChrome', 1]);
      }),
    );
    return { feats, chrome: lines.map(() => false) };
  }
  const whole = m === 'window' || strict ? lineFeatures(lines, (own) => own.forEach((o, i) => (!o.blank && chrome[i] ? o.feats.push(['pageChrome', 1]) : undefined))) : null;
  const kept: number[] = [];
  lines.forEach((_, i) => {
    if (!chrome[i]) kept.push(i);
  });
  const sub = lineFeatures(kept.map((i) => lines[i]!));
  const feats: Array<Array<[string, number]> | null> = lines.map(() => null);
  kept.forEach((i, k) => {
    feats[i] = sub[k]!;
  });
  if (whole !== null) {
    chrome.forEach((c, i) => {
      if (c) feats[i] = whole[i]!;
    });
    return { feats, chrome: lines.map(() => false) };
  }
  return { feats, chrome };
}
