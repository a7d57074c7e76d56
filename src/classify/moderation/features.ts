/**
 * The features the moderation models read (src/classify/moderation/*.model.json, fit by
 * scripts/train/train-moderation.ts). One reading of the text, {@link readWords}, decides for every word
 * whether it is said by the writer (`plain`), mentioned (inside quotation marks, `quote`) or denied or
 * forbidden ("not an idiot", "please don't call anyone a moron": `negated`), and what it is aimed at (the
 * reader "you", a group "people who ... are", a named commenter, or an idea "a stupid idea"). Only plain
 * words feed the word, character and word-score features; mentioned and denied words get names of their
 * own, so the models learn what they are worth instead of counting them as abuse.
 */
import { knownByPrefix, type LinearModel } from '../../learn/model.js';
import type { Token } from '../../text/tokenize.js';
import { BASE_TABLES, type TermCategory, type TermTable } from './lexicon.js';
import type { WordScores } from './word-scores.js';

/** How a word is used. */
export type WordMode = 'plain' | 'quote' | 'negated';
/** What a word is aimed at: the reader, a group, a named person, an idea, or nothing found. */
export type WordTarget = 'you' | 'group' | 'named' | 'idea' | null;

/** One word token of the text as the models read it. */
export interface WordReading {
  /** Index into the tokens. */
  token: number;
  norm: string;
  mode: WordMode;
  target: WordTarget;
  /** Lexicon weight per category (0 when the word is in no table). */
  lex: Readonly<Record<TermCategory, number>>;
  /** Word score relative to the typical word (0 without word scores). */
  ws: number;
  /** Likeness to the words raters mark: the word vector's cosine to the nearest such word, 0..1 (0 when not kept). */
  like: number;
}

/**
 * The second-person words as the tokenizer yields them (it drops apostrophes, straight or curly, and keeps a
 * contraction whole: "you're" -> `youre`, "y'all" and "ya'll" -> `yall`). The one set the comment features and the
 * span reading (span-context.ts) share. "you've", "you'd", "you'll" (`youve`, `youd`, `youll`) are not in it: adding
 * them was measured in session 25 (mod25b; docs/moderation.md) and not shipped.
 */
export const SECOND_PERSON: ReadonlySet<string> = new Set(['you', 'youre', 'your', 'yourself', 'yourselves', 'u', 'ur', 'ya', 'yall']);
// Second-person words that are a possessive or a subject with its verb, never a bare address: "you pompous windbag"
// is a vocative, "your idea" and "you're ..." are not.
const NOT_VOCATIVE = new Set(['your', 'youre']);
// Words that open a group of people: "people who", "anyone who", "those who", "all these".
const GROUP_HEADS = new Set(['people', 'anyone', 'anybody', 'those', 'everyone', 'folks', 'voters', 'supporters', 'fans', 'commenters', 'posters']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'being', 'been', 'am', 'its', 'hes', 'shes', 'theyre', 'youre', 'thats', 'sounds', 'seems']);
// Abstract nouns a harsh adjective can be aimed at instead of a person: "a stupid idea", "this dumb policy".
// The nouns for a person's own turn in the conversation are not among them (CONTRIBUTION_NOUNS, below).
const IDEA_NOUNS = new Set(
  'idea ideas plan plans policy policies law laws rule rules bill bills decision decisions argument arguments proposal proposals move article thing things logic reasoning point points approach system process claim claims theory premise suggestion editorial headline project scheme program programme budget tax'.split(
    ' ',
  ),
);
// The conversation's contribution nouns: what a participant calls another participant's turn ("your comment", "that
// post", "this question", "what a stupid remark"). A harsh word aimed at one is aimed at the person who wrote it, as
// SemEval-2021's raters mark it, not at an idea (the lead's call, 2026-12-04, session 15): these nouns are neither
// idea nouns nor carry the idea target, and they end an idea noun's look-ahead ("a stupid comment about the tax" is
// about the comment). The class is the kinds of turn a thread holds, not words taken from examples; the nouns for
// what a turn argues (argument, claim, point, suggestion, proposal) and the paper's own pieces (article, editorial,
// headline) stay ideas.
const CONTRIBUTION_NOUNS = new Set(
  'comment comments post posts posting postings question questions statement statements remark remarks reply replies response responses answer answers message messages tweet tweets'.split(' '),
);

