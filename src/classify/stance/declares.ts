/**
 * A side declared outright about the subject without naming it: "I'm for it.", "I am totally against this.",
 * "Fully support this.", "I don't support it." The model reads such a post by its tone, and a declaration is often
 * written in flat words around an anecdote ("I joined up at 16 ... I'm for it."), so the model leaves it neutral.
 * This finds such a sentence by its grammar alone (closed classes: the first person, a copula, the two
 * prepositions of taking a side, the three verbs of taking one, a pronoun that ends the sentence), not by any
 * word of content. The pipeline's stance step applies it to the subjects a post never names ({@link declaredStances});
 * it lives outside `classifyStance` so that the stance model's feature code (and its hash) stays as it was fit.
 */
import type { StanceResult } from '../../schema/classify.js';
import type { Token } from '../../text/tokenize.js';
import { wordTokens } from '../../text/word-tokens.js';
import { isNegator } from '../../text/word-lists.js';
import { normWord } from './features.js';

/** The declared side and the word range [from, to) of the declaration. */
export interface DeclaredSide {
  side: 'favor' | 'against';
  from: number;
  to: number;
}

// Conjunctions that open a clause a declaration may start.
const CLAUSE_LINKS = new Set(['but', 'and', 'so', 'yet', 'though', 'although']);
const FIRST_PERSON = new Set(['i', "i'm", 'im', 'we', "we're"]);
const COPULA_AFTER_I = new Set(['am', "'m", 'are']);
// Degree words allowed between the subject (or copula) and the side ("I'm all for it", "Fully support this").
const DEGREE = new Set(['all', 'totally', 'fully', 'completely', 'entirely', 'absolutely', 'very', 'very much', 'firmly', 'strongly', 'wholeheartedly', 'definitely', '100%']);
const SIDE_PREPOSITIONS: Record<string, 'favor' | 'against'> = { for: 'favor', against: 'against' };
const SIDE_VERBS: Record<string, 'favor' | 'against'> = { support: 'favor', back: 'favor', oppose: 'against' };
// The pronoun standing for the subject: it must end the sentence (or its clause), so "I'm for this plan" or
// "I support it when ..." (a condition) are not read.
// Sentence adverbs that may close a declaration ("I'm against it though").
const CLOSING_ADVERBS = new Set(['though', 'too', 'anyway', 'personally', 'honestly', 'frankly', 'now']);
const SUBJECT_PRONOUNS = new Set(['it', 'this', 'that']);

/**
 * The first sentence that declares a side on "it/this/that" (the subject of the comment), or null. `sentenceOf`
 * gives each word's sentence (the words are the text's word tokens without punctuation).
 */
export function findDeclaredSide(text: string, words: readonly Token[], norm: readonly string[], sentenceOf: readonly number[]): DeclaredSide | null {
  const n = words.length;
  for (let s = 0; s < n; s++) {
    // A declaration opens a sentence or a clause ("Great idea, but I'm against it").
    if (s > 0 && sentenceOf[s] === sentenceOf[s - 1] && !/[,;:]/.test(text.slice(words[s - 1]!.end, words[s]!.start)) && !CLAUSE_LINKS.has(norm[s - 1]!)) continue;
    const same = (k: number): boolean => k < n && sentenceOf[k] === sentenceOf[s];
    let k = s;
    let subject = false;
    if (FIRST_PERSON.has(norm[k]!)) {
      subject = true;
      const contracted = norm[k] === "i'm" || norm[k] === 'im' || norm[k] === "we're";
      k++;
      if (!contracted && same(k) && COPULA_AFTER_I.has(norm[k]!)) k++;
    }
    let negated = false;
    // "I don't support it", "I'm not against it".
    if (same(k) && isNegator(words[k]!)) {
      negated = true;
      k++;
    }
    while (same(k) && DEGREE.has(norm[k]!)) k++;
    if (!same(k)) continue;
    const word = norm[k]!;
    let side: 'favor' | 'against' | undefined;
    if (SIDE_VERBS[word] && (subject || k === s || DEGREE.has(norm[k - 1]!))) side = SIDE_VERBS[word];
    // A preposition declares a side only after the first person ("for it" alone is any clause's end).
    else if (SIDE_PREPOSITIONS[word] && subject) side = SIDE_PREPOSITIONS[word];
    if (!side) continue;
    const pronoun = k + 1;
    if (!same(pronoun) || !SUBJECT_PRONOUNS.has(norm[pronoun]!)) continue;
    // The pronoun ends the sentence, or its clause at a comma ("I'm for it, frankly").
    let after = pronoun + 1;
    if (same(after) && CLOSING_ADVERBS.has(norm[after]!)) after++;
    const between = text.slice(words[after - 1]!.end, words[after]?.start ?? text.length);
    if (same(after) && !/[,;:]/.test(between)) continue;
    // "I don't support it" is against; "I'm not against it" is lukewarm, no side.
    if (negated && side === 'against') continue;
    return { side: negated ? 'against' : side, from: s, to: pronoun + 1 };
  }
  return null;
}

/** Sentence number of each word: a word ends a sentence when . ! ? or a line break follows it. */
function sentenceNumbers(text: string, words: readonly Token[]): number[] {
  const out: number[] = [];
  let sid = 0;
  for (let i = 0; i < words.length; i++) {
    out.push(sid);
    const gap = text.slice(words[i]!.end, words[i + 1]?.start ?? words[i]!.end);
    if (/[.!?\n]/.test(gap)) sid++;
  }
  return out;
}

/** Confidence of a side the post declares outright ("I'm for it"): a rule's, not a model's probability. */
const DECLARED_CONFIDENCE = 0.8;

/**
 * `stances` with every reading of a target the text never names (`implicit`) replaced by the side the text declares
 * outright, if it declares one ("I'm for it."): confidence 0.8, cue `declares:favor|against` on the declaration
 * (span relative to `text`). Named targets keep their reading.
 */
export function declaredStances(text: string, stances: readonly StanceResult[]): StanceResult[] {
  if (!stances.some((s) => s.implicit === true)) return stances.slice();
  const words = wordTokens(text).filter((t) => t.kind !== 'punct');
  const declared = findDeclaredSide(text, words, words.map((w) => normWord(w.text)), sentenceNumbers(text, words));
  if (!declared) return stances.slice();
  const start = words[declared.from]!.start;
  const end = words[declared.to - 1]!.end;
  const evidence = [{ span: [start, end] as [number, number], text: text.slice(start, end), cue: `declares:${declared.side}` }];
  return stances.map((s) => (s.implicit === true ? { target: s.target, label: declared.side, confidence: DECLARED_CONFIDENCE, evidence, implicit: true } : s));
}
