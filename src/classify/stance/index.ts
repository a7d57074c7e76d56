import type { StanceResult, TargetInput } from '../../schema/classify.js';
import type { Evidence } from '../../schema/common.js';
import { ThreadlensOptionError } from '../../errors.js';
import type { Token } from '../../text/tokenize.js';
import { wordTokens } from '../../text/word-tokens.js';
import { isContent, isNegator } from '../../text/word-lists.js';
import { CHANGE_WORDS } from './lexicon.js';
import { lastPluralTarget, linkPronouns, PLURAL_PRONOUNS, type TargetMention } from './pronouns.js';
import { explain, predict, weightTable, type LinearModel as ShippedModel } from '../../learn/model.js';
import { scoreSentiment } from '../sentiment/index.js';
import { normWord, targetFeatures, toneOf, type StanceFeatureSet, type Tone, type WordRange } from './features.js';
import { findHolderAttack, type HolderAttack } from './holders.js';
import shippedData from './stance.model.json' with { type: 'json' };

/** The shipped target-conditioned stance model (see docs/stance.md and scripts/train/train-stance.ts). */
const STANCE_MODEL = shippedData as unknown as ShippedModel;
/** Word features the shipped model has no weight for change nothing: they are not built (see `targetFeatures`). */
const modelKnows = (name: string): boolean => weightTable(STANCE_MODEL).has(name);
/** Whether the shipped model has target-tied (`t:`) features at all; else their names are not built. */
const MODEL_TARGET_TIED = Object.keys(STANCE_MODEL.weights).some((k) => k.startsWith('t:'));

export { summarizeStances, type StanceSummary } from './summary.js';

export type StanceLabel = StanceResult['label'];

export interface ClassifyStanceOptions {
  /** Extra evaluative words (word -> -5..5), merged over AFINN. Default none. */
  lexicon?: Record<string, number>;
  /** The text this one replies to: a plural pronoun in the reply's first sentence ("Kick them out") may refer
   * to the parent's last target mention ("American troops"). Default none. */
  parentText?: string | null;
  /** Give a stance toward targets the text never names, from its overall tone (marked `implicit: true`).
   * Default true; false keeps only targets the text names. */
  implicit?: boolean;
  /** The text is a comment in the thread whose subject the targets are (the pipeline sets this for posts): a
   * comment on the article is about its subject even when it never names it. Default false: a long text that never
   * uses a word of a target it does not name is taken as about something else (neutral toward it, see
   * {@link isOffTopic}). */
  anchored?: boolean;
}

interface NormTarget {
  name: string;
  forms: string[][];
  /** Prefixes of the name's distinctive words ("clinto", "atheis"): a loose mention. */
  stems: string[];
  change: boolean;
  /** {@link stanceTargetKey} of the name. */
  key: string;
  /** The first letters of the name's and aliases' content words (see {@link isOffTopic}). */
  touch: string[];
}

// Name words too general to mark a mention on their own.
const GENERIC_NAME_WORDS = new Set(['movement', 'concern', 'real', 'issue', 'policy', 'state', 'states', 'united', 'people', 'government', 'party', 'president', 'minister', 'revision', 'change', 'changes', 'legalization', 'legalisation', 'alliance', 'agreement', 'forces', 'military', 'national', 'public', 'world', 'first', 'great', 'rights', 'right', 'other']);


/** Splits a target name or alias into comparable words. */
function formWords(s: string): string[] {
  return wordTokens(s)
    .filter((t) => t.kind !== 'punct')
    .map((t) => normWord(t.text))
    .filter((w) => w.length > 0);
}

// Words that end a noun phrase's head part: in "legalization of abortion" the head is before "of".
const HEAD_BREAKS = new Set(['of', 'for', 'on', 'in', 'to', 'against', 'about']);

/**
 * The words of a name that name the thing on their own: every word of a one-word name or of a person's name
 * ("Clinton" of "Hillary Clinton"), else the head, the last word before any "of"-like link ("closure" of
 * "bridge closure", "legalization" of "legalization of abortion"). A modifier alone names something else:
 * "I cross that bridge twice a day" is not about the bridge closure, whose stance is read off the whole post.
 */
