/**
 * Squeezes every run of three or more of the same letter to `keep` copies ("soooo" -> "soo" with 2,
 * "so" with 1); other characters and shorter runs are kept. One linear pass over code points: the
 * backreference regex `/(\p{L})\1{2,}/gu` it replaces overflowed the stack on a few million repeated letters.
 */
export function squeezeLetterRuns(word: string, keep: 1 | 2): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const cp = word.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    let j = i + ch.length;
    let count = 1;
    while (j < word.length && word.startsWith(ch, j)) {
      j += ch.length;
      count++;
    }
    out += count >= 3 && LETTER.test(ch) ? ch.repeat(keep) : word.slice(i, j);
    i = j;
  }
  return out;
}

const LETTER = /^\p{L}$/u;
