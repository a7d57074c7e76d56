/**
 * Chrome-perturbed fixtures (session 37, shape40; registered in docs/dump-styles.md, "Registration for session 37's
 * held-out read (the lead, learned40)"): a dump the rules read right with 1-6 lines of page chrome inserted right
 * before author lines, as test/properties.test.ts's property "inserting site chrome lines between posts leaves the
 * posts unchanged" draws them (the property that took learned38's library arm out in session 36). Pure: the study
 * (scripts/study/line-roles-left-out.ts `--chrome N`) parses and keeps the variants.
 */
import fc from 'fast-check';

/** The four chrome families of test/properties.test.ts. */
export const CHROME_LINES = ['Advertisement', 'Share this article', 'Load more comments', 'Sort by Newest'] as const;

/** One insert: any natural number (which author line, mod their count) and a chrome line. */
export type ChromeInsert = readonly [number, string];

/** The property's draw with at least one insert: an array of 1-6 pairs (natural number, chrome line of `pool`). */
export function chromeInserts(pool: readonly string[]): fc.Arbitrary<ChromeInsert[]> {
  return fc.array(fc.tuple(fc.nat(), fc.constantFrom(...pool)), { minLength: 1, maxLength: 6 });
}

/** The property's draw with the four families of test/properties.test.ts. */
export const chromeInsertsArbitrary: fc.Arbitrary<ChromeInsert[]> = chromeInserts(CHROME_LINES);

/**
 * The author lines of a dump (indices into `lines`, the input split on "\n"): lines whose trimmed text equals an
 * author of the rules' posts and that lie after `firstLine` (the line of the first post's first line).
 */
export function authorLineIndices(lines: readonly string[], authors: ReadonlySet<string>, firstLine: number): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (i > firstLine && authors.has(l.trim())) out.push(i);
  });
  return out;
}

/**
 * The lines with each insert's chrome line put right before the author line at (its number mod the count of author
 * lines), as the property does (inserts applied from the last line up; `authorLines` must not be empty). Also returns
 * where each insert went: the index of the author line in `lines` it sits before.
 */
export function insertChrome(lines: readonly string[], authorLines: readonly number[], inserts: readonly ChromeInsert[]): { lines: string[]; at: Array<[number, string]> } {
  if (authorLines.length === 0) throw new Error('insertChrome: no author lines');
  const out = [...lines];
  const at = inserts.map(([n, j]) => [authorLines[n % authorLines.length]!, j] as [number, string]).sort((a, b) => b[0] - a[0]);
  for (const [i, j] of at) out.splice(i, 0, j);
  return { lines: out, at: [...at].reverse() };
}

/** A drawn variant: its text and the inserts (the author line each sits before, in the original's line numbers). */
export interface ChromeVariant {
  text: string;
  inserted: Array<[number, string]>;
}

/**
 * `n` variants of `text` drawn with `fc.sample` at `seed`, or null when the dump has fewer than two author lines
 * (`authorLineIndices`). Deterministic: the same text, authors, seed and n give the same variants.
 */
export function drawChromeVariants(
  text: string,
  authors: ReadonlySet<string>,
  firstLine: number,
  seed: number,
  n: number,
  arbitrary: fc.Arbitrary<ChromeInsert[]> = chromeInsertsArbitrary,
): ChromeVariant[] | null {
  const lines = text.split('\n');
  const authorLines = authorLineIndices(lines, authors, firstLine);
  if (authorLines.length < 2) return null;
  return fc.sample(arbitrary, { seed, numRuns: n }).map((inserts) => {
    const r = insertChrome(lines, authorLines, inserts);
    return { text: r.lines.join('\n'), inserted: r.at };
  });
}

/**
 * The fifth family (session 38, lines38, registered in docs/dump-styles.md "Session 37 (lines37)"): page chrome the
 * shared recognisers need not know, the lines whose derived gold role is `chrome` in the fixtures (`deriveGold`), for
 * fixture `own` only those of the other fixtures and none that is a line of `own` (a fixture never draws its own lines).
 * Sorted unique trimmed texts, so the draw at a fixed seed is fixed.
 */
export function otherChromePool(fixtures: ReadonlyArray<{ name: string; lines: readonly string[]; gold: readonly string[] }>, own: string): string[] {
  const mine = new Set((fixtures.find((f) => f.name === own)?.lines ?? []).map((l) => l.trim()));
  const pool = new Set<string>();
  for (const f of fixtures) {
    if (f.name === own) continue;
    f.lines.forEach((l, i) => {
      const t = l.trim();
      if (f.gold[i] === 'chrome' && t !== '' && !mine.has(t)) pool.add(t);
    });
  }
  return [...pool].sort();
}
