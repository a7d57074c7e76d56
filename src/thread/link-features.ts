import { contentWords } from '../text/words.js';

/**
 * The features of the learned reply link (session 31, links31; docs/dump-styles.md "Session 31 (links31)"): on a page
 * that shows no nesting, for a post the cues leave top level, each earlier post in a window is a candidate parent, and a
 * pairwise logistic model (src/thread/reply-link.model.json) scores how likely the post answers it. Read by the shipped
 * link (resolve-parents.ts) and by the script that fits the model (scripts/train/train-reply-link.ts) on the same posts,
 * so the two cannot drift (test/model-hash.test.ts).
 */

/** What the features read of a post: the output post has all of it, so the fitting script reads the analysis itself. */
export interface LinkPost {
  id: string;
  text: string;
  author: string | null;
  removed: boolean;
  parentId: string | null;
  sentences: ReadonlyArray<{ text: string }>;
  meta: { timestamp: string | null };
}

/** Earlier posts by someone else (or removed) a post may answer, nearest first. */
export const LINK_WINDOW = 6;

/** How far back the candidates are looked for (a writer's run of their own posts is skipped, up to this many posts). */
const LOOK_BACK = 50;

/** What the features read of the whole thread, computed once per posts array (a 10,000-post flat dump stays linear). */
interface ThreadFacts {
  byId: Map<string, number>;
  /** Per post, the index of its writer's latest earlier post, or -1. */
  previousOwn: Int32Array;
  /** Posts opening with a lower-case letter. */
  lowerPosts: number;
}

/**
 * (Session 38, links38) The pair features added to links31's: the post greeting or naming the candidate's writer in
 * its opening, three words of the candidate repeated in a row, an answer under a question (the candidate asks, the post
 * does not), the candidate being the page's opening post, how many posts back it is, how many replies it has drawn so
 * far, and another earlier writer named in the post (then it answers that writer, not this candidate). The fitting
 * script can drop them to measure links31's set alone.
 */
export const SESSION38_FEATURES: ReadonlySet<string> = new Set([
  'namesAuthorOpening',
  'threeGram',
  'answersQuestion',
  'candidateOpening',
  'distance',
  'candidateReplied',
  'namesOther',
]);

const factsMemo = new WeakMap<readonly LinkPost[], ThreadFacts>();

function threadFacts(posts: readonly LinkPost[]): ThreadFacts {
  let facts = factsMemo.get(posts);
  if (facts === undefined) {
    const byId = new Map<string, number>();
    const previousOwn = new Int32Array(posts.length).fill(-1);
    const latest = new Map<string, number>();
    let lowerPosts = 0;
    posts.forEach((p, k) => {
      byId.set(p.id, k);
      if (p.author !== null) {
        previousOwn[k] = latest.get(p.author) ?? -1;
        latest.set(p.author, k);
      }
      if (/^\p{Ll}/u.test(p.text)) lowerPosts++;
    });
    factsMemo.set(posts, (facts = { byId, previousOwn, lowerPosts }));
  }
  return facts;
}

/** One candidate parent and its named feature values. */
export interface LinkCandidate {
  index: number;
  features: Array<readonly [string, number]>;
  /** The words of the post that the candidate has too and the article has not (the evidence shown). */
  shared: string[];
}

