/**
 * Line shapes for the learned line-role model (`line-roles.model.json`, fit by scripts/train/train-line-roles.ts on
 * the project's own fixtures): what each line of a dump looks like, by shape only, no word of any language (length,
 * figures, capitals, punctuation, clock and date shapes, a name heading the text on the line (`0:05:03 name: text`), how often the line recurs in the dump,
 * how its shape recurs (line-recurrence.ts: the dump's record head and the line's place from it, session 31), indentation, blank
 * lines around, position in the dump, the same of the two non-blank lines before and after). Linear in the lines.
 *
 * Shared by the train script, the run-time fallback (src/ingest/line-roles.ts) and the study
 * (scripts/study/line-roles.ts): a change here needs a refit (`npm run train`; test/model-hash.test.ts checks it).
 */

import { bucket, END_SENTENCE, recurrenceFeatures } from './line-recurrence.js';

/** The roles a line can take, in the model's label order. */
export const LINE_ROLES = ['article', 'author', 'meta', 'start', 'body', 'chrome'] as const;
export type LineRole = (typeof LINE_ROLES)[number];

const LETTERS = /\p{L}/gu;
const DIGITS = /[0-9]/g;
const UPPER = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
const CLOCK = /(?:^|\D)\d{1,2}[:h]\d{2}(?:\D|$)/u;
const DATE = /\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

// "[04/12/26, 09:14] Name: text", "0:05:03 name: text", "12.04. 09:14 Name: text", "Name: text": a name (and a time or
// date before it) heading a message on its own line, as chat exports and chat replays print it.
const INLINE_HEAD = /^((?:\[[^\]]{1,40}\]|(?:\d{1,4}[./-]\d{1,2}(?:[./-]\d{0,4})?,?\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?|\d{1,4}[./-]\d{1,2}[./-](?:\d{2,4})?,?)\s*(?:[-–—]\s+)?)?([^\s:：][^:：]{0,38}?)\s?[:：]\s+(?=\S)/u;

/** An inline head: the time or date before the name (`prefix`, '' when none), the name, and where the text starts. */
export interface InlineHead {
  prefix: string;
  name: string;
  /** Characters of the trimmed line before the text. */
  textAt: number;
}

/**
 * Reads an inline head off the start of a trimmed line: at most four words of name, no sentence punctuation, a letter
 * in it; else null.
 */
