import type { Claim, Concession, Correction } from '../../schema/classify.js';
import type { Evidence, Span } from '../../schema/common.js';
import { ThreadlensOptionError } from '../../errors.js';
import { lineOffsetMapper } from '../../text/remap.js';
import { splitSentences } from '../../text/sentences.js';
import { scoreCheckworthiness } from '../claims/index.js';
import { isNegator, tokenize } from '../claims/tokens.js';
import { eventWords, indicesOf, makeUnit, type Unit } from './units.js';

export { findArticleInconsistencies } from './inconsistencies.js';
export { mostContested, type ContestedSentence, type ContestedSummary } from './summary.js';

/** A post as the thread model gives it: text joined from its lines, each line with input offsets. */
export interface CorrectionPost {
  id: string;
  text: string;
  span: [number, number];
  lines: ReadonlyArray<{ span: [number, number]; text: string }>;
  parentId: string | null;
  author: string | null;
}

export interface CorrectionInput {
  post: CorrectionPost;
  /** Earlier posts in the thread, in order (same shape as post). */
  earlier: ReadonlyArray<CorrectionPost>;
  /** Article sentences with spans into the analysed input. */
  articleSentences: ReadonlyArray<{ span: [number, number]; text: string }>;
  /** Article claims (spans into the input), may be empty. */
  articleClaims?: ReadonlyArray<Claim>;
  /** Corrections already found for earlier posts (post id -> corrections): marks corrections of corrections. */
  earlierCorrections?: ReadonlyMap<string, readonly Correction[]>;
}

const MARKERS = [
  'correction:', 'correction', 'actually', 'in fact', "that's not true", 'that is not true', 'not true', "that's false",
  'that is false', "that's incorrect", 'that is incorrect', 'to be fair, the record shows', 'the record shows',
  'for the record', 'fact check', 'fact:', "that's not correct", 'that is not correct', 'not correct', 'false',
  'incorrect', 'wrong,', 'in reality', 'the truth is', 'just to correct',
];
const CONCESSIONS = [
  'my mistake', 'my bad', 'i stand corrected', "you're right", 'you are right', 'i was wrong', 'good catch',
  'fair point', 'i misremembered', 'point taken', 'thanks for the correction', 'i stand corrected', 'you got me',
  'i was mistaken', 'my error', "you're correct", 'you are correct',
];

interface Candidate {
  unit: Unit;
  kind: 'article' | 'post';
  postId: string | null;
  author: string | null;
  /** Absolute span of the sentence in the input. */
  abs: Span;
  isCorrection: boolean;
  isParent: boolean;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\u2019/g, "'");
}

