import afinn from 'wink-sentiment/src/afinn-en-165.js';
import type { BlockKind } from '../../schema/document.js';
import { countWords, endsWithTerminal } from '../../text/words.js';
import { matchChrome } from '../chrome-patterns.js';
import { isBlank, type Line } from '../lines.js';
import { CHAT_CLOCK, isRemovalNote, isRemovedPlaceholder, isSectionChrome, isTimestamp, readCountLine, readListedReplies } from '../section-cues.js';
import type { CommentStyle, RawPost, SectionParse } from '../types.js';
import { isAccountBlurb, isLegalLine, isUiLine } from '../ui-lines.js';
import { readColonHead } from './colon-head.js';
import { isDateLike, isNameTokens, readBadgeLine, readFooter, readNameLine, readReplyLine, readTimeLine, splitFields, splitNameSuffix, isInitialsOver, readBareReplyCount, readMentionPreview, laterReplyCue, readArrowNameLine } from './header-cues.js';
import { depthsFromIndents } from './section-shape.js';

// Short lines that are posts, not names, however name-like they look.
const INTERJECTIONS = new Set(
  'lol lmao rofl haha hahaha yes no yep nope yeah nah this that exactly agreed agree true false same wow ok okay indeed right sure thanks thank you what why how really wrong correct bingo amen nonsense rubbish ugh meh hmm wtf omg sad great good bad nice'.split(' '),
);
// "1,204", "88", "1.2K": a count alone on a line, figures only (with a thousands mark or a K / M).
const LIKE_COUNT = /^\d{1,3}(?:[,.]\d{3})*(?:[.,]\d)?[KkMm]?$/;
// Words that give a line away as a sentence fragment rather than a name.
const FUNCTION_WORDS = new Set(
  'the a an is are was were be to of in on at for and or but not it its this that these those what who why how when where will would can could should do does did have has had i you he she we they my your his her our their me him us them if so as than then there here just all any no'.split(' '),
);

/**
 * Could this line be a bare author name ("Five Families", "Nicolò", "Peter14", "dagon")? Known authors
 * always can; otherwise a short line without sentence punctuation or function words.
 */
export function looksLikeAuthor(trimmed: string, known: ReadonlySet<string>): boolean {
  if (trimmed.length === 0 || trimmed.length > 40) return false;
  if (known.has(trimmed)) return true;
  if (trimmed.startsWith('@') || trimmed.includes('://') || trimmed.includes('  ')) return false;
  // A final period is sentence punctuation, except after an initial ("Dave R.").
  const endsWithInitial = trimmed.length >= 3 && trimmed.endsWith('.') && trimmed[trimmed.length - 3] === ' ' && isCapital(trimmed[trimmed.length - 2]!);
  if ((endsWithTerminal(trimmed) && !endsWithInitial) || /[,"\u201c\u201d()[\]{}<>]/.test(trimmed)) return false;
  const words = trimmed.split(' ');
  if (words.length > 3) return false;
  const lower = trimmed.toLowerCase();
  if (INTERJECTIONS.has(lower)) return false;
  if (words.length > 1 && words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()))) return false;
  // "Great job Trump", "Shame on Biden": an evaluative word gives a short line away as a post. (Single
  // words are left alone: "Hope" or "Joy" may well be a name.)
  if (words.length > 1 && words.some((w) => Math.abs(afinn[w.toLowerCase()] ?? 0) >= 2)) return false;
  if (/^\d+$/.test(trimmed)) return false;
  return true;
}

/**
 * "Leeds, UK", "Top commenter", "157 comments", "Level 7": a short line between a post's head and its first sentence
 * that is itself no sentence, as a page prints the poster's place, rank or badge under the name (session 29). Read by
 * shape (`isProfileShape`), not by a list of badges, right over a line of prose (five words at least, or a sentence)
 * that does not run on from it (a capital or a figure first), or over the head's reply line ("Replying to …"). The
 * callers keep known posters' names out ("Omar Said" / "Lena Ortiz" / … is a reply hint or the text's first words).
 */
export function isProfileLine(line: Line, under: Line | undefined): boolean {
  if (under === undefined || isBlank(under) || !isProfileShape(line)) return false;
  // "Omar Said" / "Lena Ortiz" / "said the same…": a line the text under it runs on from is the text's first line.
  if (/^\p{Ll}/u.test(under.trimmed)) return false;
  const words = countWords(under.trimmed, 5);
  return words >= 5 || (words >= 2 && endsWithTerminal(under.trimmed)) || readReplyLine(under) !== null;
}

/**
 * The shape of a place, rank or badge line (`isProfileLine` without the line under it): at most three words and 32
 * characters, starting with a capital or a figure, with a letter, without sentence punctuation, quotes, brackets or
 * function words (an abbreviation in capitals is none: "Portland, OR"); not an interjection, an evaluative word
 * ("Agreed", "Great point"), a time ("3 hours ago"), a removal note, a word of the page's interface ("Reply") or a reply line ("Reactie
 * op Lotte_U").
 */
