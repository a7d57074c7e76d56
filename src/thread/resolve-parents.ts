import type { Message, Span } from '../schema/common.js';
import type { RawPost } from '../ingest/types.js';
import { contentWords } from '../text/words.js';
import { AuthorIndex, nameKey } from './author-index.js';
import { normalise, quotedText } from './split-quote.js';
import type { ThreadPost } from './build-posts.js';
import { linkLeftOverPosts } from './left-over-links.js';
import { chooseNamedParents } from './choose-named-parents.js';
import { chooseThreadReplies } from './choose-thread-replies.js';
import { linkConversationPage } from './conversation-page.js';

// The closed class of response words a post may open with ("Exactly.", "Technically, that's true.", "Thanks Wendy."),
// in two uses: `opener` before anything, where in a flat dump it makes the post a reply to the post before even without a
// name (RESPONSE_OPENER); `named` before an earlier poster's first name, where it answers that poster (THANKED_OPENING).
// One list so the two uses cannot drift apart; which entries serve which use is the only difference, and it is set here.
// Order matters for the opener's span: the regex takes the first alternative that ends on a word boundary.
const APOSTROPHE = "['\u2019]?";
const RESPONSE_WORDS: ReadonlyArray<{ words: string; opener: boolean; named: boolean; alone?: boolean }> = [
  { words: 'exactly', opener: true, named: false },
  { words: 'agreed', opener: true, named: false },
  { words: 'agree', opener: true, named: false },
  { words: 'true', opener: true, named: false },
  { words: 'so true', opener: true, named: false },
  { words: 'technically', opener: true, named: false },
  { words: 'correct', opener: true, named: false },
  { words: 'incorrect', opener: true, named: false },
  { words: 'wrong', opener: true, named: false },
  { words: 'nope', opener: true, named: false },
  { words: 'no', opener: true, named: false },
  { words: 'yes', opener: true, named: false },
  { words: 'yep', opener: true, named: false },
  { words: 'indeed', opener: true, named: false },
  { words: 'spot on', opener: true, named: false },
  { words: 'this(?=[.!])', opener: true, named: false },
  { words: 'well said', opener: true, named: true },
  { words: 'not really', opener: true, named: false },
  { words: 'not quite', opener: true, named: false },
  { words: 'not true', opener: true, named: false },
  { words: `that${APOSTROPHE}s (?:not )?(?:true|right|correct|wrong|false)`, opener: true, named: false },
  { words: 'that is (?:not )?(?:true|right|correct|wrong|false)', opener: true, named: false },
  { words: `you${APOSTROPHE}re right`, opener: true, named: true },
  { words: `you${APOSTROPHE}re (?:wrong|correct|mistaken)`, opener: true, named: false },
  { words: 'you are right', opener: false, named: true },
  { words: 'my mistake', opener: true, named: false },
  { words: 'fair point', opener: true, named: true },
  { words: 'good point', opener: true, named: true },
  { words: 'actually', opener: true, named: false },
  { words: 'nonsense', opener: true, named: false },
  { words: 'rubbish', opener: true, named: false },
  { words: 'quite right', opener: true, named: false },
  { words: 'absolutely', opener: true, named: false },
  // (Session 28) Thanks and concessions answer the post above as well as a poster named ("Thanks, but …", "Fair enough,
  // fourteen weeks."); so do sameness ("Same here.", "Same on our road."), an "OK," and an elliptical answer, a pronoun and
  // an auxiliary alone ("It doesn't, the train …", "It does.", "They won't,").
  { words: 'thanks', opener: true, named: true, alone: true },
  { words: 'thank you', opener: true, named: true, alone: true },
  { words: 'cheers', opener: true, named: true, alone: true },
  { words: 'fair enough', opener: true, named: true },
  { words: 'same(?: here| boat)?', opener: true, named: true, alone: true },
  { words: 'same (?:here|on|for|in|at|with)', opener: true, named: false },
  { words: 'ok(?:ay)?', opener: true, named: true, alone: true },
  { words: `(?:it|they|that|he|she|there) (?:is|was|are|were|do|does|did|will|would|can|could|has|have|had|should|won|isn|wasn|aren|weren|doesn|don|didn|wouldn|couldn|hasn|haven|hadn|shouldn)(?:${APOSTROPHE}t| not)?`, opener: true, named: false, alone: true },
];

// An interjection before the response ("Ha, you're right", "Oops, you're right", "ah You're right"): part of the opener.
const INTERJECTION = '(?:ah|ha|oops|hmm)[,!.]? ';

// A response opener in a flat dump: answers the post before, without a name.
// The words `alone` take punctuation right after them there ("Thanks, but …", "It does."): "Thanks for covering this" thanks the
// story, "It does seem …" is no answer.
const RESPONSE_OPENER = new RegExp(
  `^(?:${INTERJECTION})?(?:${RESPONSE_WORDS.filter((w) => w.opener).map((w) => (w.alone ? `${w.words}(?=[.,!:;])` : w.words)).join('|')})\\b[.,!:;]?`,
  'i',
);

const POINTS_BACK = /\b(?:the|that) (?:previous|last|preceding) (?:message|post|comment|reply)\b|\b(?:the|that) (?:message|post|comment|reply) above\b/i;

const SELF_REFERENCE = /\bmy (?:own |earlier |previous |last |first )?(?:comment|post|message|reply)\b|^(?:typo|correction|oops|edit|scratch that)\b/i;


