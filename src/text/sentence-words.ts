/**
 * The word view (./word-tokens.ts) of each sentence of a text, offsets relative to the sentence, made from the
 * text's own tokens instead of running the tokenizer over every sentence again. The same tokens as
 * `wordTokens(sentence.text)`: no token crosses white space (each one is read from one run of non-space
 * characters, and the word view only joins tokens that touch), so a sentence that starts after white space (or
 * at the text's start) and ends before white space (or at the text's end) holds exactly the text's tokens inside
 * it. A sentence cut anywhere else is tokenized again.
 */
import type { TextAnalysis } from './analysis.js';
import type { Token } from './tokenize.js';
import { wordTokens } from './word-tokens.js';

const SPACE = /\s/u;

/** `wordTokens(read.sentences[i].text)`, from `read.tokens` when the sentence is cut at white space. */
export function sentenceWords(read: TextAnalysis, i: number): readonly Token[] {
  const sentence = read.sentences[i]!;
  const [start, end] = sentence.span;
  const text = read.text;
  if (!((start === 0 || SPACE.test(text[start - 1]!)) && (end === text.length || SPACE.test(text[end]!)))) return wordTokens(sentence.text);
  const [from, to] = read.sentenceTokens[i]!;
  const tokens = read.tokens;
  const own: Token[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    own.push({ kind: t.kind, text: t.text, lower: t.lower, norm: t.norm, start: t.start - start, end: t.end - start });
  }
  return wordTokens(sentence.text, own, true);
}