export function isProfileShape(line: Line): boolean {
  const trimmed = line.trimmed;
  if (trimmed.length < 2 || trimmed.length > 32) return false;
  if (!/^[\p{Lu}\d]/u.test(trimmed) || !/\p{L}/u.test(trimmed) || /[.!?…:;"\u201c\u201d()[\]{}<>@#/]/u.test(trimmed)) return false;
  const words = trimmed.split(/[\s,]+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 3) return false;
  if (isUiLine(trimmed) || readReplyLine(line) !== null || isTimestamp(trimmed) || isRemovalNote(trimmed) || readTimeLine(line) !== null || INTERJECTIONS.has(trimmed.toLowerCase()) || words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(w))) return false;
  return !words.some((w) => Math.abs(afinn[w.toLowerCase()] ?? 0) >= 1);
}

function isCapital(c: string): boolean {
  return c !== c.toLowerCase();
}

function findStart(lines: readonly Line[]): { start: number; confidence: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const count = readCountLine(lines[i]!.trimmed);
    if (count !== undefined) return { start: i, confidence: count === null ? 0.4 : 0.5 };
  }
  return null;
}

/**
 * The layout of seed 001: a count line ("21 Comments"), chrome ("Login to comment"), then for each post
 * a bare author line followed by the post's lines. Parents come only from cues in the text.
 */
