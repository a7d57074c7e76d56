import { compile, type Config } from './compile.js';
import { ThreadlensInputError, ThreadlensOptionError } from './errors.js';
import type { ParseOptions } from './options.js';
import { segmentArticle } from './ingest/article.js';
import { findEdgeStory, hasLeadingStory, findHeadlessStory, findTrailingStory, findNumberedChain, findQuotedArticle, findStoryPost, postLineBounds, unquoteLines } from './ingest/opening-post.js';
import type { ChromePattern } from './ingest/chrome-patterns.js';
import { checkIsText, decodeInput } from './ingest/decode.js';
import { COMMENT_STYLES, detectSection } from './ingest/detect-section.js';
import type { CommentStyle } from './ingest/types.js';
import { readJsonDump } from './ingest/json.js';
import { modelSection } from './ingest/line-roles.js';
import { blankLinkMarks } from './ingest/link-marks.js';
import { blankBadgeMarks } from './ingest/badge-marks.js';
import { isBlank as isBlankLine, splitLines, type Line } from './ingest/lines.js';
import { readCountLine } from './ingest/section-cues.js';
import { parseWithoutPageChrome } from './ingest/page-chrome-view.js';
import { countWords } from './text/words.js';
import type { RawPost, SectionParse } from './ingest/types.js';
import type { Message, Sentence } from './schema/common.js';
import type { Block, BlockKind, ThreadDocument } from './schema/document.js';
import { SCHEMA_VERSION } from './version.js';
import { splitSentences } from './text/sentences.js';
import { buildPosts } from './thread/build-posts.js';
import { dropEdgePosts } from './thread/drop-edge-posts.js';
import { findMentions } from './thread/find-mentions.js';
import { findQuotations } from './thread/find-quotations.js';
import { resolveParents } from './thread/resolve-parents.js';
import { normalise, splitLeadingQuotes } from './thread/split-quote.js';
import { VERSION } from './version.js';
import { type SafeResult, safely } from './safe.js';
import { utf8Length } from './text/utf8.js';
import { pushAll } from './arrays.js';
import { readPageTemplate, withoutPosts } from './ingest/head-template.js';
import { readPageRecords } from './ingest/page-records.js';

/**
 * Parses an article dump with its comment thread into a position-tracked document (no classification:
 * see `analyze`). Odd input gives messages, never exceptions; misuse (bad options, input over
 * `maxInputBytes`) throws. Takes options or a `compile`d config.
 */
export function parse(input: string | Uint8Array, options: ParseOptions | Config = {}): ThreadDocument {
  const config = compile(options);
  return parseWith(input, config, config.name);
}

/** `parse` with a compiled config and the document's name. */
export function parseWith(input: string | Uint8Array, config: Config, name: string | null): ThreadDocument {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new ThreadlensOptionError('input', input, 'must be a string or a Uint8Array');
  }
  const size = typeof input === 'string' ? utf8Length(input) : input.byteLength;
  if (size > config.maxInputBytes) {
    throw new ThreadlensInputError('input/too-large', `input is ${size} bytes, over maxInputBytes (${config.maxInputBytes}); raise the option to accept it`);
  }
  const messages: Message[] = [];
  const text = decodeInput(input, messages);
  const options = { name, chrome: config.chrome, styles: config.styles };
  checkIsText(text, messages);
  const json = readJsonDump(text, config.chrome, messages);
  if (json) return assemble(json.text, json.text, json.lines, json.article, json.section, 'json', options, [...messages, ...json.messages]);
  return parseText(text, null, options, messages);
}

/** The safe form of `parse`: `{ success: true, data }` or `{ success: false, error }`, never throws. */
export function safeParse(
  input: string | Uint8Array,
  options: ParseOptions | Config = {},
): SafeResult<ThreadDocument> {
  return safely(() => parse(input, options));
}

/** What the parser reads of a config: the document's name, the extra chrome patterns and the caller's comment styles. */
export interface DocumentOptions {
  name: string | null;
  chrome: readonly ChromePattern[];
  /** Comment styles of the caller's (`styles` option, compiled), tried before the built-in ones. */
  styles?: readonly CommentStyle[];
}

