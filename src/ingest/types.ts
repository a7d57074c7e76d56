import type { Message, Span } from '../schema/common.js';
import type { BlockKind } from '../schema/document.js';
import type { Line } from './lines.js';

/** A post as a style parser reads it, before reply structure is resolved. */
export interface RawPost {
  /** The dump's own id (JSON input), else null: ids are then assigned as `p<n>`. */
  id: string | null;
  author: string | null;
  authorSpan: Span | null;
  /** Body lines (the post's text), in order; may be empty for a removed post. */
  body: Line[];
  removed: boolean;
  isOP: boolean;
  /** Depth shown by the dump (level markers or indentation), 0 for top level; null when the style has none. */
  depth: number | null;
  /** How the depth was shown, for the reply cue. */
  depthCue: 'depth' | 'indent' | null;
  /**
   * "Replying to X" / "in reply to X": the name and where it stands; `snippet`: the first words of the post
   * answered when the page previews them ("↳ replying to @X: Two days with…").
   */
  replyTo: { name: string; span: Span; snippet?: string; subject?: string } | null;
  /** The header marks the post as a reply without naming its parent ("| parent |"): where the mark stands. */
  replyMark?: Span | null;
  /** The header marks a top-level post (a Hacker-News-like header without "parent"). */
  rootMark?: boolean;
  /**
   * (Session 38) A reply mark's level where the page tells it: Hacker News links a reply below the second level to its
   * thread's `root` as well as its `parent`, so `parent` without `root` is a reply to a top-level post ('first') and
   * `parent` with `root` one deeper ('deeper').
   */
  replyLevel?: 'first' | 'deeper';
  /** The post's subject line: "Re: X" is in the thread of "X" (answering "X" itself where the page stacks "Re: Re:"). */
  subject?: string;
  /**
   * A line of the header that may name the post answered ("Bramblewick" / "Tolpuddle_Martyr" / "21 Nov 2026
   * 8:03", as the Guardian and Discourse show a reply): it counts only when it is an earlier poster's name.
   */
  replyHint?: { name: string; span: Span } | null;
  /** The account handle shown under the display name ("Jo Brennan" / "@jobrennan@mastodon.ie" → "jobrennan"). */
  handle?: string | null;
  /**
   * Lines quoted at the top of the post ("> …", an indented excerpt, "[quote=…]…[/quote]"): they tell which
   * post it answers. Filled by `splitLeadingQuote` and by the mail reader, which both keep them out of the
   * post's text (they are the words answered, not the post's own).
   */
  quoted?: Line[];
  /** The author a quote block names ("[quote=\"hgrimes, post:1\"]" → "hgrimes"), if any. */
  quotedName?: string | null;
  /** The quoted lines are the article's words, passed on under its poster's name (a reblog chain): the post answers the article. */
  quotedStory?: boolean;
  /**
   * "4 replies" / "2 Replies" under the post: how many replies the page says it has, and where that stands.
   * Where the replies are listed right under the post they answer, a removed reply among them keeps its place.
   */
  replyCount?: { count: number; span: Span } | null;
  /**
   * "Hide 3 replies" under the post: the page's toggle in its open state, so the replies it counts are listed right
   * under the post (a post there that names no other post answers it).
   */
  repliesListed?: boolean;
  /**
   * The listed replies may answer each other, the page nesting them without showing how ("2 replies by Priya Raman and
   * others", Substack; an open "Hide 3 replies" / "Fold replies" toggle, the copy flattening the nesting under it):
   * the post's own writer among them answers a reply, not the post. A reply count printed alone (one level shown,
   * `listCountedReplies`) does not set it.
   */
  repliesNested?: boolean;
  /**
   * "💬 2  🔁 0  ❤️ 14" under the post (Bluesky-like): the count by the speech balloon, the post's replies, whether or
   * not they are shown; `nestByBalloonCounts` builds the tree from these counts when every post has one.
   */
  balloonCount?: number;
  /** Explicit parent id (JSON `parentId`; a page's `>>N`, `To N`, `1-1` numbering, "To 3, …"). */
  parentRef: string | null;
  /**
   * (Session 40) Where the page names `parentRef`: input offsets of the `>>N` link, the `To N` button, the `1-1` / `1.1`
   * number, the `@name` a Q&A comment opens with; the reply cue's span (`replyCue.span`, kind `explicit`). Null or absent
   * when no characters of the page name the parent: the JSON reader (its `parentId` is a field, not page text) and a
   * Q&A comment that answers the post it stands under.
   */
  parentRefSpan?: Span | null;
  timestamp: string | null;
  likes: number | null;
  /** Header/footer lines of the post, as written. */
  raw: Line[];
}

/** What a comment-section parser returns. */
export interface SectionParse {
  posts: RawPost[];
  /** Block kind for every line index from the section start to the end (lines not listed become `comment-chrome`). */
  lineKinds: Map<number, BlockKind>;
  /** Post index owning a line, for post header/body/footer lines. */
  linePost: Map<number, number>;
  declaredCount: number | null;
  messages: Message[];
}

/** Where a style finds its comment section. */
export interface SectionFound {
  /** Index of the section's first line. */
  start: number;
  /** How sure the style is, 0..1. */
  confidence: number;
  /**
   * Lines `[from, to)` above the section that hold the article when the page wraps it in something else
   * (a digest's first message forwarding the story): the other lines above the section are boilerplate.
   */
  article?: { from: number; to: number };
}

/** A parser for one layout of comment section. */
export interface CommentStyle {
  name: 'counted' | 'widget' | 'forum' | 'mail' | 'custom';
  /**
   * Looks for the start of this style's comment section. Returns the index of its first line (the section
   * header, e.g. "21 Comments") and a confidence 0..1, or null when the style does not fit.
   */
  detect(lines: readonly Line[]): SectionFound | null;
  /** Parses lines[start..] into posts. Never throws. */
  parse(lines: readonly Line[], start: number, text: string): SectionParse;
}
