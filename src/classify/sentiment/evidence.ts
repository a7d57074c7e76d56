/**
 * Which of the model's features to show as evidence: only those a person would accept as the reason for a
 * label. A word feature is shown when (1) its span holds a word or emoji that carries feeling on its own (it is
 * in the AFINN or VADER-rated lexicon, or is an emoji), so topic nouns and function words that merely
 * correlate with a label in the training data ("where", "money") never show, and (2) taking it out of the
 * text's features moves the score by a visible amount.
 */
import { leaveOneOutRows, type LinearModel } from '../../learn/model.js';
import { isNegator, STOPWORDS } from '../../text/word-lists.js';
import type { FeatureBag } from './features.js';
import { DEFAULT_LEXICON } from './lexicon.js';
import { combine, rowsOf } from './model.js';
import { tokenize } from '../../text/tokenize.js';

/** Removing a shown feature must move the score (-1..1) by at least this much. */
export const VISIBLE_CHANGE = 0.05;

/** True when every word of `text` is a function word ("like", "where", "no"): never evidence on its own. */
export function isFunctionWordOnly(text: string): boolean {
  const words = tokenize(text).filter((t) => t.kind === 'word');
  // A negated word is a verb or an adjective, not a preposition: "don't like", "not well" carry feeling.
  if (words.length > 1 && words.some(isNegator)) return false;
  // `lower` keeps apostrophes straight, so "don’t" is read like "don't".
  return words.length > 0 && words.every((t) => STOPWORDS.has(t.norm) || STOPWORDS.has(t.lower));
}

/** True when the text holds a word with a lexicon feeling (not a function word) or an emoji / emoticon. */
export function carriesFeeling(text: string): boolean {
  const lex = DEFAULT_LEXICON.rated ?? DEFAULT_LEXICON;
  for (const t of tokenize(text)) {
    if (t.kind === 'emoji' || t.kind === 'emoticon') {
      if ((lex.emoji(t.norm.replace(/\uFE0F/g, '')) ?? 0) !== 0) return true;
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'hashtag') continue;
    if (STOPWORDS.has(t.norm)) continue;
    if ((lex.word(t.norm) ?? 0) !== 0) return true;
  }
  return false;
}

/**
 * Keeps at most `max` of `candidates` (strongest first) that carry feeling and whose removal from `bag` moves
 * the score toward zero by at least {@link VISIBLE_CHANGE}. `input` is the text the spans point into.
 */
export function showableEvidence<C extends { name: string; span: [number, number] }>(
  model: LinearModel,
  bag: FeatureBag,
  score: number,
  candidates: readonly C[],
  max: number,
  input: string,
): C[] {
  const out: C[] = [];
  // The score without one feature, from the rows the score itself looked up (the same sums as scoring a copy of the bag without it).
  let scorer: ReturnType<typeof leaveOneOutRows> | undefined;
  for (const c of candidates) {
    if (out.length >= max) break;
    if (!carriesFeeling(input.slice(c.span[0], c.span[1]))) continue;
    const k = bag.names.indexOf(c.name);
    if (k < 0) continue;
    const [v, a] = (scorer ??= leaveOneOutRows(model, rowsOf(model, bag), bag.values)).without(k);
    const moved = Math.sign(score) * (score - combine(v ?? 0, a ?? 0));
    if (moved >= VISIBLE_CHANGE) out.push(c);
  }
  return out;
}