export const countedStyle: CommentStyle = {
  name: 'counted',
  detect: findStart,
  parse(lines, start): SectionParse {
    const lineKinds = new Map<number, BlockKind>();
    const linePost = new Map<number, number>();
    /** Line `k` is of kind `kind` and belongs to the last post read. */
    const mark = (k: number, kind: BlockKind): void => {
      lineKinds.set(k, kind);
      linePost.set(k, posts.length - 1);
    };
    const posts: RawPost[] = [];
    const known = new Set<string>();
    let declaredCount: number | null = null;
    let i = start;
    const header = readCountLine(lines[i]?.trimmed ?? '');
    if (header !== undefined) {
      declaredCount = header;
      lineKinds.set(i, 'comment-section-header');
      i++;
      // "Comments" / "54 comments": a bare label over the count (session 29).
      const count = header === null ? readCountLine(lines[i]?.trimmed ?? '') : undefined;
      if (typeof count === 'number') {
        declaredCount = count;
        lineKinds.set(i, 'comment-section-header');
        i++;
      }
    }
    let current: RawPost | null = null;
    let lastWasAuthor = false;
    // The line before was a footer ("Like · Reply · 3y"): the post is over and a name comes next.
    let afterFooter = false;
    // The number of posts read when the comment box ("Leave a comment") was met under a closed post (`dropAfterCommentBox`).
    let boxAfter: number | null = null;
    // "Old Zhou in Jiangbei: Fully support. …": posts that open with the name and a colon on the text's first line.
    const inline = inlineNamesAt(lines, i);
    // The removed post whose placeholder is the line above (its age may stand under it).
    let removedAbove: RawPost | null = null;
    // "Five Families | Gably Zorrux" (session 30): a name and a suffix set off by a separator has a breadcrumb's shape
    // ("News | Local"); it is a head where the same suffix follows two names at least in the section, or, once posts
    // are read, where a line of the text follows it.
    const suffixNames = new Map<string, Set<string>>();
    for (let k = i; k < lines.length; k++) {
      const named = lines[k]!.trimmed.length <= 80 && lines[k]!.trimmed.includes(' ') ? readSuffixedName(lines[k]!) : null;
      if (named === null) continue;
      const suffix = suffixOf(lines[k]!, named);
      const names = suffixNames.get(suffix) ?? new Set<string>();
      suffixNames.set(suffix, names);
      names.add(named.author);
    }
    const suffixedHead = (k: number): boolean => {
      const line = lines[k]!;
      const named = suffixNames.size > 0 ? readSuffixedName(line) : null;
      if (named === null) return false;
      if ((suffixNames.get(suffixOf(line, named))?.size ?? 0) >= 2) return true;
      const under = lines[k + 1];
      return posts.length > 0 && under !== undefined && !isBlank(under) && countWords(under.trimmed, 5) >= 5 && !isSectionChrome(under.trimmed);
    };
    // An avatar's initials over the next line, kept for the post that line opens (`isInitialsOver`).
    let avatar: Line | null = null;
    // A reply preview over the next head (`readMentionPreview`): whom the post that head opens answers.
    let preview: { name: string; span: [number, number]; snippet: string; line: number } | null = null;
    const takePreview = (post: RawPost, at: number): void => {
      if (preview !== null && preview.line >= at - 2 && post.replyTo === null) post.replyTo = { name: preview.name, span: preview.span, snippet: preview.snippet };
      preview = null;
    };
    const nextContent = (from: number): Line | undefined => {
      for (let k = from; k < lines.length; k++) if (!isBlank(lines[k]!)) return lines[k];
      return undefined;
    };
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      const t = line.trimmed;
      if (isBlank(line)) {
        lineKinds.set(i, 'blank');
        continue;
      }
      // "Related tracks" / "Court Report: …" / "Wendover Sound" / …: a related-list label right under a closed post ends
      // the comments; the headlines and their sources under it are the page's (session 28).
      if (afterFooter && !lastWasAuthor && posts.length > 0 && matchChrome(t)?.id === 'related' && countWords(t, 4) <= 3) {
        for (let k = i; k < lines.length; k++) lineKinds.set(k, isBlank(lines[k]!) ? 'blank' : 'comment-chrome');
        break;
      }
      // "6h · Reply · 👍 188 👎 41" / "Hide 2 replies": the open toggle right under a post's footer lists the replies it
      // counts under the post (`repliesListed`), as in the walked styles (session 29), nested unseen (`repliesNested`, session 30).
      const listed = current && afterFooter && !current.replyCount ? readListedReplies(t) : null;
      if (current && listed !== null && listed > 0) {
        current.replyCount = { count: listed, span: [line.contentStart, line.contentEnd] };
        current.repliesListed = true;
        current.repliesNested = true;
        lineKinds.set(i, 'comment-chrome');
        continue;
      }
      // Section chrome and site junk ("Advertisement", "Share") between posts is not post text; before the first
      // post, neither is any line of the page's interface ("31 shares", "Like", "Comment" under the comment count) nor a
      // line saying who may comment ("You need to be a subscriber to comment. Log in", session 35); under a closed post,
      // the site's legal line ("© 2026 … All rights reserved.") and a row of its links ("Contact us  Advertise") are the
      // page's too.
      if (!lastWasAuthor && (isSectionChrome(t) || matchChrome(t)?.kind === 'boilerplate' || (posts.length === 0 && (isUiLine(t) || isAccountBlurb(t))) || (afterFooter && (isLegalLine(t) || (isUiLine(t) && / {2}|\t/.test(t))))) && !suffixedHead(i)) {
        if (afterFooter && COMMENT_BOX.test(t)) boxAfter = posts.length;
        lineKinds.set(i, 'comment-chrome');
        continue;
      }
      // "Comments" / "Join the conversation" / "3 comments" (session 29): more of the section's heading and count lines
      // before the first post are its opening, not a name or a post; the first figure is the count declared.
      const opening = posts.length === 0 ? readCountLine(t) : undefined;
      if (opening !== undefined) {
        if (declaredCount === null) declaredCount = opening;
        lineKinds.set(i, 'comment-chrome');
        continue;
      }
      // "Top fan", "Author", "Works at …" under the name: about the poster, not the post.
      const badge = current && lastWasAuthor ? readBadgeLine(t) : null;
      if (current && badge) {
        if (badge.isOP) current.isOP = true;
        current.raw.push(line);
        mark(i, 'post-header');
        continue;
      }
      // "Leeds, UK" / "157 comments" right under the name, over the text (session 29): about the poster, not the post.
      if (current && lastWasAuthor && current.body.length === 0 && !isBlank(lines[i - 1]!) && !known.has(t) && isProfileLine(line, lines[i + 1])) {
        current.raw.push(line);
        mark(i, 'post-header');
        continue;
      }
      // "Replying to Maria Keller" / "In reply to jdoe_77" under the name (session 29): whom the post answers, a line
      // of its head as in the widget layouts.
      // (Under a reply preview's head, session 30: the line is the head's; the preview's words, naming the same poster,
      // still pick which of that poster's posts is answered.)
      const reply = current && lastWasAuthor && (current.replyTo === null || current.replyTo.snippet !== undefined) ? readReplyLine(line) : null;
      if (current && reply !== null && reply.name !== '') {
        current.replyTo = laterReplyCue(current.replyTo, reply);
        current.raw.push(line);
        mark(i, 'post-header');
        continue;
      }
      // "9h" / "212 likes" / "Report this comment" (session 28): an age alone under the text, right over the footer, is
      // the post's time, part of the footer.
      const below = current && !lastWasAuthor && current.body.length > 0 && readTimeLine(line) !== null ? nextContent(i + 1) : undefined;
      if (current && below && below.index === i + 1 && readFooter(below) !== undefined) {
        if (current.timestamp === null) current.timestamp = readTimeLine(line);
        current.raw.push(line);
        mark(i, 'post-footer');
        continue;
      }
      // "…every single time 🙃" / "😁 9" / "08:14" / "Mared Ellis": a chat copied tight (Telegram's comments, session 29)
      // ends each message with its clock alone, right over the next sender's name, a date or the end; it closes the post.
      const clock = current !== null && !lastWasAuthor && current.body.length > 0 && CHAT_CLOCK.test(t);
      const after = clock ? nextContent(i + 1) : undefined;
      if (current && clock && (after === undefined || after.index > i + 1 || looksLikeAuthor(after.trimmed, known) || readNameLine(after) !== null || isDateSeparator(after.trimmed) || isSectionChrome(after.trimmed))) {
        if (current.timestamp === null) current.timestamp = t.replace(/^edited\s+/i, '');
        current.raw.push(line);
        mark(i, 'post-footer');
        afterFooter = true;
        continue;
      }
      // A footer of buttons under the text ("Like · Reply · 2 · 3y") closes the post.
      // ("2 responses" right under the text or the buttons counts the post's replies: a footer row there, session 30.)
      const footer = current && !lastWasAuthor && current.body.length > 0 ? (readFooter(line) ?? (readBareReplyCount(t) !== null ? { likes: null } : undefined)) : undefined;
      if (current && footer) {
        if (footer.likes !== null && current.likes === null) current.likes = footer.likes;
        if (footer.timestamp !== undefined && current.timestamp === null) current.timestamp = footer.timestamp;
        current.raw.push(line);
        mark(i, 'post-footer');
        afterFooter = true;
        continue;
      }
      // "Editado" / "Edited" on a line of its own under the footer: still the footer. So is an interface line right
      // under it ("212 likes" / "Report this comment", session 28), which no post's text starts with.
      // (Session 32: so is a like count alone right under it, "3d ago   Reply" / "1,204", figures only.)
      if (current && afterFooter && (/^(?:edited|editado|bearbeitet|modifié|modificato)$/i.test(t) || ((isUiLine(t) || LIKE_COUNT.test(t)) && lines[i - 1] !== undefined && !isBlank(lines[i - 1]!)))) {
        current.raw.push(line);
        mark(i, 'post-footer');
        continue;
      }
      // "KD" / "Karen Doyle": an avatar's initials right over the name belong to the head of the post the name opens
      // (session 30); the line is kept aside until that post is made.
      // (Should the line under them open no post after all, they stay the section's chrome.)
      if ((!current || !lastWasAuthor) && isInitialsOver(line, lines[i + 1])) {
        avatar = line;
        lineKinds.set(i, 'comment-chrome');
        continue;
      }
      // "@Sarah K well that's it then…" / "Tom Wainwright": a chat's preview of the message answered, "@" and an earlier
      // poster's name and the first words, right over the head of the reply (session 30, as the walked styles read it).
      const mention = (!current || !lastWasAuthor) && posts.length > 0 ? readMentionPreview(line, posts) : null;
      if (mention !== null && opensHead(lines, i + 1, known, inline)) {
        preview = { ...mention, line: i };
        lineKinds.set(i, 'comment-chrome');
        continue;
      }
      const wasAfterFooter: boolean = afterFooter;
      afterFooter = false;
      if (current && lastWasAuthor && isTimestamp(t) && current.timestamp === null) {
        current.timestamp = t;
        current.raw.push(line);
        mark(i, 'post-header');
        continue;
      }
      // "December 6" between a closed post and the next name (or over the first): a chat's date separator.
      const dated = !lastWasAuthor && (wasAfterFooter || posts.length === 0) && isDateSeparator(t) ? nextContent(i + 1) : undefined;
      if (dated !== undefined && looksLikeAuthor(dated.trimmed, known)) {
        lineKinds.set(i, 'comment-chrome');
        afterFooter = wasAfterFooter;
        continue;
      }
      // "Mared Ellis" / "Owen Pryce" / "Two years late and 55 million over. Ev…" / text: under the sender's name, an
      // earlier poster's name over the first words of that poster's message is the message answered (a chat's quoted
      // reply, Telegram); "Deleted message" there quotes a message that is gone.
      if (current && lastWasAuthor && current.body.length === 0 && !current.replyTo) {
        const quoted = readQuotedReply(lines, i, posts);
        if (quoted !== null) {
          current.replyTo = quoted.replyTo;
          for (let k = i; k <= quoted.last; k++) {
            current.raw.push(lines[k]!);
            mark(k, 'post-header');
          }
          i = quoted.last;
          continue;
        }
      }
      // "#3 Rafael Ortiz", "3. Dana": a comment number in sequence before the name (or the placeholder).
      const numbered = readCommentNumber(t, posts.length + 1);
      const rest = numbered > 0 ? t.slice(numbered) : t;
      if (isRemovedPlaceholder(rest) && (numbered > 0 || rest === t)) {
        if (!current || !lastWasAuthor) {
          current = newPost(null, null);
          posts.push(current);
        }
        current.removed = true;
        current.raw.push(line);
        mark(i, 'post-removed');
        lastWasAuthor = false;
        current = null; // a removed post takes no body lines
        removedAbove = posts[posts.length - 1]!;
        continue;
      }
      // "This comment has been deleted." / "1d" / "Grace Amadi": the removed post's age under its placeholder, not the
      // next post's author.
      const placeholder = removedAbove;
      removedAbove = null;
      // (Session 35: "9:51am Sat 5 Dec 26 · Report abuse", the placeholder's footer row with its time, likewise.)
      const placeholderFooter = placeholder && lineKinds.get(i - 1) === 'post-removed' && !isTimestamp(t) && readTimeLine(line) === null ? readFooter(line) : undefined;
      if (placeholder && lineKinds.get(i - 1) === 'post-removed' && (isTimestamp(t) || readTimeLine(line) !== null || placeholderFooter !== undefined)) {
        if (placeholder.timestamp === null) placeholder.timestamp = placeholderFooter ? (placeholderFooter.timestamp ?? null) : t;
        placeholder.raw.push(line);
        mark(i, 'post-footer');
        continue;
      }
      const next = nextContent(i + 1);
      // Where the name stands on the text's first line, a time alone under the text is the post's ("8h"), not a name.
      if (inline && current && !lastWasAuthor && current.body.length > 0 && readTimeLine(line) !== null) {
        if (current.timestamp === null) current.timestamp = readTimeLine(line);
        current.raw.push(line);
        mark(i, 'post-footer');
        continue;
      }
      // In a section that opens its posts so, such a line opens a post wherever it stands (under a reply toggle too).
      const opened = inline ? readInlineName(line) : null;
      if (opened) {
        current = newPost(opened.author, opened.authorSpan);
        takePreview(current, i);
        current.body.push(opened.text);
        known.add(opened.author);
        posts.push(current);
        mark(i, 'post-body');
        lastWasAuthor = false;
        continue;
      }
      if (!current || !lastWasAuthor) {
        // A name line is followed by text, or by its time stamp ("Feb 14, 2025 9:12 AM").
        // Right under a footer, a short line over a badge ("The Costa Courier" / "Author") is a name too.
        const badged = wasAfterFooter && next !== undefined && readBadgeLine(next.trimmed) !== null && t.length <= 56 && !endsWithTerminal(t);
        // "Maria Keller · @maria_keller" / "@maria_keller": a name with its handle after it, or a handle alone, on a
        // line of its own (session 29). The author is the name as shown, the handle kept for mentions.
        const shown = numbered === 0 ? (readShownName(line) ?? readSuffixedName(line)) : null;
        // "Jo Kemble ▸ Pete Rowe": a reply's name line naming the poster answered after an arrow (session 32,
        // as the widget reader reads it, `readArrowNameLine`).
        const arrow = shown === null && numbered === 0 && posts.length > 0 ? readArrowNameLine(line) : null;
        if (next !== undefined && arrow !== null && next.index === i + 1 && !isTimestamp(next.trimmed)) {
          current = newPost(arrow.author, arrow.authorSpan);
          current.replyTo = { name: arrow.replyTo.name, span: arrow.replyTo.span };
          if (arrow.isOP) current.isOP = true;
          preview = null;
          known.add(arrow.author);
          posts.push(current);
          mark(i, 'post-header');
          lastWasAuthor = true;
          continue;
        }
        // "Comments (9)" / "Related posts" / blank / "Jo Kemble" / text (session 32): before the first post, a
        // name-like line over a blank line and then a name line that sits right on its text is a tab or label of the
        // section, not a head.
        const label = posts.length === 0 && next !== undefined && next.index > i + 1 && looksLikeAuthor(next.trimmed, known)
          && lines[next.index + 1] !== undefined && !isBlank(lines[next.index + 1]!) && countWords(lines[next.index + 1]!.trimmed, 5) >= 5;
        if (label) {
          lineKinds.set(i, 'comment-chrome');
          continue;
        }
        // "Margaret Dunne says:", "Cllr Ian Booth (Lib Dem, Holmbrook) says:": a name with the verb a comment list puts
        // after it opens a post wherever it stands (session 35); the verb is no part of the name.
        const saying = numbered === 0 && shown === null && SAYS_HEAD.test(rest) ? readNameLine(line) : null;
        const named = saying !== null || shown !== null || looksLikeAuthor(rest, known) || (wasAfterFooter && readNameLine(line) !== null) || badged || displayNameAfterFooter(lines, i, wasAfterFooter);
        // A name-like last line right over the footer ("Anne" / "Like · Reply · 1d") signs the post above.
        const signs = current !== null && current.body.length > 0 && readFooter(next ?? line) !== undefined;
        if (next !== undefined && named && !isTimestamp(rest) && !signs) {
          // "Group Help bot": the tag a chat prints after a bot's name, in lower case, is no part of it (session 29).
          const name = / (?:bot|app)$/.test(rest) && rest.length > 4 ? rest.slice(0, -4) : rest;
          const head = saying ?? shown;
          current = head ? newPost(head.author, head.authorSpan) : newPost(name, [line.contentStart + numbered, line.contentStart + numbered + name.length]);
          if (shown?.handle) current.handle = shown.handle;
          takePreview(current, i);
          if (avatar !== null && avatar.index === i - 1) {
            current.raw.push(avatar);
            mark(i - 1, 'post-header');
          }
          avatar = null;
          known.add(head ? current.author! : rest);
          posts.push(current);
          mark(i, 'post-header');
          lastWasAuthor = true;
          continue;
        }
        if (!current) {
          // Text before any author line: a post whose author the dump does not show.
          current = newPost(null, null);
          posts.push(current);
        }
      }
      current.body.push(line);
      mark(i, 'post-body');
      lastWasAuthor = false;
    }
    dropNavTail(posts, lineKinds, linePost);
    if (boxAfter !== null) dropAfterCommentBox(posts, boxAfter, lineKinds, linePost);
    nestByIndent(posts);
    return { posts, lineKinds, linePost, declaredCount, messages: [] };
  },
};

