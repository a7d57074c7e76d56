import { z } from 'zod';

/**
 * One comment of a structured (JSON) dump. Extra fields are allowed and ignored, so exports from other
 * tools can be fed as they are.
 */
export const JsonDumpCommentSchema = z.looseObject({
  /** The comment's id in the source system; numbers are read as strings. */
  id: z.union([z.string(), z.number()]),
  /** Display name, or null for anonymous comments. */
  author: z.string().nullable(),
  text: z.string(),
  /** The id of the comment this one replies to, or null for top-level comments. */
  parentId: z.union([z.string(), z.number()]).nullable(),
  /** As given by the source (ISO 8601 preferred), or null. */
  timestamp: z.string().nullable(),
  likes: z.number().nullable().optional(),
  /** A removed or deleted comment, kept so that replies keep their parent. */
  removed: z.boolean().optional(),
});
export type JsonDumpComment = z.infer<typeof JsonDumpCommentSchema>;

/** The article of a structured dump. */
export const JsonDumpArticleSchema = z.looseObject({
  title: z.string(),
  /** The article body; paragraphs separated by blank lines. */
  text: z.string(),
  /** ISO `yyyy-mm-dd` preferred; other forms are read as in text dumps. */
  date: z.string().nullable().optional(),
  byline: z.string().nullable().optional(),
});

/** The JSON input threadlens reads: `{ article: {title, text, date?, byline?}, comments: [...] }`. */
export const JsonDumpSchema = z.looseObject({
  article: JsonDumpArticleSchema,
  comments: z.array(JsonDumpCommentSchema),
});
export type JsonDump = z.infer<typeof JsonDumpSchema>;
