/**
 * Moderation signals per text: toxicity, insult, profanity, identity attack and threat, each a 0..1 score
 * ("how strongly the text shows it", not a calibrated probability) with the evidence spans behind it.
 */
import type { Evidence } from '../../schema/common.js';
import type { ModerationResult } from '../../schema/classify.js';
import { ThreadlensOptionError } from '../../errors.js';
import { splitSentences } from '../../text/sentences.js';
import { analyzeSentiment } from '../sentiment/analyze.js';
import { DEFAULT_LEXICON } from '../sentiment/lexicon.js';
import { SENTIMENT_MODEL } from '../sentiment/model.js';
import { tokenize, type Token } from '../sentiment/tokenize.js';
import { addToxicityFeatures, shippedToxicityModel, toxicityProbability, topToxicFeatures, type ToxicityBag, type ToxicityModel } from './toxicity-model.js';
import { BASE_TABLES, BASE_TERMS, IDENTITY_TERMS, tableOf, type TermCategory, type TermTable } from './lexicon.js';
import { topScoredWords, type WordScores } from './word-scores.js';

export type { ModerationResult } from '../../schema/classify.js';
export type { TermCategory } from './lexicon.js';
export { summarizeSentiment, type ThreadSentimentSummary, type SummaryPost } from './summarize.js';

/** Options for {@link moderate}. */
export interface ModerationOptions {
  /** Extra terms per category, word or phrase -> weight 0..1; they win over built-in ones. Default none. */
  terms?: Partial<Record<TermCategory, Record<string, number>>>;
}

type Signal = ModerationResult['insult'];

// Added to an insult aimed at someone: "you idiot", "what a pack of imbeciles", "the Idiot", "a liar in charge".
const TARGET_BOOST = 0.35;
// Profanity counts toward toxicity at this share; insults, threats and identity attacks count fully.
const PROFANITY_IN_TOXICITY = 0.7;
const HOSTILE_IN_TOXICITY = 1;
const MAX_EVIDENCE = 10;
const NEGATIVE_TONE_WEIGHT = 0.15;
// A word feature must raise the model's log-odds by this much to be shown as toxicity evidence.
const MIN_MODEL_CONTRIBUTION = 0.05;
// A word is shown as `word-score:` evidence when it scores this far above the typical word (the top tenth of
// word occurrences in news comments sit about 3 above it; "callous" 11, "venomous" 12.5).
const WORD_SCORE_EVIDENCE = 6;

/** How much the `$ws-...` features added to the model's log-odds. */
function wordScoreContribution(model: ToxicityModel, bag: ToxicityBag): number {
  let z = 0;
  for (let k = 0; k < bag.names.length; k++) if (bag.names[k]!.startsWith('$ws-')) z += (model.weights.get(bag.names[k]!) ?? 0) * bag.values[k]!;
  return z;
}
// Explicit abuse above this counts on its own (rescaled to 0..1); below it the learned model ranks the text.
const LEXICON_FLOOR = 0.6;

const SECOND_PERSON = new Set(['you', 'youre', 'ur', 'u', 'yourself', 'ya', 'your']);
const GROUP_NOUNS = new Set(['pack', 'bunch', 'load', 'gang', 'band', 'lot', 'herd', 'group', 'crowd', 'collection']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'being', 'been', 'am', 'its', 'hes', 'shes', 'theyre', 'youre', 'thats']);
// Obfuscated swear words: "sh*t", "f***", "a**hole". Bounded runs only, so linear.
const MASKED = /(?<![\p{L}\p{N}])[a-z]{1,3}[*#@$%]{1,4}[a-z]{0,5}(?![\p{L}\p{N}*#@$%])/giu;
const MASKED_INITIALS = new Set(['f', 's', 'a', 'b', 'c', 'd', 'p', 'h']);

interface Hit {
  weight: number;
  ev: Evidence;
}

function noisyOr(hits: readonly Hit[]): number {
  let keep = 1;
  for (const h of hits) keep *= 1 - Math.max(0, Math.min(1, h.weight));
  return 1 - keep;
}

function signalOf(hits: readonly Hit[]): Signal {
  const score = Math.round(noisyOr(hits) * 10000) / 10000;
  const evidence = hits
    .map((h, order) => ({ h, order }))
    .sort((a, b) => b.h.weight - a.h.weight || a.order - b.order)
    .slice(0, MAX_EVIDENCE)
    .sort((a, b) => a.h.ev.span[0] - b.h.ev.span[0] || a.order - b.order)
    .map((x) => x.h.ev);
  return { score, evidence };
}

/** Finds the table's terms in `tokens` (words only): [first token index, last token index, weight, key]. */
function findTerms(tokens: readonly Token[], table: TermTable): Array<[number, number, number, string]> {
  const out: Array<[number, number, number, string]> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' && t.kind !== 'hashtag') continue;
    const phrases = table.phrases.get(t.norm);
    let matched = false;
    if (phrases) {
      for (const p of phrases) {
        let ok = true;
        let j = i;
        for (const w of p.rest) {
          j = nextWord(tokens, j);
          if (j < 0 || tokens[j]!.norm !== w) {
            ok = false;
            break;
          }
        }
        if (ok) {
          out.push([i, j, p.weight, p.key]);
          matched = true;
          break;
        }
      }
    }
    if (!matched) {
      const w = table.words.get(t.norm);
      if (w !== undefined && w > 0) out.push([i, i, w, t.norm]);
    }
  }
  return out;
}