// A name (no space in it) with an honorific glued after it, at the start of a post.
const HONORIFIC_START = /^(\S{1,40}?)(?:さん|さま|様|君|くん|ちゃん|氏|님|씨)(?=[\s、,:：]|$)/u;
/** Where the parent of each post comes from; returns nothing, fills `parentId`, `depth` and `replyCue`. */
export function resolveParents(
  posts: ThreadPost[],
  raw: readonly RawPost[],
  messages: Message[],
  context: { commentsUnderPost?: boolean; articleText?: string } = {},
): void {
  const byId = new Map<string, number>();
  const authors = new AuthorIndex();
  // Post index -> index of the post it answered: used to continue conversations in flat dumps.
  const answeredBy = new Map<string, number>();
  const depthStack: number[] = []; // depthStack[d] = index of the latest post at depth d
  const normalised = new Map<ThreadPost, string>();
  // "4 replies" under a post whose replies follow it: the post, the replies the page counts, and the posts
  // read as its replies so far. A post that answers none of them ends the group.
  let group: { head: number; count: number; span: Span; members: Set<number> } | null = null;
  // "Hide 3 replies" under a post: the next posts the page counts are its replies, listed open under it; one that
  // names none of them (no cue, or only a guess pointing outside the list) answers the post.
  let listed: { head: number; left: number; span: Span; members: Set<number>; nested: boolean } | null = null;
  // A section that marks its replies ("In reply to X", an arrow, indentation, "level N", "parent") marks
  // all of them: a post without a mark there is top level, and weak guesses (an opener, a turn taken) stay off.
  // (Session 33: so does a header line naming an earlier poster or account, `replyHint`, a forum's reply-to name.)
  const marked = raw.some((r) => r.replyTo !== null || (r.depth !== null && r.depth > 0) || r.parentRef !== null || (r.replyMark ?? null) !== null) || hintsEarlier(raw);
  const chain = isConversationChain(raw);
  // (Session 36) The story's account that every reply line names ("Replying to @WestburySport @dalehooper"), when it has
  // no post above the first line naming it: the poster of the story, not of a comment.
  const storyAccount = chain ? null : namedStoryAccount(raw);
  // The article's content words, which a comment on the article shares with the post above it without answering it.
  let articleWordSet: Set<string> | undefined;
  const articleWords = (): ReadonlySet<string> => (articleWordSet ??= new Set(contentWords(context.articleText ?? '')));
  // The root of a chat thread ("replied to a thread: …") -> the thread's posts so far.
  const chatThreads = new Map<number, ChatThread>();
  // (Session 41) The posts the cues leave top level on a page that marks no replies: the left-over link scores them.
  const leftOver = new Array<boolean>(posts.length).fill(false);
  const missing = (place: Span | null, reason: string, actual: string | null): void => {
    messages.push({ ruleId: 'thread/missing-parent', severity: 'warning', place, reason, actual, expected: 'an earlier post' });
  };
  for (let i = 0; i < posts.length; i++) {
    const post = posts[i]!;
    const r = raw[i]!;
    let parent: number | undefined;
    let quotedParent: { index: number; span: Span } | null = null;
    // Quoted words that an earlier post holds name the exact post answered, even among several by one author.
    const quoteFirst = r.quoted && r.quoted.length > 0 && r.parentRef === null ? findQuoteSource(r, post, posts, authors, normalised) : null;
    if (quoteFirst && quoteFirst.index >= 0 && (!r.replyTo || sameName(posts[quoteFirst.index]!.author, r.replyTo.name))) {
      quotedParent = quoteFirst;
      parent = quoteFirst.index;
      post.replyCue = { kind: 'quote', span: quoteFirst.span };
    } else if (quoteFirst && quoteFirst.index < 0 && r.quotedStory) {
      // The story's own words passed on under its poster's name (a reblog chain): the post answers the article.
      post.replyCue = { kind: 'quote', span: quoteFirst.span };
    } else if (r.parentRef !== null) {
      const p = byId.get(r.parentRef);
      if (p !== undefined) {
        parent = p;
        post.replyCue = { kind: 'explicit', span: r.parentRefSpan ?? null };
      } else {
        missing(post.span, `Post ${post.id} replies to ${JSON.stringify(r.parentRef)}, which is not an earlier post.`, r.parentRef);
      }
    } else if (r.replyTo && answersStoryAccount(r.replyTo.name, storyAccount)) {
      // "Replying to @WestburySport" alone, the story's account: the post answers the story (top level).
    } else if (r.replyTo) {
      // "Replying to @A @B": of the handles a reply line lists, the first that is not the story's account names the post
      // answered (X lists the parent's author first, the conversation's root after it).
      const named = answeredHandle(r.replyTo.name, storyAccount);
      // In a conversation under one post, a branch that names that post's author answers that post.
      let a = chain && i > 0 && sameHeadName(raw[0]!, r.replyTo.name) ? { index: 0 } : (previewedPost(r.replyTo, i, posts) ?? subjectPost(r.replyTo, i, raw, posts) ?? authors.get(named));
      // "replied to a thread: <the root's first words>" names the thread, not the post answered in it (session 25).
      if (a && r.replyTo.name === '' && r.replyTo.snippet) {
        const root = a.index;
        let thread = chatThreads.get(root);
        if (thread === undefined) {
          thread = { members: [], authors: new Set(), byFirst: new Map() };
          joinThread(thread, posts, root);
          chatThreads.set(root, thread);
        }
        a = { index: answerInThread(post, posts, thread) };
        joinThread(thread, posts, i);
      }
      // (Session 39) A head that names nobody on the page (a badge read as the name answered: "NAME  Admin  11h") yields
      // to the post's own "@NAME" opening when that names an earlier poster.
      const opened = a ? undefined : openingMention(post, posts, authors);
      if (a) {
        parent = a.index;
        post.replyCue = { kind: 'replying-to', span: r.replyTo.span };
      } else if (opened) {
        parent = opened.index;
        post.replyCue = { kind: 'mention', span: opened.span };
      } else {
        missing(r.replyTo.span, `Post ${post.id} replies to ${r.replyTo.name}, who has no earlier post here.`, r.replyTo.name);
      }
    } else if (r.replyHint && isEarlierOther(authors.get(r.replyHint.name), post, posts)) {
      // "Bramblewick" / "Tolpuddle_Martyr" / "21 Nov 2026 8:03": the header names an earlier poster.
      parent = authors.get(r.replyHint.name)!.index;
      post.replyCue = { kind: 'replying-to', span: r.replyHint.span };
    } else if (r.quoted && r.quoted.length > 0 && (quotedParent = findQuoteSource(r, post, posts, authors, normalised)) !== null) {
      // "> Over 500 yen a meal…" / "[quote=\"mkline, post:5\"]": the post whose words are quoted.
      if (quotedParent.index >= 0) {
        parent = quotedParent.index;
        post.replyCue = { kind: 'quote', span: quotedParent.span };
      }
    } else if (r.depth !== null && r.depth > 0) {
      // Nearest earlier post one level up; a jump of several levels attaches to the deepest open one.
      for (let d = Math.min(r.depth - 1, depthStack.length - 1); d >= 0; d--) {
        if (depthStack[d] !== undefined) {
          parent = depthStack[d];
          break;
        }
      }
      if (parent !== undefined) {
        post.replyCue = { kind: r.depthCue ?? 'depth', span: null };
        // (Session 33) "@OwainLloyd it's a flat" among the comments under an answer: a page that shows its replies one
        // level deep only (a Q&A site's comments) puts an answer to a comment beside it; a leading "@name" naming the
        // poster of a reply above under the same post answers that reply.
        const sibling = addressedSibling(post, posts, parent, authors);
        if (sibling) {
          parent = sibling.index;
          post.replyCue = { kind: 'mention', span: sibling.span };
        }
      } else missing(post.span, `Post ${post.id} is indented as a reply, but no earlier post stands above it.`, null);
    }
    // A post that quotes words no earlier post has (the article's) is top level: no guessing from its text.
    if (parent === undefined && quotedParent === null && r.depth === null && r.parentRef === null && r.replyTo === null && !r.rootMark) {
      parent = parentFromCues(post, posts, authors, answeredBy, messages, marked, context.commentsUnderPost ?? false, articleWords);
      if (listed && (parent === undefined || !listed.members.has(parent))) {
        parent = listed.head;
        post.replyCue = { kind: 'depth', span: listed.span };
      }
      // The post's own writer among its listed replies, where the page nests them unseen (`repliesNested`), answers
      // someone in them, not the post: the latest reply above by another writer ("Will do." by the post's writer under
      // the author's "I'd love to hear more"). A one-level thread (a work chat's "8 replies from …") keeps the post.
      if (listed && listed.nested && parent === listed.head && post.author !== null && post.author === posts[listed.head]!.author) {
        for (let j = i - 1; j > listed.head; j--) {
          if (listed.members.has(j) && !posts[j]!.removed && posts[j]!.author !== null && posts[j]!.author !== post.author) {
            parent = j;
            break;
          }
        }
      }
      // "Tom Becker was that the tier increase…" after Tom's own "Typo, it was $34" under his first post:
      // a follow-up by the same author continues that post, and a reply naming the author answers the post it continues.
      if (parent !== undefined && (post.replyCue?.kind === 'mention' || post.replyCue?.kind === 'address')) parent = turnStart(parent, posts, byId);
      if (parent === undefined && r.replyMark && i > 0 && !answersOpening(r, raw)) parent = parentFromMark(i, r.replyMark, posts, raw, messages);
      if (parent === undefined && marked && i > 0) parent = replyToRemoved(i, posts, raw, answeredBy, messages);
      // X's conversation: a post the page does not mark continues the chain of replies above it.
      if (parent === undefined && chain && i > 0) {
        parent = i - 1;
        post.replyCue = { kind: 'depth', span: null };
      }
    }
    // "@Ines Baptista: agreed." unindented in a section that indents its replies (a wiki talk page's outdent):
    // a post that opens with an earlier poster's full name answers that poster's latest post.
    if (parent === undefined && r.depth === 0 && i > 0) {
      const opened = openingMention(post, posts, authors);
      if (opened) {
        parent = opened.index;
        post.replyCue = { kind: 'mention', span: opened.span };
      }
    }
    // "Pedro, a prefeitura diz…" unindented in a section that indents its replies: a post that opens by addressing an
    // earlier poster by name (and a comma) answers that poster's latest post, as the "@" form above does.
    if (parent === undefined && r.depth === 0 && i > 0 && !r.rootMark) {
      const addressed = addressedAuthor(post.text, authors);
      if (addressed && posts[addressed.index]!.author !== post.author) {
        parent = addressed.index;
        post.replyCue = { kind: 'address', span: [post.span[0], post.span[0] + addressed.length] };
      }
    }
    // "Mme Girard a raison" / "« Des pylônes de trente mètres … »" unindented in a section that indents its replies:
    // an earlier poster named by civility and surname, or five words or more of an earlier post quoted at the start.
    if (parent === undefined && r.depth === 0 && i > 0 && !r.rootMark) {
      const named = civilityNamed(post, posts) ?? openingQuotedPost(post, posts);
      if (named) {
        parent = named.index;
        post.replyCue = { kind: civilityNamed(post, posts) ? 'address' : 'quote', span: named.span };
      }
    }
    // (Session 34) "Post above removed. …", "Callum's post has been removed …", "… and I've deleted it": a post right under
    // a removed post that speaks of a removal (a moderator's note) answers the removed post, as a reader takes it.
    if (parent === undefined && i > 0 && !post.removed && posts[i - 1]!.removed && post.text.length <= 600 && REMOVAL_SPOKEN.test(post.text)) {
      parent = i - 1;
      post.replyCue = { kind: 'depth', span: null };
    }
    // A removed reply inside a group of replies the page lists under their post ("4 replies", three of them
    // shown above it, the post before it one of them): it answers the group's post, as its neighbours do.
    if (parent === undefined && post.removed && group && group.members.size > 1 && group.members.size <= group.count && group.members.has(i - 1)) {
      parent = group.head;
      post.replyCue = { kind: 'depth', span: group.span };
    }
    if (group) {
      if (parent !== undefined && group.members.has(parent)) group.members.add(i);
      else group = null;
    }
    if (listed && i > listed.head) {
      listed.members.add(i);
      if (--listed.left <= 0) listed = null;
    }
    if (r.repliesListed && r.replyCount && r.replyCount.count > 0) listed = { head: i, left: r.replyCount.count, span: r.replyCount.span, members: new Set([i]), nested: r.repliesNested === true };
    if (r.replyCount && r.replyCount.count > 0) group = { head: i, count: r.replyCount.count, span: r.replyCount.span, members: new Set([i]) };
    leftOver[i] = parent === undefined && i > 0 && !marked && !chain && post.replyCue === null && !post.removed && r.depth === null && !r.rootMark;
    if (parent !== undefined) {
      const p = posts[parent]!;
      post.parentId = p.id;
      post.depth = p.depth + 1;
      answeredBy.set(p.id, i);
    } else {
      post.depth = 0;
    }
    // Depth as the dump shows it drives the stack; for cue-based posts, the computed depth does.
    const d = r.depth ?? post.depth;
    depthStack.length = Math.min(depthStack.length, d + 1);
    depthStack[d] = i;
    byId.set(post.id, i);
    authors.add(post.author, post.id, i, post.depth, r.handle);
  }
  linkLeftOverPosts(posts, byId, leftOver, context.articleText ?? '');
  // (Session 45) A page whose left-over posts read as a conversation: each answers the post above it.
  linkConversationPage(posts, byId, leftOver, context.articleText ?? '');
  // (Session 44) A reply the page's one level of nesting put under its top post, moved to the earlier reply it answers.
  chooseThreadReplies(posts, byId);
  // (Session 43) A name cue's link to the named writer's latest post, moved to an earlier one the reply's words answer.
  chooseNamedParents(posts, byId);
}

