/**
 * A name put in another name's slot, with no "not": the sentence says the same thing as an article sentence or
 * the parent post's but fills one slot with a different name. Two slots, both read off the words:
 * - the name after a place or agent preposition ("It was in Oakland" against "a conference in San Francisco");
 * - the name before the same verb and object ("Smith scored the winner" against "Jones scored the winner").
 * One more slot with no name: a word or figure of the target opening the sentence with "is only" / "is just"
 * ("Titanium is only the Pro" against "It has a titanium frame"): the target said it of more than it covers (a scope
 * correction). The name of the target must be absent from the sentence (a sentence naming both compares, it does
 * not swap) and the new name absent from the target. Questions, sentences adding an instance ("too", "also",
 * "another") or wishing ("should") and first-person sentences correct nothing here. Run by the `refuting-fact`
 * detector on the article sentences and the parent's (session 21, docs/corrections.md). Every list here is a closed
 * English class (prepositions, additive and comparing words, modal verbs, first-person pronouns, copulas, months,
 * weekdays, ordinals).
 */
import type { Token } from '../../text/tokenize.js';
import { isCapitalised, STOPWORDS } from '../../text/word-lists.js';
import type { DetectorFinding } from './detector.js';
import { SLOT_CLASSES } from './not-x-but-y.js';
import type { Candidate } from './thread-index.js';
import type { Unit } from './units.js';

/** Prepositions that introduce a place, a source or an agent: the slot a name fills. */
const SLOT_PREPOSITIONS = new Set(['in', 'at', 'from', 'by', 'near', 'outside', 'inside']);

/** Words that add an instance rather than replace one. */
const ADDITIVE = new Set(['too', 'also', 'another', 'other', 'others', 'both', 'either', 'besides', 'plus', 'and', 'same', 'similar', 'again', 'like', 'unlike', 'than']);

/** Modal verbs: what should or could happen is an opinion or a guess, not the fact of the slot. */
const MODALS = new Set(['should', 'could', 'would', 'might', 'may', 'ought', "should've", "could've", "would've", 'shouldnt', 'couldnt', 'wouldnt', "shouldn't", "couldn't", "wouldn't"]);

/**
 * Months, weekdays and ordinals (not-x-but-y's slot classes), and "next": capitalised at times, but dates and counts
 * (the value detectors compare them), not names. An ordinal opening a sentence ("Fourth cut.") is a count.
 */
const CALENDAR: ReadonlySet<string> = new Set([...SLOT_CLASSES.flatMap((c) => [...c]), 'next']);

/**
 * A capitalised word of `u` that is a name: not a sentence-opening function word, not "I", not a month, weekday or ordinal,
 * not a number word ("Three men ..."), not part of a handle or tag ("@Ann_Lee", "#Leeds").
 */
function nameWord(u: Unit, t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'word' || !isCapitalised(t) || t.lower === 'i' || STOPWORDS.has(t.lower) || CALENDAR.has(t.lower)) return false;
  if (!/^[A-Z][a-z]+(?:['\u2019]s)?$/.test(t.text) || /[@#_\w]/.test(u.text[t.start - 1] ?? ' ') || /[_\w]/.test(u.text[t.end] ?? ' ')) return false;
  return !u.values.some((v) => v.span[0] <= t.start && t.end <= v.span[1]);
}

/** The run of name words starting at `at` (skipping one leading "the"), as lower-cased words, or null. */
function nameAt(u: Unit, at: number): { names: string[]; start: number; end: number } | null {
  const words = u.words;
  let i = at;
  if (words[i]?.lower === 'the') i++;
  if (!nameWord(u, words[i])) return null;
  const start = i;
  const names: string[] = [];
  while (nameWord(u, words[i])) names.push(words[i++]!.lower);
  return { names, start, end: i };
}

/** "Smith's": a name owning something, not the one doing it. */
function possessive(t: Token): boolean {
  return /['\u2019]s?$/.test(t.text) || /['\u2019]s$/.test(t.lower);
}

/** Every name of a sentence (capitalised words past the first, or the first when it is a name), lower-cased. */
function namesOf(u: Unit): Set<string> {
  const out = new Set<string>();
  u.words.forEach((t, i) => {
    if (nameWord(u, t) && (i > 0 || !STOPWORDS.has(t.lower))) out.add(t.lower);
  });
  return out;
}

/** How far before a preposition its head may stand ("landed on a drone ship in"). */
const HEAD_REACH = 4;

/** The content lemmas (not names) of the few words before a preposition: what the name's slot belongs to. */
function headsBefore(u: Unit, at: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, at - HEAD_REACH); i < at; i++) {
    const l = u.lemmas[i]!;
    if (u.content.has(l) && !nameWord(u, u.words[i])) out.push(l);
  }
  return out;
}

function addsInstance(u: Unit): boolean {
  return u.words.some((t) => ADDITIVE.has(t.lower) || MODALS.has(t.lower));
}

/** First-person words: the writer's own doings ("we stayed in Leeds") put a name in no one else's slot. */
const FIRST_PERSON = new Set(['i', 'me', 'my', 'we', 'us', 'our', "i'm", "i've", "i'd", "we're", "we've"]);

function personal(u: Unit): boolean {
  return u.words.some((t) => FIRST_PERSON.has(t.lower));
}

/**
 * "at the Calgary head office": a name modifying the noun after it (a determiner before it, a lower-case content word
 * right after it): the noun, not the name, fills the slot.
 */
function attributive(u: Unit, run: { start: number; end: number }): boolean {
  const next = u.words[run.end];
  if (u.words[run.start - 1]?.lower !== 'the' || next === undefined || next.kind !== 'word' || STOPWORDS.has(next.lower) || isCapitalised(next)) return false;
  return u.text.slice(u.words[run.end - 1]!.end, next.start).trim() === '';
}