/** Index of the next word token after `i` in the same clause (skipping nothing but hyphens), or -1. */
function nextWord(tokens: readonly Token[], i: number): number {
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'word') return j;
    if (t.kind === 'punct' && (t.text === '-' || t.text === "'")) continue;
    return -1;
  }
  return -1;
}

function prevWords(tokens: readonly Token[], i: number, n: number): Token[] {
  const out: Token[] = [];
  for (let j = i - 1; j >= 0 && out.length < n; j--) {
    const t = tokens[j]!;
    if (t.kind === 'word') out.push(t);
    else if (t.kind === 'punct' && /[.!?;]/.test(t.text)) break;
  }
  return out;
}

/**
 * Who an insult is aimed at, from the words before it: "you (brainless) troll", "what a pack of imbeciles",
 * "the Idiot" (a capitalised epithet), "X is a liar", "a criminal in charge". Null when it is not aimed.
 */
function targetOf(tokens: readonly Token[], first: number, last: number): { cue: string; from: number } | null {
  const before = prevWords(tokens, first, 4);
  const head = tokens[first]!;
  for (let k = 0; k < before.length; k++) {
    const w = before[k]!;
    if (SECOND_PERSON.has(w.norm)) return { cue: 'targeted:you', from: w.start };
    if (w.norm === 'what' && k > 0) return { cue: 'targeted:exclamative', from: w.start };
    if (GROUP_NOUNS.has(w.norm) && before[k - 1]?.norm === 'of') return { cue: 'targeted:group', from: w.start };
    if (COPULAS.has(w.norm) && k <= 2) return { cue: 'targeted:predicate', from: w.start };
  }
  const prev = before[0];
  if (prev && (prev.norm === 'the' || prev.norm === 'this' || prev.norm === 'that') && /^\p{Lu}\p{Ll}/u.test(head.text)) {
    return { cue: 'targeted:epithet', from: prev.start };
  }
  // "a liar and criminal in charge": an insult naming whoever holds office.
  let j = nextWord(tokens, last);
  const after = j >= 0 ? tokens[j]!.norm : '';
  if (after === 'in' && (j = nextWord(tokens, j)) >= 0 && /^(?:charge|chief|office|power)$/.test(tokens[j]!.norm)) {
    return { cue: 'targeted:office-holder', from: head.start };
  }
  if (after === 'and' || after === 'or') {
    // "a liar and criminal in charge": look past the coordinated noun.
    const k = nextWord(tokens, j);
    const m = k >= 0 ? nextWord(tokens, k) : -1;
    const n = m >= 0 ? nextWord(tokens, m) : -1;
    if (m >= 0 && tokens[m]!.norm === 'in' && n >= 0 && /^(?:charge|chief|office|power)$/.test(tokens[n]!.norm)) {
      return { cue: 'targeted:office-holder', from: head.start };
    }
  }
  return null;
}

function checkOptions(options: ModerationOptions | undefined): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object') throw new ThreadlensOptionError('options', options, 'must be an object');
  const { terms } = options;
  if (terms === undefined) return;
  if (terms === null || typeof terms !== 'object' || Array.isArray(terms)) throw new ThreadlensOptionError('terms', terms, 'must be an object of category -> terms');
  for (const [cat, table] of Object.entries(terms)) {
    if (!(cat in BASE_TABLES)) throw new ThreadlensOptionError(`terms.${cat}`, cat, `must be one of ${Object.keys(BASE_TABLES).join(', ')}`);
    if (table === undefined) continue;
    if (table === null || typeof table !== 'object' || Array.isArray(table)) throw new ThreadlensOptionError(`terms.${cat}`, table, 'must be an object of term -> weight');
    for (const [k, v] of Object.entries(table)) {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new ThreadlensOptionError(`terms.${cat}.${k}`, v, 'must be a number in [0, 1]');
    }
  }
}

