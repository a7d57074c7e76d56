import { z } from 'zod';
import {
  ActSchema,
  ClaimSchema,
  ConcessionSchema,
  CorrectionSchema,
  ModerationSchema,
  ReplyStanceSchema,
  SentimentSchema,
  StanceSchema,
  TargetSchema,
} from './classify.js';
import { MessageSchema, SentenceSchema, SpanSchema } from './common.js';

import { SCHEMA_VERSION } from '../version.js';

/** Version of the output contract (defined in src/version.ts, which loads no zod). */
export { SCHEMA_VERSION };

/** Kinds of blocks a dump is cut into. */
export const BlockKindSchema = z.enum([
  'title',
  'date',
  'byline',
  'heading',
  'paragraph',
  'quotation',
  'caption',
  'pull-quote',
  'boilerplate',
  'bio',
  'credit',
  'comment-section-header',
  'comment-chrome',
  'post-header',
  'post-body',
  'post-footer',
  'post-removed',
  'blank',
  'json',
]);
/** A block kind. */
export type BlockKind = z.infer<typeof BlockKindSchema>;

/** A run of the input of one kind. The blocks tile the analysed text: no gap, no overlap. */
export const BlockSchema = z.object({
  kind: BlockKindSchema,
  span: SpanSchema,
  /** Index of the post the block belongs to, for post blocks. */
  post: z.number().int().nullable(),
});
/** A block of the input. */
export type Block = z.infer<typeof BlockSchema>;

/** A content block of the article (heading, paragraph, caption...). */
export const ArticleBlockSchema = z.object({
  kind: z.enum(['heading', 'paragraph', 'quotation', 'caption', 'pull-quote', 'bio', 'credit']),
  span: SpanSchema,
  text: z.string(),
});

/** The article part of a dump: metadata, content blocks, cleaned text, sentences and claims. */
export const ArticleSchema = z.object({
  title: z.string().nullable(),
  titleSpan: SpanSchema.nullable(),
  /** ISO `yyyy-mm-dd`, or null when the dump gives none. */
  date: z.string().nullable(),
  dateSpan: SpanSchema.nullable(),
  byline: z.string().nullable(),
  source: z.string().nullable(),
  /** Content blocks of the article, in order (chrome is only in the document's `blocks`). */
  blocks: z.array(ArticleBlockSchema),
  /** The cleaned body: headings and paragraphs, joined by blank lines; no chrome. */
  text: z.string(),
  /** Sentences of headings and paragraphs, with spans into the analysed text. */
  sentences: z.array(SentenceSchema),
  /** Factual claims of the article, including quoted statements with their speaker. */
  claims: z.array(ClaimSchema),
  /** Places where the article contradicts itself (its figures against its wording), filled by `analyze`. */
  inconsistencies: z.array(z.lazy(() => CorrectionSchema)),
});
/** The article part of a document. */
export type Article = z.infer<typeof ArticleSchema>;

/** An "@Name" mention in a post. */
export const MentionSchema = z.object({
  /** The name as written, without "@". */
  name: z.string(),
  span: SpanSchema,
  /** The latest earlier post by that author, when one exists. */
  postId: z.string().nullable(),
});

/** Words a post quotes from the article or from an earlier post. */
export const QuotationSchema = z.object({
  /** The quoted words in this post. */
  span: SpanSchema,
  text: z.string(),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('article'), span: SpanSchema }),
    z.object({ kind: z.literal('post'), postId: z.string(), span: SpanSchema }),
  ]),
});

/** What told a post's parent: layout, an explicit id, or a cue in the text. */
export const ReplyCueSchema = z.object({
  kind: z.enum(['explicit', 'depth', 'indent', 'replying-to', 'mention', 'address', 'quote', 'opener', 'answer']),
  span: SpanSchema.nullable(),
});

/** One line of text with its span. */
export const LineSchema = z.object({ span: SpanSchema, text: z.string() });

/** One post of the thread, with its structure and (after `analyze`) its classification. */
export const PostSchema = z.object({
  /** Stable id: the dump's own id when it has one, else `p<index+1>`. */
  id: z.string(),
  index: z.number().int().nonnegative(),
  author: z.string().nullable(),
  authorSpan: SpanSchema.nullable(),
  /** The original poster (thread starter or article author), when the dump marks it. */
  isOP: z.boolean(),
  /** A removed or deleted post, kept so that replies keep their parent. */
  removed: z.boolean(),
  /** The post's lines without dump indentation, joined by "\n". Equals `slice(span)` for unindented dumps. */
  text: z.string(),
  /** From the first character of the first line of text to the end of the last. */
  span: SpanSchema,
  /** Each line of text; `slice(line.span) === line.text`. */
  lines: z.array(LineSchema),
  parentId: z.string().nullable(),
  depth: z.number().int().nonnegative(),
  /** What told the parent, or null for top-level posts. */
  replyCue: ReplyCueSchema.nullable(),
  mentions: z.array(MentionSchema),
  quotations: z.array(QuotationSchema),
  meta: z.object({
    timestamp: z.string().nullable(),
    likes: z.number().nullable(),
    /** Dump lines about the post that are not its text (header, footer), as written. */
    raw: z.array(LineSchema),
  }),
  sentences: z.array(SentenceSchema),
  sentiment: SentimentSchema.optional(),
  acts: z.array(ActSchema).optional(),
  replyStance: ReplyStanceSchema.nullable().optional(),
  moderation: ModerationSchema.optional(),
  stances: z.array(StanceSchema).optional(),
  claims: z.array(ClaimSchema).optional(),
  corrections: z.array(z.lazy(() => CorrectionSchema)).optional(),
  concessions: z.array(ConcessionSchema).optional(),
});
/** A post of the thread. */
export type Post = z.infer<typeof PostSchema>;

/** The comment thread: the declared count and the posts in dump order. */
export const ThreadSchema = z.object({
  /** The "21 Comments" figure of the dump, or null. A hint, never forced. */
  declaredCount: z.number().int().nullable(),
  posts: z.array(PostSchema),
});

/** The whole result of `parse` / `analyze`: the output contract (see `schemaVersion`). */
export const DocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Version of the threadlens library that produced the result. */
  version: z.string(),
  source: z.object({
    /** File name or caller-given name, or null. */
    name: z.string().nullable(),
    /** Which dump layout was recognised. */
    style: z.enum(['plain', 'counted', 'widget', 'forum', 'mail', 'custom', 'json']),
    /** Length in UTF-16 units of the analysed text. */
    length: z.number().int().nonnegative(),
    /**
     * The analysed text when it is not the caller's input (JSON input is rendered to text, and
     * spans point into that rendering); null when spans point into the input itself.
     */
    text: z.string().nullable(),
  }),
  blocks: z.array(BlockSchema),
  article: ArticleSchema,
  thread: ThreadSchema,
  /** Stance targets used by `analyze`: the caller's, or those derived from the article. */
  targets: z.array(TargetSchema).optional(),
  /** Thread summary from `analyze`: sentiment and act distribution, review queue, stances, contested sentences. */
  summary: z.record(z.string(), z.unknown()).optional(),
  messages: z.array(MessageSchema),
});
/** The result of `parse` / `analyze`. */
export type ThreadDocument = z.infer<typeof DocumentSchema>;
