/**
 * The comment-stance layer, measured in session 24 and not shipped (docs/stance.md, "session 24 (stance24)"): it
 * raised the comment-stance corpus's held-out file and blind 01-16 but lowered the eval threads' stance. Its
 * features: what the thread pipeline already knows about a post's side on
 * one target, read again by a small model fit on reader comments (scripts/train/data/comment-stance/). Dense inputs:
 * the pipeline's label and confidence, the post's sentiment label and score, whether the post names the target,
 * whether it is a reply (and its reply stance and its parent's side), and which rule gave the side (the cue's kind);
 * plus a sparse layer of the post's content words (`w:`), each binary.
 */
import type { StanceResult } from '../../../src/schema/classify.js';
import { predict, type LinearModel } from '../../../src/learn/model.js';
import { STOPWORDS } from '../../../src/text/word-lists.js';

/** The prefix of the layer's word features. */
export const LAYER_WORD_PREFIX = 'w:';

/** What the layer reads of one post and one target. */
export interface LayerInput {
  text: string;
  sentiment: { label: string; score: number } | null;
  stance: { label: 'favor' | 'against' | 'neutral'; confidence: number; implicit?: boolean; evidence: ReadonlyArray<{ cue: string }> };
  reply: boolean;
  replyStance: string | null;
  parentSide: 'favor' | 'against' | 'neutral' | null;
}

/** The kind of rule or reading behind a stance, from its first evidence cue. */
export function cueKind(evidence: ReadonlyArray<{ cue: string }>): string {
  for (const e of evidence) {
    const c = e.cue;
    if (c === 'mention') continue;
    const head = c.split(':')[0]!;
    return head;
  }
  return evidence.length > 0 ? 'mention' : 'none';
}

/** The content words of a text: lower-cased runs of letters (and inner apostrophes), not stop words, two letters or more. */
export function contentWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}+(?:['\u2019]\p{L}+)*/gu)) {
    const w = m[0].replace(/\u2019/g, "'");
    if (w.length >= 2 && !STOPWORDS.has(w)) out.add(w);
  }
  return [...out];
}

/** The layer's features of one post and target. */
export function layerFeatures(x: LayerInput, words = true): Map<string, number> {
  const f = new Map<string, number>();
  f.set(`@pipe:${x.stance.label}`, 1);
  f.set(`@pipe-conf:${x.stance.label}`, x.stance.confidence);
  f.set(`@cue:${cueKind(x.stance.evidence)}`, 1);
  if (x.stance.implicit !== true) f.set('@named', 1);
  const s = x.sentiment;
  if (s) {
    f.set(`@sent:${s.label}`, 1);
    f.set('@sent-score', s.score);
  }
  if (x.reply) {
    f.set('@reply', 1);
    if (x.replyStance) f.set(`@reply-stance:${x.replyStance}`, 1);
    if (x.parentSide) f.set(`@parent:${x.parentSide}`, 1);
  }
  if (words) for (const w of contentWords(x.text)) f.set(LAYER_WORD_PREFIX + w, 1);
  return f;
}

/** How many word cues a side the layer gives carries as evidence. */
const WORD_EVIDENCE = 3;

/**
 * The layer's reading of one post and target: the most probable of favor / against / none. Where it agrees with the
 * pipeline (none = neutral), the pipeline's stance is kept as it is. A side it gives must rest on words: the post's
 * content words whose weights push that side most (over the mean of the other labels), at most three, as evidence
 * (cue `comment-layer:<word>`, spans relative to `x.text`); with no such word the pipeline's stance is kept. A
 * neutral it gives has no evidence. The confidence is the layer's probability of its label.
 */
export function commentLayerStance(target: string, x: LayerInput & { stance: StanceResult }, model: LinearModel): StanceResult {
  const f = layerFeatures(x);
  const p = predict(model, f);
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  const label = model.labels[best]!;
  const mine = label === 'none' ? 'neutral' : (label as 'favor' | 'against');
  if (mine === x.stance.label) return x.stance;
  const confidence = Math.round(p[best]! * 100) / 100;
  const implicit = x.stance.implicit;
  if (mine === 'neutral') return { target, label: 'neutral', confidence, evidence: [], ...(implicit !== undefined ? { implicit } : {}) };
  const push: Array<[string, number]> = [];
  for (const name of f.keys()) {
    if (!name.startsWith(LAYER_WORD_PREFIX)) continue;
    const w = model.weights[name];
    if (!w) continue;
    let others = 0;
    for (let k = 0; k < w.length; k++) if (k !== best) others += w[k]!;
    const d = w[best]! - others / (w.length - 1);
    if (d > 0) push.push([name.slice(LAYER_WORD_PREFIX.length), d]);
  }
  if (push.length === 0) return x.stance;
  push.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const evidence: StanceResult['evidence'] = [];
  for (const [word] of push.slice(0, WORD_EVIDENCE)) {
    const at = wordAt(x.text, word);
    if (at >= 0) evidence.push({ span: [at, at + word.length], text: x.text.slice(at, at + word.length), cue: `comment-layer:${word}` });
  }
  evidence.sort((a, b) => a.span[0] - b.span[0]);
  return { target, label: mine, confidence, evidence, ...(implicit !== undefined ? { implicit } : {}) };
}

/** The offset of the first whole-word occurrence of a content word (as {@link contentWords} reads it), or -1. */
function wordAt(text: string, word: string): number {
  for (const m of text.matchAll(/\p{L}+(?:['\u2019]\p{L}+)*/gu)) if (m[0].toLowerCase().replace(/\u2019/g, "'") === word) return m.index!;
  return -1;
}
