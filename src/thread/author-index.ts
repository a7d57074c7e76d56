/** Earlier authors by lower-cased name, with their latest post, for linear look-ups while walking a thread. */
export class AuthorIndex {
  private readonly latest = new Map<string, { postId: string; index: number; depth: number }>();
  private readonly names: string[] = [];
  /** Account handles ("jobrennan") → the lower-cased display name they belong to. */
  private readonly handles = new Map<string, string>();
  /** Compacted names ("johnsmith") → the lower-cased name, or null when two names compact alike. */
  private readonly compacted = new Map<string, string | null>();
  /** Handles a post opened with ("@chronicle …") before anyone of that name or handle had posted. */
  private readonly addressedAhead = new Set<string>();

  /**
   * Records that `author` wrote post `postId` (later calls win); `handle` is the account handle shown with
   * the name, if any ("Jo Brennan" writing as "@jobrennan"), so that a mention of the handle finds the post.
   */
  add(author: string | null, postId: string, index: number, depth: number, handle?: string | null): void {
    if (!author) return;
    const key = author.toLowerCase();
    if (!this.latest.has(key)) {
      this.names.push(key);
      const compact = compactName(key);
      if (compact.length >= MIN_COMPACT) this.compacted.set(compact, this.compacted.has(compact) && this.compacted.get(compact) !== key ? null : key);
    }
    this.latest.set(key, { postId, index, depth });
    if (handle) {
      const h = handle.toLowerCase();
      if (h !== key && !this.handles.has(h)) this.handles.set(h, key);
    }
  }

  /** The latest post by `name` (or by the account with that handle), case-insensitive. */
  get(name: string): { postId: string; index: number; depth: number } | undefined {
    const key = name.toLowerCase();
    const found = this.latest.get(key);
    if (found) return found;
    const owner = this.handles.get(key);
    return owner === undefined ? undefined : this.latest.get(owner);
  }

  /**
   * The latest post by the one earlier author whose name, reduced to lower-case letters and digits, is
   * `handle` reduced the same way ("@JohnSmith", "@john_smith" → "John Smith"); at least 4 characters, and
   * undefined when no author or several authors reduce alike.
   */
  byCompactName(handle: string): { postId: string; index: number; depth: number } | undefined {
    const compact = compactName(handle.toLowerCase());
    if (compact.length < MIN_COMPACT) return undefined;
    const key = this.compacted.get(compact);
    return key ? this.latest.get(key) : undefined;
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
   * The longest known author name (or handle) that `text` starts with at `at` (followed by a non-word
   * character), e.g. "@Keita Nakamura, you ..." → "keita nakamura". Looks at most at 6 words (a phone number
   * shown for an unsaved contact, "+34 612 48 90 17", is five).
   */
  longestPrefix(text: string, at: number): string | undefined {
    let best: string | undefined;
    let end = at;
    for (let words = 0; words < 6 && end < text.length; words++) {
      while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
      const candidate = text.slice(at, end).toLowerCase();
      const trimmed = trimPunctuationEnd(candidate);
      // "@Harold B. 2019 is…": a name may end in an initial's period.
      if (this.has(trimmed)) best = trimmed;
      else if (candidate !== trimmed && this.has(candidate)) best = candidate;
      if (end >= text.length || text[end] !== ' ') break;
      end++;
    }
    return best;
  }

  /** Records that a post opened with "@`handle`" while no earlier post was by that name or handle. */
  noteAddressedAhead(handle: string): void {
    this.addressedAhead.add(handle.toLowerCase());
  }

  /**
   * Was `key` (a name or handle as `longestPrefix` gives it) addressed with "@" before its owner posted? Then it is the
   * thread's root account (a Mastodon or Bluesky story's poster, whom every reply to the story mentions first), and a
   * later post opening with it answers the story, not that account's own reply (session 29).
   */
  wasAddressedAhead(key: string): boolean {
    return this.addressedAhead.has(key.toLowerCase());
  }

  private has(key: string): boolean {
    return this.latest.has(key) || this.handles.has(key);
  }
}

/** Shortest compacted name that `byCompactName` matches: shorter ones ("al", "jo") match too much. */
const MIN_COMPACT = 4;

/** Lower-case letters and digits of `lower` only ("john_smith", "john smith" → "johnsmith"). */
function compactName(lower: string): string {
  let out = '';
  for (const c of lower) if (/[\p{L}\p{N}]/u.test(c)) out += c;
  return out;
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
