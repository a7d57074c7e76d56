import type { ThreadDocument } from '../schema/document.js';

/** Thrown by `assertDocument` with the path of the first broken invariant. */
export class DocumentInvariantError extends Error {
  constructor(
    /** Where in the document, e.g. `thread.posts[3].sentences[0]`. */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'DocumentInvariantError';
  }
}

/**
 * Checks the invariants every threadlens document keeps, and throws `DocumentInvariantError` at the first
 * broken one: the blocks tile the analysed text (no gap, no overlap); every `{span, text}` node slices back
 * to its text; spans lie inside the text with start <= end; posts' lines are ordered and non-overlapping;
 * parents are earlier posts. `input` is the string given to `parse` (JSON input: the analysed text is
 * `doc.source.text`).
 */
export function assertDocument(doc: ThreadDocument, input: string): void {
  const text = doc.source.text ?? input;
  if (doc.source.length !== text.length) throw new DocumentInvariantError('source.length', `is ${doc.source.length}, text has ${text.length}`);
  let at = 0;
  doc.blocks.forEach((b, i) => {
    if (b.span[0] !== at) throw new DocumentInvariantError(`blocks[${i}]`, `starts at ${b.span[0]}, expected ${at} (gap or overlap)`);
    if (b.span[1] <= b.span[0]) throw new DocumentInvariantError(`blocks[${i}]`, 'is empty');
    at = b.span[1];
  });
  if (at !== text.length) throw new DocumentInvariantError('blocks', `end at ${at}, text length is ${text.length}`);
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => visit(n, `${path}[${i}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const span = o.span;
    if (Array.isArray(span) && span.length === 2 && typeof span[0] === 'number') {
      const [s, e] = span as [number, number];
      if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= text.length)) {
        throw new DocumentInvariantError(`${path}.span`, `[${s}, ${e}] is not inside the text (length ${text.length})`);
      }
      // Posts join their lines without indentation: their lines are checked one by one instead.
      const isPost = Array.isArray(o.lines) && 'parentId' in o;
      if (typeof o.text === 'string' && !isPost && text.slice(s, e) !== o.text) {
        throw new DocumentInvariantError(`${path}`, `text ${JSON.stringify(o.text.slice(0, 40))} does not match slice ${JSON.stringify(text.slice(s, Math.min(e, s + 40)))}`);
      }
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'text') visit(v, `${path}.${k}`);
  };
  visit(doc.article, 'article');
  visit(doc.thread, 'thread');
  const ids = new Map<string, number>();
  doc.thread.posts.forEach((p, i) => {
    if (p.index !== i) throw new DocumentInvariantError(`thread.posts[${i}].index`, `is ${p.index}`);
    if (p.text !== p.lines.map((l) => l.text).join('\n')) throw new DocumentInvariantError(`thread.posts[${i}].text`, 'is not its lines joined by "\\n"');
    for (let k = 1; k < p.lines.length; k++) {
      if (p.lines[k]!.span[0] < p.lines[k - 1]!.span[1]) throw new DocumentInvariantError(`thread.posts[${i}].lines[${k}]`, 'overlaps the line before');
    }
    if (p.parentId !== null) {
      const parent = ids.get(p.parentId);
      if (parent === undefined) throw new DocumentInvariantError(`thread.posts[${i}].parentId`, `${p.parentId} is not an earlier post`);
    }
    if (ids.has(p.id)) throw new DocumentInvariantError(`thread.posts[${i}].id`, `${p.id} is not unique`);
    ids.set(p.id, i);
  });
}
