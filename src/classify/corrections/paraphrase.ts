import { lemma } from '../../text/lemma.js';

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

/** A compiled set of paraphrase groups: every word's matching key. */
export interface Paraphrases {
  /** The matching key of a word: its paraphrase group's key, else its light lemma. */
  key(lower: string, lem?: string): string;
}

function compile(groups: ReadonlyArray<readonly string[]>, base: ReadonlyMap<string, string> | null): Map<string, string> {
  const keys = new Map(base ?? []);
  for (const group of groups) {
    const words = group.map((w) => w.trim().toLowerCase()).filter((w) => /^[a-z][a-z'-]*$/.test(w));
    if (words.length < 2) continue;
    // A group that shares a word with an earlier group joins it: "crossing" + "trip" meets "journey" too.
    const key = (base === null ? undefined : words.map((w) => keys.get(w) ?? keys.get(lemma(w))).find((k) => k !== undefined)) ?? words[0]!;
    for (const w of words) {
      for (const form of [w, `${w}s`, `${w}es`, `${w}ed`, `${w}d`, `${w}ing`, `${w.replace(/e$/, '')}ing`]) {
        // A form already registered keeps its group (first registration wins).
        if (!keys.has(form)) keys.set(form, key);
        const l = lemma(form);
        if (!keys.has(l)) keys.set(l, key);
      }
    }
  }
  return keys;
}

function paraphrasesOf(keys: ReadonlyMap<string, string>): Paraphrases {
  return { key: (lower, lem = lemma(lower)) => keys.get(lower) ?? keys.get(lem) ?? lem };
}

const BUILTIN_KEYS = compile(PARAPHRASE_GROUPS, null);
/** The built-in groups ({@link PARAPHRASE_GROUPS}), compiled once at module load. */
export const BUILTIN_PARAPHRASES: Paraphrases = paraphrasesOf(BUILTIN_KEYS);

// Compiled caller groups, per groups array: analyze compiles a thread's option once, not per post.
const compiled = new WeakMap<object, Paraphrases>();

/**
 * The built-in groups plus a caller's own (`paraphrases` in ClassifyOptions). A caller group sharing a word with
 * a built-in group joins that group; a word already in a group stays there. Words that are not plain words
 * (letters, `'`, `-`) are ignored, and so is a group of fewer than two words.
 * Nothing shared is changed.
 */
export function withParaphrases(groups: ReadonlyArray<readonly string[]> | undefined): Paraphrases {
  if (groups === undefined || groups.length === 0) return BUILTIN_PARAPHRASES;
  const hit = compiled.get(groups);
  if (hit) return hit;
  const out = paraphrasesOf(compile(groups, BUILTIN_KEYS));
  compiled.set(groups, out);
  return out;
}

/** The comparison key of a value's unit: "ships" and "vessels" are one unit, "%" stays "%". */
export function unitKey(unit: string | null | undefined, table: Paraphrases = BUILTIN_PARAPHRASES): string {
  if (!unit) return '';
  const lower = unit.toLowerCase();
  return /^[a-z]+$/.test(lower) ? table.key(lower) : lower;
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
