/**
 * A replacement fact for the parent's (session 26, corr26): a reply to someone else's post states a value of the
 * same slot kind as a sentence of the parent (a date or year, an amount of the same kind and unit, a weekday) that
 * the parent nowhere states, and something links the two: the article states the reply's value and not the
 * parent's (the reply sets the record straight from the story: "The depot opened on 4 June 2024" under "it only
 * opened in August 2024", the story saying 4 June 2024), or the two sentences share a name or a word. It proposes
 * the pair (reply sentence, parent sentence) as a different date or number, reported as `value-mismatch` (no new
 * detector id in the schema), and runs last, only for a sentence no other detector found anything in: the learned
 * scorer weighs it, with `link:` pair features saying how it was found (a disagreement or contrast cue of the reply,
 * a negator, "but", "actually", "only", "still", is one more link but proposes nothing alone). Closed classes only
 * (value kinds, the seven weekdays, cue and agreement words); a reply that opens agreeing or adds a second fact
 * ("also", "too", "again") proposes nothing.
 */
import { WEEKDAYS } from '../../text/value-words.js';
import { isNegator } from '../../text/word-lists.js';
import { AGREE, sameSlot, slotDiffers } from './compare.js';
import { concessionOf } from './conceded-self.js';
import type { Detector, DetectorContext, DetectorFinding } from './detector.js';
import type { Candidate, CorrectionPost } from './thread-index.js';
import { isDateValue, valueKeys, type Unit } from './units.js';
import { measureOf, topicsApart } from './value-mismatch.js';

type Value = Unit['values'][number];

/** Words that set a reply against what it answers (a negator counts too). */
const CUES = new Set(['but', 'though', 'tho', 'actually', 'however', 'instead', 'rather', 'only', 'still', 'wrong']);
/** Words that add a second fact beside the parent's instead of replacing it. */
export const ADDITIVE: ReadonlySet<string> = new Set(['also', 'too', 'again', 'another', 'besides', 'plus']);

/** Openers of agreement besides `AGREE` ("Same. Our Thursday league ..."). */
const AGREE_MORE = new Set(['same', 'ditto']);

/** How a proposed pair is linked (the scorer's `link:` features). */
export type SlotLink = 'article' | 'name' | 'word' | 'post' | 'cue';

/** The weekday a word names ("Saturdays" -> saturday), or null. */
function weekdayOf(word: string): string | null {
  const w = word.toLowerCase().replace(/s$/, '');
  return WEEKDAYS.includes(w) ? w : null;
}

/**
 * The links between the reply sentence and the parent sentence, besides the slot (see the module comment). When the
 * two share no name or word, a name or word the reply shares with a sentence next to the target in the parent is the
 * `post` link (session 31, corr31b: the parent gives the slot's value in one sentence and names what it is about in
 * the next, "Those spaces are full from 9am on Sundays. ... a spot near the market" under which "The market is on
 * Saturdays"). Only the neighbours: a sentence further off is another point of the post (a review's "Date of
 * experience" line three sentences after the fuel it was about), and not a question (it asks about the thing, it
 * states nothing of it: "do you have a link to that report? I could only find the 2023 summary").
 */
function linksOf(unit: Unit, target: Unit, articleBacked: boolean, cue: boolean, neighbours: readonly Unit[] = []): SlotLink[] {
  const out: SlotLink[] = [];
  if (articleBacked) out.push('article');
  let name = false;
  let word = false;
  for (const l of unit.content) {
    if (!target.content.has(l)) continue;
    if (unit.capital.has(l) || target.capital.has(l)) name = true;
    else word = true;
  }
  if (name) out.push('name');
  if (word) out.push('word');
  if (!name && !word && neighbours.some((o) => [...unit.content].some((l) => o.content.has(l)))) out.push('post');
  if (cue) out.push('cue');
  return out;
}

/**
 * A pair is proposed when the article backs the reply's value or the two sentences share a name or a word; a cue
 * alone does not propose (chosen by blind round left out, session 26: cue-only pairs were years of signatures and
 * "since ..." asides) but is passed on to the scorer.
 */
function accept(links: readonly SlotLink[]): boolean {
  return links.some((l) => l !== 'cue');
}

