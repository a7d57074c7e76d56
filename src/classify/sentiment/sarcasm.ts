import type { Evidence } from '../../schema/common.js';
import type { Lexicon } from './lexicon.js';
import type { Token } from './tokenize.js';

// Openers that praise with a roll of the eyes: "Oh sure, that will work", "Yeah right", "Oh great, another ...".
// Literal alternations with optional single separators: linear.
const MOCK_OPENER =
  /^(?:oh,? (?:sure|yeah|yes|great|joy|wonderful|brilliant|goody|good|how (?:nice|lovely|wonderful|convenient))|yeah,? right|sure,? (?:that|this|it)(?:'ll|\u2019ll| will) (?:work|help|end well|fix (?:it|everything))|great,? (?:just|another)|what a (?:surprise|shock)|who (?:would have|would've|could have|knew)|color me (?:surprised|shocked)|thanks,? obama)\b/i;
// A praise word, then a mocking form of address at the end: "Brilliant plan, genius".
const MOCK_VOCATIVE = /,\s*(?:genius|einstein|sherlock|champ|smart guy|mastermind|professor|big brain)\s*[.!?]*$/i;
// "/s", the forum sarcasm tag.
const SARCASM_TAG = /(?:^|\s)\/s(?=$|[\s.!])/;

/**
 * Finds sarcasm cues in one sentence (`sentence` starts at `base` in the analysed text). A cue is a signal
 * for a reader or a moderator; the sentiment score is not flipped.
 */
export function findSarcasm(sentence: string, base: number, tokens: readonly Token[], lexicon: Lexicon): Evidence[] {
  const out: Evidence[] = [];
  const cue = (from: number, to: number, name: string): void => {
    out.push({ span: [base + from, base + to], text: sentence.slice(from, to), cue: `sarcasm:${name}` });
  };
  const opener = MOCK_OPENER.exec(sentence);
  if (opener) cue(opener.index, opener.index + opener[0].length, 'mock-opener');

  const vocative = MOCK_VOCATIVE.exec(sentence);
  if (vocative && tokens.some((t) => t.kind === 'word' && (lexicon.word(t.norm) ?? 0) > 0 && t.start < base + vocative.index)) {
    let end = vocative.index + vocative[0].length;
    while (end > vocative.index && ' \t.!?'.includes(sentence[end - 1]!)) end--;
    cue(vocative.index + vocative[0].length - vocative[0].slice(1).trimStart().length, end, 'mock-vocative');
  }

  const tag = SARCASM_TAG.exec(sentence);
  if (tag) cue(tag.index + tag[0].indexOf('/'), tag.index + tag[0].indexOf('/') + 2, 'tag');

  // A praise word given a capital in mid-sentence ("I love all this Winning"): mock emphasis. Words next to
  // other capitalised words are names ("Great Britain", "Good Morning America") and do not count.
  const words = tokens.filter((t) => t.kind === 'word');
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!;
    if (!isTitleCase(w.text) || (lexicon.word(w.norm) ?? 0) <= 0) continue;
    const prev = words[k - 1]!;
    const next = words[k + 1];
    if (isTitleCase(prev.text) || prev.text === prev.text.toUpperCase()) continue;
    if (next && isTitleCase(next.text)) continue;
    // Right after a sentence-internal break (": Great") is a fresh start, not emphasis.
    const between = sentence.slice(prev.end - base, w.start - base);
    if (/[:;."(]/.test(between)) continue;
    cue(w.start - base, w.end - base, 'mock-capital');
  }

  // Praise in scare quotes: the "leadership" we were promised.
  for (let k = 0; k + 2 < tokens.length; k++) {
    const open = tokens[k]!;
    const word = tokens[k + 1]!;
    const close = tokens[k + 2]!;
    if (open.kind !== 'punct' || close.kind !== 'punct' || word.kind !== 'word') continue;
    if (!/["\u201c]$/.test(open.text) || !/^["\u201d]/.test(close.text)) continue;
    if ((lexicon.word(word.norm) ?? 0) > 0) cue(open.end - 1 - base, close.start + 1 - base, 'scare-quotes');
  }
  return out;
}

function isTitleCase(word: string): boolean {
  const first = word[0] ?? '';
  const rest = word.slice(1);
  return first !== first.toLowerCase() && rest.length > 1 && rest === rest.toLowerCase();
}