// "Margaret Dunne says:": a head line ending with the verb a comment list puts after the name.
const SAYS_HEAD = /\s(?:says|said|wrote|writes|commented|replied):$/i;

/**
 * "the man from the chip shop" / "will the buses be slower now or what" / "2d ago   Reply" (session 32): right under a
 * closed post and a blank line, a short line (at most six words and 40 characters, no sentence end, no figure-only
 * line) standing right on a line of text, whose block runs down to a footer row of its own before any blank line, is a
 * display name however few name-like words it has: a post that opens after a footer opens with its head.
 */
function displayNameAfterFooter(lines: readonly Line[], i: number, afterFooter: boolean): boolean {
  const line = lines[i]!;
  const t = line.trimmed;
  if (!afterFooter || i === 0 || !isBlank(lines[i - 1]!) || t.length > 40 || countWords(t, 7) > 6 || endsWithTerminal(t) || !/\p{L}/u.test(t)) return false;
  if (isUiLine(t) || isSectionChrome(t) || isTimestamp(t) || readFooter(line) !== undefined) return false;
  const under = lines[i + 1];
  if (under === undefined || isBlank(under) || readFooter(under) !== undefined || isTimestamp(under.trimmed)) return false;
  for (let k = i + 2; k < lines.length && k <= i + 40; k++) {
    const l = lines[k]!;
    if (isBlank(l)) return false;
    if (readFooter(l) !== undefined) return true;
  }
  return false;
}

