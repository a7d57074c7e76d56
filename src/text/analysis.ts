/**
 * One text, read once: its tokens, its word view, its sentences and the tokens each sentence holds. The steps
 * are handed one per post (`PostAnalysis.shared()`), so no step tokenizes or splits a post again. Every part
 * is computed on first use and kept; offsets are relative to `text`.
 */
import type { Sentence } from '../schema/common.js';
import { splitSentences } from './sentences.js';
import { tokenize, type Token } from './tokenize.js';
import { wordTokens } from './word-tokens.js';

/** A text with its tokens and sentences, each computed once. */
export interface TextAnalysis {
  readonly text: string;
  /** The one tokenizer's tokens (./tokenize.ts). */
  readonly tokens: readonly Token[];
  /** The same tokens regrouped for reading words and values (./word-tokens.ts). */
  readonly words: readonly Token[];
  /** The sentences, `[start, end)` relative to `text` (./sentences.ts). */
  readonly sentences: readonly Sentence[];
  /** For each sentence, the `[from, to)` indexes of the `tokens` that overlap it. */
  readonly sentenceTokens: ReadonlyArray<readonly [number, number]>;
}

class LazyTextAnalysis implements TextAnalysis {
  #tokens: Token[] | undefined;
  #words: readonly Token[] | undefined;
  #sentences: Sentence[] | undefined;
  #sentenceTokens: Array<readonly [number, number]> | undefined;
  constructor(readonly text: string) {}
  get tokens(): readonly Token[] {
    return (this.#tokens ??= tokenize(this.text));
  }
  get words(): readonly Token[] {
    return (this.#words ??= wordTokens(this.text, this.tokens));
  }
  get sentences(): readonly Sentence[] {
    return (this.#sentences ??= splitSentences(this.text));
  }
  get sentenceTokens(): ReadonlyArray<readonly [number, number]> {
    return (this.#sentenceTokens ??= tokenRanges(this.tokens, this.sentences));
  }
}

/** The analysis of `text`; nothing is computed until asked for. */
export function analyzeText(text: string): TextAnalysis {
  return new LazyTextAnalysis(text);
}

/** For each sentence, the `[from, to)` range of tokens that overlap it (tokens between sentences belong to none). */
function tokenRanges(tokens: readonly Token[], sentences: readonly Sentence[]): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let t = 0;
  for (const s of sentences) {
    const [start, end] = s.span;
    while (t < tokens.length && tokens[t]!.end <= start) t++;
    const from = t;
    while (t < tokens.length && tokens[t]!.start < end) t++;
    out.push([from, t]);
  }
  return out;
}
