import { z } from 'zod';

/** A text field: a string, or an array of paragraphs (joined by blank lines). */
const TextSchema = z.union([z.string(), z.array(z.string())]);

/**
 * One comment of a structured (JSON) dump, in its canonical field names. Extra fields are allowed and
 * ignored (the reader also accepts common aliases such as `body`, `user`, `parent_id`, `created_at`).
 */
export interface JsonDumpComment {
  id: string | number;
  author?: string | null;
  text: string | string[];
  parentId?: string | number | null;
  timestamp?: string | null;
  likes?: number | null;
  removed?: boolean;
  isOP?: boolean;
  replies?: JsonDumpComment[];
  [extra: string]: unknown;
}

export const JsonDumpCommentSchema: z.ZodType<JsonDumpComment> = z.looseObject({
  /** The comment's id in the source system; numbers are read as strings. */
  id: z.union([z.string(), z.number()]),
  /** Display name; null or missing for anonymous comments. */
  author: z.string().nullable().optional(),
  text: TextSchema,
  /** The id of the comment this one replies to; null or missing for top-level comments (or use `replies`). */
  parentId: z.union([z.string(), z.number()]).nullable().optional(),
  /** As given by the source (ISO 8601 preferred). */
  timestamp: z.string().nullable().optional(),
  likes: z.number().nullable().optional(),
  /** A removed or deleted comment, kept so that replies keep their parent. */
  removed: z.boolean().optional(),
  /** Posted by the original poster (the article's author). */
  isOP: z.boolean().optional(),
  /** Replies nested under this comment, as an alternative to `parentId`. */
  get replies() {
    return z.array(JsonDumpCommentSchema).optional();
  },
});

/** The article of a structured dump. */
export const JsonDumpArticleSchema = z.looseObject({
  title: z.string().nullable().optional(),
  /** The article body: paragraphs separated by blank lines, or an array of paragraphs. */
  text: TextSchema,
  /** ISO `yyyy-mm-dd` preferred; other forms are read as in text dumps. */
  date: z.string().nullable().optional(),
  byline: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
});

/**
 * The JSON input threadlens reads, in canonical form:
 * `{ article: {title?, text, date?, byline?, source?}, comments: [{id, author?, text, parentId?, timestamp?, likes?, removed?, replies?}] }`.
 * Extra fields are allowed. Published as `threadlens/input-schema.json`.
 */
export const JsonDumpSchema = z.looseObject({
  article: JsonDumpArticleSchema,
  comments: z.array(JsonDumpCommentSchema),
});
export type JsonDump = z.infer<typeof JsonDumpSchema>;
