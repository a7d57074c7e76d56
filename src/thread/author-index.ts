/** Earlier authors by lower-cased name, with their latest post, for linear look-ups while walking a thread. */
export class AuthorIndex {
  private readonly latest = new Map<string, { postId: string; index: number; depth: number }>();
  private readonly names: string[] = [];

  /** Records that `author` wrote post `postId` (later calls win). */
  add(author: string | null, postId: string, index: number, depth: number): void {
    if (!author) return;
    const key = author.toLowerCase();
    if (!this.latest.has(key)) this.names.push(key);
    this.latest.set(key, { postId, index, depth });
  }

  /** The latest post by `name`, case-insensitive. */
  get(name: string): { postId: string; index: number; depth: number } | undefined {
    return this.latest.get(name.toLowerCase());
  }

  /**
   * The latest post by the one earlier author whose first name is `first` ("Margaret" → "Margaret Dunne");
   * undefined when no author or several authors have that first name.
   */
  byFirstName(first: string): { postId: string; index: number; depth: number } | undefined {
    const key = `${first.toLowerCase()} `;
    let found: string | undefined;
    for (const name of this.names) {
      if (!name.startsWith(key)) continue;
      if (found !== undefined) return undefined;
      found = name;
    }
    return found === undefined ? undefined : this.latest.get(found);
  }

  /**
   * The longest known author name that `text` starts with at `at` (followed by a non-word character),
   * e.g. "@Keita Nakamura, you ..." → "keita nakamura". Looks at most at 4 words.
   */
  longestPrefix(text: string, at: number): string | undefined {
    let best: string | undefined;
    let end = at;
    for (let words = 0; words < 4 && end < text.length; words++) {
      while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
      const candidate = text.slice(at, end).toLowerCase();
      const trimmed = trimPunctuationEnd(candidate);
      // "@Harold B. 2019 is…": a name may end in an initial's period.
      if (this.latest.has(trimmed)) best = trimmed;
      else if (candidate !== trimmed && this.latest.has(candidate)) best = candidate;
      if (end >= text.length || text[end] !== ' ') break;
      end++;
    }
    return best;
  }
}

/** `text` without trailing `.,:;!?`; a loop, as `/[.,:;!?]+$/` is quadratic on a long run of dots. */
function trimPunctuationEnd(text: string): string {
  let end = text.length;
  while (end > 0 && '.,:;!?'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

function isBreak(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