/**
 * Replies indented under their parents (session 29): when the posts' first lines (the name line, a removal note) stand
 * at more than one indentation, each post's depth is its place in the stack of indents above it, as the widget reader
 * reads them. A dump that keeps no indentation keeps its posts flat (parents from cues only).
 */
function nestByIndent(posts: RawPost[]): void {
  if (posts.some((p) => p.timestamp !== null)) return;
  const firsts = posts.map((p) => p.raw[0] ?? p.body.find((l) => !isBlank(l)));
  if (firsts.some((l) => l === undefined)) return;
  const depths = depthsFromIndents(firsts.map((l) => l!.indent));
  if (depths === null) return;
  posts.forEach((p, k) => {
    p.depth = depths[k]!;
    p.depthCue = 'indent';
  });
}

/**
 * "Old Zhou in Jiangbei: Fully support. I walk …" (session 29): a line that opens with a `Name: ` head (`readColonHead`,
 * the test the chat reader's heads share) whose name has a name's tokens (at most six, no handle, date or interface word;
 * up to four words a name line's shape), then three words of text at least: the name and the post's first line. The text part is returned as a line of its own (offsets kept).
 */
function readInlineName(line: Line): { author: string; authorSpan: [number, number]; text: Line } | null {
  const t = line.trimmed;
  if (t.length > 4000) return null;
  const m = readColonHead(t);
  if (!m) return null;
  const rest = t.slice(m.textAt);
  // One space between the colon and the text: the text's line below keeps its content trimmed.
  if (/^\s/u.test(rest)) return null;
  if (countWords(rest, 3) < 3) return null;
  const at = line.contentStart;
  // "Linjiang Daily English [Author]": a bracketed tag after the name is the page's badge, not part of it.
  // (Session 30: any suffix a page prints after a name, `splitNameSuffix`, as the name lines read it.)
  // (The name as the readers see it: a page's badge mark after it is blanked in `line.text`, `blankBadgeMarks`.)
  const seen = line.text.slice(at - line.start, at - line.start + m.name.length).trimEnd() || m.name;
  const headLine: Line = { ...line, start: at, text: seen, contentStart: at, contentEnd: at + seen.length, trimmed: seen, indent: 0, fields: undefined };
  const author = splitNameSuffix(headLine)?.author ?? seen;
  const nameLine: Line = { ...line, start: at, text: author, contentStart: at, contentEnd: at + author.length, trimmed: author, indent: 0, fields: undefined };
  const tokens = splitFields(nameLine);
  if (!isNameTokens(tokens) || tokens.some((f) => f.text.startsWith('@')) || isDateLike(author) || isUiLine(author) || readNameLine(nameLine) === null && tokens.length <= 4) return null;
  const textAt = at + m.textAt;
  const text: Line = { ...line, start: textAt, text: line.text.slice(textAt - line.start), contentStart: textAt, trimmed: rest, indent: 0, fields: undefined };
  return { author, authorSpan: [at, at + author.length], text };
}

