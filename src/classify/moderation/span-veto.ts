/**
 * Which words of a comment are never highlighted as a span, whatever the comment's scores (since 2026-12-04,
 * session 16): the writer does not say them as abuse of a person. Until then the comment gate alone kept most such
 * comments dark; the veto now sits on the word, so a flagged comment does not show a quoted word either.
 *
 * Vetoed: a word aimed at an idea ("a stupid plan"; since session 23 `highlight` in index.ts lifts this for a plain
 * one when the comment highlights a word that is not aimed at an idea, so a comment that only criticises a policy
 * still shows nothing); a quoted word when the quote is reported speech or a mention
 * (a verb of saying or a mention noun stands just before its opening mark: `said "..."`, `the word "..."`); a word
 * in a naming verb's scope ("don't call anyone a moron", "I am not calling anyone an idiot"); a denied predicate
 * ("you are not an idiot", "they aren't morons"). Not vetoed, because SemEval-2021's raters mark them as the
 * writer's abuse (docs/moderation.md, session 16): other quoted words (scare quotes around a word the writer applies)
 * and other words in a denial's reach ("don't be an idiot", "you can't be that stupid").
 * The readings' `mode` (features.ts) says which words are quoted or denied; this reads only the words before them.
 */
import type { Token } from '../../text/tokenize.js';
import { NAMING, NEGATORS, type WordReading } from './features.js';

// The words that introduce reported speech or a mention; the naming verbs and negators are features.ts's own.
const SAYING = new Set(
  'say says said saying write writes wrote written writing quote quotes quoted quoting call calls called calling word words term terms phrase label labels labeled labelled tell tells told ask asks asked claim claims claimed state states stated reply replies replied tweet tweeted yell yelled shout shouted scream screamed use used uses using as'.split(
    ' ',
  ),
);
const COPULAR_NEGATORS = new Set(['isnt', 'arent', 'wasnt', 'werent', 'aint']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'being', 'been', 'im', 'youre', 'hes', 'shes', 'theyre', 'its', 'thats']);
const CLAUSE_BREAK = /[.!?;:,\n]/;
const OPENING_QUOTE = /["\u201c]/;

/**
 * Why a word is vetoed (session 45): `idea` (aimed at an idea, whatever its use), `quote` (quoted as reported speech or
 * a mention), `naming` (in a naming verb's scope), `denial` (a denied predicate); `''` when it is not.
 */
export type SpanVetoKind = '' | 'idea' | 'quote' | 'naming' | 'denial';

/** For every reading of `text`: true when the word is never highlighted (see the module comment). */
export function spanVetoes(text: string, tokens: readonly Token[], readings: readonly WordReading[]): boolean[] {
  return spanVetoKinds(text, tokens, readings).map((k) => k !== '');
}

/** For every reading of `text`: why it is vetoed ({@link SpanVetoKind}), `''` when it is not. */
export function spanVetoKinds(text: string, tokens: readonly Token[], readings: readonly WordReading[]): SpanVetoKind[] {
  const gap = (j: number): string => text.slice(tokens[readings[j]!.token]!.end, tokens[readings[j + 1]!.token]!.start);
  return readings.map((r, k): SpanVetoKind => {
    if (r.target === 'idea') return 'idea';
    if (r.mode === 'quote') {
      // The quote's first word, then the two words before its opening mark.
      let q = k;
      while (q > 0 && readings[q - 1]!.mode === 'quote' && !OPENING_QUOTE.test(gap(q - 1))) q--;
      for (let j = q - 1; j >= Math.max(0, q - 2); j--) if (SAYING.has(readings[j]!.norm)) return 'quote';
      return '';
    }
    if (r.mode !== 'negated') return '';
    // What put the word in scope, looking back within its clause: a naming verb, or a negator of a predicate.
    for (let j = k - 1; j >= 0; j--) {
      if (CLAUSE_BREAK.test(gap(j))) return '';
      const w = readings[j]!.norm;
      if (NAMING.has(w)) return 'naming';
      if (NEGATORS.has(w)) return COPULAR_NEGATORS.has(w) || (j > 0 && COPULAS.has(readings[j - 1]!.norm)) ? 'denial' : '';
    }
    return '';
  });
}
