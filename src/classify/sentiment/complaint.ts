/**
 * Complaint cues: how a reader tells a grievance without rated words ("They closed it twice last year and nobody
 * told us", "Why was this not fixed years ago?"). A person hears blame and obligation in function words and in the
 * shape of a sentence, not in any topic word: a counterfactual or an obligation not met ("should have", "was
 * supposed to"), a universal denial ("nobody", "not once", "not even"), repetition and persistence ("again",
 * "still", "every time"), a rhetorical question ("why ...?", a negated question), a contrast with what was expected
 * ("instead", "despite", "apparently"), a plain negation of a fact, and who is blamed or hurt ("they", "we").
 * Each family is a dense feature (`%k.*`: 1 when the text holds it) read only by the comment-register model
 * (./register.ts); the general sentiment model never sees them. The lists name closed-class words only.
 */
import type { TextAnalysis } from '../../text/analysis.js';
import type { Token } from '../../text/tokenize.js';
import { isNegator } from '../../text/word-lists.js';

/** The complaint-cue families, in feature order. */
export const COMPLAINT_FAMILIES = ['counterfactual', 'obligation', 'universal', 'again', 'why', 'negquestion', 'expectation', 'negation', 'they', 'we'] as const;
export type ComplaintFamily = (typeof COMPLAINT_FAMILIES)[number];

const MODALS = new Set(['should', 'could', 'would', 'might', 'must', "shouldn't", "couldn't", "wouldn't", 'shouldnt', 'couldnt', 'wouldnt']);
const CONTRACTED_PERFECT = new Set(["should've", "could've", "would've", "might've", "must've", 'shouldve', 'couldve', 'wouldve']);
const OBLIGATION = new Set(['should', "shouldn't", 'shouldnt', 'ought']);
// "supposed to", "meant to", "promised to": an obligation or promise a past state did not keep.
const OBLIGATION_BEFORE_TO = new Set(['supposed', 'meant', 'promised']);
const UNIVERSAL = new Set(['nobody', 'nothing', 'none', 'noone', 'no-one']);
const UNIVERSAL_AFTER_NOT = new Set(['once', 'even', 'one', 'single', 'a']);
const AGAIN = new Set(['again', 'still', 'always', 'twice', 'anymore', 'repeatedly', 'constantly']);
const EXPECTATION = new Set(['instead', 'despite', 'apparently', 'somehow', 'supposedly', 'yet', 'though', 'although']);
const THEY = new Set(['they', 'them', 'their', "they're", "they've", "they'd", 'theyre', 'theyve']);
const WE = new Set(['we', 'us', 'our', "we're", "we've", "we'd", 'weve']);

const low = (t: Token | undefined): string => (t ? t.lower.replace(/\u2019/g, "'") : '');

/** The complaint cues of a text: `%k.<family>` set to 1 for each family the text holds. */
export function complaintCues(text: TextAnalysis): Map<string, number> {
  const found = new Set<ComplaintFamily>();
  const words = text.tokens.filter((t) => t.kind !== 'punct');
  for (let i = 0; i < words.length; i++) {
    const w = low(words[i]);
    const next = low(words[i + 1]);
    if (CONTRACTED_PERFECT.has(w) || (MODALS.has(w) && (next === 'have' || next === 'of' || (next === 'not' && low(words[i + 2]) === 'have')))) found.add('counterfactual');
    if (OBLIGATION.has(w) || (OBLIGATION_BEFORE_TO.has(w) && next === 'to')) found.add('obligation');
    if (UNIVERSAL.has(w) || (w === 'no' && next === 'one') || ((w === 'not' || w === 'never') && UNIVERSAL_AFTER_NOT.has(next))) found.add('universal');
    if (AGAIN.has(w) || (w === 'every' && next === 'time') || (w === 'once' && next === 'more')) found.add('again');
    if (EXPECTATION.has(w) || (w === 'so' && next === 'much' && low(words[i + 2]) === 'for') || (w === 'even' && next === 'though')) found.add('expectation');
    if (isNegator(words[i]!)) found.add('negation');
    if (THEY.has(w)) found.add('they');
    if (WE.has(w)) found.add('we');
  }
  // Questions: a sentence that ends in "?" and asks "why" / "how come", or holds a negation (a rhetorical question).
  text.sentences.forEach((s, k) => {
    const body = text.text.slice(s.span[0], s.span[1]).trimEnd();
    if (!body.endsWith('?')) return;
    const [from, to] = text.sentenceTokens[k]!;
    const toks = text.tokens.slice(from, to).filter((t) => t.kind !== 'punct');
    for (let i = 0; i < toks.length; i++) {
      const w = low(toks[i]);
      if (w === 'why' || (w === 'how' && low(toks[i + 1]) === 'come')) found.add('why');
      if (isNegator(toks[i]!)) found.add('negquestion');
    }
  });
  const out = new Map<string, number>();
  for (const f of COMPLAINT_FAMILIES) if (found.has(f)) out.set(`%k.${f}`, 1);
  return out;
}