function tablesFor(options: ModerationOptions | undefined): Readonly<Record<TermCategory, TermTable>> {
  const terms = options?.terms;
  if (!terms) return BASE_TABLES;
  const pick = (c: TermCategory): TermTable => (terms[c] ? tableOf(BASE_TERMS[c], terms[c]) : BASE_TABLES[c]);
  return { insult: pick('insult'), profanity: pick('profanity'), identityAttack: pick('identityAttack'), threat: pick('threat'), toxicity: pick('toxicity') };
}

/** Scores moderation signals for `text`: each attribute 0..1 with evidence spans relative to `text`. */
export function moderate(text: string, options?: ModerationOptions): ModerationResult {
  checkOptions(options);
  const input = typeof text === 'string' ? text : '';
  return analyzeModeration(input, tablesFor(options), shippedToxicityModel()).result;
}

/** A tokenization and a default-lexicon sentiment analysis of the same text, computed once by the caller. */
export interface SharedAnalysis {
  tokens: Token[];
  sentiment: ReturnType<typeof analyzeSentiment>;
}

/**
 * `moderate` reusing the tokens and the default-lexicon sentiment analysis the caller already has (`analyze` and
 * `classifyRecord` score sentiment anyway): same result, half the work. Internal; not on the public entry.
 */
export function moderateShared(input: string, options: ModerationOptions | undefined, shared: SharedAnalysis): ModerationResult {
  checkOptions(options);
  return analyzeModeration(input, tablesFor(options), shippedToxicityModel(), shared).result;
}

/**
 * Features the toxicity model sees for `text` (for training; see scripts/train/train-toxicity.ts), with the
 * `$ws-...` features read from `wordScores` when given.
 */
export function toxicityFeatures(text: string, wordScores: WordScores | null = null): ToxicityBag {
  return analyzeModeration(text, BASE_TABLES, null, undefined, wordScores).bag;
}

/**
 * The moderation pipeline: lexicon signals, then (when `model` is given) the learned toxicity model over the
 * signals, the sentiment score and its own word features. Tokenizes and scores sentiment once.
 */