/** Parses an analysed text (the input itself, or the rendering of a JSON input given as `rendered`). */
export function parseText(text: string, rendered: string | null, options: DocumentOptions, messages: Message[]): ThreadDocument {
  const lines = blankBadgeMarks(blankLinkMarks(splitLines(text)));
  const section = detectSection(lines, options.styles?.length ? [...options.styles, ...COMMENT_STYLES] : COMMENT_STYLES, text);
  const sectionStart = section ? section.start : lines.length;
  let article = segmentArticle(lines, section?.article?.from ?? 0, section?.article?.to ?? sectionStart, options.chrome);
  // A wrapped article (a digest's first message forwarding the story): the wrapping is boilerplate.
  if (section?.article) {
    for (let k = 0; k < sectionStart; k++) {
      if (k < section.article.from || k >= section.article.to) article.kinds.set(k, lines[k]!.contentStart === lines[k]!.contentEnd ? 'blank' : 'boilerplate');
    }
  }
  // (Session 24) The section's count line a few lines over where its posts start ("Comments 17", then a moderation
  // notice, then the sort menu): the article ends at the count line, and the lines under it are the section's.
  const countAbove = section && !section.article ? countLineAbove(lines, sectionStart) : null;
  if (countAbove !== null) {
    article = segmentArticle(lines, 0, countAbove.line, options.chrome);
    for (let k = countAbove.line; k < sectionStart; k++) {
      article.kinds.set(k, isBlankLine(lines[k]!) ? 'blank' : k === countAbove.line ? 'comment-section-header' : 'comment-chrome');
    }
  }
  let parsed: SectionParse = { posts: [], lineKinds: new Map(), linePost: new Map(), declaredCount: null, messages: [] };
  if (section) {
    try {
      parsed = parseWithoutPageChrome(section.style, lines, section.start, text);
      // The first post quoting the whole story (a forum topic): the quote is the article, the rest the comments.
      const opening = section.article ? null : findQuotedArticle(lines, article, parsed);
      if (opening) {
        const only = new Set([...opening.quoted].filter((k) => k < opening.next));
        article = segmentArticle(unquoteLines(lines, only), 0, opening.next, options.chrome, only);
        parsed = parseWithoutPageChrome(section.style, lines, opening.next, text);
      } else {
        // The first post that is the story itself (a newsroom's chat message, a moderator's `message 1`).
        // (Or the story told as a numbered chain of the newsroom's own posts, `1/5` … `5/5`.)
        const story = section.article ? null : (findStoryPost(lines, article, parsed) ?? findNumberedChain(lines, article, parsed) ?? findHeadlessStory(lines, article, parsed));
        if (story) {
          article = segmentArticle(story.lines, 0, story.next, options.chrome, story.only);
          parsed = parseWithoutPageChrome(section.style, lines, story.next, text);
        }
      }
    } catch (err) {
      // A parser bug must not kill the run: the section is kept as chrome and reported.
      messages.push({
        ruleId: 'ingest/section-parse-failed',
        severity: 'warning',
        place: [lines[section.start]!.start, text.length],
        reason: `The ${section.style.name} comment parser failed (${String((err as Error)?.message ?? err)}); the section was left unparsed.`,
      });
    }
  }
  // A layout the rules do not know: when they read no post, or ran posts together under heads they took for text, or
  // read odd authors, or a post count the model's own sure reading disagrees with by their doing, and the learned line
  // model finds enough start lines, the model's posts are taken instead (modelSection in src/ingest/line-roles.ts).
  const fallback = messages.some((m) => m.ruleId === 'input/binary') ? null : modelSection(lines, parsed);
  if (fallback) {
    const end = section && section.start <= fallback.start ? section.start : fallback.start;
    article = segmentArticle(lines, 0, end, options.chrome);
    // (Session 40) The rules' section start above a page's only prose (a card's description under its fields, the
    // story pasted there): where the article above it has no paragraph, the article runs down to the model's first post.
    if (end < fallback.start && !hasProse(article)) {
      const longer = segmentArticle(lines, 0, fallback.start, options.chrome);
      if (hasProse(longer)) article = longer;
    }
    messages.push({
      ruleId: 'thread/line-model',
      severity: 'info',
      place: [lines[fallback.start]!.start, text.length],
      reason: `${
        parsed.posts.length === 0
          ? "The comment section's layout was not recognised by the rules (0 posts)"
          : fallback.oddAuthors !== null
            ? `The rules read ${parsed.posts.length} posts but ${Math.round(100 * fallback.oddAuthors)}% of their authors do not look like names (missing, no letter, a time, past four words)`
            : fallback.arbiterP !== null
              ? `The rules read ${parsed.posts.length} posts but the learned arbiter over the two readings' facts (posts per line, lines covered, odd and distinct authors, agreement) gives the line-role model's reading ${Math.round(100 * fallback.arbiterP)}% to read the page better`
            : fallback.agreement !== null
              ? `The rules read ${parsed.posts.length} posts but the learned line-role model places only ${Math.round(100 * fallback.agreement)}% of its posts as they do (the same start line${fallback.agreementMatch === 'start+author' ? ' and author' : fallback.agreementMatch === 'start-kept' ? ', over the posts not removed' : fallback.agreementMatch === 'start-rules' ? ", over the rules' posts not removed" : ''})`
              : fallback.countsDiffer && parsed.posts.length > fallback.parse.posts.length
                ? `The rules read ${parsed.posts.length} posts, ${fallback.facts.textless} of them with no line the learned line-role model takes for a post's text`
                : `The rules read ${parsed.posts.length} posts but ran several together under lines the learned line-role model takes for post heads`
      }, so its posts were read by the learned line-role model (${fallback.parse.posts.length} posts): each from a line it takes for the start of a post's text, the author from the line above it; check them.`,
      actual: `${fallback.parse.posts.length} posts`,
    });
    parsed = fallback.parse;
  } else if (!section && text.trim().length > 0 && !messages.some((m) => m.ruleId === 'input/binary')) {
    messages.push({
      ruleId: 'thread/not-found',
      severity: 'warning',
      place: null,
      reason: 'No comment section was recognised, so there are no posts; the whole input is treated as the article.',
      actual: '0 posts',
      expected: 'a comment section',
    });
  }
  if (countAbove !== null && !fallback && parsed.declaredCount === null) parsed = { ...parsed, declaredCount: countAbove.count };
  parsed = readPageRecords(readPageTemplate(parsed), lines);
  // (Session 42) A story read as the first or the last post (a record no other record resembles at an edge of the
  // section, on a page with no article of its own): its lines are the article's, the other posts the comments.
  const edgeStory = findEdgeStory(article, parsed);
  if (edgeStory) ({ article, parsed } = withEdgeStory(lines, article, parsed, edgeStory, options.chrome));
  else {
    // (Session 42) Or the story under the last post, read as none (the comment box over the body).
    const trailing = findTrailingStory(lines, article, parsed);
    if (trailing) article = withStoryLines(lines, article, parsed, trailing, options.chrome);
    // (Session 43) Or the story over the first post, its head left to the page (a forum's note over its followups).
    else if (hasLeadingStory(lines, article, parsed)) article = withStoryLines(lines, article, parsed, new Set(), options.chrome);
  }
  // The edge pass (session 39, a study switched off in the library: it failed its registered held-out bar): a nameless
  // first or last post on a page of named posts read as a fragment of the page. Returns `parsed` unchanged when off.
  parsed = dropEdgePosts(parsed, lines, article.blocks.some((b) => b.kind === 'heading' || b.kind === 'paragraph'));
  pushAll(messages, parsed.messages);
  return assemble(text, rendered, lines, article, parsed, section?.style.name ?? 'plain', options, messages);
}

