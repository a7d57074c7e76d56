/**
 * The independent threads of ../shared/eval-threads rebuilt on their gold structure (post starts, authors and
 * parents from NAME.gold.json, post text cut from the dump), so the correction finder can be measured without
 * depending on the dump parser. The article is the dump before the first post, as sentences of five words or
 * more (page chrome mostly drops out). Read only by eval scripts; nothing here ships.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../../src/text/sentences.js';
import type { CorrectionPost } from '../../../src/classify/corrections/index.js';

export interface GoldPost {
  author: string;
  starts: string;
  parent: number | null;
  claim?: boolean | null;
  correction?: 'article' | 'post' | 'self' | false | null;
  removed?: boolean;
}

export interface GoldThread {
  name: string;
  input: string;
  gold: { posts: GoldPost[]; targets?: string[] };
  articleSentences: ReadonlyArray<{ span: [number, number]; text: string }>;
  /** One post per gold post (id `p<index>`), text cut from the dump; removed posts have empty text. */
  posts: CorrectionPost[];
}

/** Lines that end a post's text in page dumps: counters, buttons and relative dates. */
function isChromeLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (!/[a-z]/i.test(t)) return true;
  // "Like · Reply · 88 · 3d", "24 △ ▽ • Reply • Share ›": button rows.
  if (/[·•|]/.test(t) && /\b(reply|like|share)\b/i.test(t)) return true;
  if (t.split(/\s+/).every((w) => /^(permalink|embed|save|report|reply|parent|load|more|comments?|\(?\d+|replies\)?|share|like|flag)$/i.test(w))) return true;
  if (/^(reply|read more|show more|share|report|like|\d+ repl(y|ies)|view \d+ repl(y|ies)|hide replies|permalink|flag|edit|delete)$/i.test(t)) return true;
  return /^\d+\s+(second|minute|hour|day|week|month|year)s?\s+ago\b/i.test(t);
}

/**
 * Where each gold post's `starts` text stands in the dump, exactly as written, each searched after the previous one
 * found; -1 for a post not found or with no `starts` (a removed post), so it never bounds its neighbour's text.
 */
export function exactStarts(input: string, posts: ReadonlyArray<{ starts: string }>): number[] {
  let from = 0;
  return posts.map((p) => {
    const at = p.starts ? input.indexOf(p.starts, from) : -1;
    if (at >= 0) from = at + p.starts.length;
    return at;
  });
}

/** Where each gold post starts in the dump, in order (searching after the previous start). */
function startOffsets(input: string, posts: readonly GoldPost[]): number[] {
  const out: number[] = [];
  let from = 0;
  const flat = input.replace(/\s/g, ' ');
  for (const p of posts) {
    const probe = p.starts.replace(/\s+/g, ' ').trim();
    let at = probe ? flat.indexOf(probe, from) : -1;
    if (at < 0 && probe) at = flat.indexOf(probe.slice(0, 12), from);
    out.push(at < 0 ? -1 : at);
    if (at >= 0) from = at + 1;
  }
  return out;
}

/** The post's text: from its start up to the next post's header (the line naming the next author), chrome lines trimmed. */
function postEnd(input: string, start: number, nextStart: number, nextAuthor: string | null): number {
  let end = nextStart < 0 ? input.length : nextStart;
  if (nextAuthor) {
    const bare = nextAuthor.replace(/^@/, '');
    const header = input.lastIndexOf(bare, end - 1);
    if (header > start) end = input.lastIndexOf('\n', header) + 1 || end;
  }
  // Drop trailing chrome lines ("Reply", "212", "2 days ago") and blank lines.
  let text = input.slice(start, end);
  for (;;) {
    const trimmed = text.replace(/\s+$/, '');
    const cut = trimmed.lastIndexOf('\n');
    const last = trimmed.slice(cut + 1);
    if (cut >= 0 && (isChromeLine(last) || last.trim().length <= 25 && !/[.!?"]$/.test(last.trim()) && last.trim().split(/\s+/).length <= 3)) text = trimmed.slice(0, cut);
    else {
      text = trimmed;
      break;
    }
  }
  return start + text.length;
}

/** Builds the post's lines (with input offsets) from a span of the dump. */
function linesOf(input: string, span: [number, number]): Array<{ span: [number, number]; text: string }> {
  const out: Array<{ span: [number, number]; text: string }> = [];
  let at = span[0];
  for (const part of input.slice(span[0], span[1]).split('\n')) {
    out.push({ span: [at, at + part.length], text: part });
    at += part.length + 1;
  }
  return out;
}

/** Loads every NAME.gold.json + NAME.txt of the folder (only the gold files `only` accepts, when given). */
export function loadGoldThreads(dir: string, only: (file: string) => boolean = () => true): GoldThread[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.gold.json') && only(f)).sort();
  return files.map((f) => {
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldThread['gold'] & { file: string };
    const input = readFileSync(join(dir, gold.file), 'utf8');
    const starts = startOffsets(input, gold.posts);
    // The article: the dump before the first post, as sentences of five words or more (page chrome mostly drops out).
    const first = starts.find((x) => x >= 0) ?? input.length;
    const articleSentences = splitSentences(input.slice(0, first)).filter((x) => x.text.split(/\s+/).length >= 5).map((x) => ({ span: x.span, text: x.text }));
    const posts: CorrectionPost[] = gold.posts.map((gp, i) => {
      const start = starts[i]!;
      const nextIndex = starts.findIndex((s, k) => k > i && s >= 0);
      const next = nextIndex >= 0 ? starts[nextIndex]! : -1;
      const end = start < 0 || gp.removed ? start : postEnd(input, start, next, nextIndex >= 0 ? gold.posts[nextIndex]!.author : null);
      const span: [number, number] = start < 0 ? [0, 0] : [start, Math.max(start, end)];
      const lines = linesOf(input, span);
      return {
        id: `p${i}`,
        text: lines.map((l) => l.text).join('\n'),
        span,
        lines,
        parentId: gp.parent === null || gp.parent === undefined ? null : `p${gp.parent}`,
        author: gp.author,
      };
    });
    return { name: f.replace(/\.gold\.json$/, ''), input, gold, articleSentences, posts };
  });
}
