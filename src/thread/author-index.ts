/** A poster's name or handle as threads compare them: no leading "@", lower case ("@Ines" and "ines" are one poster). */
export function nameKey(name: string): string {
  return name.replace(/^@/, '').toLowerCase();
}

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
   * (Session 29) The latest post by the earlier author whose name `handle` spells in the way accounts are made up:
   * the handle, folded to lower-case letters and digits without accents (a run of digits at its end aside), is the
   * name's parts in order, each cut to a first piece of it or left out (`@danawhit` "Dana Whitfield", `@mprice` "Morgan
   * Price", `@priyasand` "Dr Priya Sand", `@olabergstrom` "Ola Bergström"), two parts at least or one whole. Of several
   * such authors, the one whose name the handle covers most (none when two cover it alike); never `exclude`'s. At least
   * 4 characters.
   */
  byHandleSpelling(handle: string, exclude: string | null): { postId: string; index: number; depth: number } | undefined {
    const folded = foldName(handle);
    // (a loop: `/[0-9]+$/` is quadratic on a long run of digits)
    let end = folded.length;
    while (end > 0 && folded.charCodeAt(end - 1) >= 48 && folded.charCodeAt(end - 1) <= 57) end--;
    const h = folded.slice(0, end);
    if (h.length < MIN_COMPACT) return undefined;
    let best: { key: string; cover: number; tied: boolean } | undefined;
    for (const key of this.names) {
      if (exclude !== null && key === exclude.toLowerCase()) continue;
      const parts = foldName(key, ' ').split(' ').filter((x) => x.length > 0);
      if (!spellsParts(h, parts, 0, 0, 0, false)) continue;
      const cover = h.length / parts.join('').length;
      if (!best || cover > best.cover + 1e-9) best = { key, cover, tied: false };
      else if (Math.abs(cover - best.cover) <= 1e-9) best.tied = true;
    }
    return best && !best.tied ? this.latest.get(best.key) : undefined;
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

/** Lower-case letters and digits of `name` without accents, other characters dropped (or made `gap`). */
function foldName(name: string, gap = ''): string {
  let out = '';
  for (const c of name.normalize('NFD').toLowerCase()) {
    if (/[\p{L}\p{N}]/u.test(c)) out += c;
    else if (gap !== '' && !/\p{M}/u.test(c)) out += gap;
  }
  return out;
}

/**
 * Whether `h` from `at` on is `parts` from `k` on, each cut to a first piece or left out (`pieces` used so far, `whole`:
 * one piece was a whole part): done when `h` is used up by two pieces or more, or by one whole part.
 */
function spellsParts(h: string, parts: readonly string[], at: number, k: number, pieces: number, whole: boolean, seen = new Set<string>()): boolean {
  if (at === h.length) return pieces >= 2 || (pieces === 1 && whole);
  // (a name of many short parts would make the search blow up: each state is tried once)
  const state = `${at} ${k} ${Math.min(pieces, 2)} ${whole}`;
  if (seen.has(state)) return false;
  seen.add(state);
  for (let j = k; j < parts.length; j++) {
    const part = parts[j]!;
    for (let len = Math.min(part.length, h.length - at); len >= 1; len--) {
      if (h.startsWith(part.slice(0, len), at) && spellsParts(h, parts, at + len, j + 1, pieces + 1, whole || len === part.length, seen)) return true;
    }
  }
  return false;
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