function headWords(ws: readonly string[]): string[] {
  if (ws.length <= 1) return ws.slice();
  const cut = ws.findIndex((w) => HEAD_BREAKS.has(w));
  const head = cut > 0 ? ws.slice(0, cut) : ws.slice();
  return [head[head.length - 1]!];
}

function normTargets(targets: readonly TargetInput[]): NormTarget[] {
  if (!Array.isArray(targets)) throw new ThreadlensOptionError('targets', targets, 'must be an array of { name, aliases }');
  return targets.map((t, i) => {
    if (t === null || typeof t !== 'object' || typeof t.name !== 'string' || t.name.length === 0) {
      throw new ThreadlensOptionError(`targets[${i}]`, t, 'must be an object with a non-empty name');
    }
    const aliases = t.aliases ?? [];
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) throw new ThreadlensOptionError(`targets[${i}].aliases`, aliases, 'must be an array of strings');
    // The same target object read again (every post of a thread): its reading, when its name and aliases are unchanged.
    const hit = BY_OBJECT.get(t);
    if (hit !== undefined && hit.name === t.name && sameStrings(hit.aliases, aliases)) return hit.norm;
    const norm = normTarget(t.name, aliases);
    BY_OBJECT.set(t, { name: t.name, aliases: aliases.slice(), norm });
    return norm;
  });
}

const BY_OBJECT = new WeakMap<object, { name: string; aliases: string[]; norm: NormTarget }>();

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// The targets of a thread are read again for every post: each name's reading is kept (a few hundred at most).
const NORMED = new Map<string, NormTarget>();
const NORMED_MAX = 256;

function normTarget(name: string, aliases: readonly string[]): NormTarget {
  const cacheKey = JSON.stringify([name, ...aliases]);
  const hit = NORMED.get(cacheKey);
  if (hit !== undefined) return hit;
  const forms = [name, ...aliases].map(formWords).filter((f) => f.length > 0);
  const nameWords = formWords(name);
  const change = nameWords.some((w) => CHANGE_WORDS.has(w));
  // A change target ("SOFA revision") is also named by its object ("SOFA"), when a change word is near.
  const stems = headWords(nameWords)
    .filter((w) => w.length >= 5 && !GENERIC_NAME_WORDS.has(w) && !CHANGE_WORDS.has(w))
    .map((w) => w.slice(0, 6));
  const touch = [name, ...aliases].flatMap((f) => wordTokens(f).filter(isContent).map((t) => normWord(t.text).slice(0, TOUCH_PREFIX)));
  const out: NormTarget = { name, forms, stems, change, key: nameWords.join(' '), touch: [...new Set(touch.filter((w) => w.length > 0))] };
  if (NORMED.size >= NORMED_MAX) NORMED.clear();
  NORMED.set(cacheKey, out);
  return out;
}

/**
 * A text longer than this many words that never uses a word of a target it does not name is about something else
 * (unless `anchored`): the 95th percentile length of the FanChuan comments (may ship) that favour or oppose their
 * thread's subject without naming it (50 words; see docs/stance.md). Shorter texts are reactions, read by their tone.
 */
export const OFF_TOPIC_WORDS = 50;
// A word of the target is "used" when the text has a word with the same first letters ("guns" for "gun control").
const TOUCH_PREFIX = 5;

/**
 * Whether the text (its words, normalised) is off the topic of `target`, which it never names: longer than
 * {@link OFF_TOPIC_WORDS} words and using none of the target's content words, even by their first five letters.
 */
function offTopic(norm: readonly string[], target: NormTarget): boolean {
  if (norm.length <= OFF_TOPIC_WORDS || target.touch.length === 0) return false;
  for (const w of norm) {
    const p = w.slice(0, TOUCH_PREFIX);
    if (target.touch.includes(p)) return false;
  }
  return true;
}