/**
 * Whether the section from `start` opens its posts with inline names: three lines at least read by `readInlineName`,
 * with two names at least, and more such lines than lines a name stands alone on.
 */
function inlineNamesAt(lines: readonly Line[], start: number): boolean {
  const names = new Set<string>();
  let opened = 0;
  let alone = 0;
  for (let k = start + 1; k < lines.length; k++) {
    if (isBlank(lines[k]!)) continue;
    const inline = readInlineName(lines[k]!);
    if (inline) {
      opened++;
      names.add(inline.author);
    } else if (!isRemovalNote(lines[k]!.trimmed) && readNameLine(lines[k]!) !== null) alone++;
  }
  return opened >= 3 && names.size >= 2 && opened > alone;
}

/** Whether line `k` can open a post's head: a name line (bare, with a handle or a suffix), initials over one, or an inline name. */
function opensHead(lines: readonly Line[], k: number, known: ReadonlySet<string>, inline: boolean): boolean {
  const line = lines[k];
  if (line === undefined || isBlank(line)) return false;
  return looksLikeAuthor(line.trimmed, known) || readNameLine(line) !== null || readSuffixedName(line) !== null || isInitialsOver(line, lines[k + 1]) || (inline && readInlineName(line) !== null);
}

/** What stands after the name on a suffixed name line ("(Moderator)", "· Top Fan"). */
function suffixOf(line: Line, named: { authorSpan: [number, number] }): string {
  return line.trimmed.slice(named.authorSpan[1] - line.contentStart).trim();
}