// Denials and prohibitions whose scope runs to the end of the clause: "not", "don't", "never", "no need to".
export const NEGATORS = new Set(['not', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'never', 'cant', 'cannot', 'shouldnt', 'wont', 'wouldnt', 'aint', 'nor', 'refrain']);
// A denial reaches the next few words only ("not an idiot"); to the clause end it would hide every word after
// "can't" or "don't", and the model would learn the negator itself as the abuse.
const NEGATION_REACH = 3;
// Verbs of naming: in "don't call someone an idiot" the insult is talked about, not said.
export const NAMING = new Set(['call', 'calling', 'called', 'calls', 'name', 'names', 'label', 'labelling', 'labeling', 'labeled', 'labelled', 'dub', 'brand', 'branding', 'branded']);
const QUOTES = new Set(['"', '\u201c', '\u201d', '\u00ab', '\u00bb']);
// Words that do not end a negation's or a target's reach inside a clause.
const CLAUSE_END = /[.!?;:\u2026()\u2014\u2013]/;
const NONE: Readonly<Record<TermCategory, number>> = Object.freeze({ insult: 0, profanity: 0, identityAttack: 0, threat: 0, toxicity: 0 });
const CATEGORIES: readonly TermCategory[] = ['insult', 'profanity', 'identityAttack', 'threat', 'toxicity'];

/** What the five tables hold for one word: its weight and the phrases it opens, per category (in CATEGORIES order). */
interface LexEntry {
  words: Array<number | undefined>;
  phrases: Array<TermTable['phrases'] extends ReadonlyMap<string, infer P> ? P | undefined : never>;
}

// The built-in tables merged by word, so a word in none of them (most words) costs one lookup instead of ten. Built
// on first use; a caller's own tables (`terms`) are read table by table as before.
let baseIndex: Map<string, LexEntry> | null = null;

function baseLexIndex(): Map<string, LexEntry> {
  if (baseIndex !== null) return baseIndex;
  const index = new Map<string, LexEntry>();
  const entry = (word: string): LexEntry => {
    let e = index.get(word);
    if (e === undefined) index.set(word, (e = { words: CATEGORIES.map(() => undefined), phrases: CATEGORIES.map(() => undefined) }));
    return e;
  };
  CATEGORIES.forEach((c, ci) => {
    for (const [word, w] of BASE_TABLES[c].words) entry(word).words[ci] = w;
    for (const [word, list] of BASE_TABLES[c].phrases) entry(word).phrases[ci] = list;
  });
  return (baseIndex = index);
}

/** Lexicon weights of each word token (single words only; the first word of a phrase takes the phrase's weight). */
function lexiconWeights(tokens: readonly Token[], tables: Readonly<Record<TermCategory, TermTable>>): Map<number, Record<TermCategory, number>> {
  const out = new Map<number, Record<TermCategory, number>>();
  const index = tables === BASE_TABLES ? baseLexIndex() : null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' && t.kind !== 'hashtag') continue;
    const entry = index === null ? null : index.get(t.norm);
    if (entry === undefined) continue;
    let rec: Record<TermCategory, number> | null = null;
    for (let ci = 0; ci < CATEGORIES.length; ci++) {
      const c = CATEGORIES[ci]!;
      const table = tables[c];
      let w = (entry === null ? table.words.get(t.norm) : entry.words[ci]) ?? 0;
      const phrases = entry === null ? table.phrases.get(t.norm) : entry.phrases[ci];
      if (phrases) {
        for (const p of phrases) {
          let ok = true;
          let j = i;
          for (const word of p.rest) {
            j = nextWordIndex(tokens, j);
            if (j < 0 || tokens[j]!.norm !== word) {
              ok = false;
              break;
            }
          }
          if (ok) {
            w = Math.max(w, p.weight);
            for (let k = i + 1; k <= j; k++) {
              if (tokens[k]!.kind !== 'word') continue;
              const r = out.get(k) ?? { ...NONE };
              r[c] = Math.max(r[c], p.weight);
              out.set(k, r);
            }
            break;
          }
        }
      }
      if (w > 0) {
        rec ??= out.get(i) ?? { ...NONE };
        rec[c] = Math.max(rec[c], w);
      }
    }
    if (rec) out.set(i, rec);
  }
  return out;
}

