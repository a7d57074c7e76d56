import { isBlank, type Line } from '../ingest/lines.js';
import type { RawPost } from '../ingest/types.js';
import { pushAll } from '../arrays.js';
import { readAttribution } from '../ingest/styles/mail.js';
import { nameKey } from './author-index.js';

/** A quote box's label alone on its line, over the attribution ("Quote:", "Zitat:", "Citat:"). */
export const QUOTE_LABEL = /^\p{L}{2,20}:$/u;

const BB_OPEN = /^\[quote(?:=["“]?([^",\]]{1,60})[^\]]{0,80})?\]$/i;
const BB_CLOSE = /\[\/quote\]$/i;
// "Quote from gullwing:", "Quote from: ann on March 9, 2026", "Quoting ann:", "Originally Posted by ann",
// "alexp said:", "ann wrote:": a line naming whose words follow (checked against the earlier authors).
// "ann wrote: ↑Sat Dec 05, 2026 8:37 am": a forum (phpBB) prints the quoted post's time after an arrow linking to it.
// "Zitat von ann", "Citation de ann", "Cita de ann", "Citazione di ann", "Citaat van ann": the same label in German,
// French, Spanish, Italian and Dutch.
// "On 02/12/2026 at 19:02, ann said:", "On Dec 2, 2026 at 7:02 PM, ann wrote:" (session 34): the quoted post's date and
// clock before the name, as a community forum's quote box and a mail client print it.
const ATTRIBUTION = /^(?:(?:quote from|quoting|originally posted by|quote originally posted by|zitat von|citation de|cita de|citazione di|citaat van)\s?:?\s([^\s:](?:[^:]{0,38}[^\s:])?)(?:\s+on\s[^:]{1,60}(?::\d\d){0,2}(?:\s?[ap]m)?)?\s?:?|([^\s:](?:[^:]{0,38}[^\s:])?)\s(?:said|wrote|writes|says)\s?:(?:\s?↑\s?\S.{2,50})?|on\s[^:,]{3,30}(?:,\s?\d{4})?(?:\sat\s\d{1,2}:\d\d(?:\s?[ap]m)?)?,\s([^\s:,](?:[^:,]{0,38}[^\s:,])?)\s(?:said|wrote)\s?:)$/i;

/** "Zitat von ann", "Originally Posted by ann", "ann wrote:": a quote's attribution line. */
export function isQuoteAttribution(trimmed: string): boolean {
  return trimmed.length <= 120 && ATTRIBUTION.test(trimmed);
}