/** Position of a marker phrase at the start of `text` (after quotes/space), as [start, end) or null. */
function markerAtStart(text: string, phrases: readonly string[]): [number, number, string] | null {
  let i = 0;
  while (i < text.length && /[\s"'\u201c\u2018(*>-]/.test(text[i]!)) i++;
  const rest = norm(text.slice(i, i + 60));
  for (const p of phrases) {
    if (rest.startsWith(p)) {
      const after = rest[p.length];
      if (after === undefined || !/[a-z0-9]/.test(after)) return [i, i + p.length, p];
    }
  }
  return null;
}

// Memo of prepared sentences per post / article sentence object, so a thread of n posts does not
// re-tokenize earlier posts n times. Keyed weakly by the caller's objects; the output does not depend on it
// (callers must not mutate a post's text between calls, as for any memo).
const postUnitCache = new WeakMap<object, Array<{ unit: Unit; abs: Span }>>();
const sentenceUnitCache = new WeakMap<object, Unit>();

/** Splits a post into sentence units with absolute spans (through the line mapper). */
function postUnits(p: CorrectionPost): Array<{ unit: Unit; abs: Span }> {
  const hit = postUnitCache.get(p);
  if (hit && postUnitText.get(p) === p.text) return hit;
  const map = lineOffsetMapper(p);
  const units = splitSentences(p.text).map((s) => ({ unit: makeUnit(s.text, s.span), abs: toAbs(map, s.span) }));
  postUnitCache.set(p, units);
  postUnitText.set(p, p.text);
  return units;
}
const postUnitText = new WeakMap<object, string>();

function sentenceUnit(s: { span: Span; text: string }): Unit {
  const hit = sentenceUnitCache.get(s);
  if (hit && hit.text === s.text && hit.span[0] === s.span[0] && hit.span[1] === s.span[1]) return hit;
  const u = makeUnit(s.text, s.span);
  sentenceUnitCache.set(s, u);
  return u;
}

function toAbs(map: (o: number) => number, span: Span): Span {
  return span[1] > span[0] ? [map(span[0]), map(span[1] - 1) + 1] : [map(span[0]), map(span[0])];
}

function isPost(v: unknown): v is CorrectionPost {
  const p = v as CorrectionPost;
  return p !== null && typeof p === 'object' && typeof p.id === 'string' && typeof p.text === 'string' && Array.isArray(p.lines);
}

function validate(input: CorrectionInput): void {
  if (input === null || typeof input !== 'object') throw new ThreadlensOptionError('input', input, 'must be an object');
  if (!isPost(input.post)) throw new ThreadlensOptionError('post', input.post, 'must be a post with id, text and lines');
  if (!Array.isArray(input.earlier) || !input.earlier.every(isPost)) throw new ThreadlensOptionError('earlier', input.earlier, 'must be an array of posts');
  if (!Array.isArray(input.articleSentences)) throw new ThreadlensOptionError('articleSentences', input.articleSentences, 'must be an array of { span, text }');
}

/** Number of shared content lemmas, and how many of them are lower-case (not names) in both. */
function overlap(a: Unit, b: Unit): { shared: string[]; common: number } {
  const shared: string[] = [];
  let common = 0;
  for (const l of a.content) {
    if (!b.content.has(l)) continue;
    shared.push(l);
    if (!a.capital.has(l) && !b.capital.has(l)) common++;
  }
  return { shared, common };
}

const YEAR_TOLERANCE_APPROX = 1;

function differentValue(a: number, b: number, approx: boolean, kind: string): boolean {
  if (kind === 'year' || kind === 'date') return approx ? Math.abs(a - b) > YEAR_TOLERANCE_APPROX : a !== b;
  const tol = approx ? 0.15 : 0.02;
  return Math.abs(a - b) > tol * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Finds where `input.post` corrects the article, an earlier post, or its author's own previous post.
 * Spans are absolute input offsets. Disagreement or insults alone are never corrections: every cue needs
 * a contradicting figure, date, negated or refuting statement, or an explicit marker followed by a fact.
 */
export function findCorrections(input: CorrectionInput): Correction[] {
  validate(input);
  const { post } = input;
  const map = lineOffsetMapper(post);
  const out: Correction[] = [];
  const self = findSelfCorrection(input, map);
  if (self) out.push(self);

  // Candidate targets, indexed by content lemma so each post sentence only meets sentences sharing words.
  const cands: Candidate[] = [];
  input.articleSentences.forEach((s) => {
    if (typeof s?.text !== 'string') return;
    cands.push({ unit: sentenceUnit(s), kind: 'article', postId: null, author: null, abs: s.span, isCorrection: false, isParent: false });
  });
  for (const p of input.earlier) {
    const corrected = input.earlierCorrections?.get(p.id);
    const units = postUnits(p);
    const isCorrection = corrected ? corrected.length > 0 : units.some((x) => markerAtStart(x.unit.text, MARKERS) !== null);
    for (const { unit, abs } of units) {
      cands.push({ unit, kind: 'post', postId: p.id, author: p.author, abs, isCorrection, isParent: p.id === post.parentId });
    }
  }
  const index = new Map<string, number[]>();
  cands.forEach((c, i) => {
    for (const l of c.unit.content) {
      const list = index.get(l);
      if (list) list.push(i);
      else index.set(l, [i]);
    }
  });
  const maxDf = Math.max(8, Math.ceil(cands.length * 0.5));

  const units = splitSentences(post.text).map((s) => makeUnit(s.text, s.span));
  const seen = new Set<string>();
  let previousTarget: Candidate | null = null;
  units.forEach((u, ui) => {
    // A question asks; it does not correct ("Wasn't it 2019?"): a documented choice.
    if (u.question) return;
    // Candidates sharing at least one (not too common) content lemma, scored by shared lemmas.
    const hits = new Map<number, number>();
    for (const l of u.content) {
      const list = index.get(l);
      if (!list || list.length > maxDf) continue;
      const w = 1 / Math.log2(1 + list.length);
      for (const i of list) hits.set(i, (hits.get(i) ?? 0) + w);
    }
    const ranked = [...hits.entries()]
      .map(([i, s]) => ({ c: cands[i]!, s: s + (cands[i]!.isParent ? 0.5 : 0) + (u.speech && cands[i]!.unit.speech ? 0.5 : 0) }))
      .filter(({ c }) => !(c.kind === 'post' && (c.postId === post.id || (c.author !== null && c.author === post.author))))
      .sort((a, b) => b.s - a.s || a.c.abs[0] - b.c.abs[0]);
    const found: Array<{ c: Candidate; cue: Correction['cue']; evidence: Span[]; note: string; confidence: number }> = [];
    const factual = u.values.some((v) => /\d/.test(v.text)) || scoreCheckworthiness(u.text) >= 0.5;

    for (const { c } of ranked.slice(0, 12)) {
      const t = c.unit;
      const ov = overlap(u, t);
      // Different date or number for the same event: the words around the two values must share a word.
      for (const pv of u.values) {
        if (pv.unit === 'decade' || pv.kind === 'entity') continue;
        for (const tv of t.values) {
          if (tv.unit === 'decade') continue;
          const dates = (pv.kind === 'year' || pv.kind === 'date') && (tv.kind === 'year' || tv.kind === 'date');
          const sameUnit = !dates && pv.kind === tv.kind && (pv.unit ?? '') === (tv.unit ?? '') && pv.kind !== 'number';
          if (!dates && !sameUnit) continue;
          const pn = typeof pv.value === 'number' ? pv.value : parseInt(String(pv.value), 10);
          const tn = typeof tv.value === 'number' ? tv.value : parseInt(String(tv.value), 10);
          if (!Number.isFinite(pn) || !Number.isFinite(tn)) continue;
          if (!differentValue(pn, tn, pv.approximate || tv.approximate, dates ? 'year' : pv.kind)) continue;
          const ew = eventWords(u, pv.span);
          const tw = eventWords(t, tv.span);
          const sharedEvent = [...ew].some((w) => tw.has(w));
          if (!sharedEvent || ov.shared.length + (sameUnit ? 1 : 0) < 1) continue;
          found.push({
            c,
            cue: dates ? 'different-date' : 'different-number',
            evidence: [pv.span],
            note: `${pv.text} here, ${tv.text} in the ${c.kind === 'article' ? 'article' : 'earlier post'}`,
            confidence: 0.7,
          });
        }
      }
      if (!u.question && !u.future && !t.question) {
        // Negated statement: the post denies what the target asserts ("Nobody watches Sony TVs").
        const denied = [...u.negated].map((i) => u.lemmas[i]!).filter((l) => t.content.has(l));
        const deniedCommon = denied.filter((l) => !u.capital.has(l) && !t.capital.has(l));
        const targetNegated = denied.some((l) => indicesOf(t, l).some((i) => t.negated.has(i)));
        if (denied.length >= 2 && deniedCommon.length >= 1 && !targetNegated) {
          const idx = [...u.negated].filter((i) => denied.includes(u.lemmas[i]!));
          let from = Math.min(...idx);
          while (from > 0 && !isNegator(u.words[from]!)) from--;
          found.push({ c, cue: 'negated-statement', evidence: [[u.words[from]!.start, u.words[Math.max(...idx)]!.end]], note: `denies: ${deniedCommon.join(', ')}`, confidence: 0.6 });
        }
        // Refuting fact: a factual post sentence asserts what the target negates ("doesn't have to help").
        if (factual) {
          const refuted = [...t.negHead].map((i) => t.lemmas[i]!).filter((l) => u.content.has(l) && !t.capital.has(l) && !u.capital.has(l));
          const asserted = (i: number): boolean => !u.negated.has(i) && !hypotheticalBefore(u, i);
          const assertedPlain = refuted.filter((l) => indicesOf(u, l).some(asserted));
          if (assertedPlain.length >= 1 && ov.shared.length >= 2 && ov.common >= 2) {
            const ix = indicesOf(u, assertedPlain[0]!).find(asserted)!;
            const value = u.values.find((v) => /\d/.test(v.text));
            const evidence: Span[] = [[u.words[ix]!.start, u.words[ix]!.end]];
            if (value) evidence.unshift(value.span);
            found.push({ c, cue: 'refuting-fact', evidence, note: `states "${assertedPlain[0]}" where the target negates it`, confidence: 0.55 });
          }
        }
      }
    }
    // Explicit marker, not-x-but-y: need a fact in the sentence (or the next one) and a target.
    const marker = markerAtStart(u.text, MARKERS);
    const nxy = notXButY(u);
    if (marker || nxy) {
      const next = units[ui + 1];
      const hasFact = factual || nxy !== null || (next !== undefined && (next.values.some((v) => /\d/.test(v.text)) || scoreCheckworthiness(next.text) >= 0.5));
      let target: Candidate | null = null;
      for (const { c } of ranked) {
        const ov = overlap(u, c.unit);
        if (ov.shared.length >= 2 || (ov.shared.length >= 1 && ov.common >= 1)) {
          target = c;
          break;
        }
      }
      if (!target && found.length === 0 && previousTarget && ui > 0) target = previousTarget;
      if (!target && post.parentId) target = cands.find((c) => c.postId === post.parentId) ?? null;
      if (hasFact && target) {
        if (nxy) {
          found.push({ c: target, cue: nxy.dates ? 'different-date' : 'not-x-but-y', evidence: [nxy.span], note: nxy.note, confidence: 0.7 });
        } else if (marker) {
          found.push({ c: target, cue: 'explicit-marker', evidence: [[marker[0], marker[1]]], note: `marker "${marker[2]}"`, confidence: 0.65 });
        }
      }
    }
    for (const f of found) {
      const c = f.c;
      const key = `${c.abs[0]}:${c.abs[1]}:${f.cue}`;
      if (seen.has(key)) continue;
      seen.add(key);
      previousTarget = c;
      const sameAuthor = c.kind === 'post' && c.author !== null && c.author === post.author;
      const cue: Correction['cue'] = c.kind === 'post' && c.isCorrection && !sameAuthor ? 'correction-of-correction' : f.cue;
      // Evidence spans are relative to the sentence: to post text, then to input offsets.
      const evidence: Evidence[] = f.evidence.map((sp) => {
        const rel: Span = [u.span[0] + sp[0], u.span[0] + sp[1]];
        return { span: toAbs(map, rel), text: post.text.slice(rel[0], rel[1]), cue: f.cue };
      });
      out.push({
        kind: c.kind === 'article' ? 'article' : sameAuthor ? 'self' : 'post',
        target: c.kind === 'article' ? { kind: 'article', span: [c.abs[0], c.abs[1]], text: c.unit.text } : { kind: 'post', postId: c.postId!, span: [c.abs[0], c.abs[1]], text: c.unit.text },
        evidence,
        cue,
        note: cue === 'correction-of-correction' ? `corrects a correction (${f.cue}): ${f.note}` : f.note,
        confidence: f.confidence,
      });
    }
  });
  return out;
}

/** "1998, not 1989" / "not X but Y": the span, a note, and whether both sides are dates. */
function notXButY(u: Unit): { span: Span; note: string; dates: boolean } | null {
  const toks = tokenize(u.text);
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.lower !== 'not') continue;
    // "Y, not X"
    const prev = toks[i - 1]?.text === ',' ? toks[i - 2] : undefined;
    const nextT = toks[i + 1];
    if (prev && nextT && prev.kind === nextT.kind && (prev.kind === 'number' || /^[A-Z]/.test(prev.text) && /^[A-Z]/.test(nextT.text))) {
      const dates = /^\d{4}$/.test(prev.text) && /^\d{4}$/.test(nextT.text);
      return { span: [prev.start, nextT.end], note: `${prev.text}, not ${nextT.text}`, dates };
    }
    // "not X but Y" within eight tokens
    for (let k = i + 2; k < Math.min(toks.length, i + 9); k++) {
      if (toks[k]!.lower === 'but' && toks[k + 1] && toks[k + 1]!.kind !== 'punct') {
        const x = toks[i + 1]!;
        const y = toks[k + 1]!;
        if ((x.kind === 'number' && y.kind === 'number') || (/^[A-Z]/.test(x.text) && /^[A-Z]/.test(y.text))) {
          const dates = /^\d{4}$/.test(x.text) && /^\d{4}$/.test(y.text);
          return { span: [toks[i]!.start, y.end], note: `not ${x.text} but ${y.text}`, dates };
        }
      }
    }
  }
  return null;
}

const HYPOTHETICAL = new Set(['if', 'whether', 'would', 'could', 'might', 'should', 'may', 'asked', 'wonder', 'wondered', 'maybe', 'perhaps']);

/** True when a conditional, modal or question word stands within six words before word `i`. */
function hypotheticalBefore(u: Unit, i: number): boolean {
  for (let k = Math.max(0, i - 6); k < i; k++) if (HYPOTHETICAL.has(u.words[k]!.lower)) return true;
  return false;
}

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

/**
 * A short follow-up by the same author that edits one word of their previous post ("Trump or America."
 * after "Trump of America"), or a post starting with "*" ("*1998, not 1989").
 */
function findSelfCorrection(input: CorrectionInput, map: (o: number) => number): Correction | null {
  const { post } = input;
  if (post.author === null) return null;
  const mine = input.earlier.slice(-3).filter((p) => p.author === post.author);
  const prev = mine[mine.length - 1];
  if (!prev) return null;
  const text = post.text;
  const star = /^\s*\*/.test(text);
  const words = tokenize(text).filter((t) => t.kind !== 'punct');
  if (words.length === 0 || (!star && words.length > 6)) return null;
  const prevUnits = postUnits(prev);
  const prevMap = lineOffsetMapper(prev);
  const ptoks = tokenize(prev.text).filter((t) => t.kind !== 'punct');
  const evidenceSpan: Span = [words[0]!.start, words[words.length - 1]!.end];
  const make = (fromTok: number, toTok: number, note: string): Correction => {
    const ps: Span = [ptoks[fromTok]!.start, ptoks[toTok]!.end];
    const holder = prevUnits.find((u) => u.unit.span[0] <= ps[0] && ps[1] <= u.unit.span[1]);
    const tspan = holder ? holder.abs : toAbs(prevMap, ps);
    return {
      kind: 'self',
      target: { kind: 'post', postId: prev.id, span: tspan, text: holder ? holder.unit.text : prev.text.slice(ps[0], ps[1]) },
      evidence: [{ span: toAbs(map, evidenceSpan), text: text.slice(evidenceSpan[0], evidenceSpan[1]), cue: 'self-correction' }],
      cue: 'self-correction',
      note,
      confidence: star ? 0.8 : 0.7,
    };
  };
  // "*X, not Y": find Y in the previous post.
  if (star) {
    const notAt = words.findIndex((w) => w.lower === 'not');
    const wrong = notAt >= 0 ? words[notAt + 1] : undefined;
    if (wrong) {
      const k = ptoks.findIndex((t) => t.lower === wrong.lower);
      if (k >= 0) return make(k, k, `${words[0]!.text} replaces ${wrong.text}`);
    }
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
      if (ok && diff >= 0) return make(s, s + n - 1, `"${words[diff]!.text}" replaces "${ptoks[s + diff]!.text}"`);
    }
  }
  return null;
}