function nextWordIndex(tokens: readonly Token[], i: number): number {
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'word') return j;
    if (t.kind === 'punct' && (t.text === '-' || t.text === "'")) continue;
    return -1;
  }
  return -1;
}

/** True when an idea noun follows within the next three words of the same phrase ("a [stupid, costly] plan"). */
function ideaAhead(tokens: readonly Token[], i: number): boolean {
  let words = 0;
  for (let j = i + 1; j < tokens.length && words < 3; j++) {
    const t = tokens[j]!;
    // Commas and hyphens join a run of adjectives ("a silly, pointless plan"); anything else ends the phrase.
    if (t.kind === 'punct') {
      if (t.text === ',' || t.text === '-') continue;
      return false;
    }
    if (t.kind !== 'word') return false;
    words++;
    if (CONTRIBUTION_NOUNS.has(t.norm)) return false;
    if (IDEA_NOUNS.has(t.norm)) return true;
    if (FUNCTION_WORDS.has(t.norm) || SECOND_PERSON.has(t.norm)) return false;
  }
  return false;
}

/** Reads every word token of a text: its use, its target, its lexicon weights and its word score. */
export function readWords(tokens: readonly Token[], tables: Readonly<Record<TermCategory, TermTable>>, scores: WordScores | null, likeness: WordScores | null = null): WordReading[] {
  const lex = lexiconWeights(tokens, tables);
  const out: WordReading[] = [];
  let inQuote = false;
  // Words left in a denial's reach: a few after "not"/"never" (the phrase it denies), the clause after a verb of naming.
  let negReach = 0;
  // Clause-local memory of what the words so far point at.
  let you = -1; // distance in words since a second-person word
  let groupWho = 0; // 1 after "people who", 2 once a copula follows ("people who ... are")
  let exclaim = -1; // distance since "what a"
  let copulaAfterName = -1; // distance since "<Name> is"
  let copulaAfterIdea = -1; // distance since "<idea noun> is" ("this policy is dumb")
  let prevWord: Token | null = null;
  let words = 0;
  const resetClause = (): void => {
    negReach = 0;
    you = -1;
    groupWho = 0;
    exclaim = -1;
    copulaAfterName = -1;
    copulaAfterIdea = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct') {
      for (const ch of t.text) if (QUOTES.has(ch)) inQuote = ch === '\u201c' ? true : ch === '\u201d' ? false : !inQuote;
      if (CLAUSE_END.test(t.text)) resetClause();
      else if (t.text.includes(',')) negReach = 0;
      continue;
    }
    if (t.kind === 'url' || t.kind === 'mention') {
      if (t.kind === 'mention') copulaAfterName = 0;
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'hashtag') continue;
    const norm = t.norm;
    if (you >= 0) you++;
    if (exclaim >= 0) exclaim++;
    if (copulaAfterName >= 0) copulaAfterName++;
    if (copulaAfterIdea >= 0) copulaAfterIdea++;
    // What this word is aimed at, from the words before it in the clause.
    let target: WordTarget = null;
    if (ideaAhead(tokens, i) || (IDEA_NOUNS.has(norm) && prevWord !== null && out.length > 0 && out[out.length - 1]!.target === 'idea')) target = 'idea';
    else if (copulaAfterIdea >= 1 && copulaAfterIdea <= 3 && !SECOND_PERSON.has(norm)) target = 'idea';
    else if (you >= 1 && you <= 4) target = 'you';
    else if (exclaim >= 1 && exclaim <= 3) target = 'you';
    else if (groupWho === 2) target = 'group';
    else if (copulaAfterName >= 1 && copulaAfterName <= 3) target = 'named';
    const mode: WordMode = inQuote ? 'quote' : negReach > 0 ? 'negated' : 'plain';
    if (negReach > 0) negReach--;
    const lower = scores || likeness ? t.text.toLowerCase() : '';
    const z = scores ? scores.score(lower) : 0;
    const ws = scores ? (z === scores.center && norm !== lower ? scores.score(norm) : z) - scores.center : 0;
    // The norm is looked up only when it differs from the lower-cased word (the same key gives the same score).
    const likeLower = likeness ? likeness.score(lower) : 0;
    const like = likeness ? likeLower || (norm !== lower ? likeness.score(norm) : likeLower) : 0;
    out.push({ token: i, norm, mode, target, lex: lex.get(i) ?? NONE, ws, like });
    // Update the clause memory with this word.
    if (SECOND_PERSON.has(norm) && mode === 'plain') you = 0;
    if (norm === 'a' || norm === 'an') {
      if (prevWord?.norm === 'what' || prevWord?.norm === 'such') exclaim = 0;
    }
    if (norm === 'who' && prevWord !== null && GROUP_HEADS.has(prevWord.norm)) groupWho = 1;
    else if (groupWho === 1 && COPULAS.has(norm)) groupWho = 2;
    if (COPULAS.has(norm) && prevWord !== null && IDEA_NOUNS.has(prevWord.norm)) copulaAfterIdea = 0;
    if (COPULAS.has(norm) && prevWord !== null && words > 0 && /^\p{Lu}/u.test(prevWord.text) && !SECOND_PERSON.has(prevWord.norm) && prevWord.norm !== 'i' && prevWord.norm !== 'this' && prevWord.norm !== 'that' && prevWord.norm !== 'it') copulaAfterName = 0;
    if (NAMING.has(norm) && (prevWord === null || !SECOND_PERSON.has(prevWord.norm))) negReach = Number.POSITIVE_INFINITY;
    else if (NEGATORS.has(norm)) negReach = Math.max(negReach, NEGATION_REACH);
    prevWord = t;
    words++;
  }
  return out;
}