export function readInlineHead(t: string): InlineHead | null {
  const m = INLINE_HEAD.exec(t);
  if (m === null) return null;
  const name = m[2]!.trim();
  if (name.split(/\s+/u).length > 4 || /[.!?,;"]/u.test(name) || !/\p{L}/u.test(name)) return null;
  return { prefix: m[1] ?? '', name, textAt: m[0].length };
}

// A neighbour's feature names, built once per process (the names are a small fixed set: buckets and flags).
const TAGGED = { p2: new Map<string, string>(), p1: new Map<string, string>(), n1: new Map<string, string>(), n2: new Map<string, string>() };

/** Code points in a string (what `[...t].length` counts, without the array). */
function codePoints(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // a high surrogate followed by a low one is one code point
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** A line's own shape features (`blank`: the line is white space only). */
export interface LineInfo {
  blank: boolean;
  feats: Array<[string, number]>;
}

function ownFeatures(line: string, repeats: number, lengthRatio: number): Array<[string, number]> {
  const t = line.trim();
  const f: Array<[string, number]> = [];
  if (t === '') return [['blank', 1]];
  const words = t.split(/\s+/u);
  // counted in code points, one pass each (no array of characters, no regular expression run per character)
  const length = codePoints(t);
  const digits = t.match(DIGITS)?.length ?? 0;
  const letters = t.match(LETTERS)?.length ?? 0;
  const caps = words.filter((w) => UPPER.test(w)).length;
  const lowers = words.filter((w) => LOWER.test(w)).length;
  const nospace = NO_SPACE_SCRIPT.test(t);
  // a script without spaces: measure by characters, one word for two.
  const wordCount = nospace ? Math.max(words.length, Math.round(letters / 2)) : words.length;
  f.push([`chars:${bucket(length, [2, 4, 8, 14, 22, 35, 55, 90, 160])}`, 1]);
  f.push([`words:${bucket(wordCount, [2, 3, 4, 5, 7, 10, 15, 25])}`, 1]);
  f.push([`digitShare:${bucket(digits / length, [0.01, 0.1, 0.25, 0.5, 0.8])}`, 1]);
  f.push([`letterShare:${bucket(letters / length, [0.2, 0.5, 0.7, 0.85])}`, 1]);
  if (!nospace && words.length > 0) {
    f.push([`capShare:${bucket(caps / words.length, [0.01, 0.34, 0.67, 0.99])}`, 1]);
    f.push([`lowerShare:${bucket(lowers / words.length, [0.01, 0.34, 0.67])}`, 1]);
    if (words.length <= 4 && caps === words.length && digits === 0) f.push(['allCapsShort', 1]);
  }
  if (nospace) f.push(['noSpaceScript', 1]);
  if (END_SENTENCE.test(t)) f.push(['endSentence', 1]);
  if (/[,;]$/u.test(t)) f.push(['endComma', 1]);
  if (/[:：]$/u.test(t)) f.push(['endColon', 1]);
  if (/^\p{L}[^:：]{0,40}[:：]\s*\S/u.test(t)) f.push(['labelColon', 1]);
  // a name (after a time or date, or not) heading the text on the same line: a chat line, not a name line
  const head = readInlineHead(t);
  if (head !== null) f.push([head.prefix === '' ? 'inlineHead' : 'inlineHeadTimed', 1]);
  if (/^[@＠]/u.test(t)) f.push(['startAt', 1]);
  if (/^[>»]/u.test(t)) f.push(['startQuoteMark', 1]);
  if (/^["'“„«‘「『]/u.test(t)) f.push(['startQuote', 1]);
  if (/^[-–—•·*]/u.test(t)) f.push(['startDash', 1]);
  if (/^[[(（【]/u.test(t)) f.push(['startBracket', 1]);
  if (/^\d/u.test(t)) f.push(['startDigit', 1]);
  if (/\d$/u.test(t)) f.push(['endDigit', 1]);
  if (/^[\d\s.,:/()+\-–·•|kKmM%]+$/u.test(t)) f.push(['numbersOnly', 1]);
  if (CLOCK.test(t)) f.push(['clock', 1]);
  if (DATE.test(t)) f.push(['dateShape', 1]);
  if (/[·•|]/u.test(t)) f.push(['separator', 1]);
  if (/ {2,}|\t/u.test(t)) f.push(['columnGap', 1]);
  if (/https?:|www\.|\.\p{Ll}{2,3}\//u.test(t)) f.push(['url', 1]);
  if (EMOJI.test(t)) f.push([letters === 0 ? 'emojiOnly' : 'emoji', 1]);
  if (letters === 0 && digits === 0 && !EMOJI.test(t)) f.push(['symbolsOnly', 1]);
  // a figure among at most four words: counts, ages, scores ("3 hours ago", "há 3 horas", "Like 12").
  if (digits > 0 && wordCount <= 4) f.push(['shortWithFigure', 1]);
  if (digits > 0 && wordCount <= 4 && /^\D*\d+\D*$/u.test(t)) f.push(['oneFigureShort', 1]);
  f.push([`repeats:${bucket(repeats, [2, 3, 5, 9])}`, 1]);
  f.push([`lenRatio:${bucket(lengthRatio, [0.25, 0.5, 1, 2, 4])}`, 1]);
  const indent = line.length - line.trimStart().length;
  f.push([`indent:${bucket(indent, [1, 3, 5, 9])}`, 1]);
  return f;
}

/**
 * Per-line features of a dump (null for a blank line): its own shape, its neighbours' (two each side, blank lines included), position.
 */
export function lineFeatures(lines: readonly string[], addOwn?: (own: LineInfo[]) => void): Array<Array<[string, number]> | null> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.trim();
    if (t !== '') counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const trimmed = lines.map((l) => l.trim());
  const sizes = trimmed.map(codePoints);
  const lengths = sizes.filter((n) => n > 0).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 1;
  const own: LineInfo[] = lines.map((l, i) => ({ blank: trimmed[i] === '', feats: ownFeatures(l, counts.get(trimmed[i]!) ?? 0, sizes[i]! / median) }));
  // how the line's shape recurs across the dump (session 31): own features, so that the neighbours copy them too
  recurrenceFeatures(trimmed).forEach((r, i) => {
    if (!own[i]!.blank) own[i]!.feats.push(...r);
  });
  // a study's variant may add to each line's own features (before the neighbours copy them).
  if (addOwn !== undefined) addOwn(own);
  const nonBlank = own.map((o, i) => (o.blank ? -1 : i)).filter((i) => i >= 0);
  const rank = new Map(nonBlank.map((i, k) => [i, k] as const));
  return lines.map((_, i) => {
    if (own[i]!.blank) return null;
    const f: Array<[string, number]> = [['bias', 1]];
    f.push(...own[i]!.feats);
    f.push([`blankBefore:${i === 0 || own[i - 1]!.blank ? 1 : 0}`, 1]);
    f.push([`blankAfter:${i === lines.length - 1 || own[i + 1]!.blank ? 1 : 0}`, 1]);
    const k = rank.get(i)!;
    // neighbours among the non-blank lines (the blank flags above say whether a gap lies between)
    for (const [d, tag] of [[-2, 'p2'], [-1, 'p1'], [1, 'n1'], [2, 'n2']] as const) {
      const j = nonBlank[k + d];
      if (j === undefined) {
        f.push([`${tag}:none`, 1]);
        continue;
      }
      const names = TAGGED[tag];
      for (const [n, v] of own[j]!.feats) {
        let name = names.get(n);
        if (name === undefined) {
          name = `${tag}:${n}`;
          names.set(n, name);
        }
        f.push([name, v]);
      }
      if (tag === 'p1' || tag === 'n1') f.push([`${tag}:gap:${Math.abs(j - i) > 1 ? 1 : 0}`, 1]);
    }
    const indentHere = lines[i]!.length - lines[i]!.trimStart().length;
    const prev = nonBlank[k - 1];
    if (prev !== undefined) {
      const indentPrev = lines[prev]!.length - lines[prev]!.trimStart().length;
      f.push([`indentVsPrev:${Math.sign(indentHere - indentPrev)}`, 1]);
    }
    f.push([`position:${bucket(k / Math.max(1, nonBlank.length), [0.1, 0.25, 0.5, 0.75])}`, 1]);
    return f;
  });
}

