import type { Line } from './lines.js';

/**
 * Session 30 (parsegen30): a page's badge mark after its commenters' names ("Karen Doyle ✓", "Ann Lee ◆ · 5h", "Tom ★:
 * first words"), told from a mark a poster put in their own name ("Kev 🚲", "☠ Grog ☠") by recurrence, not by a list of
 * marks: the same text-style symbol (no letter or figure, not an emoji shown as a picture, not a separator or an arrow)
 * right after two different names at least, at the end of the line or before a separator or a colon. Such marks are left
 * out of the lines the readers see (as `blankLinkMarks` leaves out link numbers): blanked in `line.text`, space for
 * space, and cut off `trimmed` when they end it, so every offset still points into the input. The input is not changed.
 */

// One symbol (maybe with its variation selector), not an emoji shown as a picture; arrows (the arrow blocks, the
// dingbat arrows, the left and right triangles: "gutterlordz ▸ linda_r" names whom a post answers) and the header
// separators are read by the readers themselves.
const MARK = /^(?![\p{Emoji_Presentation}←-⇿⟰-⟿⤀-⥿➔-➿▶-◅•·∙⋅|>›»<‹«])[\p{So}\p{Sm}]\u{FE0F}?$/u;
const NAME_PART = /\p{L}/u;
// What may stand before a page's badge: one handle-like token ("kev_92", "@ana", "Tom"), or two to four words each
// opening with a capital ("Karen Doyle", "Anna de Vries": short lower-case particles inside), never words of a sentence
// ("Thanks for the update ☺", "Good news for the kids ☺": a smiley two posters end their text with is theirs).
const HANDLE = /^@?[\p{L}\p{N}_.'’-]+$/u;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const PARTICLE = /^\p{Ll}{1,3}$/u;

/** Whether `words` (the words before a mark) have the shape of a poster's name. */
function nameShaped(words: readonly string[]): boolean {
  if (words.length === 1) return HANDLE.test(words[0]!);
  if (words.length > 4 || !NAME_WORD.test(words[0]!) || !NAME_WORD.test(words[words.length - 1]!)) return false;
  return words.every((w) => NAME_WORD.test(w) || PARTICLE.test(w));
}

interface MarkAt {
  line: number;
  /** Offset of the mark in the line's text, and its length. */
  at: number;
  length: number;
  /** The mark ends the line's content. */
  last: boolean;
}

/** The mark after the name on a line (its place), and the words before it; null when the line has none. */
function markOf(line: Line): { mark: string; name: string; place: MarkAt } | null {
  const t = line.trimmed;
  if (t.length < 3 || t.length > 4000) return null;
  // ("Tom ★: first words…": the text may follow on the line; only the first words are looked at.)
  const words = t.split(' ', 9);
  for (let k = 1; k < words.length && k <= 6; k++) {
    const w = words[k]!;
    const bare = w.endsWith(':') ? w.slice(0, -1) : w;
    if (bare.length === 0 || bare.length > 3 || !MARK.test(bare)) continue;
    const next = words[k + 1];
    // (An empty word is a gap of two spaces or more, a column break.)
    const closes = next === undefined || next === '' || w.endsWith(':') || /^[•·|∙⋅–—-]$/.test(next);
    const name = words.slice(0, k).join(' ');
    if (!closes || !NAME_PART.test(name) || name.length > 48 || !nameShaped(words.slice(0, k))) return null;
    const offset = line.contentStart - line.start + words.slice(0, k).join(' ').length + 1;
    return { mark: bare, name, place: { line: line.index, at: offset, length: bare.length, last: next === undefined && !w.endsWith(':') } };
  }
  return null;
}

/** The lines with a page's badge marks left out (see the module comment), or the same lines when the page has none. */
export function blankBadgeMarks(lines: Line[]): Line[] {
  const seen = new Map<string, { names: Set<string>; places: MarkAt[] }>();
  for (const line of lines) {
    if (!line.trimmed.includes(' ')) continue;
    const found = markOf(line);
    if (found === null) continue;
    const entry = seen.get(found.mark) ?? { names: new Set<string>(), places: [] };
    seen.set(found.mark, entry);
    entry.names.add(found.name);
    entry.places.push(found.place);
  }
  const out = lines.slice();
  let changed = false;
  for (const { names, places } of seen.values()) {
    if (names.size < 2) continue;
    for (const p of places) {
      const line = out[p.line]!;
      const text = line.text.slice(0, p.at) + ' '.repeat(p.length) + line.text.slice(p.at + p.length);
      const trimmedEnd = p.last ? text.trimEnd().length : null;
      out[p.line] =
        trimmedEnd === null
          ? { ...line, text, fields: undefined }
          : {
              ...line,
              text,
              fields: undefined,
              contentEnd: line.start + trimmedEnd,
              trimmed: line.text.slice(line.contentStart - line.start, trimmedEnd),
            };
      changed = true;
    }
  }
  return changed ? out : lines;
}