/** Char 4-grams of a word with boundary marks ("^idi", "idio", ...): sub-word cues for unseen forms. */
export function charGrams(norm: string): string[] {
  if (norm.length < 3) return [];
  const w = `^${norm}$`;
  const out: string[] = [];
  for (let k = 0; k + 4 <= w.length; k++) out.push(w.slice(k, k + 4));
  return out;
}

// Function words make no character n-grams (they carry no sub-word meaning) but stay word features.
const FUNCTION_WORDS = new Set(
  'a an the this that these those is are was were be been am it its i me my we our he his him she her they them their to of in on at for with by from as and or but so if then than what who which how there here do does did not no just very all some any you your'.split(
    ' ',
  ),
);

/** Whether a word feature says something beyond function words (for choosing evidence). */
export function isContentWord(norm: string): boolean {
  return !FUNCTION_WORDS.has(norm);
}

/** Named feature values. */
type Sink = Array<[string, number]>;

// The comment-level maxima (`$lex-...`, `$ws-<target>`, ...), one slot each, listed in name order (the order they
// are written out in). A word aimed at an idea makes no feature, so the targets are the other three.
const AIMED: ReadonlyArray<Exclude<WordTarget, null | 'idea'>> = ['you', 'group', 'named'];
const MAX_NAMES: readonly string[] = [
  ...AIMED.flatMap((t) => [`$ws-${t}`, `$like-${t}`, `$lex-insult-${t}`]),
  ...CATEGORIES.map((c) => `$lex-${c}`),
  '$like-max',
].sort();
const slotOf = (name: string): number => MAX_NAMES.indexOf(name);
const AIMED_SLOTS: Readonly<Record<string, readonly [number, number, number]>> = Object.fromEntries(
  AIMED.map((t) => [t, [slotOf(`$ws-${t}`), slotOf(`$like-${t}`), slotOf(`$lex-insult-${t}`)] as const]),
);
const LEX_SLOTS: readonly number[] = CATEGORIES.map((c) => slotOf(`$lex-${c}`));
const LIKE_MAX_SLOT = slotOf('$like-max');