/**
 * A conversation under one post (X, Threads): every header shows an account handle, the first post answers nothing, no post is indented, and the
 * replies that open a branch say so ("Replying to @RivertonPost"), most of them naming the first post's
 * author. Every other post is a reply too, to the post right above it: the page shows a chain without
 * repeating "Replying to". Needs three marked replies or more.
 */
function sameHeadName(head: RawPost, name: string): boolean {
  const n = nameKey(name);
  return [head.author, head.handle].some((h) => h && nameKey(h) === n);
}

const HANDLE_LIST = /^@?[\p{L}\p{N}_.]{1,40}(?:(?:,\s?| (?:and|&) | )@[\p{L}\p{N}_.]{1,40}){1,5}$/u;

/** The handles a reply line's name lists ("WestburySport @dalehooper", "@obrady and @RivertonPost"), or the name alone. */
function listedHandles(name: string): string[] {
  if (!HANDLE_LIST.test(name)) return [name.replace(/^@/, '')];
  return name.split(/,\s?| (?:and|&) | /).map((h) => h.replace(/^@/, '')).filter((h) => h.length > 0);
}

/** The name a reply line answers: its first listed handle that is not the story's account. */
function answeredHandle(name: string, storyAccount: string | null): string {
  const handles = listedHandles(name);
  return handles.find((h) => storyAccount === null || nameKey(h) !== storyAccount) ?? handles[0]!;
}

/** A reply line naming the story's account and no one else. */
function answersStoryAccount(name: string, storyAccount: string | null): boolean {
  return storyAccount !== null && listedHandles(name).every((h) => nameKey(h) === storyAccount);
}

/**
 * The account whose story the posts answer (a network's post page: "Replying to @WestburySport" on every reply, with
 * "@dalehooper" after it on the replies to a reply): a handle that four in five reply lines name, three or more, and
 * that no post above the first of them was written under. Its key (`nameKey`), else null.
 */
function namedStoryAccount(raw: readonly RawPost[]): string | null {
  const counts = new Map<string, { n: number; first: number }>();
  let lines = 0;
  raw.forEach((r, i) => {
    if (!r.replyTo || r.replyTo.snippet !== undefined) return;
    lines++;
    for (const key of new Set(listedHandles(r.replyTo.name).map(nameKey))) {
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { n: 1, first: i });
    }
  });
  for (const [key, c] of counts) {
    if (c.n < 3 || c.n * 5 < lines * 4) continue;
    const earlier = raw.slice(0, c.first).some((r) => [r.author, r.handle].some((h) => h && nameKey(h) === key));
    if (!earlier) return key;
  }
  return null;
}

function isConversationChain(raw: readonly RawPost[]): boolean {
  const head = raw[0];
  if (!head || head.removed || head.author === null || head.replyTo !== null) return false;
  // Only where every header shows an account handle under the name (X, Bluesky, Threads): an e-mail thread
  // or a comment widget marking its replies marks all of them.
  if (!head.handle || raw.some((r) => !r.removed && !r.handle)) return false;
  if (raw.some((r) => (r.depth !== null && r.depth > 0) || r.parentRef !== null || (r.replyMark ?? null) !== null || r.replyHint)) return false;
  const names = new Set([head.author, head.handle ?? ''].filter((n) => n.length > 0).map(nameKey));
  const marked = raw.slice(1).filter((r) => r.replyTo !== null);
  const toHead = marked.filter((r) => names.has(nameKey(r.replyTo!.name))).length;
  return marked.length >= 3 && toHead * 2 >= marked.length && raw.slice(1).some((r) => r.replyTo === null);
}

/**
 * The earlier post whose text holds the words a post quotes at its top (latest first), else the latest post
 * by the author a quote block names; `index: -1` when the quote is of neither (the article, most often);
 * null when the post quotes nothing.
 */
function findQuoteSource(r: RawPost, post: ThreadPost, posts: readonly ThreadPost[], authors: AuthorIndex, cache: Map<ThreadPost, string>): { index: number; span: Span } | null {
  const lines = r.quoted ?? [];
  if (lines.length === 0) return null;
  const span: Span = [lines[0]!.contentStart, lines[lines.length - 1]!.contentEnd];
  let words = quotedText(lines);
  // (Session 41) A one-line quote keeps its "NAME: " before the words quoted.
  const named = r.quotedName ? normalise(`${r.quotedName}:`) : null;
  if (named && words.startsWith(`${named} `)) words = words.slice(named.length + 1);
  if (words.length >= 8) {
    const probe = words.length > 160 ? words.slice(0, 160) : words;
    for (let k = post.index - 1; k >= 0; k--) {
      if (!posts[k]!.removed && normalisedText(posts[k]!, cache).includes(probe)) return { index: k, span };
    }
  }
  const byName = r.quotedName ? authors.get(r.quotedName) : undefined;
  if (byName && byName.index < post.index) return { index: byName.index, span };
  return { index: -1, span };
}


