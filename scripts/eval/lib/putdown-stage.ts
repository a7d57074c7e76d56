/**
 * A study of session 26 (issue 14, docs/moderation.md "session 26 (mod26)"): a small second-stage decision for a post,
 * "is this a put-down aimed at a person", over features of the clause that addresses someone and what it says of them.
 * Measured by scripts/study/insult-second-stage.ts; nothing here ships unless that measurement clears the bars.
 */
import { NAMING, type WordReading } from '../../../src/classify/moderation/features.js';
import type { Token } from '../../../src/text/tokenize.js';
import { ADDRESS_WORDS, FUNCTION_WORDS as PLAIN_FUNCTION_WORDS, SENTENCE_END, valence } from './addressed-sentences.js';

// The second-person words (with the contractions the tokenizer keeps whole and "yours") and the function words are
// session 25's study's (addressed-sentences.ts); here the contracted second-person forms count as function words too.
const FUNCTION_WORDS = new Set([...PLAIN_FUNCTION_WORDS, 'youre', 'youve', 'youd', 'youll']);
// Verbs that predicate something of their subject: "you are ...", "you sound like ...", "you have the ... of a ...".
const PREDICATING = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'being', 'sound', 'sounds', 'seem', 'seems', 'look', 'looks', 'act', 'acts', 'have', 'has', 'got', 'youre', 'youve']);

interface Sentence {
  words: WordReading[];
  texts: string[];
  addressed: boolean;
  question: boolean;
  mention: boolean;
  vocative: boolean;
  /** [start, end) of the sentence's first and last word or mention, in input offsets */
  start: number;
  end: number;
}

/** The post's sentences with their plain word readings and whether each addresses a person. */
function sentences(tokens: readonly Token[], readings: readonly WordReading[]): Sentence[] {
  const byToken = new Map<number, WordReading>();
  for (const r of readings) byToken.set(r.token, r);
  const out: Sentence[] = [];
  let cur: Sentence = { words: [], texts: [], addressed: false, question: false, mention: false, vocative: false, start: -1, end: -1 };
  let afterBoundary = true;
  const close = (q: boolean): void => {
    cur.question = q;
    if (cur.words.length > 0 || cur.mention) out.push(cur);
    cur = { words: [], texts: [], addressed: false, question: false, mention: false, vocative: false, start: -1, end: -1 };
    afterBoundary = true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct') {
      if (SENTENCE_END.test(t.text)) close(t.text.includes('?'));
      else if (t.text.includes(',') || t.text.includes(':')) afterBoundary = true;
      continue;
    }
    if (cur.start < 0) cur.start = t.start;
    cur.end = t.end;
    if (t.kind === 'mention') {
      cur.addressed = cur.mention = true;
      afterBoundary = false;
      continue;
    }
    const r = byToken.get(i);
    if (r === undefined) {
      afterBoundary = false;
      continue;
    }
    if (r.mode === 'plain' && ADDRESS_WORDS.has(r.norm)) cur.addressed = true;
    const next = tokens[i + 1];
    if (r.mode === 'plain' && afterBoundary && /^\p{Lu}\p{Ll}/u.test(t.text) && !FUNCTION_WORDS.has(r.norm) && (next === undefined || (next.kind === 'punct' && (next.text.includes(',') || SENTENCE_END.test(next.text))))) {
      cur.addressed = cur.vocative = true;
    }
    cur.words.push(r);
    cur.texts.push(t.text);
    afterBoundary = false;
  }
  close(false);
  return out;
}

/**
 * The [start, end) input ranges of the sentences that address a person (session 27: where a rater's insult span sits
 * decides whether a ToxiSpans insult is aimed at the reader or said of a third party).
 */
export function addressedRanges(tokens: readonly Token[], readings: readonly WordReading[]): Array<[number, number]> {
  return sentences(tokens, readings)
    .filter((s) => s.addressed && s.start >= 0)
    .map((s) => [s.start, s.end] as [number, number]);
}

/**
 * The features of the put-down stage for one post: `$`-named dense values, plus `a:` words of addressed sentences
 * when `words`, and (session 27) `g:` character 4-grams of those words when `grams` (sub-word cues for a word no list holds).
 */