/**
 * Comment-level features: plain words `w:`, word pairs `p:`, char 4-grams `c:`, and dense `$...` features:
 * lexicon maxima per category, the lexicon, word-score and likeness maxima of the words aimed at the reader, a
 * group or a named person (`$lex-insult-you`, ...), word-score aggregates, shouting and length. Quoted, denied
 * and idea-aimed words make none. Sparse families are valued 1/sqrt(their distinct count). (Aimed words as
 * sparse features of their own, `y:word`, were dropped: they copied the word features and learned noise.)
 * With `model`, the sparse features it has no weight for are left out (their values count in their family's
 * 1/sqrt all the same): its outputs and explanations are the same, without building the names that change nothing.
 */
export function commentFeatures(tokens: readonly Token[], readings: readonly WordReading[], model?: LinearModel, options: CommentFeatureOptions = {}): Sink {
  const words = new Set<string>();
  // Word pairs by their first word, and in the order first met: counted and tested without building "a b".
  const pairsAfter = new Map<string, Set<string>>();
  const pairs: Array<readonly [string, string]> = [];
  const grams = new Set<string>();
  const lexMax = new Array<number>(MAX_NAMES.length).fill(0);
  const bump = (slot: number, v: number): void => {
    if (v > lexMax[slot]!) lexMax[slot] = v;
  };
  let wsMax = 0;
  let wsSecond = 0;
  let wsSum = 0;
  let plain = 0;
  let caps = 0;
  let capsRun = 0;
  let you = 0;
  let prev: WordReading | null = null;
  const held = options.heldApart ? new HeldApart() : null;
  for (const r of readings) {
    const t = tokens[r.token]!;
    // Words the writer mentions or denies are not the writer's abuse, whatever they are: they make no feature.
    if (r.mode !== 'plain') {
      held?.add(r.mode === 'quote' ? 'q' : 'n', r);
      prev = null;
      continue;
    }
    // A harsh word aimed at an idea ("a stupid plan") is criticism of the idea, not abuse of a person: like a
    // quoted word it makes no feature (ToxiSpans raters often mark it; the issue's reading of insult does not).
    if (r.target === 'idea') {
      held?.add('i', r);
      prev = null;
      continue;
    }
    plain++;
    words.add(r.norm);
    if (prev !== null && prev.token < r.token && adjacent(tokens, prev.token, r.token)) {
      let seconds = pairsAfter.get(prev.norm);
      if (seconds === undefined) pairsAfter.set(prev.norm, (seconds = new Set()));
      if (!seconds.has(r.norm)) {
        seconds.add(r.norm);
        pairs.push([prev.norm, r.norm]);
      }
    }
    if (!FUNCTION_WORDS.has(r.norm)) for (const g of charGrams(r.norm)) grams.add(g);
    if (r.target !== null && !FUNCTION_WORDS.has(r.norm)) {
      const [ws, like, insult] = AIMED_SLOTS[r.target]!;
      bump(ws, r.ws);
      bump(like, r.like);
      bump(insult, r.lex.insult);
    }
    if (SECOND_PERSON.has(r.norm)) you++;
    for (let c = 0; c < CATEGORIES.length; c++) bump(LEX_SLOTS[c]!, r.lex[CATEGORIES[c]!]);
    // A function word's vector says nothing about abuse ("do" and "you" sit near words raters mark in GloVe): the
    // word-score and likeness aggregates read content words only, as the per-target ones always did.
    if (!FUNCTION_WORDS.has(r.norm)) {
      bump(LIKE_MAX_SLOT, r.like);
      if (r.ws > wsMax) [wsMax, wsSecond] = [r.ws, wsMax];
      else if (r.ws > wsSecond) wsSecond = r.ws;
      wsSum += r.ws;
    }
    const upper = t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
    capsRun = upper ? capsRun + 1 : 0;
    if (capsRun >= 2) caps++;
    prev = r;
  }
  const out: Sink = [];
  // Addressing someone with a bare noun phrase: "you pompous windbag.", "what a complete numpty!".
  for (let k = 0; k < readings.length; k++) {
    const r = readings[k]!;
    if (r.mode !== 'plain') continue;
    const vocative = SECOND_PERSON.has(r.norm) && !NOT_VOCATIVE.has(r.norm);
    const exclamative = r.norm === 'what' && (readings[k + 1]?.norm === 'a' || readings[k + 1]?.norm === 'an');
    if (!vocative && !exclamative) continue;
    const phrase = bareNounPhrase(tokens, readings, exclamative ? k + 1 : k);
    if (!phrase) continue;
    const name = vocative ? '$you-phrase' : '$what-a-phrase';
    out.push([name, 1]);
    let ws = 0;
    let like = 0;
    for (const w of phrase) {
      ws = Math.max(ws, w.ws);
      like = Math.max(like, w.like);
    }
    if (ws > 0) out.push([`${name}-ws`, ws]);
    if (like > 0) out.push([`${name}-like`, like]);
  }
  const family = (prefix: string, set: Set<string>): void => {
    if (set.size === 0) return;
    const v = 1 / Math.sqrt(Math.max(4, set.size));
    const known = model ? knownByPrefix(model, prefix) : null;
    for (const k of set) if (known === null || known.has(k)) out.push([`${prefix}${k}`, v]);
  };
  if (held) held.write(out);
  family('w:', words);
  if (pairs.length > 0) {
    const v = 1 / Math.sqrt(Math.max(4, pairs.length));
    const known = model ? knownPairs(model) : null;
    for (const [a, b] of pairs) if (known === null || known.get(a)?.has(b) === true) out.push([`p:${a} ${b}`, v]);
  }
  family('c:', grams);
  for (let slot = 0; slot < MAX_NAMES.length; slot++) if (lexMax[slot]! !== 0) out.push([MAX_NAMES[slot]!, lexMax[slot]!]);
  if (plain > 0) {
    const nonZero = (name: string, v: number): void => {
      if (v !== 0) out.push([name, v]);
    };
    nonZero('$ws-max', wsMax);
    nonZero('$ws-top2', (wsMax + wsSecond) / 2);
    nonZero('$ws-mean', wsSum / (plain + 8));
    nonZero('$len', Math.log1p(plain) / 5);
    if (caps > 0) nonZero('$caps', Math.min(1, caps / Math.max(4, plain) * 2));
    if (you > 0) out.push(['$you', 1]);
  }
  return out;
}