/** A post's text normalised once per `resolveParents` run (a long thread quotes often). */
function normalisedText(post: ThreadPost, cache: Map<ThreadPost, string>): string {
  let t = cache.get(post);
  if (t === undefined) {
    t = normalise(post.text);
    cache.set(post, t);
  }
  return t;
}

/**
 * "↳ replying to @Ana Sousa: The crews are right though…": the latest earlier post by that author whose text
 * starts with the previewed words (an author may have written several), else undefined. A preview that names no
 * author ("replied to a thread: …") points to the latest earlier post starting with its words.
 */
function previewedPost(replyTo: { name: string; snippet?: string }, i: number, posts: readonly ThreadPost[]): { index: number } | undefined {
  if (!replyTo.snippet) return undefined;
  const words = normalise(unquote(replyTo.snippet));
  if (words.length < 3) return undefined;
  for (let j = i - 1; j >= 0; j--) {
    const p = posts[j]!;
    if (!(replyTo.name === '' || sameName(p.author, replyTo.name))) continue;
    const text = normalise(p.text.replace(/\s+/g, ' '));
    // (A preview may leave out the "@name" the post opened with: session 30.)
    if (text.startsWith(words) || withoutLeadMentions(text).startsWith(words)) return { index: j };
  }
  return undefined;
}

/**
 * "In reply to Cost of doing business by Gordon Blyth" (session 37): the latest earlier post by that poster whose subject
 * is the one named (a cut-off subject by the words it keeps), or, where the page left subjects in the text, whose text
 * starts with it; else undefined.
 */
function subjectPost(replyTo: { name: string; subject?: string }, i: number, raw: readonly RawPost[], posts: readonly ThreadPost[]): { index: number } | undefined {
  if (!replyTo.subject) return undefined;
  const bare = (t: string): string => normalise(t.replace(/\s?(?:…|\.\.\.)$/u, ''));
  const named = bare(replyTo.subject);
  if (named.length < 2) return undefined;
  for (let j = i - 1; j >= 0; j--) {
    if (!sameName(posts[j]!.author, replyTo.name)) continue;
    const own = raw[j]!.subject;
    if (own !== undefined ? bare(own) === named : normalise(posts[j]!.text.replace(/\s+/g, ' ')).startsWith(named)) return { index: j };
  }
  return undefined;
}

/** "@ana @ben_t the stadium…" → "the stadium…": a text without the "@name" tokens it opens with (one pass). */
function withoutLeadMentions(text: string): string {
  let at = 0;
  while (text[at] === '@') {
    const space = text.indexOf(' ', at);
    if (space < 0) return text;
    at = space + 1;
  }
  return text.slice(at);
}

const QUOTE_MARKS = '"“”„\'‘’«»';

/** `"The hospital in our town…"` → `The hospital in our town…`: a preview's words without the quote marks round them (session 30). */
function unquote(snippet: string): string {
  let a = 0;
  let b = snippet.length;
  while (a < b && QUOTE_MARKS.includes(snippet[a]!)) a++;
  while (b > a && QUOTE_MARKS.includes(snippet[b - 1]!)) b--;
  return snippet.slice(a, b);
}

/** A chat thread's posts so far (root first, in post order), their authors, and its posts by their author's first name. */
interface ChatThread {
  members: number[];
  authors: Set<string | null>;
  byFirst: Map<string, number[]>;
}

/** Adds post `k` to a chat thread (kept incrementally, so a thread of n replies costs O(n), not O(n^2)). */
function joinThread(thread: ChatThread, posts: readonly ThreadPost[], k: number): void {
  thread.members.push(k);
  const author = posts[k]!.author;
  thread.authors.add(author);
  if (author === null) return;
  const first = author.toLowerCase().split(/\s+/)[0]!;
  const list = thread.byFirst.get(first);
  if (list) list.push(k);
  else thread.byFirst.set(first, [k]);
}

