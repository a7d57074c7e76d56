/**
 * Target-relative features for the stance model (`stance.model.json`). Everything is computed relative to
 * where the target is named, so the weights carry over to topics never seen in training:
 * - the words of the clause that holds a mention (`w:`), negated ones apart (`n:`: "not good" is not "good"),
 *   and the words right next to it (`near:`);
 * - the polarity of that clause (AFINN with negation flipped, and the sentiment scorer's score);
   (a contrast word opens a new clause, so in "X is fine but Y is a disaster" each target keeps its own clause);
 * - calls to action aimed at the mention ("scrap the plan", "support the plan");
 * - the clause words again, tied to the target's name (`t:`), for targets seen in training;
 * - when the post never names the target (`implicit`), the same word and polarity features over the whole
 *   post: a top-level comment is about the article unless it says otherwise.
 * Each feature remembers the words that produced it, so evidence spans point at the deciding words.
 */
import afinn from 'wink-sentiment/src/afinn-en-165.js';
import type { Token } from '../../text/tokenize.js';
import { isNegator } from '../../text/word-lists.js';
import { scoreSentiment } from '../sentiment/index.js';
import { AGAINST_ACTIONS, FAVOR_ACTIONS } from './lexicon.js';
import { pushAll } from '../../arrays.js';

/**
 * The sentiment scorer's reading of a text: its score (-1..1), whether it found sarcasm in it, and its
 * sentences' scores (spans relative to the text).
 */
export interface Tone {
  score: number;
  ironic: boolean;
  sentences: ReadonlyArray<{ span: readonly [number, number]; score: number }>;
}

/** {@link Tone} of `text` by the built-in sentiment scorer. */
export function toneOf(text: string): Tone {
  const r = scoreSentiment(text);
  return { score: r.score, ironic: r.sarcasm.length > 0, sentences: r.sentences };
}

/** A mention of the target: words [from, to) of the word list. */
export interface WordRange {
  from: number;
  to: number;
}

/** The features of one (text, target) pair and the words behind each. */
export interface StanceFeatureSet {
  features: Map<string, number>;
  /** Feature name -> indices (into `words`) of the words that produced it. */
  sources: Map<string, number[]>;
  /** True when the target is never named: the features describe the whole post. */
  implicit: boolean;
}

// Words that open a clause contrasted with the one before ("fine, but ..."; "although ...").
const CONTRAST = new Set(['but', 'however', 'although', 'though', 'whereas', 'nevertheless', 'nonetheless', 'yet']);
// Words so frequent that their identity says nothing about stance; kept out of word features (polarity still counts).
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'and', 'or', 'by', 'with', 'from', 'as', 'is', 'was', 'be', 'are', 'were', 'it', 'its', 'that', 'this', 'which', 'who', 'has', 'have', 'had']);

