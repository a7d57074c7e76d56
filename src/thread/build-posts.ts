import type { Message, Span } from '../schema/common.js';
import type { Post } from '../schema/document.js';
import { splitSentences } from '../text/sentences.js';
import type { RawPost } from '../ingest/types.js';

/** A post with its structure, before classification. */
export type ThreadPost = Omit<Post, 'sentiment' | 'acts' | 'replyStance' | 'moderation' | 'stances' | 'claims' | 'corrections' | 'concessions'>;

/**
 * Turns raw posts into posts with ids, lines, text and sentences. Duplicate dump ids get a suffix and a
 * message. Parents are left for `resolveParents`.
 */
export function buildPosts(raw: readonly RawPost[], messages: Message[]): ThreadPost[] {
  const seen = new Set<string>();
  return raw.map((r, index) => {
    let id = r.id ?? `p${index + 1}`;
    if (seen.has(id)) {
      const unique = `${id}~${index + 1}`;
      messages.push({
        ruleId: 'thread/duplicate-id',
        severity: 'warning',
        place: r.body[0] ? [r.body[0].contentStart, r.body[0].contentEnd] : null,
        reason: `Post id ${JSON.stringify(id)} is used twice; the later post is renamed ${JSON.stringify(unique)}.`,
        actual: id,
        expected: 'unique ids',
      });
      id = unique;
    }
    seen.add(id);
    // Text lines: the body without dump indentation; trailing blank lines dropped, inner ones kept.
    let last = r.body.length - 1;
    while (last >= 0 && r.body[last]!.contentStart === r.body[last]!.contentEnd) last--;
    let first = 0;
    while (first <= last && r.body[first]!.contentStart === r.body[first]!.contentEnd) first++;
    const bodyLines = r.body.slice(first, last + 1);
    const lines = bodyLines.map((l) => ({ span: [l.contentStart, l.contentEnd] as Span, text: l.trimmed }));
    const text = lines.map((l) => l.text).join('\n');
    const anchor = r.raw[0]?.contentStart ?? r.authorSpan?.[1] ?? 0;
    const span: Span = lines.length > 0 ? [lines[0]!.span[0], lines[lines.length - 1]!.span[1]] : [anchor, anchor];
    const sentences = lines.flatMap((l) => splitSentences(l.text, l.span[0]));
    return {
      id,
      index,
      author: r.author,
      authorSpan: r.authorSpan,
      isOP: r.isOP,
      removed: r.removed,
      text,
      span,
      lines,
      parentId: null,
      depth: 0,
      replyCue: null,
      mentions: [],
      quotations: [],
      meta: {
        timestamp: r.timestamp,
        likes: r.likes,
        raw: r.raw.map((l) => ({ span: [l.contentStart, l.contentEnd] as Span, text: l.trimmed })),
      },
      sentences,
    };
  });
}
