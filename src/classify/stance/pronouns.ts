/**
 * Plural pronouns resolved to targets, cheaply and conservatively: "US forces are a burden. Kick them out"
 * makes "them" a mention of the US forces target. No parser: a pronoun takes the nearest preceding target
 * mention whose head word is plural, within a short window, unless another plural-looking word stands
 * between them (then the pronoun may mean that word, and it is left alone).
 */

/** Plural pronouns that may refer to a target named just before. */
export const PLURAL_PRONOUNS = new Set(['they', 'them', 'their', 'theirs', 'themselves']);

// Plural nouns that do not end in -s.
const PLURAL_NOUNS = new Set(['people', 'police', 'men', 'women', 'children', 'staff', 'personnel']);
// Words ending in -s that are not plural nouns (adverbs, conjunctions, singulars).
const NOT_PLURAL = new Set([
  'always', 'perhaps', 'sometimes', 'besides', 'nevertheless', 'unless', 'whereas', 'thus', 'news', 'yes', 'less',
  'various', 'series', 'nowadays', 'afterwards', 'towards', 'backwards', 'upwards', 'downwards', 'anyways',
  'regardless', 'across', 'does', 'goes', 'has', 'was', 'its', 'this', 'his', 'hers', 'ours', 'yours', 'us',
  'plus', 'whereabouts', 'species', 'politics', 'economics', 'physics', 'mathematics', 'ethics', 'basis', 'crisis',
]);
// Plural nouns of time and quantity: not what "kick them out" points at ("US troops cost us billions").
const MEASURES = new Set([
  'years', 'decades', 'months', 'weeks', 'days', 'hours', 'minutes', 'centuries', 'times', 'dollars', 'euros',
  'pounds', 'billions', 'millions', 'thousands', 'hundreds', 'trillions', 'dozens', 'taxes', 'costs',
]);

/** Words of the mention window allowed before the pronoun; beyond it the reference is too loose. */
export const PRONOUN_WINDOW = 15;

/** True for a word (lower case, dots removed) that looks like a plural noun: "forces", "troops", "people". */
export function looksPlural(w: string): boolean {
  if (PLURAL_NOUNS.has(w)) return true;
  if (NOT_PLURAL.has(w) || PLURAL_PRONOUNS.has(w)) return false;
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !w.endsWith("'s");
}

export interface TargetMention {
  /** Index of the target in the caller's list. */
  target: number;
  from: number;
  to: number;
}

export interface PronounLink {
  target: number;
  /** Word index of the pronoun. */
  at: number;
  /** True when the antecedent is in the parent post rather than this text. */
  fromParent: boolean;
}

/**
 * Links each plural pronoun in `norm` to the nearest preceding plural target mention (same or previous
 * sentence, at most PRONOUN_WINDOW words back), unless another plural-looking word intervenes.
 * `mentions` are all targets' mentions in this text, `sentenceOf` the sentence number per word, and
 * `isContent(i)` tells whether word i is a content word (only those can block). `parentLast`, when given,
 * is the target whose mention is the parent's last plural noun phrase: a pronoun in this text's first
 * sentence with no target mention before it refers to it.
 */
export function linkPronouns(
  norm: readonly string[],
  mentions: readonly TargetMention[],
  sentenceOf: readonly number[],
  isContent: (i: number) => boolean,
  parentLast: number | null,
): PronounLink[] {
  const out: PronounLink[] = [];
  const sorted = [...mentions].sort((a, b) => a.to - b.to || a.from - b.from);
  const inMention = new Uint8Array(norm.length);
  for (const m of sorted) for (let i = m.from; i < m.to; i++) inMention[i] = 1;
  // A plural noun that could be what a pronoun means instead of the target ("the local businesses").
  const blocker = (i: number): boolean => inMention[i] === 0 && isContent(i) && looksPlural(norm[i]!) && !MEASURES.has(norm[i]!);
  let firstBlocker = -1;
  for (let i = 0; i < norm.length && firstBlocker < 0; i++) if (blocker(i)) firstBlocker = i;
  // Pronouns are visited in order, so the mentions ending before each one grow monotonically: one pointer.
  let ended = 0;
  for (let p = 0; p < norm.length; p++) {
    if (!PLURAL_PRONOUNS.has(norm[p]!) || inMention[p] === 1) continue;
    while (ended < sorted.length && sorted[ended]!.to <= p) ended++;
    let link: PronounLink | null = null;
    for (let k = ended - 1; k >= 0; k--) {
      const m = sorted[k]!;
      if (p - m.to >= PRONOUN_WINDOW || sentenceOf[p]! - sentenceOf[m.from]! > 1) break;
      if (!looksPlural(norm[m.to - 1]!)) continue;
      let blocked = false;
      for (let i = m.to; i < p && !blocked; i++) blocked = blocker(i);
      if (!blocked) link = { target: m.target, at: p, fromParent: false };
      break;
    }
    // No target mention before it in this text: the parent's last plural target, from the first sentence.
    if (!link && ended === 0 && parentLast !== null && sentenceOf[p] === 0 && !(firstBlocker >= 0 && firstBlocker < p)) {
      link = { target: parentLast, at: p, fromParent: true };
    }
    if (link) out.push(link);
  }
  return out;
}

/**
 * The target whose mention is the last plural noun phrase of a parent text, or null: no plural-looking
 * content word may follow that mention, and it must stand within the parent's last PRONOUN_WINDOW * 2 words.
 */
export function lastPluralTarget(norm: readonly string[], mentions: readonly TargetMention[], isContent: (i: number) => boolean): number | null {
  let last: TargetMention | null = null;
  for (const m of mentions) if (!last || m.to > last.to) last = m;
  if (!last || !looksPlural(norm[last.to - 1]!) || norm.length - last.to > PRONOUN_WINDOW * 2) return null;
  for (let i = last.to; i < norm.length; i++) if (isContent(i) && looksPlural(norm[i]!) && !MEASURES.has(norm[i]!)) return null;
  return last.target;
}
