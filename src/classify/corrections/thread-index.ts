import type { Span } from '../../schema/common.js';
import { lineOffsetMapper } from '../../text/remap.js';
import { splitSentences } from '../../text/sentences.js';
import { sentenceWords } from '../../text/sentence-words.js';
import type { TextAnalysis } from '../../text/analysis.js';
import { makeUnit, markExperience, type Unit } from './units.js';
import { BUILTIN_PARAPHRASES, type Paraphrases } from './paraphrase.js';

/** A post as the thread model gives it: text joined from its lines, each line with input offsets. */
export interface CorrectionPost {
  id: string;
  text: string;
  span: [number, number];
  lines: ReadonlyArray<{ span: [number, number]; text: string }>;
  parentId: string | null;
  author: string | null;
  /**
   * The lines the dump gave the post (`Post.meta.raw`), header and quoted lines included: a quote the parser took
   * out of the text (the lines above it) names what the post answers. Optional.
   */
  meta?: { raw?: ReadonlyArray<{ span: [number, number]; text: string }> };
}

/** A sentence a correction may point at: an article sentence or a sentence of an earlier post. */
export interface Candidate {
  unit: Unit;
  kind: 'article' | 'post';
  post: CorrectionPost | null;
  /** Absolute span of the sentence in the input. */
  abs: Span;
  /** Registration order of the post (-1 for the article): posts are indexed once, in the order first seen. */
  seq: number;
}

/** The earlier posts of one call, as a contiguous run of registered posts plus a few older ones (a parent). */
export interface IndexWindow {
  lo: number;
  hi: number;
  outliers: number[][];
  /** Candidates in the window (article sentences and window post sentences). */
  size: number;
}

/**
 * Splits a post into sentence units with absolute spans (through the line mapper); values the writer tells of
 * their own case ("We saved £19 a month") are marked personal (see `markExperience`). `read`: the post's text
 * read already (its `text` is `p.text`): its sentences and their word tokens are used, else they are made here.
 */
export function postUnits(p: CorrectionPost, paraphrases: Paraphrases = BUILTIN_PARAPHRASES, read?: TextAnalysis): Array<{ unit: Unit; abs: Span }> {
  const map = lineOffsetMapper(p);
  const sentences = read?.sentences ?? splitSentences(p.text);
  const out = sentences.map((s, i) => ({ unit: makeUnit(s.text, s.span, paraphrases, read ? sentenceWords(read, i) : undefined), abs: toAbs(map, s.span) }));
  markExperience(out.map((x) => x.unit));
  return out;
}

/** Maps a span of post text to input offsets (end through its last character, so indentation is skipped). */
export function toAbs(map: (o: number) => number, span: Span): Span {
  return span[1] > span[0] ? [map(span[0]), map(span[1] - 1) + 1] : [map(span[0]), map(span[0])];
}

/**
 * An inverted index (content lemma -> candidates, value key -> candidates) over the article sentences and
 * every post seen so far. Posts are added once, when a call first sees them among `earlier`, so a thread of
 * n posts costs O(n) index inserts instead of O(n x window). Lookups only return candidates of the
 * current call's window, so results do not depend on what earlier calls indexed.
 */
export class ThreadIndex {
  readonly cands: Candidate[] = [];
  private readonly byLemma = new Map<string, number[]>();
  private readonly byValue = new Map<string, number[]>();
  private readonly posts = new Map<CorrectionPost, { seq: number; ids: number[]; text: string }>();
  private readonly sentences: ReadonlyArray<unknown>;
  readonly articleCount: number;

  constructor(
    articleSentences: ReadonlyArray<{ span: Span; text: string }>,
    readonly paraphrases: Paraphrases = BUILTIN_PARAPHRASES,
  ) {
    this.sentences = articleSentences.slice();
    for (const s of articleSentences) {
      if (typeof s?.text !== 'string' || !Array.isArray(s.span)) continue;
      this.add({ unit: makeUnit(s.text, s.span, paraphrases), kind: 'article', post: null, abs: [s.span[0], s.span[1]], seq: -1 });
    }
    this.articleCount = this.cands.length;
  }

  /** True while the caller's article sentences are the ones indexed (same objects, same order). */
  matches(articleSentences: ReadonlyArray<unknown>, paraphrases: Paraphrases): boolean {
    return paraphrases === this.paraphrases && articleSentences.length === this.sentences.length && articleSentences.every((s, i) => s === this.sentences[i]);
  }

  private add(c: Candidate): number {
    const id = this.cands.length;
    this.cands.push(c);
    for (const l of c.unit.content) push(this.byLemma, l, id);
    for (const keys of c.unit.keys) for (const k of keys) push(this.byValue, k, id);
    return id;
  }

  /**
   * Indexes a post on first sight (or again if its text changed); returns its sentence candidates. `units`: the
   * post's `postUnits`, when the caller has them already (they are made with this index's paraphrases).
   */
  register(p: CorrectionPost, units?: ReadonlyArray<{ unit: Unit; abs: Span }>): { seq: number; ids: number[] } {
    const hit = this.posts.get(p);
    if (hit && hit.text === p.text) {
      if (this.released.has(p)) this.restore(p, hit.ids);
      return hit;
    }
    const seq = this.nextSeq++;
    const ids = (units ?? postUnits(p, this.paraphrases)).map(({ unit, abs }) => this.add({ unit, kind: 'post', post: p, abs, seq }));
    const entry = { seq, ids, text: p.text };
    this.posts.set(p, entry);
    return entry;
  }
  private nextSeq = 0;