function find(unit: Unit, context: DetectorContext): DetectorFinding[] {
  const { parent, post, index, found } = context;
  if (!parent || found.length > 0 || unit.question || unit.quoted) return [];
  if (parent.author !== null && parent.author === post.author) return [];
  const first = context.sentences[0]?.unit.words[0]?.lower ?? '';
  if (AGREE.has(first) || AGREE_MORE.has(first)) return [];
  if (unit.words.some((w) => ADDITIVE.has(w.lower))) return [];
  // Read only when a pair is about to be proposed: most sentences propose none, and the post's words are all of its sentences'.
  let cue: boolean | undefined;
  const hasCue = (): boolean => (cue ??= context.sentences.some((s) => s.unit.words.some((w) => isNegator(w) || CUES.has(w.lower))));
  const parentSentences = index.sentencesOf(parent).map((id) => index.cands[id]!);
  const targets: Candidate[] = parentSentences.filter((c) => context.foreign(c) && !c.unit.question);
  if (targets.length === 0) return [];
  const parentValues = targets.flatMap((c) => c.unit.values);
  const parentKeys = targets.flatMap((c) => c.unit.keys);
  const articleHas = (keys: readonly string[]): boolean => keys.some((k) => index.withValue(k, context.window).some((id) => index.cands[id]!.kind === 'article'));
  const out: DetectorFinding[] = [];
  const neighboursOf = (target: Candidate): Unit[] => {
    const at = parentSentences.indexOf(target);
    return [parentSentences[at - 1], parentSentences[at + 1]].filter((c): c is Candidate => at >= 0 && c !== undefined && !c.unit.question).map((c) => c.unit);
  };
  const take = (target: Candidate, evidence: [number, number], note: string, date: boolean, articleBacked: boolean): boolean => {
    const links = linksOf(unit, target.unit, articleBacked, hasCue(), neighboursOf(target));
    if (!accept(links) || concededBefore(post, parent, unit)) return false;
    out.push({ target, cue: date ? 'different-date' : 'different-number', evidence: [evidence], note, strength: 0.45, links });
    return true;
  };
  unit.values.forEach((v, vi) => {
    if (out.length > 0 || unit.personal.has(vi) || v.kind === 'entity' || v.unit === 'decade') return;
    const keys = unit.keys[vi]!;
    // The parent states it somewhere: the reply agrees there (or adds its other values beside it).
    // Any parent value of the same amount counts ("about 11 in real-world use" states "11 percent").
    if (keys.length === 0 || parentValues.some((pv, k) => (isDateValue(v) && isDateValue(pv) ? !slotDiffers(v, pv) : !isDateValue(v) && !isDateValue(pv) && keys.some((key) => parentKeys[k]!.includes(key))))) return;
    const inArticle = articleHas(specificKeys(keys));
    for (const target of targets) {
      // (Figures under a topic label the other sentence does not name are about something else: value-mismatch's rule.)
      if (topicsApart(unit, target.unit)) continue;
      // A figure of the parent's own life ("we spent ...") is compared only against the article's figure.
      // (Amounts of two measures, a rate and a total or rates over two periods, are not one slot: value-mismatch's rule.)
      const w = target.unit.values.find(
        (tv, ti) => (inArticle || !target.unit.personal.has(ti)) && sameSlot(v, tv, unit.paraphrases) && slotDiffers(v, tv) && (isDateValue(v) || measureOf(unit, v.span) === measureOf(target.unit, tv.span)),
      );
      if (!w) continue;
      const backed = inArticle && !articleHas(specificKeys(valueKeysOfTarget(target.unit, w)));
      if (take(target, v.span, `${v.text} here, ${w.text} in the earlier post`, isDateValue(v), backed)) return;
    }
  });
  if (out.length > 0) return out;
  // A weekday against another weekday of the parent ("on Saturdays" under "on Sundays").
  const days = unit.words.map((w) => ({ w, day: weekdayOf(w.text) })).filter((x) => x.day !== null);
  if (days.length === 0) return out;
  for (const target of targets) {
    const theirs = new Set(target.unit.words.map((w) => weekdayOf(w.text)).filter((d): d is string => d !== null));
    if (theirs.size === 0 || days.some((x) => theirs.has(x.day!))) continue;
    const x = days[0]!;
    if (take(target, [x.w.start, x.w.end], `${x.w.text} here, ${[...theirs][0]} in the earlier post`, true, false)) break;
  }
  return out;
}

/**
 * True when the post concedes (the acts step's `concession` act) before the end of this sentence: "Fair point, it
 * was fourth on Saturday night" takes the parent's point up and restates it. A concession after the replacement
 * fact grants a side point ("..., and that's the date the study uses. You're right that the signs went up later").
 * Asked only for a pair about to be proposed. `unit.span` is relative to the post's text.
 */
function concededBefore(post: CorrectionPost, parent: CorrectionPost, unit: Unit): boolean {
  const concession = concessionOf(post, parent);
  return concession !== undefined && concession.evidence.span[0] < unit.span[1];
}

/** A value's keys without the bare year of a fuller date ("3 March 2025" is not matched by any 2025). */
function specificKeys(keys: readonly string[]): string[] {
  return keys.length === 1 ? [...keys] : keys.filter((k) => !k.startsWith('y:'));
}

function valueKeysOfTarget(u: Unit, v: Value): string[] {
  const i = u.values.indexOf(v);
  return i < 0 ? [] : u.keys[i]!;
}

export const parentSlot: Detector = { id: 'value-mismatch', find };