/** Names of the sentence outside the slot that the target does not use: it speaks of something else ("For comparison, X made it from Y"). */
function aboutAnother(post: Unit, target: Unit, run: { start: number; end: number }): boolean {
  const theirs = new Set(target.words.map((t) => t.lower));
  return post.words.some((t, i) => (i < run.start || i >= run.end) && i > 0 && nameWord(post, t) && !theirs.has(t.lower));
}

/** "in Oakland" against "in San Francisco": the same preposition, a new name, the target's name gone. */
function prepositionSlot(post: Unit, target: Unit, candidate: Candidate): DetectorFinding | null {
  const postNames = namesOf(post);
  const targetNames = namesOf(target);
  for (let i = 0; i < post.words.length; i++) {
    const p = post.words[i]!;
    if (!SLOT_PREPOSITIONS.has(p.lower)) continue;
    const mine = nameAt(post, i + 1);
    if (!mine || mine.names.some((n) => targetNames.has(n)) || attributive(post, mine) || aboutAnother(post, target, mine)) continue;
    for (let k = 0; k < target.words.length; k++) {
      if (target.words[k]!.lower !== p.lower) continue;
      const theirs = nameAt(target, k + 1);
      if (!theirs || theirs.names.some((n) => postNames.has(n))) continue;
      // The slot is the same one: a word heading the target's slot is in the sentence, and the sentence's own
      // head (when it has one: "It was in Oakland" has none) is in the target.
      const mineHeads = headsBefore(post, i);
      if (!headsBefore(target, k).some((l) => post.content.has(l)) || (mineHeads.length > 0 && !mineHeads.some((l) => target.content.has(l)))) continue;
      const to = post.words[mine.end - 1]!;
      return { target: candidate, cue: 'refuting-fact', evidence: [[p.start, to.end]], note: `"${post.text.slice(p.start, to.end)}" where the target says "${target.text.slice(target.words[k]!.start, target.words[theirs.end - 1]!.end)}"`, strength: 0.5 };
    }
  }
  return null;
}

/** "Smith scored the winner" against "Jones scored the winner": a new name before the same verb and its next word. */
function subjectSlot(post: Unit, target: Unit, candidate: Candidate): DetectorFinding | null {
  const postNames = namesOf(post);
  const targetNames = namesOf(target);
  for (let i = 0; i + 2 < post.words.length; i++) {
    const mine = nameAt(post, i);
    if (!mine || mine.start !== i || (i > 0 && (nameWord(post, post.words[i - 1]) || STOPWORDS.has(post.words[i - 1]!.lower))) || mine.names.some((n) => targetNames.has(n))) continue;
    if (possessive(post.words[mine.end - 1]!)) continue;
    const verb = mine.end;
    const next = verb + 1;
    if (post.words[verb] === undefined || post.words[next] === undefined || STOPWORDS.has(post.words[verb]!.lower)) continue;
    for (let k = 1; k + 1 < target.words.length; k++) {
      if (target.lemmas[k] !== post.lemmas[verb] || target.lemmas[k + 1] !== post.lemmas[next]) continue;
      if (!nameWord(target, target.words[k - 1]) || possessive(target.words[k - 1]!) || postNames.has(target.words[k - 1]!.lower)) continue;
      const end = post.words[next]!;
      return { target: candidate, cue: 'refuting-fact', evidence: [[post.words[i]!.start, end.end]], note: `${post.text.slice(post.words[i]!.start, post.words[mine.end - 1]!.end)} where the target names ${target.words[k - 1]!.text}`, strength: 0.5 };
    }
  }
  return null;
}

const IS = new Set(['is', 'was', 'are', 'were', "'s"]);
const ONLY = new Set(['only', 'just', 'solely', 'merely']);

/**
 * "Titanium is only the Pro." / "2,100 is only the council's share.": a sentence opens with a word or figure the
 * target states, then "is/was only": the target said it of more than it covers.
 */
function onlyScope(post: Unit, target: Unit, candidate: Candidate): DetectorFinding | null {
  const w = post.words;
  let i = 0;
  while (i < w.length && /^(the|a|an)$/.test(w[i]!.lower)) i++;
  if (!w[i]) return null;
  let end: number;
  const value = post.values.find((v) => v.span[0] === w[i]!.start && v.kind !== 'entity');
  if (value) {
    if (!target.values.some((tv) => tv.kind !== 'entity' && String(tv.value) === String(value.value))) return null;
    end = w.findIndex((t) => t.start >= value.span[1]);
  } else {
    if (STOPWORDS.has(w[i]!.lower) || !target.lemmas.includes(post.lemmas[i]!)) return null;
    end = i + 1;
  }
  if (end < 0 || !IS.has(w[end]?.lower ?? '') || !ONLY.has(w[end + 1]?.lower ?? '')) return null;
  // "The list was only 240 then": "only" before an amount says it was small, not that it covers less.
  const next = w[end + 2];
  if (next && post.values.some((v) => v.span[0] <= next.start && next.start < v.span[1])) return null;
  return { target: candidate, cue: 'refuting-fact', evidence: [[w[i]!.start, w[end + 1]!.end]], note: `"${post.text.slice(w[i]!.start, w[end + 1]!.end)}": the target says it of more`, strength: 0.5 };
}

/** A name in the slot where the target (an article sentence or the parent's) has another, or null. */
export function nameSlot(post: Unit, candidate: Candidate): DetectorFinding | null {
  if (post.question || candidate.unit.question || addsInstance(post) || personal(post)) return null;
  return prepositionSlot(post, candidate.unit, candidate) ?? subjectSlot(post, candidate.unit, candidate) ?? onlyScope(post, candidate.unit, candidate);
}
