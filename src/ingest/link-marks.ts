import type { Line } from './lines.js';

/**
 * A text-mode browser's dump (lynx -dump) numbers every link in brackets glued to the link's text
 * ("[10]Γιώργος Κ. · πριν από 3 ώρες", "[11]Reply [12]Report") and lists the addresses under "References" at the end.
 * The marks are not the page's words: a name read from "[10]Γιώργος Κ." is "Γιώργος Κ.". This step leaves the mark
 * that opens a line out of the line's content (the readers see the name), so that every offset still points into the
 * input; a line's indent stays the white space before the mark (the dump's nesting). The input is not changed.
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

/**
 * The lines with the link mark that opens a line left out of its content ("[10]Γιώργος Κ." reads "Γιώργος Κ.", its
 * content starting after the mark), or the same lines when the dump has no numbered links. The fields the header and
 * footer readers split (`line.text`) have every mark blanked, space for space ("[11]Reply [12]Report" reads as two
 * labels); a line's content (`trimmed`) stays a slice of the input.
 */
export function blankLinkMarks(lines: Line[]): Line[] {
  if (!numbersLinks(lines)) return lines;
  return lines.map((line) => {
    if (!line.text.includes('[')) return line;
    const text = line.text.replace(MARK, (m) => ' '.repeat(m.length));
    if (text === line.text || text.trim().length === 0) return line;
    const lead = /^\[\d{1,4}\](?=\S)/.exec(line.trimmed);
    if (!lead) return { ...line, text };
    return { ...line, text, contentStart: line.contentStart + lead[0].length, trimmed: line.trimmed.slice(lead[0].length) };
  });
}

/**
 * "[1]Αρχική [2]Ελλάδα [3]Πολιτική": in a dump that numbers its links, a line holding a link mark after its first word
 * (two links or more) is a row of links, a menu: never the headline.
 */
export function isLinkRow(line: Line): boolean {
  return line.trimmed.includes('[') && !line.text.includes('[') && /\S\s*\[\d{1,4}\]\S/.test(line.trimmed);
}
