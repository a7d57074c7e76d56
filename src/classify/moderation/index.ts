/**
 * Moderation signals per text: toxicity, insult, profanity, identity attack and threat, each a 0..1 score from
 * the learned comment model (the share of raters expected to see the attribute) with the evidence behind it,
 * and `spans`: the phrases a moderator should see highlighted, from the learned span model.
 * Both models are fit on ToxiSpans and Davidson et al. (scripts/train/train-moderation.ts; docs/moderation.md).
 */
import type { Evidence } from '../../schema/common.js';
import type { ModerationResult } from '../../schema/classify.js';
import { ThreadlensOptionError } from '../../errors.js';
import { explainKnown, knownFeatures, predict } from '../../learn/model.js';
import type { Token } from '../../text/tokenize.js';
import type { analyzeSentiment } from '../sentiment/analyze.js';
import { commentFeatures, isContentWord, type WordReading } from './features.js';
import { spanReading } from './span-context.js';
import { spanScores } from './span-scores.js';
import { spanVetoes } from './span-veto.js';
import { BASE_TABLES, BASE_TERMS, tableOf, type TermCategory, type TermTable } from './lexicon.js';
import { MODERATION_ATTRIBUTES, readText, shippedModerationModels, type ModerationAttribute, type ModerationModels } from './models.js';
import { maxOf } from '../../arrays.js';

export type { ModerationResult } from '../../schema/classify.js';
export type { TermCategory } from './lexicon.js';
export { summarizeSentiment, type ThreadSentimentSummary, type SummaryPost } from './summarize.js';

/**
 * Which comments may show `spans`. `'learned'` (default): the rule chosen on held-out data (a comment some attribute
 * scores at least the span model's `gate`, 0.02 since session 16 (0.1 before), whose surest word is likely marked:
 * SemEval-2021's raters mark the insult in many comments the comment model does not flag). `'flagged'`: only a
 * comment some attribute flags (score >= 0.5), the rule until 2026-12-04. In both, a word quoted as reported speech,
 * named by a naming verb or in a denied predicate is never highlighted (span-veto.ts), nor a word aimed at an idea unless
 * the comment highlights a word that is not (since session 23).
 */
export type SpanMode = 'learned' | 'flagged';
/** The span modes, default first. */
export const SPAN_MODES: readonly SpanMode[] = ['learned', 'flagged'];

/** Options for {@link moderate}. */
export interface ModerationOptions {
  /** Extra terms per category, word or phrase -> weight 0..1; they feed the models' lexicon features. Default none. */
  terms?: Partial<Record<TermCategory, Record<string, number>>>;
  /** Which comments may show `spans`: `'learned'` (default, chosen on held-out data) or `'flagged'` (only a comment some attribute flags). */
  spans?: SpanMode;
}

type Signal = ModerationResult['insult'];
type ModerationSpan = ModerationResult['spans'][number];

const MAX_EVIDENCE = 10;
// A feature must move an attribute's log-odds by this much to be shown as its evidence.
const MIN_CONTRIBUTION = 0.15;
// ... and the attribute's shown score by this much (one point of the 0-1 score), so an attribute the model puts near
// 0 shows no word as its evidence: a feature that lifts 0.002 to 0.004 moved nothing a moderator can see.
const VISIBLE_MOVE = 0.01;
// Where the span model's thresholds are missing (a model fit without them).
const DEFAULT_MARKED = 0.5;
const SENTENCE_BREAK = /[.!?\n]/;

/** Checks a span mode (`spans`, or `moderationSpans` of `analyze`), naming the option as `name`. */
export function checkSpanMode(mode: unknown, name = 'spans'): SpanMode {
  if (mode === undefined) return 'learned';
  if (!(SPAN_MODES as readonly unknown[]).includes(mode)) throw new ThreadlensOptionError(name, mode, `must be one of ${SPAN_MODES.map((m) => `'${m}'`).join(', ')}`);
  return mode as SpanMode;
}

function checkOptions(options: ModerationOptions | undefined): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object') throw new ThreadlensOptionError('options', options, 'must be an object');
  checkSpanMode(options.spans);
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

/** Scores moderation signals for `text`: each attribute 0..1 with evidence spans, and the spans to highlight, relative to `text`. */
export function moderate(text: string, options?: ModerationOptions): ModerationResult {
  checkOptions(options);
  const input = typeof text === 'string' ? text : '';
  return moderateWith(input, shippedModerationModels(), tablesFor(options), undefined, options?.spans);
}