/** {@link offTopic} of a bare text toward one target it never names (for evaluation). */
export function isOffTopic(text: string, target: TargetInput): boolean {
  const words = wordTokens(text).filter((t) => t.kind !== 'punct');
  const [t] = normTargets([target]);
  return offTopic(words.map((w) => normWord(w.text)), t!);
}

/** Key for looking a target up in a model. */
export function stanceTargetKey(name: string): string {
  return formWords(name).join(' ');
}

interface Mention {
  from: number;
  to: number;
  /** Set when the mention is a pronoun resolved to the target: the evidence cue. */
  pronoun?: string;
}

function findMentions(words: readonly Token[], norm: readonly string[], target: NormTarget): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    let best = 0;
    for (const f of target.forms) {
      if (f.length <= best || i + f.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < f.length; k++) {
        if (norm[i + k] !== f[k]) {
          ok = false;
          break;
        }
      }
      if (ok) best = f.length;
    }
    if (best === 0 && target.stems.some((st) => norm[i]!.startsWith(st))) best = 1;
    if (best > 0) {
      out.push({ from: i, to: i + best });
      i += best - 1;
    }
  }
  if (target.change) {
    // The object of a change target ("SOFA" of "SOFA revision") counts when a change word is within 4 words.
    const objects = target.forms.map((f) => f.filter((w) => !CHANGE_WORDS.has(w))).filter((f) => f.length > 0);
    for (let i = 0; i < words.length; i++) {
      if (!CHANGE_WORDS.has(norm[i]!)) continue;
      for (let j = Math.max(0, i - 5); j < Math.min(words.length, i + 5); j++) {
        if (objects.some((f) => f.every((w, k) => norm[j + k] === w)) && !out.some((m) => m.from <= i && i < m.to)) {
          out.push({ from: i, to: i + 1 });
          break;
        }
      }
    }
    out.sort((a, b) => a.from - b.from);
  }
  return out;
}

/** Sentence number of each word: a word ends a sentence when . ! ? or a line break follows it. */
function sentenceIndex(text: string, words: readonly Token[]): number[] {
  const out: number[] = [];
  let sid = 0;
  for (let i = 0; i < words.length; i++) {
    out.push(sid);
    const end = words[i + 1]?.start ?? words[i]!.end;
    for (let k = words[i]!.end; k < end; k++) {
      const c = text[k];
      if (c === '.' || c === '!' || c === '?' || c === '\n') {
        sid++;
        break;
      }
    }
  }
  return out;
}

/** The mentions as evidence (cue `mention`, or the pronoun's cue), one per span, in order. */
function mentionEvidence(text: string, words: readonly Token[], mentions: readonly Mention[]): Evidence[] {
  const evidence: Evidence[] = [];
  const spans = new Set<string>();
  for (const m of mentions) {
    const s = words[m.from]!.start;
    const e = words[m.to - 1]!.end;
    const key = `${s}:${e}`;
    if (spans.has(key)) continue;
    spans.add(key);
    evidence.push({ span: [s, e], text: text.slice(s, e), cue: m.pronoun ?? 'mention' });
  }
  return evidence;
}

/**
 * Mentions of every target, plus plural pronouns resolved to a target named just before ("American troops
 * ... Kick them out") or, in a reply's first sentence, to the parent's last plural target mention.
 */
