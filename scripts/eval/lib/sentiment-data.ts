/** Readers for the sentiment development sets in ../shared/data (rows stay there). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsvObjects } from './csv.js';
import { exactStarts } from './gold-threads.js';
import { safeParse } from '../../../src/parse.js';
import { maskHandles } from '../../../src/text/mask-handles.js';

export type Polarity3 = 'positive' | 'negative' | 'neutral';

export interface VaderRow {
  text: string;
  /** Mean human rating, -4..+4. */
  mean: number;
  /** Gold label: mean > 0.5 positive, < -0.5 negative, else neutral. */
  gold: Polarity3;
}

/** Reads one VADER ground-truth TSV (id, mean, text; CRLF). */
export function readVaderSet(dataDir: string, file: string): VaderRow[] {
  const rows: VaderRow[] = [];
  for (const line of readFileSync(join(dataDir, 'sentiment', file), 'utf8').split(/\r?\n/)) {
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    if (a < 0 || b < 0) continue;
    const mean = Number(line.slice(a + 1, b));
    if (!Number.isFinite(mean)) continue;
    rows.push({ text: line.slice(b + 1), mean, gold: mean > 0.5 ? 'positive' : mean < -0.5 ? 'negative' : 'neutral' });
  }
  return rows;
}

/** Reads one UCI labelled-sentences JSON file ({text, class}); drops the empty trailing object. */
export function readUciSet(dataDir: string, file: string): Array<{ text: string; positive: boolean }> {
  const raw = JSON.parse(readFileSync(join(dataDir, 'sentiment', file), 'utf8')) as Array<{ text?: string; class?: number }>;
  return raw.filter((r) => typeof r.text === 'string' && (r.class === 0 || r.class === 1)).map((r) => ({ text: r.text!, positive: r.class === 1 }));
}

/** A sentiment development row in one shared form for training: valence -1..1, 3-class gold where known. */
export interface SentimentRow {
  dataset: string;
  text: string;
  /** VADER: mean rating / 4; UCI: +-UCI_VALENCE (binary labels carry no strength). */
  valence: number;
  /** Row weight in training: UCI rows count half (their valence is a guess). */
  weight: number;
  /** 3-class gold for VADER and NewsMTSC rows; undefined for UCI rows (no neutral class there). */
  gold?: Polarity3;
}

/**
 * NewsMTSC (Hamborg & Donnay 2021, MIT) as sentence polarity: every target the sentence is about is rated
 * negative, neutral or positive toward it. A sentence whose targets agree takes their label; one negative (or
 * positive) target beside neutral ones makes the sentence negative (positive), since the feeling is in its words;
 * a sentence negative toward one person and positive toward another has no single polarity and is left out.
 */