/** Options of {@link commentFeatures}. */
export interface CommentFeatureOptions {
  /**
   * Fitting only: also describe the words held apart (quoted `q`, denied `n`, aimed at an idea `i`) in features of
   * their own, `$held-<q|n|i>-...` (their lexicon, word-score and likeness maxima) and `held:<word>`. ToxiSpans raters
   * count such words as toxic; without a place for that signal the fit pins it on the words around them ("call",
   * "please", "nobody"), which then flag a moderator's warning. These features take it, and `moderate` never emits
   * them (a mentioned, denied or idea-aimed word is not the writer's abuse), so their weights are dropped after the fit.
   */
  heldApart?: boolean;
}

/** The prefix of every held-apart feature (see {@link CommentFeatureOptions.heldApart}). */
export const HELD_APART_PREFIXES = ['$held-', 'held:'] as const;

/** Maxima over the words held apart, per use: quoted, denied, aimed at an idea. */
class HeldApart {
  private readonly max = new Map<string, number>();
  private readonly words = new Set<string>();

  add(use: 'q' | 'n' | 'i', r: WordReading): void {
    const bump = (name: string, v: number): void => {
      if (v > (this.max.get(name) ?? 0)) this.max.set(name, v);
    };
    bump(`$held-${use}`, 1);
    if (FUNCTION_WORDS.has(r.norm)) return;
    this.words.add(r.norm);
    for (const c of CATEGORIES) bump(`$held-${use}-lex-${c}`, r.lex[c]);
    bump(`$held-${use}-ws`, r.ws);
    bump(`$held-${use}-like`, r.like);
  }