function allMentions(words: readonly Token[], norm: readonly string[], targets: readonly NormTarget[], sentenceOf: readonly number[], parentText: string | null): Mention[][] {
  const per = targets.map((t) => findMentions(words, norm, t) as Mention[]);
  const flat: TargetMention[] = per.flatMap((ms, target) => ms.map((m) => ({ target, from: m.from, to: m.to })));
  // No plural pronoun, nothing to resolve (the parent is only read for a pronoun's antecedent).
  if (!norm.some((w) => PLURAL_PRONOUNS.has(w))) return per;
  let parentLast: number | null = null;
  if (parentText) {
    const pw = wordTokens(parentText).filter((t) => t.kind !== 'punct');
    const pn = pw.map((t) => normWord(t.text));
    const pm = targets.flatMap((t, target) => findMentions(pw, pn, t).map((m) => ({ target, from: m.from, to: m.to })));
    parentLast = lastPluralTarget(pn, pm, (i) => isContent(pw[i]!));
  }
  const links = linkPronouns(norm, flat, sentenceOf, (i) => isContent(words[i]!), parentLast);
  if (links.length === 0) return per;
  // A pronoun is never inside a name, so it never overlaps a mention of its own target.
  const touched = new Set<number>();
  for (const link of links) {
    const cue = `pronoun:${norm[link.at]} -> ${targets[link.target]!.name}${link.fromParent ? ' (parent)' : ''}`;
    per[link.target]!.push({ from: link.at, to: link.at + 1, pronoun: cue });
    touched.add(link.target);
  }
  for (const t of touched) per[t]!.sort((a, b) => a.from - b.from);
  return per;
}

function normLabel(l: unknown): StanceLabel | null {
  const s = String(l).toLowerCase();
  if (s === 'favor' || s === 'favour') return 'favor';
  if (s === 'against') return 'against';
  if (s === 'neutral' || s === 'none') return 'neutral';
  return null;
}

/** A change target denied or predicted not to happen near a mention ("zero changes to SOFA", "won't revise"): the target's own negation, the strongest against cue (twice a call to action). */
function negatedChangeCues(words: readonly Token[], norm: readonly string[], target: NormTarget, mentions: readonly Mention[], sentenceOf: readonly number[]): Array<{ name: string; polarity: number; words: number[] }> {
  if (!target.change) return [];
  for (const m of mentions) {
    for (let i = Math.max(0, m.from - 1); i < Math.min(words.length, m.to + 1); i++) {
      if (!CHANGE_WORDS.has(norm[i]!)) continue;
      for (let k = Math.max(0, i - 3); k < i; k++) {
        if (sentenceOf[k] === sentenceOf[i] && isNegator(words[k]!)) return [{ name: '~negated-change', polarity: -6, words: [k, i] }];
      }
    }
  }
  return [];
}

/** Evidence words per feature, at most this many features. */
const EVIDENCE_FEATURES = 3;

