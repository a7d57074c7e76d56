import afinn from 'wink-sentiment/src/afinn-en-165.js';
import bigrams from 'wink-sentiment/src/afinn-en-165-2grams.js';
import emojis from 'wink-sentiment/src/emojis.js';
import emoticons from 'wink-sentiment/src/emoticons.js';
import news from './lexicon.json' with { type: 'json' };
import vader from './lexicon-vader.json' with { type: 'json' };
import modifiers from './modifiers.json' with { type: 'json' };

/** A phrase entry: the words after the first one, its score and its key (for evidence cues). */
export interface PhraseEntry {
  rest: readonly string[];
  score: number;
  key: string;
}

/** Read-only sentiment entries: single words, multi-word phrases (by first word, longest first), emoji. */
export interface Lexicon {
  word(key: string): number | undefined;
  /** The same lexicon with VADER's finer ratings in front (a second score for the learned model). */
  readonly rated?: Lexicon;
  phrases(first: string): readonly PhraseEntry[] | undefined;
  emoji(key: string): number | undefined;
}

export const INTENSIFIERS: ReadonlyMap<string, number> = new Map(Object.entries(modifiers.intensifiers));
export const DOWNTONERS: ReadonlyMap<string, number> = new Map(Object.entries(modifiers.downtoners));
export const CONTRAST: ReadonlySet<string> = new Set(modifiers.contrast);
export const CONCESSIVE: ReadonlySet<string> = new Set(modifiers.concessive);

/** Normalises a lexicon key the way tokens are normalised: lower case, no apostrophes, single spaces. */
export function normKey(key: string): string {
  return key.toLowerCase().replace(/['\u2019]/g, '').replace(/[\s-]+/g, ' ').trim();
}

interface Tables {
  words: Map<string, number>;
  phrases: Map<string, PhraseEntry[]>;
  emoji: Map<string, number>;
}

function tablesFrom(entries: Iterable<[string, number]>): Tables {
  const words = new Map<string, number>();
  const phrases = new Map<string, PhraseEntry[]>();
  const emoji = new Map<string, number>();
  for (const [raw, score] of entries) {
    // Most keys are one lower-case ASCII word, which normKey and the tests below leave as they are: a word entry.
    if (isPlainWord(raw)) {
      words.set(raw, score);
      continue;
    }
    const k = normKey(raw);
    if (k.length === 0) continue;
    // Emoji and emoticons (":(", but also ":D", "<3", "</3") are keyed as written; words have only letters,
    // digits, spaces, apostrophes and hyphens.
    if (!/[\p{L}\p{N}]/u.test(k) || /[^\p{L}\p{N}\s'\u2019-]/u.test(raw)) {
      emoji.set(raw.replace(/\uFE0F/g, ''), score);
      continue;
    }
    if (!k.includes(' ')) {
      words.set(k, score);
      continue;
    }
    const [first, ...rest] = k.split(' ');
    const list = (phrases.get(first!) ?? []).filter((p) => p.key !== k);
    list.push({ rest, score, key: k });
    list.sort((a, b) => b.rest.length - a.rest.length);
    phrases.set(first!, list);
  }
  return { words, phrases, emoji };
}

/** True for a non-empty key of a-z and 0-9 only. */
function isPlainWord(raw: string): boolean {
  if (raw.length === 0) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

function lexiconOf(t: Tables, base: Lexicon | null): Lexicon {
  return {
    word: (k) => t.words.get(k) ?? base?.word(k),
    phrases: phrasesOf(t, base),
    emoji: (k) => t.emoji.get(k) ?? base?.emoji(k),
  };
}

/**
 * The default lexicon's rated view with its words and emoji merged into one table each, so that a word in neither
 * (most words) costs one lookup instead of two: the same values as {@link lexiconOf} over `base` (its own entries win).
 */
function mergedOf(t: Tables, base: Tables, baseLexicon: Lexicon): Lexicon {
  const words = new Map(base.words);
  for (const [k, v] of t.words) words.set(k, v);
  const emoji = new Map(base.emoji);
  for (const [k, v] of t.emoji) emoji.set(k, v);
  return { word: (k) => words.get(k), phrases: phrasesOf(t, baseLexicon), emoji: (k) => emoji.get(k) };
}

function phrasesOf(t: Tables, base: Lexicon | null): Lexicon['phrases'] {
  return (first) => {
    const own = t.phrases.get(first);
    const inherited = base?.phrases(first);
    if (!own) return inherited;
    if (!inherited) return own;
    const keys = new Set(own.map((p) => p.key));
    return [...own, ...inherited.filter((p) => !keys.has(p.key))].sort((a, b) => b.rest.length - a.rest.length);
  };
}

function* baseEntries(): Iterable<[string, number]> {
  yield* Object.entries(vader.emoticons);
  yield* Object.entries(afinn);
  for (const [first, nexts] of Object.entries(bigrams)) for (const [second, v] of Object.entries(nexts)) yield [`${first} ${second}`, v];
  yield* Object.entries(emojis);
  yield* Object.entries(emoticons);
  yield* Object.entries(news.entries);
}

const BASE_TABLES = tablesFrom(baseEntries());
const BASE = lexiconOf(BASE_TABLES, null);
// VADER's human ratings in front of the base lexicon: the second lexicon score the model reads (lexicon-vader.json).
const RATED = mergedOf(tablesFrom(Object.entries(vader.ratings)), BASE_TABLES, BASE);
/**
 * The default lexicon (AFINN-165 from wink-sentiment, its bigrams, emoji, emoticons from wink and VADER, news talk),
 * with its `rated` view (VADER ratings first), built once at load.
 */
export const DEFAULT_LEXICON: Lexicon = { ...BASE, rated: RATED };

/** The default lexicon with caller entries on top (caller entries win, in both views). Builds a small overlay; shares nothing mutable. */
export function extendLexicon(extra: Readonly<Record<string, number>> | undefined): Lexicon {
  if (!extra || Object.keys(extra).length === 0) return DEFAULT_LEXICON;
  const own = tablesFrom(Object.entries(extra));
  return { ...lexiconOf(own, BASE), rated: lexiconOf(own, RATED) };
}