// "Jun, the Marsden corner is…": a first name (or a handle) addressed at the start of a post, before a comma.
const ADDRESSED = /^@?([\p{L}][\p{L}\p{N}_'’.-]{1,30}),\s/u;

/**
 * The post a chat-thread reply answers (`root`: the thread's first post, which every reply's preview shows): the latest
 * post in the thread by the poster it addresses by first name ("Jun, …"); else, when the poster has already written in
 * the thread, the latest post there by someone else (a conversation going on); else the root.
 */
function answerInThread(post: ThreadPost, posts: readonly ThreadPost[], thread: ChatThread): number {
  const { members } = thread;
  const root = members[0]!;
  const named = ADDRESSED.exec(post.text);
  if (named) {
    const same = thread.byFirst.get(named[1]!.toLowerCase()) ?? [];
    for (let m = same.length - 1; m >= 0; m--) if (posts[same[m]!]!.author !== post.author) return same[m]!;
  }
  if (!thread.authors.has(post.author)) return root;
  for (let m = members.length - 1; m >= 0; m--) {
    const p = posts[members[m]!]!;
    if (!p.removed && p.author !== null && p.author !== post.author) return members[m]!;
  }
  return root;
}

/**
 * The reply above `post` under the same post `parent` whose poster `post` opens by addressing with "@" (the name as
 * written, or run together: "@OwainLloyd" for "Owain Lloyd"), else undefined.
 */
function addressedSibling(post: ThreadPost, posts: readonly ThreadPost[], parent: number, authors: AuthorIndex): { index: number; span: Span } | undefined {
  const body = post.text;
  if (!body.startsWith('@')) return undefined;
  const name = authors.longestPrefix(body, 1);
  const run = name ? undefined : /^@([\p{L}\p{N}_.-]{4,40})/u.exec(body)?.[1];
  const handle = run === undefined ? undefined : trimHandleEnd(run);
  const found = name ? authors.get(name) : handle ? authors.byCompactName(handle) : undefined;
  if (!found || found.index <= parent || found.index >= post.index) return undefined;
  const target = posts[found.index]!;
  if (target.removed || target.author === post.author || target.parentId !== posts[parent]!.id) return undefined;
  // The post it sits under is by the writer it names too: the nesting shown already answers that writer.
  if (target.author === posts[parent]!.author) return undefined;
  const start = post.span[0];
  return { index: found.index, span: [start, start + 1 + (name ?? handle!).length] };
}

/** A post's `replyHint` names the author or the account of a post above it. */
function hintsEarlier(raw: readonly RawPost[]): boolean {
  const seen = new Set<string>();
  for (const r of raw) {
    if (r.replyHint && seen.has(nameKey(r.replyHint.name))) return true;
    if (r.author) seen.add(nameKey(r.author));
    if (r.handle) seen.add(nameKey(r.handle));
  }
  return false;
}

/** Two names are the same person's (case and a leading "@" aside). */
function sameName(author: string | null, name: string): boolean {
  return author !== null && nameKey(author) === nameKey(name);
}

// "Reply @", "回复 @": a word of two to twelve letters, then "@".
const LEAD_WORD_MENTION = /^\p{L}{2,12} @/u;

/** A handle without the trailing dots and dashes of the sentence around it; a loop, as `/[.-]+$/` is quadratic. */
function trimHandleEnd(run: string): string {
  let end = run.length;
  while (end > 0 && (run[end - 1] === '.' || run[end - 1] === '-')) end--;
  return run.slice(0, end);
}

// "(bkz: @nick)", "(cc @anna)", "(via @harbourlinenews)": a bracket at the end of a line holding a few words and "@name".
const TAIL_MENTION = /\((?:[^()@\n]{0,20})@([^()@\n]{1,40})\)$/u;

/** A post opening with "@" and an earlier poster's full name (the longest that fits), by someone else: that poster's latest post. */
function openingMention(post: ThreadPost, posts: readonly ThreadPost[], authors: AuthorIndex): { index: number; span: Span } | undefined {
  if (!post.text.startsWith('@')) return undefined;
  const name = authors.longestPrefix(post.text, 1);
  const found = name ? authors.get(name) : undefined;
  if (!name || !found || posts[found.index]!.author === post.author) return undefined;
  return { index: found.index, span: [post.span[0], post.span[0] + 1 + name.length] };
}

/** `found` is an earlier post by someone other than the author of `post`. */
function isEarlierOther(found: { index: number } | undefined, post: ThreadPost, posts: readonly ThreadPost[]): boolean {
  return found !== undefined && found.index < post.index && posts[found.index]!.author !== post.author;
}

function parentFromCues(
  post: ThreadPost,
  posts: readonly ThreadPost[],
  authors: AuthorIndex,
  answeredBy: Map<string, number>,
  messages: Message[],
  marked = false,
  commentsUnderPost = false,
  articleWords: () => ReadonlySet<string> = () => new Set(),
): number | undefined {
  const body = post.text;
  if (body.length === 0) return undefined;
  const start = post.span[0];
  // (Session 40) "Reply @Name :text": one word, then "@" and an earlier poster's name closed by a colon (a video site's
  // reply to a reply prints its button word and the name answered before the text).
  const lead = LEAD_WORD_MENTION.exec(body);
  if (lead) {
    const at = lead[0].length;
    const name = authors.longestPrefix(body, at);
    const found = name && /^ ?:/.test(body.slice(at + name.length)) ? authors.get(name) : undefined;
    if (found && found.postId !== post.id && posts[found.index]!.author !== post.author) {
      post.replyCue = { kind: 'mention', span: [start + at - 1, start + at + name!.length] };
      return found.index;
    }
  }
  // "@Name ..." at the start.
  if (body.startsWith('@')) {
    const name = authors.longestPrefix(body, 1);
    // "@chronicle lovely." after the story's poster has answered someone: the root account, addressed before it spoke.
    if (name && authors.wasAddressedAhead(name)) return undefined;
    const found = name ? authors.get(name) : undefined;
    if (found && found.postId !== post.id && posts[found.index]!.author !== post.author) {
      post.replyCue = { kind: 'mention', span: [start, start + 1 + name!.length] };
      return found.index;
    }
    // "@JohnSmith" / "@john_smith" answering "John Smith": the handle is the name run together.
    const run = /^@([\p{L}\p{N}_.-]{4,40})/u.exec(body)?.[1];
    const handle = run === undefined ? undefined : trimHandleEnd(run);
    // (Session 29) "@danawhit" answering "Dana Whitfield", "@mprice" answering "Morgan Price": the handle spells the
    // name's parts, cut short or left out.
    const compact = !name && handle ? (authors.byCompactName(handle) ?? authors.byHandleSpelling(handle, post.author)) : undefined;
    if (compact && posts[compact.index]!.author !== post.author) {
      post.replyCue = { kind: 'mention', span: [start, start + 1 + handle!.length] };
      return compact.index;
    }
    // "@Dwayne the buses…" answering "Dwayne Oakes": a first name, when one earlier author alone has it.
    const first = /^@(\p{Lu}[\p{L}'-]{1,30})\b/u.exec(body)?.[1];
    const byFirst = !name && first ? authors.byFirstName(first) : undefined;
    if (byFirst && posts[byFirst.index]!.author !== post.author) {
      post.replyCue = { kind: 'mention', span: [start, start + 1 + first!.length] };
      return byFirst.index;
    }
    // "@tidewalker Charming. Reported." right under a removed post: the handle finds no poster because that poster's
    // post is gone, and a reply to it can only name its poster, so it answers the removed post (session 30). A handle
    // posts opened with before (the story's account) is not taken so.
    const above = posts[post.index - 1];
    if (!name && handle && above?.removed && above.author === null && !authors.wasAddressedAhead(handle)) {
      post.replyCue = { kind: 'mention', span: [start, start + 1 + handle.length] };
      return post.index - 1;
    }
    if (!name && handle) authors.noteAddressedAhead(handle);
    const firstLine = post.lines[0]!;
    messages.push({
      ruleId: 'thread/missing-parent',
      severity: 'info',
      place: firstLine.span,
      reason: `Post ${post.id} addresses ${firstLine.text.split(/\s/, 3).slice(0, 3).join(' ')}, who has no earlier post in this thread (perhaps the article's author).`,
      actual: firstLine.text.slice(0, 60),
      expected: 'an earlier post by that author',
    });
    return undefined;
  }
  // "metrobüs de zamlandı. (bkz: @deniz feneri bekçisi)", "(cc @anna)": an earlier author's name after "@" in brackets
  // at the very end of the post (a pointer to whom it answers, in whatever words come before the "@").
  const lastLine = post.lines[post.lines.length - 1];
  const tail = lastLine ? TAIL_MENTION.exec(lastLine.text) : null;
  if (tail && lastLine) {
    const found = authors.get(tail[1]!.trim());
    if (isEarlierOther(found, post, posts)) {
      post.replyCue = { kind: 'mention', span: [lastLine.span[0] + tail.index, lastLine.span[0] + tail.index + tail[0].length] };
      return found!.index;
    }
  }
  // "Marta, that is not what the report says": an earlier author addressed by name.
  const addressed = addressedAuthor(body, authors);
  if (addressed && posts[addressed.index]!.author !== post.author) {
    post.replyCue = { kind: 'address', span: [start, start + addressed.length] };
    return addressed.index;
  }
  // "Mme Girard a raison", "M. Perrin demande…" (under a letter's headline): an earlier poster named by a civility
  // and the surname, at the start of one of the post's first two lines.
  const civil = civilityNamed(post, posts);
  if (civil) {
    post.replyCue = { kind: 'address', span: civil.span };
    return civil.index;
  }
  // "Brenda Hollis the 2007 flood was worse": a full name of two words or more, tagged without "@" or a
  // comma (Facebook-like copies drop the link around the name).
  const named = authors.longestPrefix(body, 0);
  if (named && named.includes(' ') && body.charCodeAt(named.length) === 32 && body.slice(0, named.length).toLowerCase() === named) {
    const found = authors.get(named);
    if (found && posts[found.index]!.author !== post.author) {
      post.replyCue = { kind: 'address', span: [start, start + named.length] };
      return found.index;
    }
  }
  // (Session 29) "Lennie1988 the GPs at Ashby…", "Gruffalosmum the minor injuries unit…": a one-word screen name spelt
  // as its poster does, opening the post without a comma (a talk board's bare address), where no post of the thread
  // uses it as a lower-case word (a one-word name that is a word too, "Will", "Hope", opens sentences).
  if (named && !named.includes(' ') && named.length >= 4 && body.charCodeAt(named.length) === 32) {
    const found = authors.get(named);
    const spelt = found ? posts[found.index]!.author : null;
    // (Session 39) A handle-shaped name ("hanbit_dad", "sunny_mom77": an underscore or a figure in it) is no word of the
    // language, however often replies open with it.
    if (found && spelt !== null && spelt !== post.author && body.startsWith(spelt) && (/[_\p{N}]/u.test(named) || !usedAsWord(named, posts))) {
      post.replyCue = { kind: 'address', span: [start, start + named.length] };
      return found.index;
    }
  }
  // "yam*****さん 片耳OKの…", "Ken_in_Osakaさん Namba is…", "rainy****님 …": an earlier author's name with the honorific
  // Japanese and Korean glue to a name addressed (さん, 様, 君, くん, ちゃん, 氏, 님, 씨), at the start of the post.
  const honoured = HONORIFIC_START.exec(body);
  if (honoured) {
    const found = authors.get(honoured[1]!);
    if (found && posts[found.index]!.author !== post.author) {
      post.replyCue = { kind: 'address', span: [start, start + honoured[1]!.length] };
      return found.index;
    }
  }
  // "A soaked rack is still an incident, thegarbz.": an earlier author addressed at the end of a sentence.
  const hailed = findHailedAuthor(post, posts, authors);
  if (hailed) {
    post.replyCue = { kind: 'address', span: hailed.span };
    return hailed.index;
  }
  // Quoting an earlier post's words.
  const quoted = findQuotedPost(post, posts);
  if (quoted !== undefined) {
    post.replyCue = { kind: 'quote', span: quoted.span };
    return quoted.index;
  }
  // In a flat dump, a post that comes right after one addressing its author by name ("Margaret, you must be
  // near the top") answers it: "Number 112, last time I asked."
  // "I've removed the previous message", "the comment above": the post right before.
  // "Have to fix my own comment", "Typo, it was $34": the author correcting their own latest post.
  const mine = post.author ? authors.get(post.author) : undefined;
  if (mine && mine.index < post.index && post.index - mine.index <= 8) {
    for (const s of post.sentences.slice(0, 2)) {
      const self = SELF_REFERENCE.exec(s.text);
      // "Oops, you're right, …": the interjection opens a response to someone else, not a correction of one's own post.
      const answering = self && self.index === 0 && s === post.sentences[0] ? RESPONSE_OPENER.exec(body) : null;
      if (self && !(answering && answering[0].length > self[0].length + 2)) {
        post.replyCue = { kind: 'answer', span: [s.span[0] + self.index, s.span[0] + self.index + self[0].length] };
        return mine.index;
      }
    }
  }
  for (const s of post.index > 0 ? post.sentences.slice(0, 2) : []) {
    const pointing = POINTS_BACK.exec(s.text);
    // "linked in the post above" under a section of comments: the post above them all, the article.
    if (pointing && commentsUnderPost && /\bpost\b/i.test(pointing[0])) return undefined;
    if (pointing) {
      post.replyCue = { kind: 'answer', span: [s.span[0] + pointing.index, s.span[0] + pointing.index + pointing[0].length] };
      return post.index - 1;
    }
  }
  if (marked) return undefined;
  const before = post.index > 0 ? posts[post.index - 1]! : undefined;
  // The same after a post quoting its author's words ("keying on UTC breaks…" / "Fair, I missed that.").
  if (before && post.author && before.author !== post.author && before.replyCue && (before.replyCue.kind === 'address' || before.replyCue.kind === 'mention' || before.replyCue.kind === 'quote')) {
    const addressed = before.parentId === null ? undefined : posts.find((p) => p.id === before.parentId);
    if (addressed && addressed.author === post.author) {
      post.replyCue = { kind: 'answer', span: before.replyCue.span };
      return before.index;
    }
  }
  // A response opener in a flat dump: the conversation partner, else the latest substantial post by someone else.
  const opener = RESPONSE_OPENER.exec(body);
  if (opener && post.author) {
    const span: Span = [start, start + opener[0].length];
    const mine = authors.get(post.author);
    if (mine) {
      const reply = answeredBy.get(mine.postId);
      if (reply !== undefined && reply > mine.index && posts[reply]!.author !== post.author && post.index - reply <= 6) {
        post.replyCue = { kind: 'opener', span };
        return reply;
      }
    }
    for (let k = post.index - 1; k >= 0 && k >= post.index - 6; k--) {
      const p = posts[k]!;
      if (p.author !== post.author && !p.removed && contentWords(p.text).length >= 6) {
        post.replyCue = { kind: 'opener', span };
        return k;
      }
    }
  }
  // (Session 30) "Your math ignores that the amber fixtures …", "Mock all you like. …" in a flat dump: a first sentence in
  // the second person that repeats a word of the latest post by someone else, a word the article does not have, answers
  // that post. Either cue alone also fits a comment speaking to the article's writer ("At 7:05 you say …") or echoing the
  // story, so both are needed (docs/dump-styles.md, session 30 (flat30): 6 right, 0 top-level posts linked on blind 01-52,
  // the same with each blind round left out).
  const second = post.sentences[0] ? SECOND_PERSON.exec(post.sentences[0].text) : null;
  if (second && post.index > 0) {
    let k = post.index - 1;
    while (k >= 0 && (posts[k]!.removed || posts[k]!.author === post.author)) k--;
    if (k >= 0) {
      const theirs = new Set(contentWords(posts[k]!.text));
      const article = articleWords();
      const opening = post.sentences.slice(0, 2).map((s) => s.text).join(' ');
      if (contentWords(opening).some((w) => theirs.has(w) && !article.has(w))) {
        const at = post.sentences[0]!.span[0] + second.index;
        post.replyCue = { kind: 'answer', span: [at, at + second[0].length] };
        return k;
      }
    }
  }
  return undefined;
}

// A second-person word: "you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll".
const SECOND_PERSON = /\b(?:you['\u2019](?:re|ve|d|ll)|yourself|yours|your|you)\b/i;

// `usedAsWord`'s answers per thread (the posts array), so a talk board whose replies open with the same few screen names
// reads the whole thread once per name, not once per post.
const usedAsWordMemo = new WeakMap<readonly ThreadPost[], Map<string, boolean>>();

/** Whether some post's text has `lower` (a lower-cased one-word name) as a word written in lower case. */
function usedAsWord(lower: string, posts: readonly ThreadPost[]): boolean {
  let memo = usedAsWordMemo.get(posts);
  if (!memo) usedAsWordMemo.set(posts, (memo = new Map()));
  let used = memo.get(lower);
  if (used === undefined) memo.set(lower, (used = scanUsedAsWord(lower, posts)));
  return used;
}

function scanUsedAsWord(lower: string, posts: readonly ThreadPost[]): boolean {
  for (const p of posts) {
    let at = p.text.indexOf(lower);
    while (at >= 0) {
      const before = at > 0 ? p.text[at - 1]! : ' ';
      const after = p.text[at + lower.length] ?? ' ';
      if (!/[\p{L}\p{N}_]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) return true;
      at = p.text.indexOf(lower, at + 1);
    }
  }
  return false;
}

// A first name: capitalised, or in a script without case (Devanagari, Arabic, Chinese…), its vowel signs included.
const FIRST_NAME = /^(?:\p{Lu}[\p{L}\p{M}'-]{1,30}|\p{Lo}[\p{L}\p{M}'-]{0,30})$/u;
// A word of respect after a name addressed ("Arjun ji,", "विकास जी,", "Khan sahab,"): not part of the name.
const HONORIFIC_AFTER = / (?:ji|jee|जी|sahab|saheb|साहब|ساب|صاحب|san|sama|ssi|bhai|भाई|didi|दीदी)$/iu;

/**
 * "Marta, that is not what the report says", "विकास जी, …": the earlier author a post opens by addressing, by
 * full name or by a first name only one earlier author has, before a comma or colon; `length`: the words used.
 */
function addressedAuthor(body: string, authors: AuthorIndex): { index: number; length: number } | undefined {
  // (Session 37) "Thanks wendle_rd_mum. The figure…", "Hi J.Pickering - to be clear…", "Thank you Ann, …": one or two
  // words, then an earlier poster's whole name as its poster spells it, then a full stop, a dash set off by spaces, a
  // comma or "!": a greeting or thanks to that poster.
  const greeting = /^(\p{L}{2,12}(?: \p{L}{2,12})?) (\S{4,40}?)(?:[,:!]|\.(?=\s|$)| [-–—](?= ))/u.exec(body);
  const hailed = greeting ? authors.get(greeting[2]!) : undefined;
  if (hailed !== undefined) return { index: hailed.index, length: greeting![0].length - 1 };
  const comma = body.search(/[,:،，]/);
  if (comma <= 0 || comma > 40) return undefined;
  const said = body.slice(0, comma);
  const name = said.replace(HONORIFIC_AFTER, '');
  // "Margaret, if you…" answers "Margaret Dunne" when she is the only Margaret so far.
  const found = authors.get(name) ?? (FIRST_NAME.test(name) ? authors.byFirstName(name) : undefined);
  if (found) return { index: found.index, length: comma };
  // (Session 29) "Thanks HaddockAndChips, I'll be there": one word before an earlier poster's whole name and the comma
  // (a greeting, a thanks), the name spelt as its poster does.
  const greeted = /^\p{L}{2,12} (\S.*)$/u.exec(name);
  const after = greeted ? authors.get(greeted[1]!) : undefined;
  return after !== undefined && greeted![1]!.length >= 4 ? { index: after.index, length: comma } : undefined;
}

// A civility before a surname: French, English, German, Spanish, Italian, Dutch, Polish.
const CIVILITY = /^(?:M\.|MM\.|Mme|Mmes|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Herr|Frau|Sr\.|Sra\.|Sig\.|Sig\.ra|Dhr\.|Mevr\.|Pan|Pani) (\p{Lu}[\p{L}\p{M}'’-]{1,30})(?=[\s,.:;!?]|$)/u;

/**
 * "Mme Girard a raison": the latest earlier post by someone else whose author's last name is the one a civility
 * names at the start of one of the post's first two lines, else undefined.
 */
function civilityNamed(post: ThreadPost, posts: readonly ThreadPost[]): { index: number; span: Span } | undefined {
  const lines = post.text.split('\n', 2);
  let at = 0;
  for (const l of lines) {
    const lead = l.length - l.trimStart().length;
    const m = CIVILITY.exec(l.trimStart());
    if (m) {
      const surname = m[1]!.toLowerCase();
      for (let k = post.index - 1; k >= 0; k--) {
        const a = posts[k]!.author;
        if (a === null || a === post.author || posts[k]!.removed) continue;
        const words = a.toLowerCase().split(/\s+/);
        if (words.length > 1 && words[words.length - 1] === surname) return { index: k, span: [post.span[0] + at + lead, post.span[0] + at + lead + m[0].length] };
      }
    }
    at += l.length + 1;
  }
  return undefined;
}

/**
 * An earlier author named after a comma at the end of one of the post's first two sentences ("Good
 * point, Maria.", "Still an incident, thegarbz."): the latest post by that author, by someone else.
 */
function findHailedAuthor(post: ThreadPost, posts: readonly ThreadPost[], authors: AuthorIndex): { index: number; span: Span } | undefined {
  for (const s of post.sentences.slice(0, 2)) {
    const t = s.text;
    let end = t.length;
    while (end > 0 && '.!?'.includes(t[end - 1]!)) end--;
    if (end === t.length) continue;
    const comma = t.lastIndexOf(', ', end);
    if (comma < 0 || end - comma - 2 > 40) continue;
    const name = t.slice(comma + 2, end);
    const found = authors.get(name) ?? (/^\p{Lu}[\p{L}'-]{1,30}$/u.test(name) ? authors.byFirstName(name) : undefined);
    if (found && posts[found.index]!.author !== post.author) return { index: found.index, span: [s.span[0] + comma + 2, s.span[0] + end] };
  }
  // (Session 27) "Thanks Wendy.", "You're right Lucia, thank you.": a thanks or an agreement opening the post, then an
  // earlier poster's first name without the comma before it.
  const opening = post.sentences[0] ? THANKED_OPENING.exec(post.sentences[0].text) : null;
  if (opening && post.sentences[0]) {
    const found = authors.byFirstName(opening[2]!);
    if (found && posts[found.index]!.author !== post.author) {
      const at = post.sentences[0].span[0] + opening[1]!.length + 1;
      return { index: found.index, span: [at, at + opening[2]!.length] };
    }
  }
  // (Session 25) "It's two minutes on the timetable, Sam, not two minutes on every trip.": an earlier poster's first
  // name set off by commas inside the post's first sentence.
  const first = post.sentences[0];
  if (first) {
    for (const m of first.text.matchAll(HAILED_INSIDE)) {
      const found = authors.byFirstName(m[1]!);
      if (found && posts[found.index]!.author !== post.author) {
        const at = first.span[0] + m.index! + 2;
        return { index: found.index, span: [at, at + m[1]!.length] };
      }
    }
  }
  return undefined;
}

// "Thanks Wendy.", "Thank you Gwen,", "You're right Lucia,", "Good point Maria!": a response opener of the `named` use
// (its first letter in either case, the rest as listed), then a capitalised word closed by punctuation.
const THANKED_OPENING = new RegExp(
  `^((?:${RESPONSE_WORDS.filter((w) => w.named).map((w) => `[${w.words[0]!.toUpperCase()}${w.words[0]}]${w.words.slice(1)}`).join('|')})) (\\p{Lu}[\\p{Ll}'-]{1,30})(?=[,.!;:])`,
  'u',
);

// ", Sam, ": a capitalised word alone between commas, as a first name addressed inside a sentence is set off.
const HAILED_INSIDE = /, (\p{Lu}[\p{Ll}'-]{1,30}), /gu;

// Words in quotation marks opening a post ("…", “…”, «…», „…“).
const OPENING_QUOTE = /^["\u201c\u00ab\u201e]([^"\u201c\u201d\u00ab\u00bb\u201e]{8,300}?)[.,…]?["\u201d\u00bb\u201c]/u;

// "--" (or "-- ") alone on its line: the signature below it.
const SIGNATURE_RULE = /^\s*-- ?$/;

/** An earlier post whose sentence (6+ words) this post repeats word for word. */
function findQuotedPost(post: ThreadPost, posts: readonly ThreadPost[]): { index: number; span: Span } | undefined {
  const mine = new Map<string, Span>();
  // The lines under a "--" line are the writer's signature (the mail and news convention, kept by Slashdot), the same
  // under each of their posts: not a quote of their earlier one.
  const signature = post.lines.findIndex((l, k) => k > 0 && SIGNATURE_RULE.test(l.text));
  const signed = signature < 0 ? Infinity : post.lines[signature]!.span[0];
  for (const s of post.sentences) if (s.text.split(' ').length >= 6 && s.span[0] < signed) mine.set(s.text, s.span);
  // "keying on UTC breaks the 2019 archive" / "" / "The migration is small…": a first line of five words or more, set
  // apart from the text under it, repeating an earlier post's words: a quote reply whose ">" mark the copy lost.
  const first = post.lines[0];
  const second = post.lines[1];
  if (first && second && second.text.trim() === '' && post.lines.length > 2 && first.text.split(' ').length >= 5 && first.text.length <= 300) {
    const needle = first.text.trim().toLowerCase();
    for (let k = post.index - 1; k >= 0 && k >= post.index - 200; k--) {
      if (posts[k]!.text.toLowerCase().includes(needle)) return { index: k, span: first.span };
    }
  }
  // "\"cortarán el agua en toda la calle el martes 9\" ¿Los pares también?": a post opening with five words or more
  // in quotation marks that an earlier post says (the latest that does): a quote of that post, though not a whole
  // sentence of it.
  const opened = openingQuotedPost(post, posts);
  if (opened) return opened;
  if (mine.size === 0) return undefined;
  for (let k = post.index - 1; k >= 0 && k >= post.index - 200; k--) {
    for (const s of posts[k]!.sentences) {
      const span = mine.get(s.text);
      if (span) return { index: k, span };
    }
  }
  return undefined;
}

/**
 * A post opening with five words or more in quotation marks that an earlier post by someone else says (the latest
 * that does): that post, with the span of the post's first line. "« Des pylônes … des vignes »": French
 * quotation marks stand apart from the words, and the words may run across a line break of the post quoted.
 */
function openingQuotedPost(post: ThreadPost, posts: readonly ThreadPost[]): { index: number; span: Span } | undefined {
  const first = post.lines[0];
  const opening = first ? OPENING_QUOTE.exec(first.text.trim()) : null;
  const quotedWords = opening ? opening[1]!.trim() : '';
  if (!first || !opening || quotedWords.split(/\s+/).length < 5) return undefined;
  const needle = quotedWords.toLowerCase().replace(/\s+/g, ' ');
  for (let k = post.index - 1; k >= 0 && k >= post.index - 200; k--) {
    if (posts[k]!.author !== post.author && posts[k]!.text.toLowerCase().replace(/\s+/g, ' ').includes(needle)) return { index: k, span: first.span };
  }
  return undefined;
}

/**
 * The first post of a run of follow-ups by one author ("Typo, it was $34" answering their own post): where
 * a reply naming that author lands. Follows at most eight links up.
 */
function turnStart(k: number, posts: readonly ThreadPost[], byId: ReadonlyMap<string, number>): number {
  let j = k;
  for (let n = 0; n < 8; n++) {
    const p = posts[j]!;
    const up = p.parentId === null ? undefined : byId.get(p.parentId);
    if (up === undefined || p.author === null || posts[up]!.author !== p.author) break;
    j = up;
  }
  return j;
}

/**
 * A section that marks its replies by the name answered ("↩ jlindqvist") cannot mark a reply to a removed
 * post, which has no name: a post without a mark right under a removed post that the page says has replies
 * ("1 Reply"), none of them found yet, is taken for that reply, with a message saying it is a guess.
 */
function replyToRemoved(i: number, posts: ThreadPost[], raw: readonly RawPost[], answeredBy: ReadonlyMap<string, number>, messages: Message[]): number | undefined {
  const before = posts[i - 1]!;
  const count = raw[i - 1]!.replyCount;
  if (!before.removed || before.author !== null || !count || count.count < 1 || answeredBy.has(before.id) || posts[i]!.removed) return undefined;
  posts[i]!.replyCue = { kind: 'depth', span: count.span };
  messages.push({
    ruleId: 'thread/guessed-parent',
    severity: 'warning',
    place: count.span,
    reason: `Post ${posts[i]!.id} names no post it answers, but it stands right under a removed post (${before.id}) that the page says has replies, and a reply to a removed post cannot name it; ${before.id} was taken.`,
    actual: null,
    expected: 'a reply mark',
  });
  return i - 1;
}

// "removed", "deleted": a removal spoken of in a post's text. (Session 38) "I've hidden that.", "I've trashed one
// comment": so are the other participles of the removal notes (`This comment has been hidden by the photo owner.`),
// said by the one who did it (a bare "one post hidden." under a hidden post stays unlinked, as session 35 pinned).
const REMOVAL_SPOKEN = /\b(?:removed|deleted)\b|\b(?:i|we)(?:['’]ve| have)? (?:just )?(?:hidden|muted|trashed)\b/i;

const deeperMarked = new WeakMap<readonly RawPost[], boolean>();

/** Whether a head on the page marks its reply one level deeper (`| root | parent |`), read once per page. */
function marksDeeperReplies(raw: readonly RawPost[]): boolean {
  let found = deeperMarked.get(raw);
  if (found === undefined) {
    found = raw.some((r) => r.replyLevel === 'deeper');
    deeperMarked.set(raw, found);
  }
  return found;
}

// "Re: Re: X": a subject answering a reply's subject, which some pages write and others (Slashdot) never do.
const STACKED_REPLY = /^re: ?re:/i;
const stacking = new WeakMap<readonly RawPost[], boolean>();

/** True when some subject in the dump stacks "Re:" ("Re: Re: X"): then a reply's subject names the post it answers. */
function stacksReplies(raw: readonly RawPost[]): boolean {
  let found = stacking.get(raw);
  if (found === undefined) {
    found = raw.some((r) => r.subject !== undefined && STACKED_REPLY.test(r.subject));
    stacking.set(raw, found);
  }
  return found;
}

/** The thread a subject belongs to: the subject without its "Re:" marks, lower case ("Re:Running costs" → "running costs"). */
function subjectThread(subject: string): string {
  return subject.replace(/^(?:re: ?)+/i, '').trim().toLowerCase();
}

/**
 * (Session 34) "Re: Echo story: Friday early finish" where no post is "Echo story: Friday early finish" itself: the
 * thread's opening post is not among the posts (it is the article), and a forum gives every answer to it that subject,
 * so the "Re:" says only that the post is in the discussion, not whom it answers (left to the other cues).
 */
function answersOpening(r: RawPost, raw: readonly RawPost[]): boolean {
  if (r.subject === undefined || !/^re:/i.test(r.subject)) return false;
  const thread = subjectThread(r.subject);
  return thread !== '' && !postedSubjects(raw).has(thread);
}

// The threads of the subjects a dump's posts carry without "Re:" (read once per dump: `answersOpening` asks per post).
const posted = new WeakMap<readonly RawPost[], ReadonlySet<string>>();
function postedSubjects(raw: readonly RawPost[]): ReadonlySet<string> {
  let found = posted.get(raw);
  if (found === undefined) {
    found = new Set(raw.flatMap((p) => (p.subject !== undefined && !/^re:/i.test(p.subject) ? [subjectThread(p.subject)] : [])));
    posted.set(raw, found);
  }
  return found;
}

/**
 * A post whose header says it is a reply ("| parent |") without naming the parent, in a dump that shows no
 * nesting: the post before it. That is certain when the post before is top level (a thread lists a post's
 * replies right under it); otherwise it is the likeliest of the earlier posts, and a message says so.
 */
function parentFromMark(i: number, mark: Span, posts: ThreadPost[], raw: readonly RawPost[], messages: Message[]): number {
  const before = posts[i - 1]!;
  posts[i]!.replyCue = { kind: 'depth', span: mark };
  // (Session 38) `| parent |` without `| root |` on a page whose deeper replies carry `root`: a reply to a top-level post,
  // which the page lists depth first, so the latest top-level post above.
  if (raw[i]!.replyLevel === 'first' && marksDeeperReplies(raw)) {
    for (let j = i - 1; j >= 0; j--) if (raw[j]!.rootMark) return j;
  }
  // "Re: Re: X" under "Re: X": the latest post above whose subject is the reply's without its first "Re:".
  const subject = raw[i]!.subject;
  if (subject !== undefined && stacksReplies(raw)) {
    const answered = subject.replace(/^re: ?/i, '').toLowerCase();
    for (let j = i - 1; j >= 0; j--) if (raw[j]!.subject?.toLowerCase() === answered) return j;
  }
  // "Re:X" on a page that does not stack "Re:" (Slashdot: every reply in the thread is "Re:X"): the reply is in the
  // thread of X, as mail and news readers thread by subject, and answers its latest post above, the post above when
  // the page lists the thread depth first; a thread's reply listed under another thread's posts skips them.
  const thread = subject === undefined ? '' : subjectThread(subject);
  if (thread !== '' && subjectThread(raw[i - 1]!.subject ?? '') !== thread) {
    for (let j = i - 2; j >= 0; j--) {
      if (subjectThread(raw[j]!.subject ?? '') !== thread) continue;
      messages.push({
        ruleId: 'thread/guessed-parent',
        severity: 'warning',
        place: mark,
        reason: `Post ${posts[i]!.id} is marked as a reply in the thread of ${JSON.stringify(subject)}, but the dump does not show to which post; the latest post above in that thread (${posts[j]!.id}) was taken.`,
        actual: null,
        expected: 'indentation or a level',
      });
      return j;
    }
  }
  if (!(raw[i - 1]!.rootMark && before.depth === 0)) {
    messages.push({
      ruleId: 'thread/guessed-parent',
      severity: 'warning',
      place: mark,
      reason: `Post ${posts[i]!.id} is marked as a reply, but the dump does not show to which post; the post before it (${before.id}) was taken.`,
      actual: null,
      expected: 'indentation or a level',
    });
  }
  return i - 1;
}
