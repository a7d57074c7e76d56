import { parse } from '../../src/index.js';
import { splitLines } from '../../src/ingest/lines.js';
import { assertDocument } from '../../src/testing/assert.js';

/** The first line of `text`, as the ingest cues read it. */
export const line = (text: string) => splitLines(text)[0]!;

/**
 * Each parsed post of `text` as `[author, parent's index or null, removed, first line of text]`, after checking the
 * document against its input (`assertDocument`): the shape layout tests compare with a hand-written table.
 */
export const rows = (text: string) => {
  const doc = parse(text);
  assertDocument(doc, text);
  const index = new Map(doc.thread.posts.map((p, i) => [p.id, i]));
  return doc.thread.posts.map((p) => [p.author, p.parentId === null ? null : index.get(p.parentId), p.removed, p.text.split('\n')[0]]);
};

/** Each parsed post of `text` as `[author (null for a removed post), parent's index or null]`. */
export function parents(text: string): Array<[string | null, number | null]> {
  const doc = parse(text);
  const index = new Map(doc.thread.posts.map((p, i) => [p.id, i]));
  return doc.thread.posts.map((p) => [p.removed ? null : p.author, p.parentId === null ? null : index.get(p.parentId) ?? null]);
}