  write(out: Sink): void {
    for (const name of [...this.max.keys()].sort()) out.push([name, this.max.get(name)!]);
    const v = 1 / Math.sqrt(Math.max(4, this.words.size));
    for (const w of [...this.words].sort()) out.push([`held:${w}`, v]);
  }
}

// Per model: the word pairs (`p:a b`) it weighs, by their first word (a word's norm holds no space).
const pairIndexes = new WeakMap<LinearModel, Map<string, Set<string>>>();

function knownPairs(model: LinearModel): Map<string, Set<string>> {
  let index = pairIndexes.get(model);
  if (index === undefined) {
    index = new Map();
    for (const pair of knownByPrefix(model, 'p:')) {
      const space = pair.indexOf(' ');
      if (space < 0) continue;
      const first = pair.slice(0, space);
      let seconds = index.get(first);
      if (seconds === undefined) index.set(first, (seconds = new Set()));
      seconds.add(pair.slice(space + 1));
    }
    pairIndexes.set(model, index);
  }
  return index;
}

/**
 * The 1 to 3 content words right after reading `k` when they end the clause ("you [pompous windbag].",
 * "what a [complete numpty]!"), or null.
 */
function bareNounPhrase(tokens: readonly Token[], readings: readonly WordReading[], k: number): WordReading[] | null {
  const out: WordReading[] = [];
  let j = k + 1;
  while (j < readings.length && out.length < 3 && adjacent(tokens, readings[j - 1]!.token, readings[j]!.token)) {
    const w = readings[j]!;
    if (FUNCTION_WORDS.has(w.norm) || w.mode !== 'plain') return null;
    out.push(w);
    j++;
  }
  if (out.length === 0) return null;
  const last = out[out.length - 1]!.token;
  const next = tokens[last + 1];
  return next === undefined || (next.kind === 'punct' && /[.!?,;:\u2026]/.test(next.text)) ? out : null;
}

/** True when only spaces, hyphens or apostrophes stand between two tokens (a word pair does not cross a comma). */
function adjacent(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && (t.text === '-' || t.text === "'")) continue;
    return false;
  }
  return true;
}

/** What the span model knows of the whole comment when it reads one word: the comment's strongest cues. */
export interface SpanContext {
  /** Highest likeness, word score and lexicon weight (any category) over the writer's own words. */
  maxLike: number;
  maxWs: number;
  maxLex: number;
  /** The writer's own words. */
  plain: number;
}

const lexTop = (r: WordReading): number => Math.max(r.lex.insult, r.lex.profanity, r.lex.identityAttack, r.lex.threat, r.lex.toxicity);