export function readNewsMtsc(dataDir: string, file = 'train.jsonl'): Array<{ text: string; gold: Polarity3 }> {
  const out: Array<{ text: string; gold: Polarity3 }> = [];
  for (const line of readFileSync(join(dataDir, 'stance', 'newsmtsc', file), 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const d = JSON.parse(line) as { sentence_normalized?: string; targets?: Array<{ polarity?: number }> };
    if (typeof d.sentence_normalized !== 'string' || !Array.isArray(d.targets)) continue;
    const ps = new Set(d.targets.map((t) => t.polarity));
    const neg = ps.has(2);
    const pos = ps.has(6);
    if (neg && pos) continue;
    out.push({ text: d.sentence_normalized, gold: neg ? 'negative' : pos ? 'positive' : 'neutral' });
  }
  return out;
}

/**
 * FanChuan's Reddit comments (MIT; ../shared/data/threads) as comment sentiment: `support` says how the comment feels
 * about the politician its thread is about (0 neutral, 1 positive, 2 negative), which is what a reader means by a
 * comment's sentiment: the one may-ship set of reader comments labelled that way, the register of the threads. A
 * sentiment domain since session 15, at a quarter of a set's weight (see {@link SENTIMENT_SETS}).
 */
export function readFanChuanSentiment(dataDir: string): Array<{ text: string; gold: Polarity3 }> {
  const labels: Record<string, Polarity3> = { '0': 'neutral', '1': 'positive', '2': 'negative' };
  return parseCsvObjects(readFileSync(join(dataDir, 'threads', 'reddit-trump-comments-train.csv'), 'utf8'))
    .filter((r) => typeof r.content === 'string' && r.content.trim() !== '' && labels[r.support ?? ''] !== undefined)
    .map((r) => ({ text: r.content!, gold: labels[r.support!]! }));
}

/**
 * RumourEval 2017's source tweets (PHEME, CC BY 4.0; ../shared/data/threads), train and dev splits only (test and
 * trump judge the project): the tweet each rumour thread answers, most of them a news outlet's or a witness's report
 * of a breaking event (a shooting, a siege, a crash). Read as weakly labelled **neutral reports** by session 34's
 * measurement (docs/sentiment.md, Quality): no rater judged their feeling, the label is the rule "a rumour's source
 * reports". Not fit on by default.
 */
export function readRumourSources(dataDir: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(join(dataDir, 'threads', 'rumoureval2017_sdqc.jsonl'), 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const d = JSON.parse(line) as { split?: string; is_source?: boolean; text?: string };
    if (d.is_source === true && (d.split === 'train' || d.split === 'dev') && typeof d.text === 'string' && d.text.trim() !== '') out.push(d.text);
  }
  return out;
}

/** The project's own comment-sentiment corpus (MIT, session 17): scripts/train/data/comment-sentiment/. */
export const COMMENT_CORPUS_DIR = resolve(import.meta.dirname, '..', '..', 'train', 'data', 'comment-sentiment');

/**
 * The project-written news reader comments (scripts/train/data/comment-sentiment/, MIT; session 17): gold = the
 * writer's own feeling, as the thread gold has it (a correction, a question or a flat report of bad news is
 * neutral). `file`: `comments.jsonl` (fit on) or `heldout.jsonl` (other topics, measure only).
 */
export function readCommentSentiment(file = 'comments.jsonl'): Array<{ text: string; gold: Polarity3; topic: string }> {
  return readFileSync(join(COMMENT_CORPUS_DIR, file), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const d = JSON.parse(l) as { text: string; label: Polarity3; topic: string };
      return { text: d.text, gold: d.label, topic: d.topic };
    });
}

/** One iSarcasmEval row (SemEval-2022 Task 6, MIT): the tweet, the author's own label, and the literal rephrase. */
export interface SarcasmRow {
  text: string;
  sarcastic: boolean;
  /** The author's non-sarcastic rephrase of a sarcastic tweet ('' otherwise). */
  rephrase: string;
}

/** Reads ../shared/data/sentiment/isarcasm/train.En.csv. */
export function readIsarcasm(dataDir: string): SarcasmRow[] {
  const rows = parseCsvObjects(readFileSync(join(dataDir, 'sentiment', 'isarcasm', 'train.En.csv'), 'utf8'));
  return rows
    .filter((r) => typeof r.tweet === 'string' && r.tweet.trim() !== '' && (r.sarcastic === '0' || r.sarcastic === '1'))
    .map((r) => ({ text: r.tweet!, sarcastic: r.sarcastic === '1', rephrase: r.rephrase ?? '' }));
}

/**
 * The comment corpus's share of one set's weight when it is fit on as a sentiment domain: measurement only
 * (TL_COMMENT_CORPUS=<weight>, e.g. 1). Not fit on by default: at a full set's weight it moved the thread posts by
 * nothing (docs/sentiment.md, "session 17 (sentdata17)"), so the shipped model stays as it was.
 */
export const COMMENT_CORPUS_WEIGHT = Number(process.env.TL_COMMENT_CORPUS ?? 0);

/** Valence given to UCI rows: about the mean rating of VADER's positive and negative rows (+-1.7 of 4). */
export const UCI_VALENCE = 0.42;

/**
 * The sentiment domains the shipped model is fit on, each also scored with itself left out: the VADER sets (MIT),
 * the UCI sentences (CC BY 4.0), NewsMTSC news sentences (MIT) and FanChuan's Reddit comments (MIT). `weight`: the
 * set's share of one set's weight (default 1). FanChuan's 555 comments weigh a quarter of a set: at a full set's
 * weight each comment counted as much as 7.5 tweets and the three-class sets lost (tweets 0.728 -> 0.719, a met
 * margin; docs/sentiment.md, sessions 14-15), and its label (support for one politician) is narrower than feeling.
 */