// "harbourlinenews:": a handle alone with its colon (one token), over what it wrote.
const BARE_ATTRIBUTION = /^@?[\p{L}\p{N}_.-]{2,40}:$/u;
// 'Paul wrote: "The council chapters were…"': the attribution and the quoted words on one line, in quotation marks
// (a review site's comments), then a blank line and the post's own text.
const INLINE_ATTRIBUTION = /^([^\s:"“](?:[^:"“]{0,38}[^\s:"“])?)\s(?:said|wrote|writes|says)\s?:\s?["“](\S.{1,600})["”]$/i;

// "Click to expand...", "Tap to expand", "Expand": the control a forum's quote box prints under a long quote.
const QUOTE_EXPANDER = /^(?:(?:click|tap) (?:here )?to )?(?:expand|see more|show more)(?:\.\.\.|…|\.)?$/i;

// "SteveTheRiveter: Bail them out…": a name of one to three words, a colon, a space and the words quoted.
const NAMED_QUOTE_LINE = /^(@?[\p{L}\p{N}_.-]{2,40}(?: [\p{L}\p{N}_.-]{1,20}){0,2}): (\S.{11,})$/u;

/** The name before the colon of a line shaped as a one-line quote (`NAMED_QUOTE_LINE`), without its "@"; else null. */
function quoteLineName(trimmed: string): string | null {
  return NAMED_QUOTE_LINE.exec(trimmed)?.[1]!.replace(/^@/, '') ?? null;
}

/**
 * Is the line a one-line quote: an earlier poster named before the colon (the whole name), and the words after it, at
 * least three and twelve characters, words that poster wrote?
 */
function isNamedQuoteLine(trimmed: string, earlierAuthors: ReadonlySet<string>, saidBy: (who: string) => string): boolean {
  const m = NAMED_QUOTE_LINE.exec(trimmed);
  if (!m) return false;
  const who = nameKey(m[1]!.replace(/^@/, ''));
  const words = normalise(m[2]!);
  if (!earlierAuthors.has(who) || words.split(' ').length < 3) return false;
  return saidBy(who).includes(words);
}

/** The poster an attribution names, among the earlier posters: the whole name, or the first name of one. */
function namesEarlier(who: string, earlierAuthors: ReadonlySet<string>): boolean {
  const w = nameKey(who);
  if (earlierAuthors.has(w)) return true;
  if (w.includes(' ')) return false;
  for (const a of earlierAuthors) if (a.startsWith(`${w} `)) return true;
  return false;
}

/**
 * "Ursprungligen postat av Ekonomen", under "Citat:" or not: a short line (two to seven words, no sentence end) whose
 * last word is an earlier poster's name (one word, a handle), or any handle under a label; its index in `body`, the
 * name lower-cased and whether it is an earlier poster's.
 */
function attributionAt(body: readonly Line[], k: number, earlierAuthors: ReadonlySet<string>): { at: number; who: string; earlier: boolean } | null {
  let at = k;
  // (Session 33: a label that is an earlier poster's name, "adeok:", is the bare attribution read below instead.)
  if (QUOTE_LABEL.test(body[k]!.trimmed) && earlierAuthors.has(body[k]!.trimmed.slice(0, -1).toLowerCase())) return null;
  if (QUOTE_LABEL.test(body[k]!.trimmed) && k + 1 < body.length) at = k + 1;
  // "Originally Posted by gymrat_78 View Post": the link to the quoted post after the name (vBulletin, session 25).
  const t = body[at]!.trimmed.replace(/ view post$/i, '');
  if (t.length > 80 || /[.!?]$/.test(t)) return null;
  const words = t.split(' ');
  if (words.length < 2 || words.length > 7) return null;
  const who = nameKey(words[words.length - 1]!.replace(/:$/, ''));
  // Any other last word only under a label ("Citat:"), where the lines below must be the story's own.
  if (earlierAuthors.has(who)) return { at, who, earlier: true };
  return at > k && /^[\p{L}\p{N}_.-]{2,40}$/u.test(who) ? { at, who, earlier: false } : null;
}

/**
 * {@link splitLeadingQuote} over a thread's posts in dump order, each rewritten in place: a quote's lines are looked
 * for in what the poster it names wrote before, and in `storyWords` (the article's normalised words, which a reblog
 * chain passes on under its poster's name; empty when they are not known).
 */
export function splitLeadingQuotes(posts: readonly RawPost[], storyWords = ''): void {
  const earlier = new Set<string>();
  // Each earlier poster's posts: a quote's lines are looked for in what that poster wrote (only when one names them).
  const postsBy = new Map<string, RawPost[]>();
  // Each named poster's joined text so far, extended by the posts added since it was last asked for: built once per
  // dump, not again on every quote that names them (a post's body is final once the loop has passed it).
  const joined = new Map<string, { count: number; text: string }>();
  const saidBy = (who: string, withStory = false): string => {
    const list = postsBy.get(who) ?? [];
    let said = joined.get(who);
    if (said === undefined) joined.set(who, (said = { count: 0, text: '' }));
    for (; said.count < list.length; said.count++) {
      const text = normalise(list[said.count]!.body.map((l) => l.trimmed).join(' '));
      said.text = said.count === 0 ? text : `${said.text} ${text}`;
    }
    const own = said.text;
    return withStory ? `${own} ${storyWords}` : own;
  };
  for (const r of posts) {
    if (!r.removed) splitLeadingQuote(r, earlier, saidBy);
    if (r.author) {
      const who = nameKey(r.author);
      earlier.add(who);
      let list = postsBy.get(who);
      if (list) list.push(r);
      else postsBy.set(who, (list = [r]));
      // (Session 33) "adeok:" over the lines it quotes: a forum's quote names the poster by the account's username,
      // shown under the display name ("Ade Okafor" / "adeok"); the username finds the same posts.
      const handle = r.handle ? nameKey(r.handle) : undefined;
      if (handle && handle !== who && !postsBy.has(handle)) {
        earlier.add(handle);
        postsBy.set(handle, list);
      }
    }
  }
}

/**
 * Moves the lines a post quotes at its top out of its text into `quoted` (and its raw lines): a run of
 * "> …" lines, a "[quote=…]…[/quote]" block, or lines indented deeper than the text under them (an
 * excerpt the page sets off), when the post has text of its own under them. They are the words answered,
 * not the post's own: `resolveParents` uses them to find the post whose words they are, and the reply cue's
 * span points at them.
 */
export function splitLeadingQuote(post: RawPost, earlierAuthors?: ReadonlySet<string>, saidBy?: (who: string, withStory?: boolean) => string): void {
  const body = post.body;
  let k = 0;
  while (k < body.length && isBlank(body[k]!)) k++;
  const first = body[k];
  if (!first) return;
  let end = -1;
  let name: string | null = null;
  // "On Fri, 4 Dec 2026 at 19:40, Jenny Okoro <jen…@gmail.com> wrote:" / "" / "> …": a bottom-posted e-mail's
  // attribution over the lines it quotes, in a list's web view (session 31): the quote is the named poster's.
  const mailed = readAttribution(first);
  let q = k + 1;
  while (mailed && q < body.length && isBlank(body[q]!)) q++;
  if (mailed && q < body.length && body[q]!.trimmed.startsWith('>')) {
    // (The attribution goes with the post's raw lines; the quote is the "> …" lines.)
    post.raw.push(first);
    k = q;
    end = q;
    while (end < body.length && (isBlank(body[end]!) || body[end]!.trimmed.startsWith('>'))) end++;
    name = mailed.name;
  } else if (first.trimmed.startsWith('>') && !/^>>\d/.test(first.trimmed)) {
    // (">>4821349": an imageboard's link to the post answered, not quoted words.)
    end = k;
    while (end < body.length && (isBlank(body[end]!) || body[end]!.trimmed.startsWith('>'))) end++;
  } else if (BB_OPEN.test(first.trimmed)) {
    name = BB_OPEN.exec(first.trimmed)![1] ?? null;
    for (let j = k; j < body.length && j < k + 60; j++) {
      if (BB_CLOSE.test(body[j]!.trimmed)) {
        end = j + 1;
        break;
      }
    }
  } else if (earlierAuthors && earlierAuthors.size > 0 && INLINE_ATTRIBUTION.test(first.trimmed)) {
    const who = INLINE_ATTRIBUTION.exec(first.trimmed)![1]!.trim();
    if (!namesEarlier(who, earlierAuthors) || k + 1 >= body.length || !isBlank(body[k + 1]!)) return;
    end = k + 1;
    name = who;
  } else if (saidBy && attributionAt(body, k, earlierAuthors ?? new Set()) !== null) {
    // "Citat:" / "Ursprungligen postat av Ekonomen" / the quoted line / the post's own text: in any language, a line
    // that ends with an earlier poster's name (maybe under a one-word label with its colon) over lines that poster wrote,
    // or with any name over the story's own words (its opening post's writer, who is no earlier poster).
    const { at, who, earlier } = attributionAt(body, k, earlierAuthors ?? new Set())!;
    const said = earlier ? saidBy(who) : saidBy('', true);
    let j = at + 1;
    while (j < body.length && j <= at + 12 && !isBlank(body[j]!) && normalise(body[j]!.trimmed).length >= 12 && said.includes(normalise(body[j]!.trimmed))) j++;
    if (j > at + 1) {
      end = j;
      name = earlier ? who : null;
      if (!earlier) post.quotedStory = true;
    }
  } else if (saidBy && BARE_ATTRIBUTION.test(first.trimmed)) {
    // "harbourlinenews:" / the quoted line / the post's own text: a handle alone with its colon over lines that handle
    // (or the story) wrote, as a reblog chain prints what it passes on.
    const who = first.trimmed.slice(0, -1);
    const key = nameKey(who);
    // A poster's own lines only when the handle names an earlier poster; the story's words under any handle.
    const earlier = earlierAuthors !== undefined && namesEarlier(who, earlierAuthors);
    const said = earlier ? saidBy(key, true) : saidBy('', true);
    const own = earlier ? saidBy(key) : '';
    let j = k + 1;
    let story = false;
    while (j < body.length && j <= k + 12 && !isBlank(body[j]!) && normalise(body[j]!.trimmed).length >= 12 && said.includes(normalise(body[j]!.trimmed))) {
      if (!own.includes(normalise(body[j]!.trimmed))) story = true;
      j++;
    }
    if (j > k + 1) {
      end = j;
      name = story ? null : who;
      if (story) post.quotedStory = true;
    }
  } else if (saidBy && earlierAuthors && isNamedQuoteLine(first.trimmed, earlierAuthors, saidBy)) {
    // (Session 41) "SteveTheRiveter: Bail them out, it's the only link…" over the post's own text: an earlier poster's
    // name, a colon and words that poster wrote, on one line (a link board's quote box, pasted): the quote.
    end = k + 1;
    name = quoteLineName(first.trimmed);
  } else if (earlierAuthors && earlierAuthors.size > 0 && first.trimmed.length <= 120 && ATTRIBUTION.test(first.trimmed)) {
    // "Quote from gullwing:" over the quoted lines, a blank line, then the post's own text: only when the
    // line names an earlier poster ("My doctor said:" over a quotation is the post's own text).
    const m = ATTRIBUTION.exec(first.trimmed)!;
    const who = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (!namesEarlier(who, earlierAuthors)) return;
    let j = k + 1;
    while (j < body.length && !isBlank(body[j]!) && j <= k + 12) j++;
    if (j > k + 1 && j <= k + 12 && j < body.length) {
      end = j;
      name = who;
    } else {
      // "Zitat von UweH_Kassel" / the quoted line / the post's own text, no blank line between: the quoted lines are
      // those the named poster wrote.
      const said = saidBy?.(nameKey(who)) ?? '';
      j = k + 1;
      while (j < body.length && j <= k + 12 && !isBlank(body[j]!) && normalise(body[j]!.trimmed).length >= 12 && said.includes(normalise(body[j]!.trimmed))) j++;
      if (j > k + 1) {
        end = j;
        name = who;
      }
    }
  } else {
    // An excerpt set off by indentation: the first line stands deeper than the post's first unindented line.
    let j = k;
    while (j < body.length && (isBlank(body[j]!) || body[j]!.indent >= first.indent)) j++;
    if (j < body.length && first.indent >= body[j]!.indent + 2 && j - k <= 12) end = j;
  }
  if (end < 0) return;
  // "Click to expand...": a forum's quote box prints its expand control under the quoted lines; it closes the quote.
  if (end < body.length && QUOTE_EXPANDER.test(body[end]!.trimmed)) end++;
  let rest = end;
  while (rest < body.length && isBlank(body[rest]!)) rest++;
  if (rest >= body.length) return;
  post.quoted = body.slice(k, end).filter((l) => !isBlank(l));
  post.quotedName = name ? name.trim() : null;
  pushAll(post.raw, post.quoted);
  post.body = body.slice(rest);
}

/** The quoted words without quote marks, tags and line breaks, lower-cased: what to look for in earlier posts. */
export function quotedText(lines: readonly Line[]): string {
  return normalise(
    lines
      .map((l) => l.trimmed.replace(/^(?:>\s?)+/, ''))
      .map((t, i) => (i === 0 ? t.replace(INLINE_ATTRIBUTION, '$2') : t))
      .filter((t, i) => !QUOTE_EXPANDER.test(t) && !BB_OPEN.test(t) && !/^\[\/quote\]$/i.test(t) && !(i === 0 && t.length <= 120 && ATTRIBUTION.test(t)))
      .map((t) => t.replace(BB_CLOSE, ''))
      .join(' '),
  );
}

/** Lower case, one space between words, no leading or trailing dots (a loop: an unanchored `[.…]+$` is quadratic). */
export function normalise(text: string): string {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  let a = 0;
  let b = t.length;
  while (a < b && ' .…'.includes(t[a]!)) a++;
  while (b > a && ' .…'.includes(t[b - 1]!)) b--;
  return t.slice(a, b);
}