/**
 * "Karen Doyle (Moderator)" / "Karen Doyle · Top Fan" on a line of its own (session 30): a name with the page's suffix
 * after it (`splitNameSuffix`), read as a name line; else null.
 */
function readSuffixedName(line: Line): { author: string; authorSpan: [number, number]; handle?: string } | null {
  const name = splitNameSuffix(line);
  if (name === null || isUiLine(name.author) || isDateLike(name.author) || isRemovalNote(line.trimmed)) return null;
  return { author: name.author, authorSpan: name.authorSpan };
}

/** A name line that shows the poster's handle: "Name · @handle" or "@handle" alone; else null. */
function readShownName(line: Line): { author: string; authorSpan: [number, number]; handle: string } | null {
  if (!line.trimmed.includes('@')) return null;
  const name = readNameLine(line);
  return name?.handle !== undefined ? { author: name.author, authorSpan: name.authorSpan, handle: name.handle } : null;
}

/**
 * A post read from a short name line over one or two short lines of links ("About" / "News"): no time, count, footer
 * or sentence. `pageLine` tells a line of the page's interface or legal text, which may be longer.
 */
function isNavPair(post: RawPost, pageLine: (t: string) => boolean): boolean {
  if (post.author === null || post.removed || post.timestamp !== null || post.likes !== null || post.replyCount || post.replyTo || post.raw.some((l) => !isBlank(l) && l.trimmed !== post.author)) return false;
  if (countWords(post.author, 4) > 3 || endsWithTerminal(post.author)) return false;
  const text = post.body.filter((l) => !isBlank(l));
  return text.length >= 1 && text.length <= 2 && text.every((l) => pageLine(l.trimmed) || /^[©®]/.test(l.trimmed) || (countWords(l.trimmed, 5) <= 3 && !endsWithTerminal(l.trimmed)));
}

/**
 * "About" / "News" / "Pro" / "Apps" / … / "Contact" / "© …": a site footer's one-word links below the last post, read
 * two by two as a name over a line of text (session 28). Three such posts at least at the end, none with a time, a
 * count or a footer, under posts that show times or counts: the page's links, not comments.
 */
function dropNavTail(posts: RawPost[], lineKinds: Map<number, BlockKind>, linePost: Map<number, number>): void {
  dropPostsFrom(posts, navTailStart(posts, posts.length, isUiLine, (p) => p.timestamp !== null || p.likes !== null), lineKinds, linePost);
}

// "Leave a comment" / "Write a reply…": the box a reader types a comment into.
const COMMENT_BOX = /^(?:post|leave|add|write) a (?:comment|reply)\b/i;

/**
 * "07:40" / "Leave a comment" / "Brennford Transit News" / "Trams, buses and trains…": the comment box right under a
 * closed post ends the comments (session 30); what follows it, read as posts showing nothing a comment shows (no time,
 * no count, no reply cue) under posts that every one show a time or a count, is the page's (the channel's card, its
 * description), not comments. `boxAfter` is the number of posts read when the box was met.
 */