/** The comment-level cues every word's span features are read against (compute once per text). */
export function spanContext(readings: readonly WordReading[]): SpanContext {
  const c: SpanContext = { maxLike: 0, maxWs: 0, maxLex: 0, plain: 0 };
  for (const r of readings) {
    if (r.mode !== 'plain') continue;
    c.plain++;
    c.maxLike = Math.max(c.maxLike, r.like);
    c.maxWs = Math.max(c.maxWs, r.ws);
    c.maxLex = Math.max(c.maxLex, lexTop(r));
  }
  return c;
}

/**
 * Features of one word for the span model: the word, its char 4-grams, its neighbours one and two words away
 * (`l:`, `r:`, `L:`, `R:`) and the word pairs it makes with them (`b:`, `a:`), its use and target (`$quote`,
 * `$to-you`, and `wm:` joined with whether it is a function word), its lexicon weights, word score and likeness
 * and its neighbours', and the comment around it: the comment's strongest cues (`$cmt-...`: a comment with a
 * slur in it marks fewer of its other words) and whether this word carries the strongest one (`$top-...`: raters
 * mark the worst word of a comment). `k` indexes `readings`; `context` is {@link spanContext} of the same readings.
 */
export function wordFeatures(readings: readonly WordReading[], k: number, context: SpanContext = spanContext(readings)): Sink {
  const r = readings[k]!;
  const out: Sink = [];
  const left = readings[k - 1];
  const right = readings[k + 1];
  out.push([`w:${r.norm}`, 1]);
  if (!FUNCTION_WORDS.has(r.norm)) {
    const grams = charGrams(r.norm);
    for (const g of grams) out.push([`c:${g}`, 1 / Math.sqrt(Math.max(4, grams.length))]);
  } else out.push(['$function', 1]);
  out.push([`l:${left?.norm ?? '^'}`, 0.5], [`r:${right?.norm ?? '$'}`, 0.5]);
  out.push([`L:${readings[k - 2]?.norm ?? '^'}`, 0.3], [`R:${readings[k + 2]?.norm ?? '$'}`, 0.3]);
  if (left) out.push([`b:${left.norm} ${r.norm}`, 0.5]);
  if (right) out.push([`a:${r.norm} ${right.norm}`, 0.5]);
  if (r.mode !== 'plain') out.push([`$${r.mode}`, 1]);
  if (r.target !== null) out.push([`$to-${r.target}`, 1]);
  if (r.mode !== 'plain' || r.target !== null) out.push([`wm:${r.mode}:${r.target}:${FUNCTION_WORDS.has(r.norm) ? 'f' : 'c'}`, 1]);
  for (const c of CATEGORIES) {
    if (r.lex[c] > 0) out.push([`$lex-${c}`, r.lex[c]]);
    const near = Math.max(left?.lex[c] ?? 0, right?.lex[c] ?? 0);
    if (near > 0) out.push([`$near-${c}`, near]);
  }
  if (r.ws !== 0) out.push(['$ws', r.ws]);
  if (r.like !== 0) out.push(['$like', r.like]);
  const nearLike = Math.max(left?.like ?? 0, right?.like ?? 0);
  if (nearLike > 0) out.push(['$near-like', nearLike]);
  const nearWs = Math.max(left?.ws ?? 0, right?.ws ?? 0);
  if (nearWs > 0) out.push(['$near-ws', nearWs]);
  out.push(['$cmt-like', context.maxLike], ['$cmt-ws', context.maxWs], ['$cmt-lex', context.maxLex], ['$cmt-len', Math.log1p(context.plain) / 5]);
  if (r.like > 0 && r.like === context.maxLike) out.push(['$top-like', 1]);
  if (r.ws > 0 && r.ws === context.maxWs) out.push(['$top-ws', 1]);
  const lex = lexTop(r);
  if (lex > 0 && lex === context.maxLex) out.push(['$top-lex', 1]);
  return out.filter(([, v]) => v !== 0);
}
