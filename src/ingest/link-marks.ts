import type { Line } from './lines.js';

/**
 * A text-mode browser's dump (lynx -dump) numbers every link in brackets glued to the link's text
 * ("[10]Γιώργος Κ. · πριν από 3 ώρες", "[11]Reply [12]Report") and lists the addresses under "References" at the end.
 * The marks are not the page's words: a name read from "[10]Γιώργος Κ." is "Γιώργος Κ.". This step blanks them in
 * the lines the readers see, character for character, so that every offset still points into the input; a line's
 * indent stays the white space before its first mark (the dump's nesting). The input's own text is not changed.
 */
const MARK = /\[\d{1,4}\](?=\S)/g;

/** True when the dump numbers its links: eight marks or more, nearly all higher than the one before. */
function numbersLinks(lines: readonly Line[]): boolean {
  let marks = 0;
  let rising = 0;
  let last = 0;
  for (const line of lines) {
    if (!line.trimmed.includes('[')) continue;
    for (const m of line.trimmed.matchAll(MARK)) {
      const n = Number(m[0].slice(1, -1));
      marks++;
      if (n > last) rising++;
      last = n;
    }
  }
  return marks >= 8 && rising * 10 >= marks * 9;
}

/** The lines with their link marks blanked, or the same lines when the dump has no numbered links. */
export function blankLinkMarks(lines: Line[]): Line[] {
  if (!numbersLinks(lines)) return lines;
  return lines.map((line) => {
    if (!line.trimmed.includes('[')) return line;
    const masked = line.trimmed.replace(MARK, (m) => ' '.repeat(m.length));
    if (masked === line.trimmed || masked.trim().length === 0) return line;
    const lead = masked.length - masked.trimStart().length;
    const trimmed = masked.trim();
    const contentStart = line.contentStart + lead;
    const text = line.text.slice(0, line.contentStart - line.start) + masked + line.text.slice(line.contentEnd - line.start);
    return { ...line, text, contentStart, contentEnd: contentStart + trimmed.length, trimmed };
  });
}