  /** Posts whose sentence units were dropped by `release` (their ids, spans and postings stay). */
  private readonly released = new Set<CorrectionPost>();
  /** Released posts made again by `register` since the last `releaseAgain`. */
  private readonly restored = new Set<CorrectionPost>();

  /**
   * Drops the sentence units of an indexed post no window holds any more, to keep memory flat along a long
   * thread: a unit holds the sentence's words and word sets, about 3 kB, while the postings and spans stay.
   * Lookups never reach a post outside the window, and `register` (so `sentencesOf`) makes the units again
   * when an old post is needed (a reply to it): `postUnits` of the same text, so the same units.
   */
  release(p: CorrectionPost): void {
    const entry = this.entryOf(p);
    if (!entry || this.released.has(p)) return;
    for (const id of entry.ids) this.cands[id]!.unit = RELEASED;
    this.released.add(p);
  }

  /** Releases again the posts `register` restored, but those `keep` says are still needed. */
  releaseAgain(keep: (p: CorrectionPost) => boolean): void {
    for (const p of this.restored) {
      if (keep(p)) continue;
      this.restored.delete(p);
      this.release(p);
    }
  }

  private restore(p: CorrectionPost, ids: readonly number[]): void {
    const units = postUnits(p, this.paraphrases);
    ids.forEach((id, k) => (this.cands[id]!.unit = units[k]!.unit));
    this.released.delete(p);
    this.restored.add(p);
  }

  /** The post's entry if it is indexed (with its current text), without indexing it. */
  entryOf(p: CorrectionPost): { seq: number; ids: number[] } | undefined {
    const hit = this.posts.get(p);
    return hit && hit.text === p.text ? hit : undefined;
  }

  /** Candidate ids of a post's sentences (indexing it if new). */
  sentencesOf(p: CorrectionPost): number[] {
    return this.register(p).ids;
  }

  /** Registers the earlier posts and describes them as a window for `lookup`. */
  window(earlier: ReadonlyArray<CorrectionPost>): IndexWindow {
    const entries = earlier.map((p) => this.register(p));
    const seqs = new Set(entries.map((e) => e.seq));
    let hi = -1;
    for (const e of entries) if (e.seq > hi) hi = e.seq;
    let lo = hi;
    while (seqs.has(lo - 1)) lo--;
    const outliers: number[][] = [];
    let size = this.articleCount;
    const counted = new Set<number>();
    for (const e of entries) {
      if (counted.has(e.seq)) continue;
      counted.add(e.seq);
      size += e.ids.length;
      if (e.seq < lo) outliers.push(e.ids);
    }
    return { lo, hi, outliers, size };
  }

  /** Candidate ids in the window whose sentence has content lemma `l`, in index order. */
  withLemma(l: string, w: IndexWindow): number[] {
    return this.lookup(this.byLemma.get(l), w, (c) => c.unit.content.has(l));
  }

  /**
   * `withLemma`, or null as soon as more than `max` candidates have the lemma (a common word, which ranking
   * skips): a common word's list is not walked to the window's start.
   */
  withLemmaUpTo(l: string, w: IndexWindow, max: number): number[] | null {
    const list = this.byLemma.get(l);
    if (list === undefined) return [];
    let article = 0;
    while (article < list.length && list[article]! < this.articleCount) article++;
    let inWindow = article;
    for (let k = list.length - 1; k >= article; k--) {
      const c = this.cands[list[k]!]!;
      if (c.seq < w.lo) break;
      if (c.seq <= w.hi && ++inWindow > max) return null;
    }
    const ids = this.lookup(list, w, (c) => c.unit.content.has(l));
    return ids.length > max ? null : ids;
  }

  /** Candidate ids in the window with a value under comparison key `k`. */
  withValue(k: string, w: IndexWindow): number[] {
    return this.lookup(this.byValue.get(k), w, (c) => c.unit.keys.some((ks) => ks.includes(k)));
  }

  private lookup(list: number[] | undefined, w: IndexWindow, has: (c: Candidate) => boolean): number[] {
    const out: number[] = [];
    if (list) {
      for (const id of list) {
        if (id >= this.articleCount) break;
        out.push(id);
      }
      // Post entries are in registration order: walk back from the newest to the window's start.
      const tail: number[] = [];
      for (let k = list.length - 1; k >= 0; k--) {
        const id = list[k]!;
        const c = this.cands[id]!;
        if (c.seq < w.lo) break;
        if (c.seq <= w.hi) tail.push(id);
      }
      for (const ids of w.outliers) for (const id of ids) if (has(this.cands[id]!)) out.push(id);
      for (let k = tail.length - 1; k >= 0; k--) out.push(tail[k]!);
    }
    return out;
  }
}

// What a released candidate holds instead of its unit: a sentence with no words, values or lemmas.
const RELEASED: Unit = makeUnit('', [0, 0]);

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

// One index per article-sentences array (the caller passes the same array for every post of a thread).
// A cache, not state: lookups are limited to each call's window, so the output does not depend on it.
const indexes = new WeakMap<object, ThreadIndex>();

/** The index for these article sentences, built on first use. */
export function threadIndex(articleSentences: ReadonlyArray<{ span: Span; text: string }>, paraphrases: Paraphrases = BUILTIN_PARAPHRASES): ThreadIndex {
  const hit = indexes.get(articleSentences);
  if (hit && hit.matches(articleSentences, paraphrases)) return hit;
  const index = new ThreadIndex(articleSentences, paraphrases);
  indexes.set(articleSentences, index);
  return index;
}