/**
 * A tokenization and default-lexicon sentiment analysis the caller already has (`analyze` and `classifyRecord`
 * compute them for sentiment anyway). Moderation reads the tokens only; the sentiment rides along for the steps.
 */
export interface SharedAnalysis {
  tokens: readonly Token[];
  sentiment: ReturnType<typeof analyzeSentiment>;
}

/** `moderate` reusing the caller's tokens of the same text: same result. Internal; not on the public entry. */
export function moderateShared(input: string, options: ModerationOptions | undefined, shared: SharedAnalysis): ModerationResult {
  checkOptions(options);
  return moderateWith(input, shippedModerationModels(), tablesFor(options), shared.tokens, options?.spans);
}

/** The moderation pipeline with given models (the evaluation passes each fold's): read the words, score, explain, highlight. */
export function moderateWith(input: string, models: ModerationModels, tables: Readonly<Record<TermCategory, TermTable>> = BASE_TABLES, tokens?: readonly Token[], spanMode: SpanMode = 'learned'): ModerationResult {
  const [toks, readings] = readText(input, models.wordScores, tables, tokens, models.likeness);
  const features = commentFeatures(toks, readings, models.comment);
  const p = predict(models.comment, features);
  const ev = (from: number, to: number, cue: string): Evidence => ({ span: [from, to], text: input.slice(from, to), cue });
  // The features summed once for the five attributes' explanations.
  let known: Map<string, number> | undefined;
  // Each attribute's shown score: the model's output with its held-out cut mapped to 0.5, calibrated on each side.
  const th = models.comment.thresholds;
  const cuts = MODERATION_ATTRIBUTES.map((a) => [th?.[a] ?? 0.5, th?.[`${a}.below`] ?? 1, th?.[`${a}.above`] ?? 1] as const);
  const shown = cuts.map((cut, l) => round(calibrate(p[l] ?? 0, ...cut)));
  const signal = (l: number): Signal => {
    const score = shown[l]!;
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    // Whether the shown score would be VISIBLE_MOVE lower without a feature adding `amount` to the log-odds.
    const odds = Math.log(Math.max(1e-9, p[l] ?? 0) / Math.max(1e-9, 1 - (p[l] ?? 0)));
    const visible = (amount: number): boolean => score - calibrate(1 / (1 + Math.exp(amount - odds)), ...cuts[l]!) >= VISIBLE_MOVE;
    for (const c of score < VISIBLE_MOVE ? [] : explainKnown(models.comment, (known ??= knownFeatures(models.comment, features)), l, MIN_CONTRIBUTION)) {
      if (evidence.length >= MAX_EVIDENCE) break;
      if (c.amount <= 0 || !visible(c.amount)) continue;
      const place = placeOf(c.feature, toks, readings);
      if (!place) continue;
      const key = `${place.span[0]}:${place.span[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push(ev(place.span[0], place.span[1], place.target ? `model:${c.feature} target:${place.target}` : `model:${c.feature}`));
    }
    // A flagged attribute always shows why: when no feature moved it visibly, the largest that did.
    if (evidence.length === 0 && score >= 0.5) {
      for (const c of explainKnown(models.comment, (known ??= knownFeatures(models.comment, features)), l)) {
        if (c.amount <= 0) continue;
        const place = placeOf(c.feature, toks, readings);
        if (!place) continue;
        evidence.push(ev(place.span[0], place.span[1], place.target ? `model:${c.feature} target:${place.target}` : `model:${c.feature}`));
        break;
      }
    }
    evidence.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
    return { score, evidence };
  };
  const scores = Object.fromEntries(MODERATION_ATTRIBUTES.map((a, l) => [a, p[l] ?? 0])) as Record<ModerationAttribute, number>;
  const rule = spanRule(models.spans.thresholds, spanMode, shown);
  return {
    toxicity: signal(0),
    insult: signal(1),
    profanity: signal(2),
    identityAttack: signal(3),
    threat: signal(4),
    spans: rule.open ? highlight(input, toks, readings, models, scores, rule) : [],
  };
}

/** The span decoding of a comment: may it show spans (`open`), and the word thresholds. */
interface SpanRule {
  open: boolean;
  marked: number;
  gateWord: number;
}

/**
 * The span model's thresholds for `mode`. `'learned'`: some attribute's score reaches `gate` (or, when the file gives
 * `gateToxicity`, the toxicity score reaches it). `'flagged'`: some attribute's score reaches `flagged.gate` (0.5),
 * with the `flagged.` word thresholds (a file without them: the plain ones, at the flag).
 */
function spanRule(th: Readonly<Record<string, number>> | undefined, mode: SpanMode, shown: readonly number[]): SpanRule {
  const flaggedAt = (gate: number): boolean => shown.some((x) => x >= gate);
  if (mode === 'flagged') {
    return { open: flaggedAt(th?.['flagged.gate'] ?? 0.5), marked: th?.['flagged.marked'] ?? th?.marked ?? DEFAULT_MARKED, gateWord: th?.['flagged.gateWord'] ?? th?.gateWord ?? 0 };
  }
  const open = th?.gateToxicity !== undefined ? shown[0]! >= th.gateToxicity : flaggedAt(th?.gate ?? 0.5);
  return { open, marked: th?.marked ?? DEFAULT_MARKED, gateWord: th?.gateWord ?? 0 };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/**
 * The shown score of a raw output `p`: its log-odds distance from the attribute's decision cut `t` (chosen on held-out
 * data, see the model's `thresholds`), times a slope fit on held-out data below the cut and another above it, through
 * the logistic: "score >= 0.5" is the held-out decision, the order is kept, and the score is calibrated on held-out
 * ToxiSpans comments pooled with ordinary text and comments (scripts/eval/moderation-calibration.ts). Until
 * 2026-12-04 the map was linear on each side of the cut, which put most ordinary comments at 0.1-0.45.
 */
function calibrate(p: number, t: number, below: number, above: number): number {
  if (!(t > 0 && t < 1)) return p;
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  const d = Math.log(q / (1 - q)) - Math.log(t / (1 - t));
  return 1 / (1 + Math.exp(-(d < 0 ? below : above) * d));
}

/**
 * The first word a `w:` or `c:` feature was read from: a plain word not aimed at an idea, whose norm is `key` (`w:`)
 * or, a content word, has `key` among its char 4-grams (`c:`). Searched per feature asked about, building no names.
 */
function firstReading(readings: readonly WordReading[], family: 'w' | 'c', key: string): WordReading | undefined {
  for (const r of readings) {
    if (r.mode !== 'plain' || r.target === 'idea') continue;
    if (family === 'w') {
      if (r.norm === key) return r;
    } else if (key.length === 4 && r.norm.length >= 3 && isContentWord(r.norm) && `^${r.norm}$`.includes(key)) return r;
  }
  return undefined;
}

/** Where a comment feature sits in the text: the first word (or word pair) it was read from. */
function placeOf(feature: string, tokens: readonly Token[], readings: readonly WordReading[]): { span: [number, number]; target: string | null } | null {
  const at = (r: WordReading): { span: [number, number]; target: string | null } => ({ span: [tokens[r.token]!.start, tokens[r.token]!.end], target: r.target });
  const colon = feature.indexOf(':');
  const family = colon > 0 ? feature.slice(0, colon) : '';
  const key = feature.slice(colon + 1);
  // (`y:`, `g:` and `m:` name no word of the comment model.)
  if (family === 'y' || family === 'g' || family === 'm') return null;
  if (family === 'w' || family === 'c') {
    if (family === 'w' && !isContentWord(key)) return null;
    const r = firstReading(readings, family, key);
    return r ? at(r) : null;
  }
  if (family === 'p') {
    const [a, b] = key.split(' ');
    if (!isContentWord(a!) && !isContentWord(b!)) return null;
    for (let k = 0; k + 1 < readings.length; k++) {
      const x = readings[k]!;
      const y = readings[k + 1]!;
      if (x.norm === a && y.norm === b && x.mode === 'plain' && y.mode === 'plain') return { span: [tokens[x.token]!.start, tokens[y.token]!.end], target: y.target };
    }
    return null;
  }
  // Dense features: the word that set the maximum.
  const lex = /^\$lex-(insult|profanity|identityAttack|threat|toxicity)(?:-(you|group|named|idea))?$/.exec(feature);
  if (lex) {
    const cat = lex[1] as TermCategory;
    let best: WordReading | null = null;
    for (const r of readings) if (r.mode === 'plain' && (!lex[2] || r.target === lex[2]) && r.lex[cat] > (best?.lex[cat] ?? 0)) best = r;
    return best ? at(best) : null;
  }
  const ws = /^\$ws-(max|top2|you|group|named|idea)$/.exec(feature);
  if (ws) {
    const target = ws[1] === 'max' || ws[1] === 'top2' ? null : ws[1];
    let best: WordReading | null = null;
    // The word that set the feature: a plain content word (commentFeatures reads no function word's score, overall or
    // aimed; until session 19 "my" or "you" could be shown for a maximum some other word set) scoring above the typical
    // word (r.ws > 0: a word at or below `center` never sets a word-score maximum).
    for (const r of readings) if (r.mode === 'plain' && isContentWord(r.norm) && (target === null || r.target === target) && r.ws > (best?.ws ?? 0)) best = r;
    return best ? at(best) : null;
  }
  return null;
}

/**
 * The phrases to highlight in a comment its span rule opens (the caller checks): words the span model scores at least
 * `marked`, when the comment's best word reaches `gateWord` (a word between `marked` and `gateWord` is
 * highlighted only beside a surer one in the same comment); neighbouring marked words merge into one span, never
 * across a sentence end. Each span's attribute is its words' lexicon category if any, else the
 * comment's strongest specific attribute.
 */
function highlight(input: string, tokens: readonly Token[], readings: readonly WordReading[], models: ModerationModels, scores: Record<ModerationAttribute, number>, rule: SpanRule): ModerationSpan[] {
  const { marked, gateWord } = rule;
  if (readings.length === 0) return [];
  // Never a word the writer does not say as abuse of a person (`spanVetoes`: aimed at an idea unless a word beside it in
  // the comment is highlighted, quoted as reported speech or a mention, named by a naming verb, a denied predicate), whatever the comment's scores (since session 16;
  // until then a quoted or denied word was scored and the comment gate alone kept most such comments dark). A comment
  // the span rule keeps closed (with `spans: 'flagged'` any comment that flags nothing) has no spans.
  const context = spanReading(readings, input, tokens);
  const veto = spanVetoes(input, tokens, readings);
  // A plain word aimed at an idea ("a stupid plan") is scored since session 23 but shown only beside the highlight of a
  // word that is not: a comment that only criticises a policy shows nothing, one that also abuses a person shows both,
  // as SemEval-2021's raters mark them (out of fold on span-cv's pooled grid, docs/moderation.md session 23).
  const idea = readings.map((r) => r.target === 'idea' && r.mode === 'plain');
  const p = spanScores(models.spans, readings, context, (k) => veto[k]! && !idea[k]!);
  if (maxOf(p) < gateWord) return [];
  // Adjacent highlighted words merge; a word under `marked` between two of them is not bridged (a function word was until
  // session 17: out of fold the bridged words were more often outside the SemEval-2021 gold than in it, docs/moderation.md).
  const on = p.map((x) => x >= marked);
  if (!on.some((o, k) => o && !idea[k])) return [];
  const out: ModerationSpan[] = [];
  let k = 0;
  while (k < readings.length) {
    if (!on[k]) {
      k++;
      continue;
    }
    let j = k;
    while (j + 1 < readings.length && on[j + 1] && !SENTENCE_BREAK.test(input.slice(tokens[readings[j]!.token]!.end, tokens[readings[j + 1]!.token]!.start))) j++;
    const start = tokens[readings[k]!.token]!.start;
    const end = tokens[readings[j]!.token]!.end;
    let score = 0;
    for (let m = k; m <= j; m++) score = Math.max(score, p[m]!);
    out.push({ span: [start, end], text: input.slice(start, end), attribute: spanAttribute(readings.slice(k, j + 1), scores), score: round(score) });
    k = j + 1;
  }
  return out;
}

const SPECIFIC: readonly ModerationAttribute[] = ['insult', 'profanity', 'identityAttack', 'threat'];

function spanAttribute(words: readonly WordReading[], scores: Record<ModerationAttribute, number>): ModerationAttribute {
  let best: ModerationAttribute = 'toxicity';
  let weight = 0;
  for (const w of words) {
    for (const a of SPECIFIC) {
      if (w.lex[a] > weight) {
        weight = w.lex[a];
        best = a;
      }
    }
  }
  if (weight > 0) return best;
  let top = 0;
  for (const a of SPECIFIC) {
    if (scores[a] > top) {
      top = scores[a];
      best = a;
    }
  }
  return top >= 0.3 ? best : 'toxicity';
}
