/**
 * The addressee frame of a comment (issue 14, session 15): "you are (being) (either) ... a/an ADJ* NOUN", the reader
 * called a noun. A noun predicated of "you" denotes a person whatever the noun is, so the frame finds the insult's
 * target without any list of insult nouns; what the noun and its modifiers say ("an absolute ...", "a wonderful ...")
 * is read from the word scores and likeness the other features already use, and how much the frame is worth is left
 * to the fit (ToxiSpans, Davidson, ordinary comments). Kept apart from features.ts so that file's word reading stays
 * one job; `commentFeatures` calls {@link addresseeFrameFeatures}.
 */
import type { Token } from '../../text/tokenize.js';
import type { WordReading } from './features.js';

// Second-person subjects of a copula ("you are", "u r"); "youre" carries its copula.
const SUBJECTS = new Set(['you', 'u', 'ya']);
const COPULAS = new Set(['are', 'r', 'were']);
// Words that may stand between the copula and the predicate without ending the frame: "you're (being) (either) ...".
const FILLERS = new Set(['being', 'been', 'either', 'just', 'such', 'really', 'truly', 'simply', 'clearly', 'obviously', 'still', 'always', 'quite', 'definitely', 'honestly', 'literally', 'basically', 'indeed', 'also', 'certainly', 'totally', 'only', 'probably', 'seriously', 'actually', 'now', 'nothing', 'but']);
// Words that end the predicate noun phrase: prepositions, relatives, conjunctions other than "or" / "and" before an article.
const PHRASE_END = new Set(['about', 'for', 'to', 'of', 'in', 'on', 'at', 'with', 'by', 'from', 'who', 'that', 'which', 'if', 'when', 'because', 'but', 'than', 'like', 'as', 'so', 'and', 'or', 'the', 'this', 'these', 'those', 'my', 'your', 'his', 'her', 'their', 'our', 'i', 'we', 'they', 'he', 'she', 'it', 'is', 'are', 'was', 'were', 'not', 'no']);
const ARTICLES = new Set(['a', 'an']);
// At most this many words from the subject to the end of the predicate ("you're either hopelessly naive or a X").
const REACH = 8;

/** One predicate noun phrase said of the reader: its words after the copula, and the words of the noun phrase proper. */
interface Frame {
  /** Content words between the copula and the head noun (adverbs, adjectives, "naive or"). */
  modifiers: WordReading[];
  head: WordReading;
}

/** True when only spaces, hyphens or apostrophes stand between two tokens. */
function joined(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && (t.text === '-' || t.text === "'")) continue;
    return false;
  }
  return true;
}

/** A vocative noun phrase right after "you" that ends the clause ("..., you smug old ADJ NOUN."), or null. */
function vocativeAt(tokens: readonly Token[], readings: readonly WordReading[], k: number): Frame | null {
  const words: WordReading[] = [];
  let j = k + 1;
  for (; j < readings.length && words.length < 4 && joined(tokens, readings[j - 1]!.token, readings[j]!.token); j++) {
    const w = readings[j]!;
    if (w.mode !== 'plain' || PHRASE_END.has(w.norm) || ARTICLES.has(w.norm) || COPULAS.has(w.norm) || FILLERS.has(w.norm)) return null;
    words.push(w);
  }
  if (words.length === 0 || words.length === 4) return null;
  const next = tokens[words[words.length - 1]!.token + 1];
  if (next !== undefined && !(next.kind === 'punct' && /[.!?,;:\u2026]/.test(next.text))) return null;
  return { modifiers: words.slice(0, -1), head: words[words.length - 1]! };
}

