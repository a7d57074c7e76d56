import type { Evidence } from '../../schema/common.js';
import type { ReplyStance } from '../../schema/classify.js';
import { explain, predict, type LinearModel } from '../../learn/model.js';
import { tokenize, type Token } from '../../text/tokenize.js';
import { scoreSentiment } from '../sentiment/index.js';
import { detectActs, type Act } from './index.js';
import modelData from './reply-stance.model.json' with { type: 'json' };

/** The reply-stance model, fit on RumourEval 2017 train (PHEME, CC BY 4.0) by scripts/train/train-reply-stance.ts. */
const REPLY_MODEL = modelData as unknown as LinearModel;

// Words that call the parent's claim false, unproven or fake.
const DENY =
  /\b(?:fake|hoax|not true|untrue|false|lie|lies|lying|liar|rumou?rs?|debunked|misinformation|wrong|nonsense|bs|bullshit|not confirmed|unconfirmed|no evidence|no proof|didn'?t happen|never happened|not (?:a|an|the) |isn'?t|wasn'?t|aren'?t|not real|made up|propaganda|doubt|don'?t believe|stop spreading|irresponsible|speculation|speculating|jumping to conclusions)\b/i;
// Words that back the parent's claim: confirmation, sourcing, repetition of the news.
const SUPPORT =
  /\b(?:confirmed|confirms|true|indeed|exactly|agreed?|yes|breaking|officially|reports?|reported|reporting|according to|sources? say|just in|update|developing|live|latest|it'?s official|police say|rip|pray|praying|prayers|thoughts are with|sad|tragic|heartbreaking|condolences)\b/i;
// Asking for facts or evidence.
// (Checked together with a "?" in the text: a "[^?]*\?" tail would make the regex quadratic.)
const QUERY = /\b(?:source|proof|evidence|confirmed|true|real|really|is (?:this|it|that)|are (?:they|you) sure|any (?:update|news|info)|what happened|who|why|how|when|where|what)\b/i;

/**
 * What the caller already knows of the reply. `sentiment`: `scoreSentiment(text).score` (the pipeline's shared
 * per-post score), used when no quoted copy of the parent is blanked out of the text. Default: scored here.
 */
export interface ReplyKnown {
  sentiment?: number;
}

/**
 * Stance of a reply toward its parent, as in RumourEval: `support` (backs the parent's claim), `deny`
 * (disputes it), `query` (asks about it) or `comment` (none of these). Evidence spans are relative to `text`.
 */
export function classifyReplyStance(text: string, parentText: string, known: ReplyKnown = {}): ReplyStance {
  const input = typeof text === 'string' ? text : '';
  const { rule, features, sources } = replyStanceFeatures(input, parentText, known);
  const probs = predict(REPLY_MODEL, features);
  let best = 0;
  for (let l = 1; l < probs.length; l++) if (probs[l]! > probs[best]!) best = l;
  const label = REPLY_MODEL.labels[best] as ReplyStance['label'];
  const confidence = Math.round(probs[best]! * 1000) / 1000;
  // Evidence: the rule's cue when it agrees; otherwise the words that pushed the model's label most.
  if (rule.label === label) return { label, confidence, evidence: rule.evidence };
  const evidence: Evidence[] = [];
  for (const c of explain(REPLY_MODEL, features, best)) {
    if (evidence.length >= 3 || c.amount <= 0) break;
    const span = sources.get(c.feature);
    if (span) evidence.push({ span, text: input.slice(span[0], span[1]), cue: `model:${c.feature}` });
  }
  return { label, confidence, evidence };
}

/**
 * Features of a reply for the reply-stance model: the rules' verdict, the reply's own words (a quoted copy of
 * the parent and @handles left out), its acts, a question mark, its sentiment, and how much of it repeats the
 * parent. `sources` gives the span of the first word behind each word feature.
 */
export function replyStanceFeatures(text: string, parentText: string, known: ReplyKnown = {}): { rule: ReplyStance; features: Map<string, number>; sources: Map<string, [number, number]> } {
  const input = typeof text === 'string' ? text : '';
  const parent = typeof parentText === 'string' ? parentText : '';
  // One reading of the reply for the rules and the features: its acts, its own text (a quoted copy of the
  // parent blanked) and that text's words.
  const acts = detectActs(input, { parentText: parent });
  const quoted = quotedParent(input);
  const own = quoted ? input.slice(0, quoted.index) + ' '.repeat(quoted[0].length) + input.slice(quoted.index + quoted[0].length) : input;
  const tokens = tokenize(own);
  const overlap = wordOverlap(tokens, parent);
  const rule = ruleReplyStance(input, own, quoted, acts, overlap);
  const features = new Map<string, number>();
  const sources = new Map<string, [number, number]>();
  const add = (name: string, value = 1): void => {
    if (value !== 0) features.set(name, (features.get(name) ?? 0) + value);
  };
  add(`~rule:${rule.label}`);
  const seen = new Set<string>();
  let words = 0;
  for (const t of tokens) {
    if (t.kind === 'mention') continue;
    if (t.kind === 'url') {
      add('~url');
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'hashtag' && t.kind !== 'emoji') continue;
    words++;
    const name = `w:${t.norm}`;
    if (seen.has(name)) continue;
    seen.add(name);
    add(name);
    sources.set(name, [t.start, t.end]);
  }
  if (own.includes('?')) add('~question-mark');
  for (const a of acts) add(`~act:${a.act}`);
  // The text's own score when nothing was blanked out of it (the same text, so the same score).
  const sentiment = own === input && typeof known.sentiment === 'number' ? known.sentiment : scoreSentiment(own).score;
  add('~sentiment', Math.round(sentiment * 1000) / 1000);
  add('~overlap', overlap.mine > 0 ? Math.round((overlap.shared / overlap.mine) * 1000) / 1000 : 0);
  add(words <= 3 ? '~short' : words <= 12 ? '~medium' : '~long');
  return { rule, features, sources };
}

/** How many of the reply's distinct longer words (over three letters) there are, and how many the parent uses too. */
function wordOverlap(tokens: readonly Token[], parent: string): { mine: number; shared: number } {
  const mine = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && t.norm.length > 3) mine.add(t.norm);
  const theirs = parentWords(parent);
  let shared = 0;
  for (const w of mine) if (theirs.has(w)) shared++;
  return { mine: mine.size, shared };
}

// A parent is read once for all its replies (the last few parents' word sets are kept).
const PARENT_WORDS = new Map<string, Set<string>>();
const PARENT_WORDS_MAX = 64;

function parentWords(parent: string): Set<string> {
  const hit = PARENT_WORDS.get(parent);
  if (hit !== undefined) return hit;
  const out = new Set<string>();
  for (const t of tokenize(parent)) if (t.kind === 'word' && t.norm.length > 3) out.add(t.norm);
  if (PARENT_WORDS.size >= PARENT_WORDS_MAX) PARENT_WORDS.clear();
  PARENT_WORDS.set(parent, out);
  return out;
}

/** The cue rules alone (acts, cue lists, word overlap): a feature of the model. `own` is `text` with a quoted copy of the parent blanked. */
function ruleReplyStance(text: string, own: string, quoted: { index: number; 0: string } | null, acts: readonly Act[], overlap: { mine: number; shared: number }): ReplyStance {
  const input = text;
  const ev = (from: number, to: number, cue: string): Evidence => ({ span: [from, to], text: input.slice(from, to), cue });

  const questions = acts.filter((a) => a.act === 'question' || a.act === 'rhetorical-question');
  const q = own.includes('?') ? QUERY.exec(own) : null;
  if (questions.some((a) => a.act === 'question') || (q && questions.length > 0)) {
    const a = questions[0];
    const span: [number, number] = a ? a.evidence.span : [q!.index, q!.index + q![0].length];
    return { label: 'query', confidence: a?.act === 'question' ? 0.7 : 0.55, evidence: [ev(span[0], span[1], a ? `act:${a.act}` : 'query')] };
  }
  const disagree = acts.find((a) => a.act === 'disagreement');
  // A concession with no disagreement ("My mistake", "I stand corrected", "Fair enough, I was wrong") accepts the
  // parent's point: it backs the parent, though its words ("wrong") would read as a denial.
  const concede = disagree ? undefined : acts.find((a) => a.act === 'concession');
  if (concede) return { label: 'support', confidence: 0.6, evidence: [concede.evidence] };
  const deny = DENY.exec(own);
  if (disagree || deny) {
    const span: [number, number] = disagree ? disagree.evidence.span : [deny!.index, deny!.index + deny![0].length];
    return { label: 'deny', confidence: disagree ? 0.65 : 0.5, evidence: [ev(span[0], span[1], disagree ? 'act:disagreement' : `deny:${deny![0].toLowerCase()}`)] };
  }
  const agree = acts.find((a) => a.act === 'agreement');
  const support = SUPPORT.exec(own);
  if (agree || support || quoted) {
    if (agree) return { label: 'support', confidence: 0.65, evidence: [agree.evidence] };
    if (support) return { label: 'support', confidence: 0.5, evidence: [ev(support.index, support.index + support[0].length, `support:${support[0].toLowerCase()}`)] };
    return { label: 'support', confidence: 0.45, evidence: [ev(quoted!.index, quoted!.index + quoted![0].length, 'quotes-parent')] };
  }
  // Repeating the parent's words without questioning them backs it.
  if (overlap.mine >= 3 && overlap.shared / overlap.mine >= 0.5) {
    return { label: 'support', confidence: 0.4, evidence: [] };
  }
  return { label: 'comment', confidence: 0.5, evidence: [] };
}

const QUOTE_OPEN = /[\u201c"]@[\p{L}\p{N}_]+:/u;

/** A retweet-style quote of another post: `“@BBC: ...”` up to its closing quote (or the end). */
function quotedParent(text: string): { index: number; 0: string } | null {
  const open = QUOTE_OPEN.exec(text);
  if (!open) return null;
  const from = open.index + open[0].length;
  let close = text.indexOf('\u201d', from);
  const plain = text.indexOf('"', from);
  if (close < 0 || (plain >= 0 && plain < close)) close = plain;
  const end = close < 0 ? text.length : close + 1;
  return { index: open.index, 0: text.slice(open.index, end) };
}