export const SENTIMENT_SETS: ReadonlyArray<{ name: string; file: string; kind: 'vader' | 'uci' | 'newsmtsc' | 'fanchuan' | 'comments'; weight?: number }> = [
  { name: 'VADER tweets', file: 'tweets_GroundTruth.txt', kind: 'vader' },
  { name: 'VADER Amazon snippets', file: 'amazonReviewSnippets_GroundTruth.txt', kind: 'vader' },
  { name: 'VADER movie snippets', file: 'movieReviewSnippets_GroundTruth.txt', kind: 'vader' },
  { name: 'UCI Amazon', file: 'uci-amazon.json', kind: 'uci' },
  { name: 'UCI IMDB', file: 'uci-imdb.json', kind: 'uci' },
  { name: 'UCI Yelp', file: 'uci-yelp.json', kind: 'uci' },
  { name: 'NewsMTSC news sentences', file: 'train.jsonl', kind: 'newsmtsc' },
  { name: 'FanChuan Reddit comments', file: 'reddit-trump-comments-train.csv', kind: 'fanchuan', weight: 0.25 },
  ...(COMMENT_CORPUS_WEIGHT > 0 ? [{ name: 'threadlens news comments', file: 'comments.jsonl', kind: 'comments' as const, weight: COMMENT_CORPUS_WEIGHT }] : []),
];

/** Valence given to NewsMTSC and FanChuan rows by label: their raters judged direction only. */
const NEWS_VALENCE = 0.42;

/** Reads every sentiment set into {@link SentimentRow}s, set by set in {@link SENTIMENT_SETS} order. */
export function readSentimentRows(dataDir: string): SentimentRow[] {
  return weighSets(readUnweighted(dataDir));
}

/** The rows with their own weights only (1; UCI 0.5), before {@link weighSets}. */
export function readUnweighted(dataDir: string): SentimentRow[] {
  const out: SentimentRow[] = [];
  for (const set of SENTIMENT_SETS) {
    if (set.kind === 'vader') {
      for (const r of readVaderSet(dataDir, set.file)) out.push({ dataset: set.name, text: r.text, valence: r.mean / 4, weight: 1, gold: r.gold });
    } else if (set.kind === 'newsmtsc' || set.kind === 'fanchuan' || set.kind === 'comments') {
      const rows = set.kind === 'newsmtsc' ? readNewsMtsc(dataDir, set.file) : set.kind === 'fanchuan' ? readFanChuanSentiment(dataDir) : readCommentSentiment(set.file);
      for (const r of rows) {
        const valence = r.gold === 'positive' ? NEWS_VALENCE : r.gold === 'negative' ? -NEWS_VALENCE : 0;
        out.push({ dataset: set.name, text: r.text, valence, weight: 1, gold: r.gold });
      }
    } else {
      for (const r of readUciSet(dataDir, set.file)) out.push({ dataset: set.name, text: r.text, valence: r.positive ? UCI_VALENCE : -UCI_VALENCE, weight: 0.5 });
    }
  }
  return out;
}

/**
 * Copies of `rows` (read by {@link readUnweighted}, perhaps some left out) weighed so that every set weighs the same
 * in total (so the 10,605 movie snippets do not drown the 4,200 tweets), times its `weight`; UCI sets, whose valence
 * is a guess, weigh half a set each.
 */
export function weighSets(rows: readonly SentimentRow[]): SentimentRow[] {
  const out = rows.map((r) => ({ ...r }));
  const sizes = new Map<string, number>();
  for (const r of out) sizes.set(r.dataset, (sizes.get(r.dataset) ?? 0) + 1);
  const mean = out.length / sizes.size;
  const setWeight = new Map(SENTIMENT_SETS.map((s) => [s.name, s.weight ?? 1]));
  for (const r of out) r.weight *= (setWeight.get(r.dataset)! * mean) / sizes.get(r.dataset)!;
  return out;
}

/** A post of an independent evaluation thread, cut from its dump at the gold post starts, with its gold sentiment. */
export interface ThreadPost {
  file: string;
  author: string;
  text: string;
  gold: Polarity3;
}

/**
 * The post's own lines: up to the first line of fewer than four words after its first line (the vote counts,
 * "Reply", "permalink embed save" and dates a dump puts under every post).
 */
function ownLines(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  const out: string[] = [lines[0]!];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    if (line.trim().split(/\s+/).length < 4) break;
    out.push(line);
  }
  return out.join('\n');
}

