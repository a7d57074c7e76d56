/**
 * Self-corrections: a short follow-up that edits one word of the author's previous post ("Trump or
 * America." after "Trump of America"), a post starting with "*" ("*1998, not 1989"), and a sentence
 * opening with a self-correction marker ("Edit:", "Correction to my own post:", "I should have written")
 * that points at an earlier sentence of the same post or at the author's earlier post.
 */
import type { Correction } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';
import { lineOffsetMapper } from '../../text/remap.js';
import { wordTokens } from '../../text/word-tokens.js';
import { pointedSelfMarker, quotesSelf, selfMarker } from './clauses.js';
import { postUnits, toAbs, type CorrectionPost } from './thread-index.js';
import type { Paraphrases } from './paraphrase.js';
import type { Unit } from './units.js';

const STAR_SKIP = new Set(['only', 'just', 'even', 'a', 'an', 'the', 'in', 'on', 'at', 'by']);

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 40 || b.length > 40) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Shared content lemmas and value texts of two sentences (how well one answers the other). */
export function affinity(a: Unit, b: Unit): number {
  let n = 0;
  for (const l of a.content) if (b.content.has(l)) n++;
  for (const ks of a.keys) if (ks.length > 0 && b.keys.some((k) => k.some((x) => ks.includes(x)))) n += 1.5;
  return n;
}

/** The star and one-word-edit rules; `earlier` is scanned for the author's post among the last three. */
export function findStarOrEdit(post: CorrectionPost, earlier: ReadonlyArray<CorrectionPost>, map: (o: number) => number, paraphrases?: Paraphrases): Correction | null {
  if (post.author === null) return null;
  const mine = earlier.slice(-3).filter((p) => p.author === post.author);
  const prev = mine[mine.length - 1];
  if (!prev) return null;
  const text = post.text;
  const star = /^\s*\*/.test(text);
  const words = wordTokens(text).filter((t) => t.kind !== 'punct');
  if (words.length === 0 || (!star && words.length > 6)) return null;
  const prevUnits = postUnits(prev, paraphrases);
  const prevMap = lineOffsetMapper(prev);
  const ptoks = wordTokens(prev.text).filter((t) => t.kind !== 'punct');
  const evidenceSpan: Span = [words[0]!.start, words[words.length - 1]!.end];
  const make = (ps: Span, note: string): Correction => {
    const holder = prevUnits.find((u) => u.unit.span[0] <= ps[0] && ps[1] <= u.unit.span[1]);
    const tspan: Span = holder ? holder.abs : toAbs(prevMap, ps);
    return {
      kind: 'self',
      target: { kind: 'post', postId: prev.id, span: tspan, text: holder ? holder.unit.text : prev.text.slice(ps[0], ps[1]) },
      evidence: [{ span: toAbs(map, evidenceSpan), text: text.slice(evidenceSpan[0], evidenceSpan[1]), cue: 'self-correction' }],
      cue: 'self-correction',
      detector: 'star-or-edit',
      note,
      confidence: star ? 0.8 : 0.7,
    };
  };
  if (star) {
    // "*X, not Y": find Y in the previous post ("not only nurses" looks for "nurses").
    const notAt = words.findIndex((w) => w.lower === 'not');
    let k = notAt + 1;
    while (notAt >= 0 && k < words.length && STAR_SKIP.has(words[k]!.lower)) k++;
    const wrong = notAt >= 0 ? words[k] : undefined;
    if (wrong) {
      const at = ptoks.findIndex((t) => t.lower === wrong.lower);
      if (at >= 0) return make([ptoks[at]!.start, ptoks[at]!.end], `${words[0]!.text} replaces ${wrong.text}`);
    }
    // Else the previous sentence sharing the most words with the starred text.
    const lower = new Set(words.map((w) => w.lower));
    let best: { unit: Unit } | null = null;
    let bestN = 0;
    for (const u of prevUnits) {
      const n = u.unit.words.filter((w) => lower.has(w.lower) && w.text.length > 2).length;
      if (n > bestN) {
        best = u;
        bestN = n;
      }
    }
    if (best) return make([best.unit.span[0], best.unit.span[1]], `"${text.trim().slice(0, 40)}" amends it`);
  }
  // One word changed in a window of the previous post.
  const n = words.length;
  if (n >= 2) {
    for (let s = 0; s + n <= ptoks.length; s++) {
      let diff = -1;
      let ok = true;
      for (let k = 0; k < n; k++) {
        if (ptoks[s + k]!.lower === words[k]!.lower) continue;
        if (diff >= 0 || editDistance(ptoks[s + k]!.lower, words[k]!.lower) > 2) {
          ok = false;
          break;
        }
        diff = k;
      }
      if (ok && diff >= 0) return make([ptoks[s]!.start, ptoks[s + n - 1]!.end], `"${words[diff]!.text}" replaces "${ptoks[s + diff]!.text}"`);
    }
  }
  return null;
}