/**
 * Posts that concede ("My mistake", "You're right, I misremembered") linked to the post that corrected
 * their author. `corrections` maps each earlier post id to its corrections.
 */
export function findConcessions(input: CorrectionInput & { corrections: ReadonlyMap<string, readonly Correction[]> }): Concession[] {
  validate(input);
  if (!(input.corrections instanceof Map)) throw new ThreadlensOptionError('corrections', input.corrections, 'must be a Map of post id to corrections');
  const { post } = input;
  const map = lineOffsetMapper(post);
  const lower = norm(post.text);
  let at = -1;
  let phrase = '';
  for (const p of CONCESSIONS) {
    const i = lower.indexOf(p);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      phrase = p;
    }
  }
  if (at < 0) return [];
  const authorOf = new Map(input.earlier.map((p) => [p.id, p.author]));
  const correctors: string[] = [];
  for (const p of input.earlier) {
    const cs: readonly Correction[] = input.corrections.get(p.id) ?? [];
    if (cs.some((c) => c.target.kind === 'post' && post.author !== null && authorOf.get(c.target.postId) === post.author && p.author !== post.author)) correctors.push(p.id);
  }
  if (correctors.length === 0) return [];
  const chosen = post.parentId && correctors.includes(post.parentId) ? post.parentId : correctors[correctors.length - 1]!;
  const span = toAbs(map, [at, at + phrase.length]);
  return [{ postId: chosen, evidence: { span, text: post.text.slice(at, at + phrase.length), cue: `concession:${phrase}` } }];
}