/**
 * The posts of ../shared/eval-threads with a gold sentiment, cut by the gold `starts` (each post runs from its
 * start to the next post's author line), so the sentiment figure does not depend on how well the dump is parsed.
 * Trailing lines of site furniture are cut (see ownLines).
 */
export function readThreadPosts(threadsDir: string, keep: (goldFile: string) => boolean = () => true): ThreadPost[] {
  const out: ThreadPost[] = [];
  const files = readdirSync(threadsDir).filter((f) => f.endsWith('.gold.json') && keep(f)).sort();
  for (const f of files) {
    const gold = JSON.parse(readFileSync(join(threadsDir, f), 'utf8')) as { file: string; posts: Array<{ author: string; starts: string; sentiment: Polarity3 | null }> };
    const text = readFileSync(join(threadsDir, gold.file), 'utf8');
    const at = exactStarts(text, gold.posts);
    gold.posts.forEach((p, k) => {
      const start = at[k]!;
      if (start < 0 || p.sentiment === null) return;
      // The next post found in the dump (a removed post has no text to find).
      const j = at.findIndex((x, i) => i > k && x >= 0);
      const nextAt = j >= 0 ? at[j]! : text.length;
      let end = nextAt;
      const next = j >= 0 ? gold.posts[j] : undefined;
      if (next) {
        const authorLine = text.lastIndexOf(next.author, nextAt);
        if (authorLine > start) end = authorLine;
      }
      out.push({ file: gold.file, author: p.author, text: ownLines(text.slice(start, end)), gold: p.sentiment });
    });
  }
  return out;
}

/**
 * The thread posts as the pipeline reads them: each dump goes through `parse`, and each gold post (with a sentiment)
 * takes the text of the parsed post that holds its gold start, from that start to the next gold start within the same
 * parsed post (so two posts the parser merged are still scored apart), with `@handles` blanked as the steps blank
 * them. Headers and footers ("Reply", "Share", vote counts) are what the parser leaves out of `post.text`, so no list
 * of them is needed here. A gold post whose start lies in no parsed post (the parser dropped or misplaced it) falls
 * back to the text cut at the gold starts (`parsed: false`). `file` is the dump's name. (Moved from scripts/eval/10-sentiment.ts
 * in session 25, since the comment-register fit reads the blind threads through it too.)
 */
export function pipelineThreadPosts(threadsDir: string, keep: (goldFile: string) => boolean = () => true): Array<{ file: string; text: string; gold: Polarity3; parsed: boolean }> {
  const cut = readThreadPosts(threadsDir, keep);
  const out: Array<{ file: string; text: string; gold: Polarity3; parsed: boolean }> = [];
  for (const f of readdirSync(threadsDir).filter((x) => x.endsWith('.gold.json') && keep(x)).sort()) {
    const g = JSON.parse(readFileSync(join(threadsDir, f), 'utf8')) as { file: string; posts: Array<{ author: string; starts: string; sentiment: Polarity3 | null }> };
    const input = readFileSync(join(threadsDir, g.file), 'utf8');
    const r = safeParse(input);
    const spans = r.success && r.data.source.text === null ? r.data.thread.posts : [];
    // Gold starts in the input, in order (as readThreadPosts finds them).
    const at = exactStarts(input, g.posts);
    const fallback = cut.filter((c) => c.file === g.file);
    let fb = 0;
    g.posts.forEach((p, k) => {
      if (at[k]! < 0 || p.sentiment === null) return;
      const back = fallback[fb++];
      const start = at[k]!;
      const post = spans.find((x) => !x.removed && x.span[0] <= start && start < x.span[1]);
      if (!post) {
        if (back) out.push({ file: g.file, text: back.text, gold: p.sentiment, parsed: false });
        return;
      }
      const next = at.slice(k + 1).find((x) => x > start && x < post.span[1]);
      // Offsets into post.text by its lines (post.text is the lines joined by "\n", indentation left out).
      let text = '';
      for (const line of post.lines) {
        const a = Math.max(line.span[0], start);
        const b = Math.min(line.span[1], next ?? line.span[1]);
        if (a >= b) continue;
        text += (text === '' ? '' : '\n') + input.slice(a, b);
      }
      out.push({ file: g.file, text: maskHandles(text), gold: p.sentiment, parsed: true });
    });
  }
  return out;
}