// A second-person word: "you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll".
const SECOND_PERSON = /\b(?:you['\u2019](?:re|ve|d|ll)|yourself|yours|your|you)\b/i;
const NUMBER = /\d+(?:[.,]\d+)?/g;

// "7h", "6 hours ago", "5 hrs ago", "2 days ago": a post's age as the page shows it, relative to when it was copied.
const RELATIVE_AGE = /^(\d{1,4}) ?(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)(?: ago)?$/i;
const MINUTES: Record<string, number> = { s: 1 / 60, m: 1, h: 60, d: 1440, w: 10080, mo: 43200, y: 525600 };

/** A relative timestamp's age in minutes, else null (a date, a clock time or nothing: not compared). */
export function relativeAge(timestamp: string | null): number | null {
  const m = timestamp === null ? null : RELATIVE_AGE.exec(timestamp.trim());
  if (!m) return null;
  const unit = m[2]!.toLowerCase();
  const key = unit.startsWith('mo') ? 'mo' : unit.startsWith('mi') ? 'm' : unit[0]!;
  return Number(m[1]) * MINUTES[key]!;
}

/** Word n-grams of a text, lower case, for a quote-like overlap (4-grams; 3-grams since session 38). */
function wordGrams(text: string, n = 4): Set<string> {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w.length > 0);
  const out = new Set<string>();
  for (let k = 0; k + n <= words.length; k++) out.add(words.slice(k, k + n).join(' '));
  return out;
}

/**
 * The earlier author's name written in the post as a word, case as the author writes it: the whole name (four letters
 * or more), or its first word when that is capitalised ("Tim" of "Tim Hales"; a lower-case nick's first word, "deniz"
 * of "deniz feneri", is a word of the language too).
 */
function namesAuthor(text: string, author: string): boolean {
  const first = author.split(/\s+/)[0]!;
  for (const name of [author, first]) {
    if (name === author ? name.length < 4 : name.length < 3 || !/^\p{Lu}/u.test(name)) continue;
    let at = text.indexOf(name);
    while (at >= 0) {
      const before = at > 0 ? text[at - 1]! : ' ';
      const after = text[at + name.length] ?? ' ';
      if (!/[\p{L}\p{N}_]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) return true;
      at = text.indexOf(name, at + 1);
    }
  }
  return false;
}

/**
 * The candidate parents of post `i` (up to {@link LINK_WINDOW} earlier posts by someone else or removed, nearest
 * first) with their features. `articleWords`: the article's content words (a word a comment shares with the story does
 * not tie it to another comment). `leftByCues` (default true): the post is one every cue left top level, as every post
 * the shipped link scores is; the fitting script also reads the posts a cue or the layout linked (false), whose pairs
 * teach the other weights from ten times the rows while this one feature keeps the bias of the posts left over.
 */
export function linkCandidates(i: number, posts: readonly LinkPost[], articleWords: ReadonlySet<string>, leftByCues = true): LinkCandidate[] {
  const post = posts[i]!;
  const out: LinkCandidate[] = [];
  if (post.removed || post.text.length === 0) return out;
  const firstText = post.sentences[0]?.text ?? post.text;
  const opening = post.sentences.slice(0, 2).map((s) => s.text).join(' ') || post.text;
  const you = SECOND_PERSON.test(firstText);
  const asks = post.text.includes('?');
  const mineAll = new Set(contentWords(post.text));
  const mineOpen = new Set(contentWords(opening));
  const myNumbers = new Set(post.text.match(NUMBER) ?? []);
  const myGrams = wordGrams(post.text);
  const myTrigrams = wordGrams(post.text, 3);
  const words = post.text.split(/\s+/).filter((w) => w.length > 0).length;
  const { byId, previousOwn, lowerPosts } = threadFacts(posts);
  // The post's opening (its first six words): a name there greets or answers its writer ("Tom, …", "Thanks Ana …").
  const greeting = firstText.split(/\s+/).slice(0, 6).join(' ');
  // Earlier writers (not the post's own) named anywhere in the post, and the replies each earlier post has drawn so far.
  const named = new Set<string>();
  const repliesTo = new Map<number, number>();
  for (let k = Math.max(0, i - LOOK_BACK); k < i; k++) {
    const a = posts[k]!.author;
    if (a !== null && a !== post.author && !named.has(a) && namesAuthor(post.text, a)) named.add(a);
    const up = posts[k]!.parentId === null ? undefined : byId.get(posts[k]!.parentId!);
    if (up !== undefined) repliesTo.set(up, (repliesTo.get(up) ?? 0) + 1);
  }
  // The post's writer's latest earlier post, when it is near (8 posts back at most): a candidate after it may be answering
  // them (a conversation going on). A writer's post far up a long page says nothing of the posts just above.
  const own = previousOwn[i]!;
  const mineBefore = own >= 0 && i - own <= 8 ? own : -1;
  const myAge = relativeAge(post.meta.timestamp);
  // A post opening in lower case where most of the page's posts open capitalised (a quick answer typed in a chain of
  // replies); on a page that writes everything in lower case it says nothing.
  const lower = /^\p{Ll}/u.test(post.text) && lowerPosts * 2 < posts.length;
  let rank = 0;
  for (let k = i - 1; k >= 0 && k >= i - LOOK_BACK && rank < LINK_WINDOW; k--) {
    const c = posts[k]!;
    // A removed post is a candidate too (a moderator's "Removed. Rule 1 …" answers it), with nothing to compare but its place.
    if (c.removed) {
      rank++;
      const f: Array<readonly [string, number]> = [[`rank:${Math.min(rank, 4)}`, 1], ['candidateRemoved', 1]];
      if (leftByCues) f.push(['leftByCues', 1]);
      out.push({ index: k, features: f, shared: [] });
      continue;
    }
    if (c.author === null || c.author === post.author) continue;
    rank++;
    const theirs = new Set(contentWords(c.text));
    const shared = [...mineAll].filter((w) => theirs.has(w) && !articleWords.has(w));
    const sharedOpen = [...mineOpen].filter((w) => theirs.has(w) && !articleWords.has(w)).length;
    const sharedAny = [...mineAll].filter((w) => theirs.has(w)).length;
    const f: Array<readonly [string, number]> = [];
    f.push([`rank:${Math.min(rank, 4)}`, 1]);
    if (leftByCues) f.push(['leftByCues', 1]);
    if (shared.length > 0) f.push(['sharedNotArticle', Math.log1p(shared.length)]);
    if (sharedOpen > 0) f.push(['sharedOpening', Math.log1p(sharedOpen)]);
    if (sharedAny > 0) f.push(['sharedAny', Math.log1p(sharedAny)]);
    if (you) f.push(['you', 1]);
    if (you && rank === 1) f.push(['you&rank:1', 1]);
    if (you && sharedOpen > 0) f.push(['you&sharedOpening', 1]);
    if (namesAuthor(post.text, c.author)) f.push(['namesAuthor', 1]);
    let gram = false;
    for (const g of wordGrams(c.text)) if (myGrams.has(g)) { gram = true; break; }
    if (gram) f.push(['fourGram', 1]);
    if (c.text.includes('?')) f.push(['candidateAsks', 1]);
    if (/\?\s*$/.test(c.text)) f.push(['candidateEndsAsking', 1]);
    if (asks) f.push(['asks', 1]);
    let number = false;
    for (const n of c.text.match(NUMBER) ?? []) if (myNumbers.has(n)) { number = true; break; }
    if (number) f.push(['number', 1]);
    const up = c.parentId === null ? undefined : byId.get(c.parentId);
    // (byId holds every post; a parent is always earlier than its reply.)
    if (up !== undefined && posts[up]!.author === post.author) f.push(['answersBack', 1]);
    if (mineBefore >= 0 && mineBefore < k) f.push(['afterMine', 1]);
    if (mineBefore >= 0 && mineBefore < k && rank === 1) f.push(['afterMine&rank:1', 1]);
    // A post the page shows as written before the candidate cannot answer it (a page sorted by votes, or by threads).
    const theirAge = relativeAge(c.meta.timestamp);
    if (myAge !== null && theirAge !== null && theirAge < myAge) f.push(['candidateNewer', 1]);
    if (lower) f.push(['startsLower', 1]);
    if (namesAuthor(greeting, c.author)) f.push(['namesAuthorOpening', 1]);
    if (!named.has(c.author) && named.size > 0) f.push(['namesOther', 1]);
    let trigram = false;
    for (const g of wordGrams(c.text, 3)) if (myTrigrams.has(g)) { trigram = true; break; }
    if (trigram) f.push(['threeGram', 1]);
    if (/\?\s*$/.test(c.text) && !asks) f.push(['answersQuestion', 1]);
    if (k === 0) f.push(['candidateOpening', 1]);
    f.push(['distance', Math.log1p(i - k - 1)]);
    const drawn = repliesTo.get(k) ?? 0;
    if (drawn > 0) f.push(['candidateReplied', Math.log1p(drawn)]);
    if (c.parentId === null) f.push(['candidateTop', 1]);
    if (words < 12) f.push(['short', 1]);
    if (words >= 60) f.push(['long', 1]);
    out.push({ index: k, features: f, shared });
  }
  return out;
}