/**
 * A sentence opening with a self-correction marker: its target is the best-matching earlier sentence of
 * the same post, or (when the marker opens the post, or the post quotes the author with "I said") the
 * best-matching sentence of the author's latest earlier posts in the window. A marker after a pointer at the
 * author's own post ("my comment above, should have said ...", `pointedSelfMarker`) looks in the author's earlier
 * posts only; when no sentence there shares a word or value, a latest own post of one sentence is the target.
 */
export function findMarkedSelf(
  post: CorrectionPost,
  units: ReadonlyArray<{ unit: Unit; abs: Span }>,
  ui: number,
  earlier: ReadonlyArray<CorrectionPost>,
  map: (o: number) => number,
): Correction | null {
  const u = units[ui]!.unit;
  const paraphrases = u.paraphrases;
  const opening = selfMarker(u);
  // "Typo in my comment above, should have said ...": the marker follows a pointer at the author's own post.
  const pointed = opening ? null : pointedSelfMarker(u);
  const m = opening ?? pointed;
  if (!m) return null;
  const quoted = units.slice(0, ui + 1).find((x) => quotesSelf(x.unit));
  let best: { postId: string; abs: Span; unit: Unit } | null = null;
  let bestScore = 0;
  const consider = (postId: string, x: { unit: Unit; abs: Span }, probe: Unit): void => {
    const s = affinity(probe, x.unit);
    if (s > bestScore) {
      best = { postId, abs: x.abs, unit: x.unit };
      bestScore = s;
    }
  };
  if (!quoted && ui > 0 && !pointed) {
    // Only a sentence sharing words or a value: "I should have said that more clearly" changes no fact.
    for (let k = 0; k < ui; k++) consider(post.id, units[k]!, u);
  } else if (post.author !== null) {
    const probe = quoted ? quoted.unit : u;
    const mine = earlier.filter((p) => p.author === post.author && p.id !== post.id).slice(-5);
    for (let k = mine.length - 1; k >= 0; k--) for (const x of postUnits(mine[k]!, paraphrases)) consider(mine[k]!.id, x, probe);
    // A pointed marker names the post, not the words it replaces: a latest own post of one sentence is the target.
    const latest = mine[mine.length - 1];
    // Only when a replacement follows the marker (a name or a figure): "my comment above, I meant it as a joke" replaces nothing.
    const after = u.text.slice(m[1]);
    const replaces = /\d/.test(after) || wordTokens(after).some((t) => t.kind === 'word' && /^[A-Z]/.test(t.text) && !/^I(?:$|['\u2019])/.test(t.text));
    const latestUnits = latest && pointed && !best && replaces ? postUnits(latest, paraphrases) : [];
    if (latestUnits.length === 1) best = { postId: latest!.id, abs: latestUnits[0]!.abs, unit: latestUnits[0]!.unit };
  }
  const t = best as { postId: string; abs: Span; unit: Unit } | null;
  if (!t) return null;
  const ev: Span = [u.span[0] + m[0], u.span[0] + m[1]];
  return {
    kind: 'self',
    target: { kind: 'post', postId: t.postId, span: t.abs, text: t.unit.text },
    evidence: [{ span: toAbs(map, ev), text: post.text.slice(ev[0], ev[1]), cue: 'self-correction' }],
    cue: 'self-correction',
    detector: 'self-marker',
    note: `marker "${m[2]}"`,
    confidence: 0.7,
  };
}