/**
 * The article and the section once the edge story of `findEdgeStory` is the article: the article is read again over the
 * page above the section and the story's lines (the posts' lines between are no part of it), and the story's post is
 * dropped from the section (its lines under the story's last line of prose become the section's chrome).
 */
function withEdgeStory(
  lines: readonly Line[],
  before: ReturnType<typeof segmentArticle>,
  parsed: SectionParse,
  story: { post: number; lines: ReadonlySet<number> },
  chrome: readonly ChromePattern[],
): { article: ReturnType<typeof segmentArticle>; parsed: SectionParse } {
  const article = withStoryLines(lines, before, parsed, story.lines, chrome);
  const owned = [...parsed.linePost].filter(([, post]) => post === story.post).map(([line]) => line);
  const without = withoutPosts(parsed, new Set([story.post]), (line) => (isBlankLine(lines[line]!) ? 'blank' : 'comment-chrome'), owned);
  return { article, parsed: without };
}

/**
 * The article read again over the page above the section's first post and the story's lines `story` (anywhere in the
 * section): the section's lines between are no part of it (their kinds stay the section's).
 */
function withStoryLines(
  lines: readonly Line[],
  before: ReturnType<typeof segmentArticle>,
  parsed: SectionParse,
  story: ReadonlySet<number>,
  chrome: readonly ChromePattern[],
): ReturnType<typeof segmentArticle> {
  const firstPostLine = postLineBounds(parsed)?.first ?? Number.POSITIVE_INFINITY;
  const only = new Set<number>(story);
  for (let k = 0; k < firstPostLine; k++) only.add(k);
  let to = firstPostLine + 1;
  for (const k of story) to = Math.max(to, k + 1);
  const article = segmentArticle(lines, 0, to, chrome, only);
  // Lines outside `only` read as the wrapping of a quoted article: here they are the section's, not the article's.
  for (let k = firstPostLine; k < to; k++) if (!only.has(k)) article.kinds.delete(k);
  for (const [k, kind] of before.kinds) if (!article.kinds.has(k) && k < firstPostLine) article.kinds.set(k, kind);
  return article;
}

