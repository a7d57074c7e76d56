import data from './lexicon.json' with { type: 'json' };
import { normKey } from '../sentiment/lexicon.js';

/** The term categories callers can extend (the `hostile` list feeds `toxicity`). */
export type TermCategory = 'insult' | 'profanity' | 'identityAttack' | 'threat' | 'toxicity';

/** A weighted term table: words by key, phrases by first word (longest first). */
export interface TermTable {
  words: ReadonlyMap<string, number>;
  phrases: ReadonlyMap<string, ReadonlyArray<{ rest: readonly string[]; weight: number; key: string }>>;
}

/** Builds a term table from entries (later entries win). */
export function tableOf(...sources: Array<Readonly<Record<string, number>> | undefined>): TermTable {
  const words = new Map<string, number>();
  const phrases = new Map<string, Array<{ rest: string[]; weight: number; key: string }>>();
  for (const src of sources) {
    if (!src) continue;
    for (const [raw, weight] of Object.entries(src)) {
      const k = normKey(raw);
      if (k.length === 0) continue;
      const w = Math.max(0, Math.min(1, weight));
      if (!k.includes(' ')) {
        words.set(k, w);
        continue;
      }
      const [first, ...rest] = k.split(' ');
      const list = (phrases.get(first!) ?? []).filter((p) => p.key !== k);
      list.push({ rest, weight: w, key: k });
      list.sort((a, b) => b.rest.length - a.rest.length);
      phrases.set(first!, list);
    }
  }
  return { words, phrases };
}

/** The built-in tables, built once at module load. */
export const BASE_TABLES: Readonly<Record<TermCategory, TermTable>> = {
  insult: tableOf(data.insult),
  profanity: tableOf(data.profanity),
  identityAttack: tableOf(data.identityAttack),
  threat: tableOf(data.threat),
  toxicity: tableOf(data.hostile),
};
export const BASE_TERMS: Readonly<Record<TermCategory, Readonly<Record<string, number>>>> = {
  insult: data.insult,
  profanity: data.profanity,
  identityAttack: data.identityAttack,
  threat: data.threat,
  toxicity: data.hostile,
};

/** Words naming a group of people: an attack word near one of them is an identity attack. */
export const IDENTITY_TERMS: ReadonlySet<string> = new Set(data.identityTerms);