/** The frame opened by reading `k` (a plain second-person subject), or null. */
function frameAt(tokens: readonly Token[], readings: readonly WordReading[], k: number): Frame | null {
  const subject = readings[k]!;
  let j = k + 1;
  if (SUBJECTS.has(subject.norm)) {
    const copula = readings[j];
    if (copula === undefined || !joined(tokens, subject.token, copula.token)) return null;
    if (!COPULAS.has(copula.norm)) return subject.norm === 'you' ? vocativeAt(tokens, readings, k) : null;
    j++;
  } else if (subject.norm !== 'youre') return null;
  const words: WordReading[] = [];
  let article = -1;
  for (; j < readings.length && j - k <= REACH; j++) {
    const w = readings[j]!;
    // A comma may join adjectives ("a lazy, smug ..."); any other punctuation ends the clause.
    if (!joined(tokens, readings[j - 1]!.token, w.token) && !(tokens[w.token - 1]?.text === ',' && joined(tokens, readings[j - 1]!.token, w.token - 1))) break;
    if (w.mode !== 'plain') return null;
    if (ARTICLES.has(w.norm)) {
      article = words.length;
      continue;
    }
    // "or" / "and" carry on only into a second noun phrase ("naive or a ..."); before anything else they end it.
    if ((w.norm === 'or' || w.norm === 'and') && ARTICLES.has(readings[j + 1]?.norm ?? '') && article < 0) continue;
    if (PHRASE_END.has(w.norm)) break;
    if (article < 0 && FILLERS.has(w.norm)) continue;
    words.push(w);
  }
  // A noun predicate needs its article and a word after it ("you are a ..."); "you are wrong" is not one.
  if (article < 0 || words.length <= article) return null;
  return { modifiers: words.slice(0, -1), head: words[words.length - 1]! };
}

// Likeness is a cosine to the nearest marked word and so is high for a word's opposite too ("wonderful" sits near
// "awful"); a word the word scores put on the calm side (ws < 0) counts none.
const signedLike = (r: WordReading): number => (r.ws < 0 ? 0 : r.like);

/**
 * The readings (indices into `readings`) of the head nouns of every addressee frame of a comment. Fitting only: the
 * fit adds a copy of each such comment with its head nouns masked, so the frame and the modifiers, not the noun's
 * own word features, must carry what raters saw (scripts/train/lib/moderation-data.ts).
 */
export function addresseeHeads(tokens: readonly Token[], readings: readonly WordReading[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < readings.length; k++) {
    const r = readings[k]!;
    if (r.mode !== 'plain' || (!SUBJECTS.has(r.norm) && r.norm !== 'youre')) continue;
    const frame = frameAt(tokens, readings, k);
    if (frame !== null) out.push(readings.indexOf(frame.head));
  }
  return out;
}

/**
 * Features of the addressee frames of a comment: `$you-noun` (some plain "you are ... a/an ... NOUN", or a vocative
 * "you ADJ* NOUN" closing its clause), and over its
 * words the strongest word score (`$you-noun-ws`) and likeness (`$you-noun-like`), and the same over the modifiers
 * alone (`$you-noun-mod-ws`, `$you-noun-mod-like`: "an absolute ...", "a miserable old ...", which carry the insult
 * when the noun is one the word scores never kept). Zero-valued features are left out.
 */
export function addresseeFrameFeatures(tokens: readonly Token[], readings: readonly WordReading[]): Array<[string, number]> {
  let found = false;
  let ws = 0;
  let like = 0;
  let modWs = 0;
  let modLike = 0;
  for (let k = 0; k < readings.length; k++) {
    const r = readings[k]!;
    if (r.mode !== 'plain' || (!SUBJECTS.has(r.norm) && r.norm !== 'youre')) continue;
    const frame = frameAt(tokens, readings, k);
    if (frame === null) continue;
    found = true;
    ws = Math.max(ws, frame.head.ws);
    like = Math.max(like, signedLike(frame.head));
    for (const m of frame.modifiers) {
      modWs = Math.max(modWs, m.ws);
      modLike = Math.max(modLike, signedLike(m));
    }
  }
  if (!found) return [];
  const out: Array<[string, number]> = [['$you-noun', 1]];
  ws = Math.max(ws, modWs);
  like = Math.max(like, modLike);
  if (ws > 0) out.push(['$you-noun-ws', ws]);
  if (like > 0) out.push(['$you-noun-like', like]);
  if (modWs > 0) out.push(['$you-noun-mod-ws', modWs]);
  if (modLike > 0) out.push(['$you-noun-mod-like', modLike]);
  return out;
}