function dropAfterCommentBox(posts: RawPost[], boxAfter: number, lineKinds: Map<number, BlockKind>, linePost: Map<number, number>): void {
  const shows = (p: RawPost): boolean => p.timestamp !== null || p.likes !== null || (p.replyCount?.count ?? 0) > 0;
  if (boxAfter === 0 || boxAfter >= posts.length) return;
  if (!posts.slice(0, boxAfter).every((p) => p.removed || shows(p))) return;
  if (posts.slice(boxAfter).some((p) => p.removed || shows(p) || p.replyTo !== null)) return;
  dropPostsFrom(posts, boxAfter, lineKinds, linePost);
}

/** Drops `posts[from…]`, their lines becoming the section's chrome. */
function dropPostsFrom(posts: RawPost[], from: number, lineKinds: Map<number, BlockKind>, linePost: Map<number, number>): void {
  if (from >= posts.length) return;
  for (const post of posts.splice(from)) {
    for (const line of [...post.raw, ...post.body]) {
      lineKinds.set(line.index, isBlank(line) ? 'blank' : 'comment-chrome');
      linePost.delete(line.index);
    }
  }
}

/**
 * Where a site footer's links read as posts start among `posts[0, end)`: the run of name-over-links posts
 * (`isNavPair` by `pageLine`) that ends at `end`, when it holds three posts at least (or ends in a copyright line) and
 * some post above it `shows` what comments show (a time, a count); else `end`.
 */
export function navTailStart(posts: readonly RawPost[], end: number, pageLine: (t: string) => boolean, shows: (post: RawPost) => boolean): number {
  let nav = end;
  while (nav > 0 && isNavPair(posts[nav - 1]!, pageLine)) nav--;
  // "About us" / "Contact" / "© 2026 …", "More for You" / "Privacy & Cookies" / "© Microsoft 2026" (session 29): a run
  // ending in the page's copyright line is the site's footer however short it is.
  const copyright = end > nav && posts[end - 1]!.body.some((l) => /^[©®]/.test(l.trimmed));
  return (end - nav >= 3 || copyright) && nav > 0 && posts.slice(0, nav).some(shows) ? nav : end;
}

const COMMENT_NUMBER = /^(?:#\s?(\d{1,5})\.?|(\d{1,5})[.)])[ \t]+(?=\S)/;

/**
 * The length of a comment number before a name ("#3 ", "3. ", "3) ") when it is `expected`, the number of
 * the next post; else 0. Asking for the next number in sequence keeps a numbered list inside a post
 * ("1. Fares") from reading as a new author.
 */
export function readCommentNumber(trimmed: string, expected: number): number {
  const m = COMMENT_NUMBER.exec(trimmed);
  if (!m || Number(m[1] ?? m[2]) !== expected) return 0;
  return m[0].length;
}

/** An empty raw post, for style parsers to fill. */
export function newPost(author: string | null, authorSpan: [number, number] | null): RawPost {
  return {
    id: null,
    author,
    authorSpan,
    body: [],
    removed: false,
    isOP: false,
    depth: null,
    depthCue: null,
    replyTo: null,
    parentRef: null,
    timestamp: null,
    likes: null,
    raw: [],
  };
}

/** "December 6", "5 December", "Today": a date alone on its line, no clock (a chat's day separator). */
function isDateSeparator(trimmed: string): boolean {
  return trimmed.length <= 24 && !/\d{1,2}:\d{2}/.test(trimmed) && (/^(?:today|yesterday)$/i.test(trimmed) || (/\d/.test(trimmed) && isTimestamp(trimmed)));
}

/**
 * A quoted reply under a sender's name at line `i`: an earlier poster's name (a tag such as "bot" after it aside) over
 * the first words of one of that poster's messages (cut, "…", or whole), or "Deleted message" alone; the name and words answered and the quote's last
 * line, else null.
 */
function readQuotedReply(lines: readonly Line[], i: number, posts: readonly RawPost[]): { replyTo: { name: string; span: [number, number]; snippet?: string } | null; last: number } | null {
  const line = lines[i]!;
  if (/^deleted message$/i.test(line.trimmed)) return lines[i + 1] && !isBlank(lines[i + 1]!) ? { replyTo: null, last: i } : null;
  const under = lines[i + 1];
  if (!under || isBlank(under) || !lines[i + 2] || isBlank(lines[i + 2]!)) return null;
  const name = line.trimmed;
  const words = under.trimmed.replace(/(?:…|\.\.\.)$/, '').trim();
  if (words.length < 8) return null;
  const squash = (x: string): string => x.replace(/\s+/g, ' ');
  // (The words may start at any line of the message: a quote of its own may come first, "> Island residents …".)
  const quoted = posts.some((p, k) => k < posts.length - 1 && (p.author === name || p.author?.startsWith(`${name} `) === true) && p.body.some((_, j) => squash(p.body.slice(j).map((l) => l.trimmed).join(' ')).startsWith(words)));
  return quoted ? { replyTo: { name, span: [line.contentStart, line.contentEnd], snippet: under.trimmed }, last: i + 1 } : null;
}