export function putdownFeatures(tokens: readonly Token[], readings: readonly WordReading[], commentLogit: number, options: { words?: boolean; comment?: boolean; grams?: boolean } = {}): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const ss = sentences(tokens, readings);
  let addressed = 0;
  let like = 0;
  let ws = 0;
  let neg = 0;
  let negSum = 0;
  let pos = 0;
  let liken = false;
  let predLike = 0;
  let predNeg = 0;
  let predWs = 0;
  let question = false;
  let quoted = 0;
  let negatedLex = 0;
  let naming = false;
  let idea = 0;
  let youPhrase = 0;
  const aWords = new Set<string>();
  for (let s = 0; s < ss.length; s++) {
    const sen = ss[s]!;
    for (const w of sen.words) {
      if (w.mode === 'quote') quoted++;
      if (w.mode === 'negated' && (w.lex.insult > 0 || w.like > 0.6)) negatedLex++;
      if (NAMING.has(w.norm)) naming = true;
    }
    // The sentence after an addressed one is read with it: a likening often follows the sentence that names the person.
    const inScope = sen.addressed || (s > 0 && ss[s - 1]!.addressed && !sen.addressed);
    if (!inScope) continue;
    if (sen.addressed) addressed++;
    if (sen.addressed && sen.question) question = true;
    const ws_ = sen.words;
    for (let k = 0; k < ws_.length; k++) {
      const w = ws_[k]!;
      if (w.mode !== 'plain') continue;
      if (w.target === 'idea') {
        idea++;
        continue;
      }
      if (FUNCTION_WORDS.has(w.norm)) {
        if ((w.norm === 'a' || w.norm === 'an') && k >= 2 && ((ws_[k - 1]!.norm === 'of' && !FUNCTION_WORDS.has(ws_[k - 2]!.norm)) || ws_[k - 1]!.norm === 'like')) liken = true;
        continue;
      }
      if (options.words || options.grams) aWords.add(w.norm);
      like = Math.max(like, w.like);
      ws = Math.max(ws, w.ws);
      const v = valence(w.norm);
      if (v < 0) {
        neg = Math.max(neg, -v);
        negSum += -v;
      } else pos = Math.max(pos, v);
    }
    // What is predicated of the addressee: the content words up to five words after "you are / you've / you sound ...".
    for (let k = 0; k < ws_.length; k++) {
      const w = ws_[k]!;
      const opens = (w.norm === 'youre' || w.norm === 'youve') || (ADDRESS_WORDS.has(w.norm) && PREDICATING.has(ws_[k + 1]?.norm ?? ''));
      if (!opens || w.mode !== 'plain') continue;
      for (let j = k + 1; j < Math.min(ws_.length, k + 7); j++) {
        const p = ws_[j]!;
        if (p.mode !== 'plain' || FUNCTION_WORDS.has(p.norm) || PREDICATING.has(p.norm)) continue;
        predLike = Math.max(predLike, p.like);
        predWs = Math.max(predWs, p.ws);
        const v = valence(p.norm);
        if (v < 0) predNeg = Math.max(predNeg, -v);
      }
    }
    // A vocative bare noun phrase: "you pompous windbag", "what a ...".
    for (let k = 0; k < ws_.length - 1; k++) {
      const w = ws_[k]!;
      if ((w.norm === 'you' || (w.norm === 'what' && (ws_[k + 1]!.norm === 'a' || ws_[k + 1]!.norm === 'an'))) && w.mode === 'plain') {
        const nx = ws_[w.norm === 'what' ? k + 2 : k + 1];
        if (nx && !FUNCTION_WORDS.has(nx.norm) && nx.mode === 'plain') youPhrase = Math.max(youPhrase, nx.like, Math.max(0, nx.ws) / 5);
      }
    }
  }
  const put = (name: string, v: number): void => {
    if (v !== 0 && Number.isFinite(v)) out.push([name, v]);
  };
  if (options.comment !== false) put('$cmt', commentLogit / 4);
  put('$addr', addressed > 0 ? 1 : 0);
  put('$addr-n', Math.min(3, addressed) / 3);
  put('$addr-like', like);
  put('$addr-ws', ws / 5);
  put('$addr-neg', neg);
  put('$addr-negsum', Math.min(2, negSum));
  put('$addr-pos', pos);
  put('$addr-liken', liken ? 1 : 0);
  put('$addr-q', question ? 1 : 0);
  put('$pred-like', predLike);
  put('$pred-ws', predWs / 5);
  put('$pred-neg', predNeg);
  put('$voc-phrase', youPhrase);
  put('$g-quote', quoted > 0 ? 1 : 0);
  put('$g-negated', negatedLex > 0 ? 1 : 0);
  put('$g-naming', naming ? 1 : 0);
  put('$g-idea', Math.min(2, idea) / 2);
  if (options.words) {
    const v = 1 / Math.sqrt(Math.max(4, aWords.size));
    for (const w of aWords) out.push([`a:${w}`, v]);
  }
  if (options.grams) {
    const grams = new Set<string>();
    for (const w of aWords) {
      const padded = `^${w}$`;
      for (let i = 0; i + 4 <= padded.length; i++) grams.add(padded.slice(i, i + 4));
    }
    const v = 1 / Math.sqrt(Math.max(8, grams.size));
    for (const g of [...grams].sort()) out.push([`g:${g}`, v]);
  }
  return out;
}