/** The shipped model's verdict on one feature set; evidence: the mentions, then the words behind the features that decided it. */
function modelStance(model: ShippedModel, fs: StanceFeatureSet, text: string, words: readonly Token[], target: string, mentionEvidence: Evidence[]): StanceResult {
  const probs = predict(model, fs.features);
  let best = 0;
  for (let l = 1; l < probs.length; l++) if (probs[l]! > probs[best]!) best = l;
  const label = normLabel(model.labels[best]) ?? 'neutral';
  const evidence: Evidence[] = [...mentionEvidence];
  const seen = new Set(evidence.map((e) => `${e.span[0]}:${e.span[1]}`));
  let used = 0;
  if (label !== 'neutral') {
    for (const c of explain(model, fs.features, best)) {
      if (used >= EVIDENCE_FEATURES || c.amount <= 0) break;
      const src = fs.sources.get(c.feature) ?? [];
      if (src.length === 0) continue;
      used++;
      for (const i of src.slice(0, 4)) {
        const tok = words[i]!;
        const key = `${tok.start}:${tok.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        evidence.push({ span: [tok.start, tok.end], text: text.slice(tok.start, tok.end), cue: `model:${c.feature}` });
      }
    }
  }
  evidence.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  const result: StanceResult = { target, label, confidence: round(probs[best]!), evidence };
  if (fs.implicit) result.implicit = true;
  return result;
}

/**
 * Target-relative features of `text` toward `target`, the way `classifyStance` computes them for the shipped
 * model: mentions found by name, alias or pronoun, or, when `at` is given, exactly those character ranges
 * (a training set's gold mentions). For training and inspection. `scoreOf` replaces the shipped sentiment
 * scorer (the training scripts read a training row with upstream models fit without it: cross-fitting).
 */
export function stanceFeatureSet(text: string, target: TargetInput, at?: ReadonlyArray<readonly [number, number]>, scoreOf: (text: string) => Tone = toneOf): StanceFeatureSet {
  const str = typeof text === 'string' ? text : String(text ?? '');
  const words = wordTokens(str).filter((t) => t.kind !== 'punct');
  const norm = words.map((t) => normWord(t.text));
  let ranges: WordRange[] = [];
  if (at) {
    ranges = [];
    for (const [s, e] of at) {
      let from = -1;
      let to = -1;
      words.forEach((w, i) => {
        if (w.end > s && w.start < e) {
          if (from < 0) from = i;
          to = i + 1;
        }
      });
      if (from >= 0) ranges.push({ from, to });
    }
  }
  const [t] = normTargets([target]);
  const sentenceOf = sentenceIndex(str, words);
  if (!at) ranges = allMentions(words, norm, [t!], sentenceOf, null)[0]!;
  return targetFeatures(str, words, norm, ranges, null, stanceTargetKey(target.name), negatedChangeCues(words, norm, t!, ranges, sentenceOf), scoreOf);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Stance of `text` toward each target: favor | against | neutral, with a confidence and the evidence (the
 * mentions and the words that decided it). The shipped target-conditioned model reads the clause that names
 * the target; a target the text never names gets a stance from the post's overall tone, marked
 * `implicit: true` (unless `implicit: false`).
 */
export function classifyStance(text: string, targets: readonly TargetInput[], options: ClassifyStanceOptions = {}): StanceResult[] {
  return classifyStanceScored(text, targets, options, undefined);
}

/**
 * {@link classifyStance} given a way to read the built-in sentiment score of the whole `text` when the caller has it
 * (the pipeline's shared analysis), so the implicit stance does not score the text again; every text (post or
 * clause) is scored at most once per call, however many targets. `words`, when given, are `wordTokens(text)`
 * (the caller's shared reading of the text).
 */
export function classifyStanceScored(text: string, targets: readonly TargetInput[], options: ClassifyStanceOptions, textScore: (() => Tone) | undefined, words?: readonly Token[]): StanceResult[] {
  return classifyStanceGroups(text, [{ targets, implicit: options?.implicit !== false }], options, textScore, words)[0]!;
}

/** Targets read together: pronouns resolve among them; `implicit: false` keeps only the ones the text names. */
export interface StanceGroup {
  targets: readonly TargetInput[];
  implicit: boolean;
}

/**
 * {@link classifyStanceScored} for several groups of targets over one reading of `text` (its words, sentences,
 * sentiment scores and scorn of holders): the same results as one call per group (`options.implicit` is
 * each group's own), in group order.
 */
export function classifyStanceGroups(text: string, groups: readonly StanceGroup[], options: ClassifyStanceOptions, textScore: (() => Tone) | undefined, words?: readonly Token[]): StanceResult[][] {
  if (options === null || typeof options !== 'object') throw new ThreadlensOptionError('options', options, 'must be an object');
  if (options.lexicon !== undefined && (options.lexicon === null || typeof options.lexicon !== 'object' || Object.values(options.lexicon).some((v) => typeof v !== 'number' || !Number.isFinite(v)))) {
    throw new ThreadlensOptionError('lexicon', options.lexicon, 'must map words to finite numbers');
  }
  if (options.anchored !== undefined && typeof options.anchored !== 'boolean') throw new ThreadlensOptionError('anchored', options.anchored, 'must be a boolean');
  if (options.parentText !== undefined && options.parentText !== null && typeof options.parentText !== 'string') throw new ThreadlensOptionError('parentText', options.parentText, 'must be a string or null');
  const normed = groups.map((g) => normTargets(g.targets));
  if (normed.every((n) => n.length === 0)) return normed.map(() => []);
  const str = typeof text === 'string' ? text : String(text ?? '');
  const ws = (words ?? wordTokens(str)).filter((t) => t.kind !== 'punct');
  const norm = ws.map((t) => normWord(t.text));
  const lexicon = options.lexicon ? Object.fromEntries(Object.entries(options.lexicon).map(([k, v]) => [k.toLowerCase(), v])) : null;
  const sentenceOf = sentenceIndex(str, ws);
  const parentText = typeof options.parentText === 'string' ? options.parentText : null;
  // Each text the features score (the post, a clause holding a target) is scored once per call.
  const scored = new Map<string, Tone>();
  const scoreOf = (part: string): Tone => {
    let s = scored.get(part);
    if (s === undefined) {
      s = part === str && textScore ? textScore() : toneOf(part);
      scored.set(part, s);
    }
    return s;
  };
  const attack = findHolderAttack(str, ws, norm, sentenceOf, lexicon);
  return groups.map((group, gi) => {
    const norms = normed[gi]!;
    const out: StanceResult[] = [];
    if (norms.length === 0) return out;
    const mentions = allMentions(ws, norm, norms, sentenceOf, parentText);
    for (const [ti, t] of norms.entries()) {
      const ms = mentions[ti]!;
      if (ms.length === 0 && !group.implicit) continue;
      if (ms.length === 0 && options.anchored !== true && offTopic(norm, t)) {
        out.push({ target: t.name, label: 'neutral', confidence: OFF_TOPIC_CONFIDENCE, evidence: [], implicit: true });
        continue;
      }
      const features = targetFeatures(str, ws, norm, ms, lexicon, MODEL_TARGET_TIED ? t.key : '', negatedChangeCues(ws, norm, t, ms, sentenceOf), scoreOf, modelKnows);
      const evidence = mentionEvidence(str, ws, ms);
      const result = modelStance(STANCE_MODEL, features, str, ws, t.name, evidence);
      out.push((attack && againstHolders(str, ws, attack, group.targets[ti]!, t.name, options, result, evidence)) || result);
    }
    return out;
  });
}

/** Confidence of the neutral stance of an off-topic text (a length rule, not a model's probability). */
const OFF_TOPIC_CONFIDENCE = 0.6;

/** A scorned view's tone must be at least this far from 0 (sentiment score, -1..1) to take a side. */
const VIEW_TONE = 0.05;
/** Confidence kept when the stance is the opposite of a scorned view's. */
const HOLDER_CONFIDENCE = 0.8;

/**
 * The stance of a post that scorns the holders of a view ("anyone who thinks the fee is a rip-off is an idiot"):
 * the opposite of the view's own stance toward the target, read by the same model on the view's words. Null when
 * the view takes no side (the post's own reading stands).
 */
function againstHolders(text: string, words: readonly Token[], attack: HolderAttack, target: TargetInput, name: string, options: ClassifyStanceOptions, own: StanceResult, mentionEvidence: Evidence[]): StanceResult | null {
  const start = words[attack.view.from]!.start;
  const view = text.slice(start, words[attack.view.to - 1]!.end);
  // The view's own stance toward the target when it names it; else its tone (a view stated in a few words,
  // "voted yes on this", "thinks the fee is a rip-off", is for or against by its sign).
  const [named] = classifyStanceScored(view, [target], { lexicon: options.lexicon, implicit: false }, undefined);
  let held: { label: StanceLabel; confidence: number } | null = named && named.label !== 'neutral' ? named : null;
  if (held === null) {
    const tone = scoreSentiment(view).score;
    if (Math.abs(tone) < VIEW_TONE) return null;
    held = { label: tone > 0 ? 'favor' : 'against', confidence: Math.min(1, 0.5 + Math.abs(tone)) };
  }
  const vs = words[attack.verdict.from]!.start;
  const ve = words[attack.verdict.to - 1]!.end;
  const evidence: Evidence[] = [...mentionEvidence, { span: [start, start + view.length], text: view, cue: `scorns-holders-of:${held.label}` }, { span: [vs, ve], text: text.slice(vs, ve), cue: 'scorn' }];
  evidence.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  const result: StanceResult = { target: name, label: held.label === 'favor' ? 'against' : 'favor', confidence: round(held.confidence * HOLDER_CONFIDENCE), evidence };
  if (own.implicit) result.implicit = true;
  return result;
}