/** Does the article read hold a paragraph of prose? */
const hasProse = (article: ReturnType<typeof segmentArticle>): boolean => article.blocks.some((b) => b.kind === 'paragraph');

/**
 * A count line of the comment section ("Comments 17", "17 comments") among the six lines over the line where the
 * section's posts start, with no paragraph of prose (25 words or more) between: the line and its figure, else null.
 */
function countLineAbove(lines: readonly Line[], start: number): { line: number; count: number } | null {
  let seen = 0;
  for (let k = start - 1; k >= 0 && seen < 6; k--) {
    const l = lines[k]!;
    if (isBlankLine(l)) continue;
    seen++;
    if (countWords(l.trimmed, 25) >= 25) return null;
    const count = readCountLine(l.trimmed);
    if (count !== undefined && count !== null) return k === start ? null : { line: k, count };
  }
  return null;
}

function assemble(
  text: string,
  rendered: string | null,
  lines: ReturnType<typeof splitLines>,
  article: ReturnType<typeof segmentArticle>,
  parsed: SectionParse,
  style: ThreadDocument['source']['style'],
  options: DocumentOptions,
  messages: Message[],
): ThreadDocument {
  const blocks: Block[] = [];
  for (const line of lines) {
    if (line.start === line.next) continue; // the empty last line of an empty input
    const kind: BlockKind = article.kinds.get(line.index) ?? parsed.lineKinds.get(line.index) ?? (line.contentStart === line.contentEnd ? 'blank' : 'comment-chrome');
    const post = parsed.linePost.get(line.index) ?? null;
    const last = blocks[blocks.length - 1];
    // Runs of blank lines and of one post's body merge; article lines stay one block each.
    if (last && last.kind === kind && last.post === post && (kind === 'blank' || kind === 'post-body' || kind === 'json')) {
      last.span = [last.span[0], line.next];
    } else {
      blocks.push({ kind, span: [line.start, line.next], post });
    }
  }
  const sentences: Sentence[] = [];
  const textParts: string[] = [];
  for (const b of article.blocks) {
    if (b.kind !== 'heading' && b.kind !== 'paragraph') continue;
    textParts.push(b.text);
    pushAll(sentences, splitSentences(b.text, b.span[0]));
  }
  // Quoted lines at the top of a post are what it answers, not its text.
  if (style !== 'json') {
    // The article's words count too: a reblog chain quotes the story it started from under its poster's name.
    splitLeadingQuotes(parsed.posts, normalise([article.title ?? '', ...textParts].join(' ')));
  }
  const posts = buildPosts(parsed.posts as RawPost[], messages);
  // A post by the article's byline is the original poster's, in every style (JSON dumps mark it already).
  const byline = article.byline?.trim().toLowerCase();
  if (byline) for (const p of posts) if (p.author !== null && p.author.toLowerCase() === byline) p.isOP = true;
  // "54 comments", "Comments": a section that names its items comments (not posts) sits under a post of its own, the
  // article, so "the post above" in a comment points at the article, not at the comment above (a channel's post).
  const header = lines.find((l) => parsed.lineKinds.get(l.index) === 'comment-section-header');
  const commentsUnderPost = header !== undefined && /\b(?:comments?|replies|responses)\b/i.test(header.trimmed) && !/\bposts?\b/i.test(header.trimmed);
  resolveParents(posts, parsed.posts, messages, { commentsUnderPost, articleText: [article.title ?? '', ...textParts].join(' ') });
  findMentions(posts, parsed.posts.map((p) => p.handle));
  findQuotations(posts, sentences, text);
  const declared = parsed.declaredCount;
  if (declared !== null && declared !== posts.length) {
    messages.push({
      ruleId: 'thread/declared-count-mismatch',
      severity: 'info',
      place: null,
      reason:
        declared > posts.length
          ? `The dump declares ${declared} comments but shows ${posts.length}: a partial dump, or comments hidden behind "load more".`
          : `The dump declares ${declared} comments but shows ${posts.length}.`,
      actual: String(posts.length),
      expected: String(declared),
    });
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    version: VERSION,
    source: { name: options.name ?? null, style, length: text.length, text: rendered },
    blocks,
    article: {
      title: article.title,
      titleSpan: article.titleSpan,
      date: article.date,
      dateSpan: article.dateSpan,
      byline: article.byline,
      source: article.source,
      blocks: article.blocks.map(({ kind, span, text: t }) => ({ kind, span, text: t })),
      text: textParts.join('\n\n'),
      sentences,
      claims: [],
      inconsistencies: [],
    },
    thread: { declaredCount: declared, posts },
    messages,
  };
}
