/** The fixed benchmark corpus: every post of every fixture (fixtures/*\/input.*), parsed once with the build. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../dist/index.js';

export interface CorpusThread {
  name: string;
  bytes: Uint8Array;
  /** The thread's post texts, in order (blank ones left out). */
  posts: string[];
}

/** Reads every fixture input (sorted by folder name) with its post texts. */
export function loadCorpus(root: string): CorpusThread[] {
  const dir = join(root, 'fixtures');
  const out: CorpusThread[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = readdirSync(join(dir, name)).find((f) => f.startsWith('input.'));
    if (!file) continue;
    const bytes = readFileSync(join(dir, name, file));
    const doc = parse(bytes, { name });
    out.push({ name, bytes, posts: doc.thread.posts.map((p) => p.text).filter((t) => t.trim().length > 0) });
  }
  return out;
}

/** All post texts of the corpus, in a fixed order. */
export function corpusTexts(corpus: readonly CorpusThread[]): string[] {
  return corpus.flatMap((t) => t.posts);
}

/** Whitespace-separated words: the unit of every words/s figure. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Comments of 600 to 1,000 characters made by joining consecutive corpus posts: the long end of the
 * latency target (the fixtures' own posts are mostly short).
 */
export function longComments(texts: readonly string[], max = 1000): string[] {
  const out: string[] = [];
  let cur = '';
  for (const t of texts) {
    const next = cur ? `${cur}\n\n${t}` : t;
    if (next.length > max) {
      if (cur.length >= 600) out.push(cur);
      cur = t.length <= max ? t : '';
    } else cur = next;
  }
  if (cur.length >= 600) out.push(cur);
  return out;
}

/**
 * NDJSON records `{"id","text"}` cycling over `texts` until `bytes` bytes are reached: the input of the
 * streaming checks. Deterministic for given texts and size.
 */
export function* ndjsonRecords(texts: readonly string[], bytes: number): Generator<string> {
  let written = 0;
  for (let i = 0; written < bytes; i++) {
    const line = `${JSON.stringify({ id: `r${i}`, text: texts[i % texts.length] })}\n`;
    written += Buffer.byteLength(line);
    yield line;
  }
}