export function analyzeModeration(
  input: string,
  tables: Readonly<Record<TermCategory, TermTable>>,
  model: ToxicityModel | null,
  shared?: SharedAnalysis,
  wordScores: WordScores | null = model?.wordScores ?? null,
): { result: ModerationResult; bag: ToxicityBag } {
  const tokens = shared?.tokens ?? tokenize(input);
  const ev = (from: number, to: number, cue: string): Evidence => ({ span: [from, to], text: input.slice(from, to), cue });

  const insult: Hit[] = [];
  const profanity: Hit[] = [];
  const identity: Hit[] = [];
  const threat: Hit[] = [];
  const hostile: Hit[] = [];

  for (const [a, b, w, key] of findTerms(tokens, tables.insult)) {
    const target = targetOf(tokens, a, b);
    const from = target ? target.from : tokens[a]!.start;
    insult.push({ weight: target ? Math.min(1, w + TARGET_BOOST) : w, ev: ev(from, tokens[b]!.end, target ? `lexicon:${key} ${target.cue}` : `lexicon:${key}`) });
  }
  for (const [a, b, w, key] of findTerms(tokens, tables.profanity)) profanity.push({ weight: w, ev: ev(tokens[a]!.start, tokens[b]!.end, `lexicon:${key}`) });
  for (const m of input.matchAll(MASKED)) {
    if (!MASKED_INITIALS.has(m[0][0]!.toLowerCase()) || m[0].length < 3) continue;
    profanity.push({ weight: 0.5, ev: ev(m.index, m.index + m[0].length, 'masked-profanity') });
  }
  for (const [a, b, w, key] of findTerms(tokens, tables.threat)) threat.push({ weight: w, ev: ev(tokens[a]!.start, tokens[b]!.end, `lexicon:${key}`) });
  for (const [a, b, w, key] of findTerms(tokens, tables.toxicity)) hostile.push({ weight: w * 0.6, ev: ev(tokens[a]!.start, tokens[b]!.end, `hostile:${key}`) });

  // Identity attack: an attack word in the same sentence as a word naming a group of people. Slurs count alone.
  const attackTerms = findTerms(tokens, tables.identityAttack);
  if (attackTerms.length > 0 || insult.length > 0) {
    for (const s of splitSentences(input)) {
      const [ss, se] = s.span;
      const inSentence = (t: Token): boolean => t.start >= ss && t.end <= se;
      const group = tokens.find((t) => t.kind === 'word' && inSentence(t) && IDENTITY_TERMS.has(t.norm));
      for (const [a, b, w, key] of attackTerms) {
        if (!inSentence(tokens[a]!)) continue;
        const slur = w >= 0.8;
        if (!slur && !group) continue;
        const from = group && !slur ? Math.min(group.start, tokens[a]!.start) : tokens[a]!.start;
        const to = group && !slur ? Math.max(group.end, tokens[b]!.end) : tokens[b]!.end;
        identity.push({ weight: slur ? w : Math.min(1, w + 0.2), ev: ev(from, to, `lexicon:${key}${group && !slur ? ` group:${group.norm}` : ''}`) });
      }
      if (group) {
        for (const h of insult) {
          if (h.ev.span[0] < ss || h.ev.span[1] > se) continue;
          identity.push({ weight: h.weight * 0.6, ev: ev(Math.min(group.start, h.ev.span[0]), Math.max(group.end, h.ev.span[1]), `${h.ev.cue} group:${group.norm}`) });
        }
      }
    }
  }

  // Negative tone adds a little toxicity (at most NEGATIVE_TONE_WEIGHT): harsh talk ranks above calm talk,
  // but criticism without abuse stays low.
  const sentiment = shared?.sentiment ?? analyzeSentiment(input, tokens, DEFAULT_LEXICON, SENTIMENT_MODEL, undefined);
  for (const s of sentiment.result.sentences) {
    if (s.score >= 0) continue;
    hostile.push({ weight: -s.score * NEGATIVE_TONE_WEIGHT, ev: ev(s.span[0], s.span[1], 'negative-tone') });
  }
  const toxicityHits: Hit[] = [
    ...insult,
    ...threat,
    ...identity,
    ...profanity.map((h) => ({ weight: h.weight * PROFANITY_IN_TOXICITY, ev: h.ev })),
    ...hostile.map((h) => ({ weight: h.weight * HOSTILE_IN_TOXICITY, ev: h.ev })),
  ];
  const lexical = dedupe(toxicityHits);
  const signals = {
    toxicity: noisyOr(lexical),
    insult: noisyOr(insult),
    profanity: noisyOr(profanity),
    identityAttack: noisyOr(identity),
    threat: noisyOr(threat),
    hostile: hostile.filter((h) => h.ev.cue !== 'negative-tone').length,
    sentiment: sentiment.result.score,
  };
  const bag: ToxicityBag = { names: [], values: [], spans: [] };
  addToxicityFeatures(signals, tokens, input.length, bag, wordScores);
  if (!model) return { result: finish(signalOf(lexical)), bag };
  // The learned model reads the text as a whole and ranks ordinary comments; explicit abuse that the lexicon
  // is sure of (an insult, threat, identity attack or profanity above LEXICON_FLOOR) keeps its high score on any
  // outlet, whatever the training comments taught the model. The larger of the two is shown. Hostile words and
  // negative tone reach the score through the model only: as a floor they ranked C3 worse (docs/moderation.md).
  const p = toxicityProbability(model, bag);
  const explicit = Math.max(signals.insult, signals.threat, signals.identityAttack, signals.profanity * PROFANITY_IN_TOXICITY);
  const strong = Math.max(0, (explicit - LEXICON_FLOOR) / (1 - LEXICON_FLOOR));
  const tox = signalOf(lexical);
  tox.score = Math.round(Math.max(p, strong) * 10000) / 10000;
  const modelEvidence = topToxicFeatures(model, bag, 3, MIN_MODEL_CONTRIBUTION).map((c) => ev(c.span[0], c.span[1], `model:${c.name}`));
  // The word-score features raised the log-odds: show the words that sound most like toxic comments.
  if (model.wordScores && wordScoreContribution(model, bag) >= MIN_MODEL_CONTRIBUTION) {
    const shown = new Set([...modelEvidence, ...tox.evidence].map((e) => e.span[0]));
    for (const w of topScoredWords(tokens, model.wordScores, 2, WORD_SCORE_EVIDENCE)) {
      if (!shown.has(w.span[0])) modelEvidence.push(ev(w.span[0], w.span[1], `word-score:${w.word}`));
    }
  }
  tox.evidence = tox.evidence
    .concat(modelEvidence)
    .map((e, order) => ({ e, order }))
    .sort((x, y) => x.e.span[0] - y.e.span[0] || x.order - y.order)
    .map((x) => x.e);
  return { result: finish(tox), bag };

  function finish(tox: Signal): ModerationResult {
    return {
      toxicity: tox,
      insult: signalOf(insult),
      profanity: signalOf(dedupe(profanity)),
      identityAttack: signalOf(dedupe(identity)),
      threat: signalOf(threat),
    };
  }
}

/** Keeps the strongest hit per span end, so one word is not counted twice (insult and hostile lists overlap). */
function dedupe(hits: readonly Hit[]): Hit[] {
  const best = new Map<number, Hit>();
  for (const h of hits) {
    const cur = best.get(h.ev.span[1]);
    if (!cur || h.weight > cur.weight) best.set(h.ev.span[1], h);
  }
  return [...best.values()];
}
