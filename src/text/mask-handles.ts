/**
 * Blanks out "@handle" tokens (the "@" and the word characters after it) with spaces of the same length, so
 * classifiers do not read a user name as a figure ("@TrainSpotter_42"), an insult or a sentiment word, while
 * every offset stays the same.
 *
 * `names`: the names the thread resolved after an "@" in this text (`Post.mentions`). A name of several words
 * ("@Dana Greene") is blanked whole, not only its first word, so "Greene" does not open the sentence the
 * classifiers read. A name is blanked only right after an "@" that does not follow a word character (not an
 * e-mail address) and only when a letter or digit does not run on after it.
 */
export function maskHandles(text: string, names: readonly string[] = []): string {
  if (!text.includes('@')) return text;
  let out = text;
  const spaced = names.filter((name) => /\s/.test(name));
  if (spaced.length > 0) {
    // Longest first, so "@Ana Lima Costa" is not cut at "Ana Lima".
    const ordered = [...new Set(spaced)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const name of ordered) {
      const needle = `@${name}`;
      let at = out.indexOf(needle);
      let guard = 0;
      while (at >= 0 && guard++ < 100) {
        const end = at + needle.length;
        const before = at > 0 ? out[at - 1]! : ' ';
        const after = end < out.length ? out[end]! : ' ';
        if (!/[\p{L}\p{N}_.]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) out = out.slice(0, at) + ' '.repeat(needle.length) + out.slice(end);
        at = out.indexOf(needle, end);
      }
    }
  }
  return out.replace(/(^|[^\p{L}\p{N}_.])@[\p{L}\p{N}_.-]+/gu, (m, before: string) => before + ' '.repeat(m.length - before.length));
}

/** The names of `mentions` worth blanking whole (see `maskHandles`). */
export function mentionNames(mentions: readonly { readonly name: string }[] | undefined): string[] {
  return mentions ? mentions.map((m) => m.name) : [];
}
