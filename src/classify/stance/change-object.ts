/**
 * A change target read through its object. Most thread targets name a change ("bridge closure", "service cuts",
 * "phone ban", "fee hike"): a head noun of change and the thing it changes (the object: the target's other words).
 * A post that never names the change but speaks of the object takes a side on the change through it: praise of the
 * object ("that E.R. saved his life") is a side AGAINST its removal, and contempt for it ("the service was useless
 * anyway") one FOR its removal; for an increase ("fee hike", "stadium subsidy") the side follows the tone.
 * The model reads an unnamed target by the post's overall tone, which reads praise of a thing being cut as favour of
 * the cut. Closed classes only (the change nouns), no content word; the tone is the built-in sentiment scorer's
 * sentence scores. It lives outside `classifyStance` so that the stance model's feature files (and their hash) stay
 * as they were fit; the pipeline's stance step applies it ({@link changeObjectStances}).
 */
import type { StanceResult } from '../../schema/classify.js';
import type { Token } from '../../text/tokenize.js';
import { wordTokens } from '../../text/word-tokens.js';
import { isContent } from '../../text/word-lists.js';
import { normWord } from './features.js';

/** Head nouns of a removal or decrease: a side on the object is the opposite side on the change. */
const REMOVAL = new Set([
  'cut', 'cuts', 'cutback', 'cutbacks', 'closure', 'closures', 'closing', 'ban', 'bans', 'restriction', 'restrictions',
  'removal', 'reduction', 'reductions', 'cap', 'caps', 'deduction', 'dimming', 'shutdown', 'shutoff', 'withdrawal',
  'suspension', 'elimination', 'repeal', 'cancellation', 'curb', 'curbs', 'limit', 'limits', 'freeze', 'moratorium',
  'phaseout', 'abolition', 'demolition', 'decommissioning', 'downsizing', 'consolidation',
]);
/** Head nouns of an increase or a grant: a side on the object is the same side on the change. */
const INCREASE = new Set([
  'rise', 'rises', 'hike', 'hikes', 'increase', 'increases', 'extension', 'expansion', 'subsidy', 'subsidies', 'raise',
  'boost', 'funding', 'grant', 'upgrade', 'upgrades',
]);

/** How a target's head changes its object: `reverse` (a removal) or `same` (an increase); null for any other head. */
export function changeDirection(name: string): { direction: 'reverse' | 'same'; head: string; objects: string[] } | null {
  const words = wordTokens(name).filter((t) => t.kind !== 'punct');
  if (words.length < 2) return null;
  const head = normWord(words[words.length - 1]!.text);
  const direction = REMOVAL.has(head) ? 'reverse' : INCREASE.has(head) ? 'same' : null;
  if (direction === null) return null;
  // The object: the other content words (a number is a name too: "Route 7").
  const objects = words
    .slice(0, -1)
    .filter((t) => isContent(t) || /^\d/.test(t.text))
    .map((t) => normWord(t.text))
    .filter((w) => w.length > 0 && !REMOVAL.has(w) && !INCREASE.has(w));
  return objects.length > 0 ? { direction, head, objects } : null;
}

// Suffixes of a change noun dropped to find its verb's stem ("closure" -> "clos", "reduction" -> "reduc").
const NOUN_SUFFIXES = /(?:ure|ures|tion|tions|sion|sions|al|als|ment|ments|ing|s)$/;

/** Whether a word of the post names the change itself (a form of the head: "cut", "closing", "banned", "closed"). */
function namesChange(word: string, head: string): boolean {
  if (word === head) return true;
  const stem = head.replace(NOUN_SUFFIXES, '');
  if (stem.length >= 4) return word.startsWith(stem);
  // Short heads ("cut", "ban", "cap"): the head and its inflections only ("bank" is not "ban").
  return new RegExp(`^${stem}(?:s|${stem.slice(-1)}?(?:ed|ing|er|ers))?$`).test(word);
}

// The tone a sentence must carry (the sentiment scorer's -1..1 score) to be a side on the object, and the sum over
// the object's sentences; chosen on blind threads 01-10 (0.1, 0.15, 0.2, 0.25 tried; docs/stance.md, session 23).
const OBJECT_TONE = 0.15;
// Confidence of a side read through the object.
const OBJECT_CONFIDENCE = 0.55;

/**
 * `stances` with each side read from tone on a change target the post never names replaced by the side its object
 * takes: the summed score of the sentences that name an object word (and no form of the change), reversed for a
 * removal, at `OBJECT_TONE` or beyond (cue `change-object:praise` / `change-object:contempt`, the object mention as
 * evidence). A post that names the change keeps the model's reading; so does a side declared outright.
 */
export function changeObjectStances(
  text: string,
  stances: readonly StanceResult[],
  sentences: ReadonlyArray<{ span: readonly [number, number]; score: number }>,
): StanceResult[] {
  // The post's words, read only when some target is a change (most posts of most threads have none).
  let read: Array<{ t: Token; w: string }> | undefined;
  const postWords = (): Array<{ t: Token; w: string }> =>
    (read ??= wordTokens(text)
      .filter((t) => t.kind !== 'punct')
      .map((t) => ({ t, w: normWord(t.text) })));
  return stances.map((s) => {
    if (s.implicit !== true || s.evidence.some((e) => e.cue.startsWith('declares:'))) return s;
    const change = changeDirection(s.target);
    if (change === null) return s;
    const words = postWords();
    if (words.some(({ w }) => namesChange(w, change.head))) return s;
    let sum = 0;
    let first: (typeof words)[number] | null = null;
    for (const sent of sentences) {
      const inside = words.filter(({ t }) => t.start >= sent.span[0] && t.end <= sent.span[1]);
      const hit = inside.find(({ w }) => change.objects.some((o) => w === o || w === `${o}s` || w === `${o}es` || w === o.replace(/y$/, 'ies')));
      if (!hit || Math.abs(sent.score) < OBJECT_TONE) continue;
      sum += sent.score;
      first ??= hit;
    }
    if (first === null || Math.abs(sum) < OBJECT_TONE) return s;
    const praise = sum > 0;
    const favour = change.direction === 'reverse' ? !praise : praise;
    return {
      target: s.target,
      label: favour ? 'favor' : 'against',
      confidence: OBJECT_CONFIDENCE,
      evidence: [{ span: [first.t.start, first.t.end] as [number, number], text: first.t.text, cue: `change-object:${praise ? 'praise' : 'contempt'}` }],
      implicit: true,
    };
  });
}
