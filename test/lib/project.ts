import type { ThreadDocument } from '../../src/schema/document.js';

/**
 * The part of a parsed document that fixture `expected.json` files pin: what a person checks by hand
 * (article blocks, authors, texts, parents), not classifier output.
 */
export function projectDocument(doc: ThreadDocument) {
  return {
    style: doc.source.style,
    article: {
      title: doc.article.title,
      date: doc.article.date,
      byline: doc.article.byline,
      blocks: doc.article.blocks.map((b) => `${b.kind}: ${b.text.length > 70 ? `${b.text.slice(0, 70)}…` : b.text}`),
    },
    declaredCount: doc.thread.declaredCount,
    posts: doc.thread.posts.map((p) => ({
      id: p.id,
      author: p.author,
      removed: p.removed,
      isOP: p.isOP,
      parentId: p.parentId,
      depth: p.depth,
      text: p.text,
      mentions: p.mentions.map((m) => m.name),
    })),
    messages: doc.messages.map((m) => m.ruleId),
  };
}
