import { lemma } from '../claims/tokens.js';

/**
 * Light paraphrase for matching a correction to what it corrects: words of one group share one key, so
 * "TVs" meets "television", "troops" meets "soldiers", "legalized" meets "law". Groups are small and
 * close in meaning; a broad group ("support", "work") would make unrelated sentences meet. Every word is
 * also registered under its light lemma and its inflected forms' lemmas ("legalized" -> "legaliz").
 * Built once at module load.
 */
export const PARAPHRASE_GROUPS: ReadonlyArray<readonly string[]> = [
  ['television', 'tv', 'telly', 'televisions'],
  ['force', 'troop', 'soldier', 'military', 'army', 'servicemen', 'servicemember'],
  ['legal', 'law', 'legalize', 'legalise', 'legalization', 'legalisation', 'legislation', 'legislate', 'lawful', 'statute'],
  ['help', 'assist', 'assistance', 'aid'],
  ['allow', 'permit', 'permission', 'authorize', 'authorise'],
  ['ban', 'prohibit', 'prohibition', 'forbid', 'outlaw'],
  ['buy', 'purchase'],
  ['start', 'begin', 'launch', 'commence'],
  ['finish', 'complete', 'completion'],
  ['rise', 'increase', 'grow', 'growth', 'climb', 'hike', 'soar'],
  ['fall', 'decrease', 'decline', 'drop', 'shrink', 'reduce', 'reduction', 'plunge'],
  ['price', 'cost'],
  ['car', 'vehicle', 'automobile'],
  ['child', 'kid'],
  ['student', 'pupil'],
  ['doctor', 'physician'],
  ['house', 'home', 'dwelling'],
  ['money', 'funding', 'fund', 'cash'],
  ['build', 'construct', 'construction'],
  ['close', 'shut', 'closure'],
  ['ship', 'vessel', 'boat'],
  ['company', 'firm', 'corporation'],
  ['worker', 'employee'],
  ['job', 'employment'],
  ['die', 'death', 'dead'],
  ['win', 'victory'],
  ['sell', 'sale'],
  ['pay', 'payment'],
  ['approve', 'approval'],
  ['elect', 'election'],
  ['bike', 'bicycle', 'cycle', 'cycling', 'cyclist'],
  ['trip', 'journey'],
  ['tax', 'levy'],
  ['rule', 'regulation'],
  ['vote', 'ballot'],
  ['kill', 'murder'],
  ['big', 'large', 'huge'],
  ['small', 'little', 'tiny'],
];

const KEY = new Map<string, string>();
for (const group of PARAPHRASE_GROUPS) {
  const key = group[0]!;
  for (const w of group) {
    for (const form of [w, `${w}s`, `${w}es`, `${w}ed`, `${w}d`, `${w}ing`, `${w.replace(/e$/, '')}ing`]) {
      if (!KEY.has(form)) KEY.set(form, key);
      const l = lemma(form);
      if (!KEY.has(l)) KEY.set(l, key);
    }
  }
}

/** The matching key of a word: its paraphrase group's first word, else its light lemma. */
export function paraphraseKey(lower: string, lem: string = lemma(lower)): string {
  return KEY.get(lower) ?? KEY.get(lem) ?? lem;
}

/** The comparison key of a value's unit: "ships" and "vessels" are one unit, "%" stays "%". */
export function unitKey(unit: string | null | undefined): string {
  if (!unit) return '';
  const lower = unit.toLowerCase();
  return /^[a-z]+$/.test(lower) ? paraphraseKey(lower) : lower;
}

/** Subject pronouns that may stand for a person named in a reported statement ("He said this in 2016"). */
export const PERSON_PRONOUNS = new Set(['he', 'she']);
// Words a sentence may open with before its subject ("But he said ...", "Well, she ...").
const OPENERS = new Set(['but', 'and', 'well', 'actually', 'yet', 'so', 'also', 'no', 'yes', 'besides', 'plus', 'still']);

/** Index of a he/she subject opening the sentence (after at most two opener words), or -1. */
export function pronounSubject(words: ReadonlyArray<{ lower: string }>): number {
  for (let i = 0; i < Math.min(3, words.length); i++) {
    const w = words[i]!.lower;
    if (PERSON_PRONOUNS.has(w)) return words[i + 1] ? i : -1;
    if (!OPENERS.has(w)) return -1;
  }
  return -1;
}
