/**
 * Criticism of the people who hold a view ("Anyone who thinks X is an idiot", "Everyone who cheered this is a
 * fool"): the post takes the side opposite to the view it scorns, not the side its harsh tone suggests. This
 * finds such a sentence: a group named by a quantifier and a relative clause, then a copula and a hostile
 * predicate. The caller reads the stance of the relative clause (the view) and flips it.
 */
import type { Token } from '../../text/tokenize.js';
import { isNegator } from '../../text/word-lists.js';
import { afinnValue } from './features.js';

/** Word ranges [from, to) of the scorned view (the relative clause) and of the hostile predicate. */
export interface HolderAttack {
  view: { from: number; to: number };
  verdict: { from: number; to: number };
}

// A group named by who they are ("anyone who ...", "anyone still doing ..."): the relative pronoun may be left out.
const GROUP_WORDS = new Set(['anyone', 'anybody', 'everyone', 'everybody', 'whoever']);
// Determiners of a group named by a noun and a relative clause ("every single commissioner who", "people who").
const GROUP_DETERMINERS = new Set(['every', 'any', 'all', 'those', 'people', 'whoever']);
const RELATIVE = new Set(['who', 'that']);
const COPULA = new Set(['is', 'are', 'was', 'were']);
// A relative clause longer than this is not read as one (a copula that far is probably another clause's).
const MAX_VIEW_WORDS = 25;
// Words after the copula read as the verdict on the group.
const VERDICT_WORDS = 5;

/**
 * The first sentence of the form "<group> [who] <view> is <hostile predicate>", or null. `sentenceOf` gives each
 * word's sentence; `lexicon` extends AFINN as in the stance features.
 */
export function findHolderAttack(text: string, words: readonly Token[], norm: readonly string[], sentenceOf: readonly number[], lexicon: Record<string, number> | null): HolderAttack | null {
  const n = words.length;
  for (let s = 0; s < n; s++) {
    if (s > 0 && sentenceOf[s] === sentenceOf[s - 1]) continue;
    let from = -1;
    if (GROUP_WORDS.has(norm[s]!)) from = RELATIVE.has(norm[s + 1] ?? '') ? s + 2 : s + 1;
    else if (GROUP_DETERMINERS.has(norm[s]!)) {
      for (let k = s + 1; k <= s + 3 && k < n && sentenceOf[k] === sentenceOf[s]; k++) {
        if (RELATIVE.has(norm[k]!)) {
          from = k + 1;
          break;
        }
      }
    }
    if (from < 0 || from >= n || sentenceOf[from] !== sentenceOf[s]) continue;
    // The last copula whose predicate is hostile: in "anyone who thinks X is a rip-off is an idiot" the view
    // holds a copula of its own.
    let found: HolderAttack | null = null;
    for (let k = from + 1; k < Math.min(n, from + MAX_VIEW_WORDS) && sentenceOf[k] === sentenceOf[s]; k++) {
      if (!COPULA.has(norm[k]!) || (k + 1 < n && isNegator(words[k + 1]!))) continue;
      let polar = 0;
      let end = k + 1;
      for (; end < Math.min(n, k + 1 + VERDICT_WORDS) && sentenceOf[end] === sentenceOf[s] && !isNegator(words[end]!); end++) {
        polar += afinnValue(norm[end]!, lexicon);
        // The verdict ends with its clause ("an idiot, and you'll ...").
        if (text.slice(words[end]!.end, words[end + 1]?.start ?? text.length).includes(',')) {
          end++;
          break;
        }
      }
      if (polar < 0) found = { view: { from, to: k }, verdict: { from: k + 1, to: end } };
    }
    if (found) return found;
  }
  return null;
}