/** Lower case, curly apostrophe straightened, dots and a leading # dropped: the form features use. */
export function normWord(s: string): string {
  return s.toLowerCase().replace(/\./g, '').replace(/^#/, '').replace('\u2019', "'");
}

/**
 * Sentence and clause number of each word. A sentence ends at . ! ? or a line break; a clause also ends at
 * ; or : and before a contrast word. `contrastStart[c]` is true when clause c opens with a contrast word.
 */
export function clauseIndex(text: string, words: readonly Token[], norm: readonly string[]): { sentenceOf: number[]; clauseOf: number[]; contrastStart: boolean[] } {
  const sentenceOf: number[] = [];
  const clauseOf: number[] = [];
  const contrastStart: boolean[] = [false];
  let sid = 0;
  let cid = 0;
  for (let i = 0; i < words.length; i++) {
    if (i > 0) {
      let sentenceEnd = false;
      let clauseEnd = false;
      for (let k = words[i - 1]!.end; k < words[i]!.start; k++) {
        const c = text[k];
        if (c === '.' || c === '!' || c === '?' || c === '\n') sentenceEnd = true;
        else if (c === ';' || c === ':') clauseEnd = true;
      }
      const contrast = CONTRAST.has(norm[i]!) && !(norm[i] === 'yet' && (norm[i - 1] === 'not' || norm[i - 1] === 'as'));
      if (sentenceEnd) sid++;
      if (sentenceEnd || clauseEnd || contrast) {
        cid++;
        contrastStart[cid] = contrast;
      }
    }
    sentenceOf.push(sid);
    clauseOf.push(cid);
  }
  return { sentenceOf, clauseOf, contrastStart };
}

/** AFINN value of a word (own properties only: "constructor" is not an evaluative word). */
export function afinnValue(w: string, lexicon: Record<string, number> | null): number {
  if (lexicon !== null && Object.hasOwn(lexicon, w)) return lexicon[w]!;
  return AFINN.get(w) ?? 0;
}
// AFINN as a Map: a lookup in the 3,000-key object is several times slower.
const AFINN = new Map<string, number>(Object.entries(afinn as Record<string, number>));

function negatedAt(words: readonly Token[], clauseOf: readonly number[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) if (clauseOf[k] === clauseOf[i] && isNegator(words[k]!)) return true;
  return false;
}

// A feature's list of evidence words from this length on is checked for repeats through a set.
const LONG_SOURCES = 32;

// How far (in words, same clause) an evaluative word counts as said of the mention itself (`~near-polarity`).
const NEAR = 4;

// The AFINN-scale value a call to action adds to its clause's polarity ("scrap" the plan ~ "terrible" plan).
const CALL_POLARITY = 3;

interface Phrase {
  parts: string[];
  against: boolean;
}
const ACTIONS: Phrase[] = [
  ...AGAINST_ACTIONS.map((p) => ({ parts: p.split(' '), against: true })),
  ...FAVOR_ACTIONS.map((p) => ({ parts: p.split(' '), against: false })),
];

/**
 * Features of `text` toward a target named at `mentions` (word ranges; empty = implicit). `words` are the
 * text's non-punctuation tokens and `norm` their normalised forms. `keep`, when given, says which word
 * features (all but the `~` ones) to build: a model's known names, since one it has no weight for changes nothing.
 */
export function targetFeatures(
  text: string,
  words: readonly Token[],
  norm: readonly string[],
  mentions: readonly WordRange[],
  lexicon: Record<string, number> | null = null,
  targetKey = '',
  cues: ReadonlyArray<{ name: string; polarity: number; words: number[] }> = [],
  scoreOf: (text: string) => Tone = toneOf,
  keep: ((name: string) => boolean) | null = null,
): StanceFeatureSet {
  const features = new Map<string, number>();
  const sources = new Map<string, number[]>();
  // A feature's words once each, kept in a set beside the list once the list is long: a word repeated through a
  // long post (`w:word`, or `~polarity` over every evaluative word) made `includes` quadratic in the post's length.
  const seenSources = new Map<string, Set<number>>();
  const add = (name: string, value: number, from: readonly number[]): void => {
    if (value === 0 || (keep !== null && name.charCodeAt(0) !== 0x7e && !keep(name))) return;
    features.set(name, (features.get(name) ?? 0) + value);
    const s = sources.get(name) ?? [];
    let seen = seenSources.get(name);
    for (const i of from) {
      if (seen === undefined && s.length >= LONG_SOURCES) seenSources.set(name, (seen = new Set(s)));
      if (seen === undefined ? s.includes(i) : seen.has(i)) continue;
      s.push(i);
      seen?.add(i);
    }
    sources.set(name, s);
  };
  const n = words.length;
  const implicit = mentions.length === 0;
  const { sentenceOf, clauseOf } = clauseIndex(text, words, norm);
  const inMention = new Uint8Array(n);
  for (const m of mentions) for (let i = m.from; i < m.to && i < n; i++) inMention[i] = 1;
  // The clauses that hold the target: every clause when it is implicit.
  const held = new Set<number>(implicit ? clauseOf : mentions.map((m) => clauseOf[m.from]!).filter((c) => c !== undefined));
  add(implicit ? '~implicit' : '~explicit', 1, []);
  let polar = 0;
  // Polarity of cues beyond single words (calls to action, a denied change), on AFINN's scale.
  let cuePolar = 0;
  const polarWords: number[] = [];
  const heldWords: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = clauseOf[i]!;
    if (inMention[i] === 1) continue;
    const w = norm[i]!;
    const v = afinnValue(w, lexicon);
    const neg = negatedAt(words, clauseOf, i);
    if (held.has(c)) {
      heldWords.push(i);
      if (!FUNCTION_WORDS.has(w) && w.length > 0) {
        add(neg ? `n:${w}` : `w:${w}`, 1, [i]);
        // The same word for this target only: what a word means for a target seen in training ("pray" and atheism).
        if (targetKey !== '') add(`t:${targetKey}|${neg ? 'n' : 'w'}:${w}`, 1, [i]);
      }
      if (v !== 0) {
        polar += neg ? -v : v;
        polarWords.push(i);
      }
    }
  }
  // Evaluative words close to a mention (within NEAR words, same clause), each counted once: the clause's
  // polarity says how the sentence feels, these say how it speaks of the target ("X praised Y's critics").
  let nearPolar = 0;
  const nearWords: number[] = [];
  const isNear = new Uint8Array(n);
  for (const m of mentions) {
    for (let i = Math.max(0, m.from - NEAR); i < Math.min(n, m.to + NEAR); i++) {
      if (inMention[i] === 1 || clauseOf[i] !== clauseOf[m.from] || isNear[i] === 1) continue;
      const v = afinnValue(norm[i]!, lexicon);
      if (v === 0) continue;
      nearPolar += negatedAt(words, clauseOf, i) ? -v : v;
      nearWords.push(i);
      isNear[i] = 1;
    }
  }
  // Words next to a mention (within 3 words, same clause).
  for (const m of mentions) {
    for (let i = Math.max(0, m.from - 3); i < Math.min(n, m.to + 3); i++) {
      if (inMention[i] === 1 || clauseOf[i] !== clauseOf[m.from] || FUNCTION_WORDS.has(norm[i]!)) continue;
      add(`near:${norm[i]}`, 1, [i]);
    }
    // A two-word call around the mention: "kick them out", "lock him up".
    const before = m.from - 1;
    if (before >= 0 && m.to < n && clauseOf[before] === clauseOf[m.to]) {
      for (const p of ACTIONS) {
        if (p.parts.length !== 2 || p.parts[0] !== norm[before] || p.parts[1] !== norm[m.to]) continue;
        const neg = negatedAt(words, clauseOf, before);
        const against = p.against !== neg;
        add(against ? '~call-against' : '~call-favor', 1, [before, m.to]);
        cuePolar += against ? -CALL_POLARITY : CALL_POLARITY;
        polarWords.push(before, m.to);
        break;
      }
    }
    // A call to action just before the mention ("scrap the plan", "vote for it").
    for (const p of ACTIONS) {
      for (let k = Math.max(0, m.from - 4); k + p.parts.length <= m.from; k++) {
        if (clauseOf[k] !== clauseOf[m.from] || !p.parts.every((w, j) => norm[k + j] === w)) continue;
        const neg = negatedAt(words, clauseOf, k);
        const range = Array.from({ length: p.parts.length }, (_, j) => k + j);
        const against = p.against !== neg;
        add(against ? '~call-against' : '~call-favor', 1, range);
        // A call to action is also an evaluative cue of its own: it counts in the clause's polarity like a strong word.
        cuePolar += against ? -CALL_POLARITY : CALL_POLARITY;
        pushAll(polarWords, range);
        break;
      }
    }
  }
  // Cues the caller found about this target (a denied change of a change target: "zero changes to SOFA").
  for (const c of cues) {
    add(c.name, 1, c.words);
    cuePolar += c.polarity;
    pushAll(polarWords, c.words);
  }
  // The sentiment scorer's reading of the held clauses (or the whole post when implicit). Where it finds
  // sarcasm ("Sure, let's keep it at 2009 levels forever"), the words mean the opposite of what they say:
  // their literal polarity is turned round (the scorer's own score is already).
  const clauseText = (idx: readonly number[]): string => (idx.length === 0 ? '' : text.slice(words[idx[0]!]!.start, words[idx[idx.length - 1]!]!.end));
  const heldTone = heldWords.length > 0 ? scoreOf(implicit ? text : clauseText(heldWords)) : null;
  if (heldTone?.ironic) {
    polar = -polar;
    nearPolar = -nearPolar;
    add('~ironic', 1, []);
  }
  polar += cuePolar;
  const squash = (x: number): number => Math.round(Math.tanh(x / 4) * 1000) / 1000;
  add('~near-polarity', squash(nearPolar), nearWords);
  add('~polarity', squash(polar), polarWords);
  if (polar > 0) add('~polarity+', 1, polarWords);
  if (polar < 0) add('~polarity-', 1, polarWords);
  // The sentiment scorer on the text of the held clauses (or the whole post when implicit).
  if (heldTone !== null) {
    // The scorer knows words, not calls to action: those shift the clause's score as a strong word would
    // (CALL_POLARITY / 6 = 0.5 each), bounded to the score's -1..1.
    const s = Math.max(-1, Math.min(1, heldTone.score + cuePolar / 6));
    add('~sentiment', Math.round(s * 1000) / 1000, polarWords);
  }
  // The post around a named target: a comment is mostly about one thing, so its overall tone counts too
  // ("Thank goodness. I've asked for sirens for years. Glad somebody listened.").
  // It is context, not a reason of the target's own: no evidence words (they would point outside its clause).
  if (!implicit && heldWords.length > 0 && clauseOf.some((c) => !held.has(c))) add('~post-sentiment', Math.round(scoreOf(text).score * 1000) / 1000, []);
  // The first sentence of a longer post is often its verdict ("Good.", "Finally.", "This is the right call."),
  // the rest the reasons, whose tone is about the problem rather than the subject.
  // Its score is the scorer's own for that sentence, read with the whole post (no second scoring).
  const sentences = implicit && n > 0 ? scoreOf(text).sentences : [];
  if (sentences.length > 1) {
    const end = sentences[0]!.span[1];
    const lead: number[] = [];
    for (let i = 0; i < n && words[i]!.end <= end; i++) lead.push(i);
    const s = sentences[0]!.score;
    add('~lead-sentiment', Math.round(s * 1000) / 1000, lead);
    if (lead.length <= 3) add('~short-lead-sentiment', Math.round(s * 1000) / 1000, lead);
  }
  // A question about the target takes no side as often as it argues.
  // The last word of each clause and sentence, in one pass (a `lastIndexOf` per held clause was quadratic in a
  // post of many short clauses).
  const clauseLast = new Map<number, number>();
  const sentenceLastOf = new Map<number, number>();
  if (held.size > 0) {
    for (let i = 0; i < n; i++) {
      clauseLast.set(clauseOf[i]!, i);
      sentenceLastOf.set(sentenceOf[i]!, i);
    }
  }
  for (const c of held) {
    const last = clauseLast.get(c) ?? -1;
    const sentenceLast = sentenceLastOf.get(sentenceOf[last]!) ?? -1;
    const after = text.slice(words[sentenceLast]!.end, words[sentenceLast + 1]?.start ?? text.length);
    if (after.includes('?')) {
      add('~question', 1, []);
      break;
    }
  }
  if (!implicit && mentions.some((m) => m.from === 0 || clauseOf[m.from - 1] !== clauseOf[m.from])) add('~mention-first', 1, []);
  if (!implicit) return { features, sources, implicit };
  // A whole post's tone says something else of an unnamed subject than a clause's tone says of the person it
  // names (news sentences, most of the training rows): the tone features of an implicit row have their own weights.
  const own = new Map<string, number>();
  const ownSources = new Map<string, number[]>();
  for (const [name, value] of features) {
    const key = name.startsWith('~') && name !== '~implicit' ? `~implicit-${name.slice(1)}` : name;
    own.set(key, value);
    ownSources.set(key, sources.get(name) ?? []);
  }
  return { features: own, sources: ownSources, implicit };
}
