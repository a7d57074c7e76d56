import type { Claim, ClaimValue, Concession, Correction } from '../../schema/classify.js';
import type { Evidence, Span } from '../../schema/common.js';
import { ThreadlensOptionError } from '../../errors.js';
import { lineOffsetMapper } from '../../text/remap.js';
import { scoreCheckworthiness } from '../claims/index.js';
import { isCapitalised, isContent, isNegator, lemma } from '../claims/tokens.js';
import { amendmentAt, badVerdict, comparable, ellipticalDenial, goodVerdict, itWasNumber, markerAt, MARKERS, notClause, rebukeAt, refersToArticle, REPLY_MARKERS, topicLabel, updateClause, type NotClause } from './clauses.js';
import { affinity, findMarkedSelf, findStarOrEdit } from './self.js';
import { postUnits, threadIndex, toAbs, type Candidate, type CorrectionPost, type IndexWindow, type ThreadIndex } from './thread-index.js';
import { eventWords, indicesOf, isDateValue, makeUnit, valueKeys, type Unit } from './units.js';
import type { DetectorFinding } from './detector.js';
import { selfRestatement } from './self-restatement.js';
import { BUILTIN_PARAPHRASES, pronounSubject, unitKey, type Paraphrases } from './paraphrase.js';

export { findArticleInconsistencies } from './inconsistencies.js';
export { mostContested, type ContestedSentence, type ContestedSummary } from './summary.js';
export type { CorrectionPost } from './thread-index.js';

export interface CorrectionInput {
  post: CorrectionPost;
  /** Earlier posts in the thread, in order (same shape as post). */
  earlier: ReadonlyArray<CorrectionPost>;
  /** Article sentences with spans into the analysed input. Pass the same array for every post of a thread: the sentence index is cached on it. */
  articleSentences: ReadonlyArray<{ span: [number, number]; text: string }>;
  /** Article claims (spans into the input), may be empty. */
  articleClaims?: ReadonlyArray<Claim>;
  /** Corrections already found for earlier posts (post id -> corrections): marks corrections of corrections. */
  earlierCorrections?: ReadonlyMap<string, readonly Correction[]>;
  /** Paraphrase groups (built-in plus the caller's, see `withParaphrases`). Pass the same object for every post of a thread. Default: the built-in groups. */
  paraphrases?: Paraphrases;
}

const CONCESSIONS = [
  'my mistake', 'my bad', 'i stand corrected', "you're right", 'you are right', 'i was wrong', 'good catch',
  'fair point', 'i misremembered', 'point taken', 'thanks for the correction', 'you got me', 'i was mistaken',
  'my error', "you're correct", 'you are correct', "didn't know that", 'did not know that', 'correction accepted',
  'i retract', 'i misread', 'i stand to be corrected', 'fair enough',
];

function norm(s: string): string {
  return s.toLowerCase().replace(/\u2019/g, "'");
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
  // Amounts a hundred times apart ("£50 more a year" and "£52m") are not the same quantity.
  const lo = Math.min(Math.abs(a), Math.abs(b));
  if (lo > 0 && Math.max(Math.abs(a), Math.abs(b)) / lo > 100) return false;
  const tol = approx ? 0.15 : 0.02;
  return Math.abs(a - b) > tol * Math.max(Math.abs(a), Math.abs(b));
}

/** What one rule found in one sentence, before it becomes a Correction. */
interface Finding {
  c: Candidate;
  cue: Correction['cue'];
  /** Spans relative to the sentence. */
  evidence: Span[];
  note: string;
  confidence: number;
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
  const paraphrases = input.paraphrases ?? BUILTIN_PARAPHRASES;
  const self = findStarOrEdit(post, input.earlier, map, paraphrases);
  if (self) out.push(self);

  const index = threadIndex(input.articleSentences, paraphrases);
  const win = index.window(input.earlier);
  const maxDf = Math.max(8, Math.ceil(win.size * 0.5));
  const cands = index.cands;
  let byId: Map<string, CorrectionPost> | null = null;
  const postById = (id: string | null): CorrectionPost | undefined => {
    if (id === null) return undefined;
    byId ??= new Map(input.earlier.map((p) => [p.id, p]));
    return byId.get(id);
  };
  const isCorrectionPost = (p: CorrectionPost): boolean => {
    const corrected = input.earlierCorrections?.get(p.id);
    return corrected ? corrected.length > 0 : index.sentencesOf(p).some((id) => markerAt(cands[id]!.unit.text, MARKERS) !== null);
  };
  const foreign = (c: Candidate): boolean => isStatement(c.unit) && (c.kind === 'article' || (c.post !== post && c.post!.id !== post.id && (c.post!.author === null || c.post!.author !== post.author)));
  const parent = postById(post.parentId);

  const units = postUnits(post, paraphrases);
  const ownEarlier = post.author === null ? [] : input.earlier.filter((p) => p.author === post.author && p.id !== post.id).slice(-5).reverse().map((p) => ({ post: p, sentences: postUnits(p, paraphrases) }));
  const seen = new Set<string>();
  let previousTarget: Candidate | null = null;
  units.forEach(({ unit: u }, ui) => {
    // A question asks; it does not correct ("Wasn't it 2019?"): a documented choice.
    if (u.question) return;
    // Page chrome caught in a post ("Like · Reply · 88", "Date: Tue, 3 Mar 2026") states nothing.
    if (isChrome(u)) return;
    const marked = findMarkedSelf(post, units, ui, input.earlier, map);
    if (marked) {
      out.push(marked);
      return;
    }
    // The author restating their own words ("it was the 12th, not the 11th"): a self-correction, and nothing else.
    const restated = selfRestatement.find(u, { post, sentences: units, at: ui, earlier: input.earlier, ownEarlier });
    if (restated.length > 0) {
      for (const f of restated) out.push(toCorrection(f, u, post, map));
      return;
    }
    // "Sure, because ...", "Sure, let's keep ...": mockery, not a correction (sarcasm and jokes are not corrections).
    if (mocks(u)) return;
    // Candidates sharing at least one (not too common) content lemma, scored by shared lemmas.
    const hits = new Map<number, number>();
    for (const l of u.content) {
      const list = index.withLemma(l, win);
      if (list.length === 0 || list.length > maxDf) continue;
      const w = 1 / Math.log2(1 + list.length);
      for (const i of list) hits.set(i, (hits.get(i) ?? 0) + w);
    }
    // "He said this in 2016": a he/she subject, with no name of its own in the sentence, stands for the person
    // named in a reported statement of the article or the parent post; such sentences meet as if they shared
    // the name.
    const speaker = new Set<number>();
    if (pronounSubject(u.words) >= 0 && u.capital.size === 0) {
      const said = (i: number): boolean => cands[i]!.unit.speech && namesSomeone(cands[i]!.unit);
      for (let i = 0; i < index.articleCount; i++) if (said(i)) speaker.add(i);
      if (parent) for (const i of index.sentencesOf(parent)) if (said(i) && foreign(cands[i]!)) speaker.add(i);
      for (const i of speaker) hits.set(i, (hits.get(i) ?? 0) + 1);
    }
    const speakerCands = new Set([...speaker].map((i) => cands[i]!));
    const bonus = (i: number): number => (cands[i]!.post !== null && cands[i]!.post!.id === post.parentId ? 0.5 : 0) + (u.speech && cands[i]!.unit.speech ? 0.5 : 0);
    const scores = new Map<number, number>();
    for (const [i, h] of hits) if (foreign(cands[i]!)) scores.set(i, h + bonus(i));
    const score = (i: number): number => scores.get(i) ?? bonus(i);
    const best = (ids: Iterable<number>): Candidate | null => {
      let top = -1;
      for (const i of ids) {
        if (!foreign(cands[i]!)) continue;
        if (top < 0 || score(i) > score(top) || (score(i) === score(top) && cands[i]!.abs[0] < cands[top]!.abs[0])) top = i;
      }
      return top < 0 ? null : cands[top]!;
    };
    const ranked = [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || cands[a[0]]!.abs[0] - cands[b[0]]!.abs[0])
      .map(([i]) => cands[i]!);
    const found: Finding[] = [];
    const factual = u.values.some((v) => /\d/.test(v.text)) || scoreCheckworthiness(u.text) >= 0.5;
    // A figure the article itself states somewhere ("when fares went up by 5.9%") is not a different number
    // for another of its sentences: the post agrees with the article there.
    const statedInArticle = (pi: number): boolean =>
      u.keys[pi]!.some((k) => index.withValue(k, win).some((id) => cands[id]!.kind === 'article' && cands[id]!.unit.values.some((v, vi) => !isDateValue(v) && cands[id]!.unit.keys[vi]!.includes(k))));
    const nx = notClause(u);
    const valueNot = nx !== null && ('value' in nx.x || nx.xKeys.length > 0);

    for (const c of ranked.slice(0, 12)) {
      const t = c.unit;
      const ov = overlap(u, t);
      const linked = speakerCands.has(c) ? 1 : 0;
      if (linked) ov.shared.push('(speaker)');
      // Different date or number for the same event: the words around the two values must share a word.
      // A "Y, not X" sentence names the corrected value itself, so it is left to that rule.
      if (!valueNot) found.push(...differentValues(u, t, c, ov.shared.length, statedInArticle, linked === 1));
      if (!u.question && !u.future && !t.question) {
        const neg = negatedStatement(u, t, c, c.kind === 'article' || c.post!.id === post.parentId);
        if (neg) found.push(neg);
        if (factual) {
          const ref = refutingFact(u, t, c, ov) ?? (c.kind === 'article' || c.post!.id === post.parentId ? counterexample(u, t, c) : null);
          if (ref) found.push(ref);
        }
      }
    }
    // "Y, not X": the target is the sentence that says X (a value, or a word of the parent or the article).
    if (nx) {
      const f = notClauseFinding(u, nx, index, win, best, ranked, post.parentId);
      if (f) found.push(f);
    }
    // "was pushed back to 2027", "Section 14 was renumbered to 12".
    const upd = updateClause(u);
    if (upd) {
      const to = u.values[upd.to]!;
      let target: Candidate | null = null;
      if (upd.from !== null) target = best(u.keys[upd.from]!.flatMap((k) => index.withValue(k, win)));
      if (!target && parent) {
        target = best(index.sentencesOf(parent).filter((i) => cands[i]!.unit.values.some((v, vi) => comparable(v, to, u.paraphrases) && !cands[i]!.unit.keys[vi]!.some((k) => u.keys[upd.to]!.includes(k)))));
      }
      if (target) found.push({ c: target, cue: isDateValue(to) ? 'different-date' : 'different-number', evidence: [to.span], note: `now ${to.text}`, confidence: 0.6 });
    }
    // "So 300 is right": the earlier posts this one answers (parent, grandparent...) that gave another value.
    const gv = goodVerdict(u);
    if (gv >= 0 && !u.personal.has(gv)) {
      const v = u.values[gv]!;
      let p = parent;
      for (let depth = 0; p && depth < 3; depth++, p = postById(p.parentId)) {
        if (p.author !== null && p.author === post.author) continue;
        const other = index.sentencesOf(p).find((i) => cands[i]!.unit.values.some((w, wi) => !cands[i]!.unit.personal.has(wi) && comparable(v, w, u.paraphrases) && differs(v, w)));
        if (other !== undefined) found.push({ c: cands[other]!, cue: isDateValue(v) ? 'different-date' : 'different-number', evidence: [v.span], note: `${v.text} is right`, confidence: 0.6 });
      }
    }
    // "1,200 jobs was always a fantasy. Even the club's own study said 700.": a figure from a named source
    // against a value the post repeats from a target, in this sentence or the one before.
    if (u.speech && !valueNot) {
      const prev = ui > 0 ? units[ui - 1]!.unit : null;
      for (const [zi, z] of u.values.entries()) {
        if (u.personal.has(zi) || z.kind === 'entity' || !/\d/.test(z.text)) continue;
        for (const src of prev ? [u, prev] : [u]) {
          for (const [xi, x] of src.values.entries()) {
            if (src === u && xi === zi) continue;
            if (src.personal.has(xi) || !comparable(x, z, u.paraphrases) || !differs(x, z)) continue;
            const target = best(src.keys[xi]!.filter((k) => !k.startsWith('y:')).flatMap((k) => index.withValue(k, win)));
            if (target && !target.unit.keys.some((ks) => ks.some((k) => u.keys[zi]!.includes(k)))) {
              found.push({ c: target, cue: isDateValue(z) ? 'different-date' : 'different-number', evidence: [z.span], note: `${z.text} here, ${x.text} in the ${target.kind === 'article' ? 'article' : 'earlier post'}`, confidence: 0.6 });
            }
          }
        }
      }
    }
    // "your course has none" answered by "It has one, ... section 14": the reply asserts what the parent denies;
    // "I thought it was 600,000 per year" answered by "600,000 is the overall national target".
    if (parent && !AGREE.has(units[0]!.unit.words[0]?.lower ?? '')) {
      const ps = index.sentencesOf(parent).map((i) => cands[i]!);
      const f = (ui === 0 && factual ? answersDenial(u, ps) : null) ?? answersBelief(u, ps);
      if (f) found.push(f);
    }
    // "Kevin O'Hara not at our end it wasn't. We had a puddle in 2007.": an elliptical denial near the start of
    // a reply, with a fact in the post, denies the parent's sentence that shares a figure or date with the post,
    // else the parent's sentence about the replier ("you ..."), else the parent's last statement (what "that" in
    // "so not even that" points back to).
    const ell = parent && ui < 2 ? ellipticalDenial(u) : -1;
    if (ell >= 0 && parent && units.some(({ unit: x }) => x.values.some((v) => /\d/.test(v.text)) || scoreCheckworthiness(x.text) >= 0.5)) {
      const ps = index.sentencesOf(parent).filter((i) => foreign(cands[i]!) && !cands[i]!.unit.question);
      const keys = new Set(units.flatMap(({ unit: x }) => x.keys.filter((_, vi) => !x.personal.has(vi)).flat()));
      const byValue = ps.find((i) => cands[i]!.unit.keys.some((ks) => ks.some((k) => keys.has(k))));
      // Else what the parent said about the one now answering ("you must be near the top by now"), else its last statement.
      const aboutYou = ps.find((i) => cands[i]!.unit.words.some((x) => x.lower === 'you' || x.lower === 'your'));
      const at = byValue ?? aboutYou ?? ps[ps.length - 1];
      if (at !== undefined) {
        const w = u.words;
        found.push({ c: cands[at]!, cue: 'negated-statement', evidence: [[w[ell]!.start, w[w.length - 1]!.end]], note: 'elliptical denial of the post replied to', confidence: 0.5 });
      }
    }
    // "It was nine from 2016" under "Before 2019 it was eight": the parent's "it was X" restated with another X.
    const said = parent ? itWasNumber(u) : null;
    if (said && parent) {
      for (const i of index.sentencesOf(parent)) {
        const other = foreign(cands[i]!) ? itWasNumber(cands[i]!.unit) : null;
        if (!other || other.value === said.value) continue;
        const w = u.words[said.at]!;
        found.push({ c: cands[i]!, cue: 'different-number', evidence: [[w.start, w.end]], note: `${w.text} here, ${cands[i]!.unit.words[other.at]!.text} in the earlier post`, confidence: 0.55 });
        break;
      }
    }
    // "The article says 300 spaces, but ...": the article sentence with the same value, else the closest.
    const articleWord = refersToArticle(u);
    if (articleWord >= 0) {
      const ids = u.keys.flatMap((ks, vi) => (u.personal.has(vi) ? [] : ks.flatMap((k) => index.withValue(k, win)))).filter((i) => cands[i]!.kind === 'article');
      const target = best(ids) ?? ranked.find((c) => c.kind === 'article' && overlap(u, c.unit).shared.filter((l) => l !== u.lemmas[articleWord]).length >= 2) ?? null;
      const at = u.words[articleWord]!;
      if (target) found.push({ c: target, cue: 'explicit-marker', evidence: [[at.start, at.end]], note: 'refers to the article', confidence: 0.6 });
    }
    // Explicit marker or verdict ("... is wrong"): needs a fact in the sentence (or the next one) and a target.
    const replyMarker = markerAt(u.text, MARKERS) === null && parent !== undefined ? markerAt(u.text, REPLY_MARKERS) : null;
    const marker = markerAt(u.text, MARKERS) ?? replyMarker;
    const verdict = badVerdict(u);
    if (marker || verdict >= 0) {
      const next = units[ui + 1]?.unit;
      const hasFact = factual || (next !== undefined && (next.values.some((v) => /\d/.test(v.text)) || scoreCheckworthiness(next.text) >= 0.5));
      // A marker in a reply answers the post replied to when it speaks of it (shared words or values);
      // "Björn, no, ..." answers it whatever it says.
      const answers = parent !== undefined && (replyMarker !== null || index.sentencesOf(parent).some((i) => affinity(u, cands[i]!.unit) >= 1));
      let target: Candidate | null = (answers ? found.find((f) => f.c.post === parent)?.c : found[0]?.c) ?? null;
      if (!target && answers) target = answeredSentence(parent!, next ?? u, input.earlierCorrections?.get(parent!.id), index, u);
      if (!target && !replyMarker) {
        const quoted = verdict >= 0 ? quotedUnit(u) : null;
        for (const c of ranked) {
          const ov = overlap(quoted ?? u, c.unit);
          if (ov.shared.length >= 2 || (ov.shared.length >= 1 && ov.common >= 1 && marker !== null)) {
            target = c;
            break;
          }
        }
      }
      if (!target && marker && found.length === 0 && previousTarget && ui > 0) target = previousTarget;
      if (!target && marker && !replyMarker && parent) target = answeredSentence(parent, next ?? u, input.earlierCorrections?.get(parent.id), index, u);
      // "No, kitchens are the city's" under "Is the fee only for ingredients?": an answer, not a correction.
      if (replyMarker && target?.unit.question) target = null;
      if (hasFact && target) {
        const ev: Span = marker ? [marker[0], marker[1]] : [u.words[verdict]!.start, u.words[verdict]!.end];
        found.push({ c: target, cue: 'explicit-marker', evidence: [ev], note: marker ? `marker "${marker[2]}"` : `says "${u.words[verdict]!.text}"`, confidence: 0.65 });
      }
    }
    // "The barrier was approved in 2021 ... Please get your facts right.": a closing rebuke makes the factual
    // sentence before it a correction of what it speaks of.
    const after = units[ui + 1]?.unit;
    const rebuke = after && factual ? rebukeAt(after.text) : null;
    if (rebuke && after) {
      const target = found[0]?.c ?? ranked.find((c) => overlap(u, c.unit).shared.length >= 2) ?? (parent ? answeredSentence(parent, u, input.earlierCorrections?.get(parent.id), index, u) : null);
      const off = after.span[0] - u.span[0];
      if (target) found.push({ c: target, cue: 'explicit-marker', evidence: [[off + rebuke[0], off + rebuke[1]]], note: `rebuke "${rebuke[2]}" after a fact`, confidence: 0.6 });
    }
    // A reply that meets the very article sentence its parent corrected answers the parent ("Sunita Rao the
    // council says the full price is £1,150" under "£400 ... is not subsidised"): its finding is aimed at the
    // parent's correcting sentence. Agreement openers ("Exactly, and ...") keep the article as the target.
    const parentFixes = parent && !AGREE.has(norm(units[0]!.unit.words[0]?.lower ?? '')) ? (input.earlierCorrections?.get(parent.id) ?? []).filter((x) => x.kind === 'article') : [];
    for (const f of found) {
      if (f.c.kind !== 'article' || parentFixes.length === 0) continue;
      const same = parentFixes.filter((x) => x.target.span[0] === f.c.abs[0] && x.target.span[1] === f.c.abs[1]);
      const answered = same.length > 0 ? answeredSentence(parent!, u, same, index, u) : null;
      if (answered) f.c = answered;
    }
    for (const f of found) {
      const c = f.c;
      const key = `${c.abs[0]}:${c.abs[1]}:${f.cue}`;
      if (seen.has(key)) continue;
      seen.add(key);
      previousTarget = c;
      const cue: Correction['cue'] = c.kind === 'post' && isCorrectionPost(c.post!) ? 'correction-of-correction' : f.cue;
      // Evidence spans are relative to the sentence: to post text, then to input offsets.
      const evidence: Evidence[] = f.evidence.map((sp) => {
        const rel: Span = [u.span[0] + sp[0], u.span[0] + sp[1]];
        return { span: toAbs(map, rel), text: post.text.slice(rel[0], rel[1]), cue: f.cue };
      });
      out.push({
        kind: c.kind === 'article' ? 'article' : 'post',
        target: c.kind === 'article' ? { kind: 'article', span: [c.abs[0], c.abs[1]], text: c.unit.text } : { kind: 'post', postId: c.post!.id, span: [c.abs[0], c.abs[1]], text: c.unit.text },
        evidence,
        cue,
        note: cue === 'correction-of-correction' ? `corrects a correction (${f.cue}): ${f.note}` : f.note,
        confidence: f.confidence,
      });
    }
  });
  return out;
}

/**
 * True when a sentence states something: at least three words with letters, not a header line ("Date: Tue, 3
 * Mar 2026", "On Tue, Mar 3, 2026 at 8:02 AM Ann <ann@x.org> wrote:"), not a counter row ("♥ 6", "Reply · 88").
 * Corrections never take their figures from, nor point at, such lines.
 */
function isStatement(u: Unit): boolean {
  return u.words.filter((w) => w.kind === 'word' && /[a-z]/i.test(w.text)).length >= 3 && !isChrome(u);
}

/** True for header lines and counter rows caught in a text (see `isStatement`); short replies ("So no.") are not chrome. */
function isChrome(u: Unit): boolean {
  const words = u.words.filter((w) => w.kind === 'word' && /[a-z]/i.test(w.text));
  if (words.length === 0) return true;
  const text = u.text.trim();
  if (/\bwrote:$/i.test(text) || /^[A-Z][\w-]{1,20}: [^a-z]*$/.test(text)) return true;
  if (/^(?:date|from|to|subject|sent|cc|message)\s*:/i.test(text)) return true;
  return /[<\s][\w.+-]+@[\w-]+\.[\w.]+/.test(text) && words.length < 8;
}

/** Openers that mock the view they answer ("Sure, because ...", "Sure, let's ...", "Yeah right"). */
function mocks(u: Unit): boolean {
  const first = u.words[0]?.lower;
  const second = u.words[1]?.lower.replace(/\u2019/g, "'");
  if (first === 'sure' && (second === 'because' || second === "let's" || second === 'let')) return true;
  return first === 'yeah' && second === 'right';
}

/** A detector's finding as a Correction (evidence spans from the sentence to input offsets). */
function toCorrection(f: DetectorFinding, u: Unit, post: CorrectionPost, map: (o: number) => number): Correction {
  const c = f.target;
  const evidence: Evidence[] = f.evidence.map((sp) => {
    const rel: Span = [u.span[0] + sp[0], u.span[0] + sp[1]];
    return { span: toAbs(map, rel), text: post.text.slice(rel[0], rel[1]), cue: f.cue };
  });
  return {
    kind: f.kind,
    target: c.kind === 'article' ? { kind: 'article', span: [c.abs[0], c.abs[1]], text: c.unit.text } : { kind: 'post', postId: c.post!.id, span: [c.abs[0], c.abs[1]], text: c.unit.text },
    evidence,
    cue: f.cue,
    note: f.note,
    confidence: f.strength,
  };
}

/** True when a sentence has a capitalised content word (a name), the first word included ("Trump told ..."). */
function namesSomeone(u: Unit): boolean {
  return u.capital.size > 0 || (u.words[0] !== undefined && isCapitalised(u.words[0]) && isContent(u.words[0]));
}

/** True when two comparable values differ (approximate values: one year, 15%). */
function differs(a: ClaimValue, b: ClaimValue): boolean {
  const ka = valueKeys(a);
  const kb = valueKeys(b);
  if (ka.length === 0 || kb.length === 0) return false;
  if (isDateValue(a) && isDateValue(b)) {
    const ya = parseInt(String(a.value), 10);
    const yb = parseInt(String(b.value), 10);
    if (Number.isFinite(ya) && Number.isFinite(yb)) return differentValue(ya, yb, a.approximate || b.approximate, 'year');
    return !ka.some((k) => kb.includes(k));
  }
  if (typeof a.value !== 'number' || typeof b.value !== 'number') return !ka.some((k) => kb.includes(k));
  return differentValue(a.value, b.value, a.approximate || b.approximate, a.kind);
}

/** Different dates or amounts for the same event in a post sentence and a target sentence. */
function differentValues(u: Unit, t: Unit, c: Candidate, shared: number, statedInArticle: (valueIndex: number) => boolean, speakerLinked = false): Finding[] {
  const out: Finding[] = [];
  // A sentence that repeats one of the target's values agrees on it; its other values are about other things
  // ("the table has 88.6% for the second dose and 93% for the first").
  if (u.keys.some((ks) => ks.some((k) => !k.startsWith('y:') && t.keys.some((tk) => tk.includes(k))))) return out;
  // "Germany: €12.82 an hour": figures under a topic label the other sentence does not name are about something else.
  const lu = topicLabel(u);
  const lt = topicLabel(t);
  if ((lu !== null && !t.content.has(lemma(lu)) && !t.lemmas.includes(lu)) || (lt !== null && !u.content.has(lemma(lt)) && !u.lemmas.includes(lt))) return out;
  u.values.forEach((pv, pi) => {
    if (pv.unit === 'decade' || pv.kind === 'entity' || u.personal.has(pi)) return;
    t.values.forEach((tv, ti) => {
      if (tv.unit === 'decade' || t.personal.has(ti)) return;
      const dates = isDateValue(pv) && isDateValue(tv);
      const sameUnit = !dates && pv.kind === tv.kind && unitKey(pv.unit, u.paraphrases) === unitKey(tv.unit, u.paraphrases) && pv.kind !== 'number';
      if (!dates && !sameUnit) return;
      const pn = typeof pv.value === 'number' ? pv.value : parseInt(String(pv.value), 10);
      const tn = typeof tv.value === 'number' ? tv.value : parseInt(String(tv.value), 10);
      if (!Number.isFinite(pn) || !Number.isFinite(tn)) return;
      if (!differentValue(pn, tn, pv.approximate || tv.approximate, dates ? 'year' : pv.kind)) return;
      if (!dates && statedInArticle(pi)) return;
      const ew = eventWords(u, pv.span);
      const tw = eventWords(t, tv.span);
      // Two reported statements of the same person (through a pronoun) are the same event.
      const sharedEvent = [...ew].some((w) => tw.has(w)) || (speakerLinked && u.speech && t.speech);
      if (!sharedEvent || shared + (sameUnit ? 1 : 0) < 1) return;
      out.push({
        c,
        cue: dates ? 'different-date' : 'different-number',
        evidence: [pv.span],
        note: `${pv.text} here, ${tv.text} in the ${c.kind === 'article' ? 'article' : 'earlier post'}`,
        confidence: 0.7,
      });
    });
  });
  return out;
}

/**
 * Very common words: two sentences sharing only these ("a day's work" / "a working day") speak of nothing in
 * particular together.
 */
const GENERAL_WORDS = new Set([
  'day', 'time', 'work', 'people', 'person', 'thing', 'stuff', 'way', 'year', 'week', 'month', 'lot', 'life', 'world',
  'place', 'part', 'point', 'good', 'bad', 'new', 'old', 'make', 'get', 'take', 'give', 'come', 'go', 'do', 'use',
  'look', 'want', 'need', 'know', 'say', 'see', 'man', 'woman', 'job',
]);

/**
 * Negated statement: the post denies what the target asserts ("Nobody watches Sony TVs"). A target the post
 * does not answer (not the article, not the parent) must share a denied word that is not a very common one.
 */
function negatedStatement(u: Unit, t: Unit, c: Candidate, answered: boolean): Finding | null {
  // A negation inside "people who have never ..." describes someone; it denies no statement.
  const scope = [...u.negated].filter((i) => !u.described.has(i));
  const denied = scope.map((i) => u.lemmas[i]!).filter((l) => u.content.has(l) && t.content.has(l));
  const deniedCommon = denied.filter((l) => !u.capital.has(l) && !t.capital.has(l));
  const targetNegated = denied.some((l) => indicesOf(t, l).some((i) => t.negated.has(i)));
  // The denied predicate itself (the first content word after the negator) must be the target's.
  const predicate = [...u.negPred].some((i) => t.content.has(u.lemmas[i]!));
  // "£400 for a flood door is not subsidised" vs "a subsidised price of £400": the figure both state is the
  // second anchor when the denied predicate alone is shared.
  const anchors = denied.length + (sharedFigure(u, t) ? 1 : 0);
  if (anchors < 2 || deniedCommon.length < 1 || targetNegated || !predicate) return null;
  if (!answered && denied.every((l) => GENERAL_WORDS.has(l))) return null;
  const idx = scope.filter((i) => denied.includes(u.lemmas[i]!));
  let from = Math.min(...idx);
  while (from > 0 && !isNegator(u.words[from]!)) from--;
  return { c, cue: 'negated-statement', evidence: [[u.words[from]!.start, u.words[Math.max(...idx)]!.end]], note: `denies: ${deniedCommon.join(', ')}`, confidence: 0.6 };
}

const COMPARATIVES = new Set(['worse', 'bigger', 'higher', 'larger', 'deeper', 'longer', 'greater', 'heavier', 'wetter', 'colder', 'hotter', 'stronger', 'deadlier', 'busier']);

/**
 * Counterexample: the target says something was never so ("never seen flooding like the last three
 * winters"), the post names a dated instance that was worse ("the 2007 flood was worse").
 */
function counterexample(u: Unit, t: Unit, c: Candidate): Finding | null {
  const never = t.words.findIndex((w) => w.lower === 'never');
  if (never < 0) return null;
  const cmp = u.words.findIndex((w) => COMPARATIVES.has(w.lower));
  const year = u.values.findIndex((v, vi) => isDateValue(v) && !u.personal.has(vi));
  if (cmp < 0 || year < 0 || u.negated.has(cmp)) return null;
  const shared = [...t.negated].filter((i) => i > never && !t.capital.has(t.lemmas[i]!) && indicesOf(u, t.lemmas[i]!).some((k) => !u.negated.has(k) && isContent(u.words[k]!)));
  if (shared.length === 0) return null;
  return { c, cue: 'refuting-fact', evidence: [u.values[year]!.span, [u.words[cmp]!.start, u.words[cmp]!.end]], note: `a dated instance that was ${u.words[cmp]!.text}, where the target says never`, confidence: 0.5 };
}

/** True when both sentences state the same amount (not a year; never a value about the writer's own life). */
function sharedFigure(u: Unit, t: Unit): boolean {
  return u.keys.some((ks, vi) => !u.personal.has(vi) && ks.some((k) => !k.startsWith('y:') && t.keys.some((tk, ti) => !t.personal.has(ti) && tk.includes(k))));
}

/** Refuting fact: a factual post sentence asserts the predicate the target negates ("doesn't have to help"). */
function refutingFact(u: Unit, t: Unit, c: Candidate, ov: { shared: string[]; common: number }): Finding | null {
  const refuted = [...t.negPred].map((i) => t.lemmas[i]!).filter((l) => u.content.has(l) && !t.capital.has(l) && !u.capital.has(l));
  const asserted = (i: number): boolean => !u.negated.has(i) && !hypotheticalBefore(u, i);
  const assertedPlain = refuted.filter((l) => indicesOf(u, l).some(asserted));
  if (assertedPlain.length < 1 || ov.shared.length < 2 || ov.common < 2) return null;
  const ix = indicesOf(u, assertedPlain[0]!).find(asserted)!;
  const value = u.values.find((v) => /\d/.test(v.text));
  const evidence: Span[] = [[u.words[ix]!.start, u.words[ix]!.end]];
  if (value) evidence.unshift(value.span);
  return { c, cue: 'refuting-fact', evidence, note: `states "${assertedPlain[0]}" where the target negates it`, confidence: 0.55 };
}

/**
 * "Y, not X": a value X is looked up among the window's sentences (the one that says "June 1", not the one
 * that merely shares words); a word X must stand in the parent post or the article, next to a shared word.
 * Y equal to X ("15% over three years, not 15% per year") corrects a unit, not a value: no finding.
 */
function notClauseFinding(
  u: Unit,
  nx: NotClause,
  index: ThreadIndex,
  win: IndexWindow,
  best: (ids: Iterable<number>) => Candidate | null,
  ranked: readonly Candidate[],
  parentId: string | null,
): Finding | null {
  if ('value' in nx.x || nx.xKeys.length > 0) {
    const x = 'value' in nx.x ? u.values[nx.x.value]! : null;
    const xText = x ? x.text : u.words[(nx.x as { word: number }).word]!.text;
    const y = nx.yValue !== null ? u.values[nx.yValue]! : null;
    if (y && x && !differs(y, x)) return null;
    // The most specific key of X: a month-day or month-year before a bare year.
    const key = nx.xKeys.find((k) => k.startsWith('md:')) ?? nx.xKeys.find((k) => k.startsWith('ym:')) ?? nx.xKeys[0];
    if (key === undefined) return null;
    const target = best(index.withValue(key, win));
    if (!target) return null;
    const dates = y !== null && isDateValue(y) && (x === null || isDateValue(x));
    const note = y ? `${y.text}, not ${xText}` : `not ${xText}`;
    return { c: target, cue: dates ? 'different-date' : 'not-x-but-y', evidence: [nx.span], note, confidence: 0.7 };
  }
  if (!('word' in nx.x)) return null;
  const xi = nx.x.word;
  const lx = u.lemmas[xi]!;
  for (const c of ranked) {
    if (c.kind === 'post' && c.post!.id !== parentId) continue;
    const at = indicesOf(c.unit, lx);
    if (at.length === 0 || at.some((i) => c.unit.negated.has(i)) || c.unit.question) continue;
    const others = [...u.content].filter((l) => l !== lx && c.unit.content.has(l));
    if (others.length === 0) continue;
    return { c, cue: 'not-x-but-y', evidence: [nx.span], note: `not ${u.words[xi]!.text}`, confidence: 0.6 };
  }
  // "national average, not your town" under "$3.08? Not in my town.": X is the parent's word (even denied
  // there) and Y the article's, which the parent does not use: the reply restores the article's reading.
  const ys = u.words.slice(Math.max(0, nx.notAt - 3), nx.notAt).flatMap((t, k) => {
    const i = Math.max(0, nx.notAt - 3) + k;
    return isContent(t) && !isCapitalised(t) && t.kind === 'word' ? [u.lemmas[i]!] : [];
  });
  const inArticle = (l: string): boolean => {
    for (let i = 0; i < index.articleCount; i++) if (index.cands[i]!.unit.content.has(l)) return true;
    return false;
  };
  for (const c of ranked) {
    if (c.kind !== 'post' || c.post!.id !== parentId || c.unit.question || indicesOf(c.unit, lx).length === 0) continue;
    const y = ys.find((l) => l !== lx && !c.unit.content.has(l) && inArticle(l));
    if (y !== undefined) return { c, cue: 'not-x-but-y', evidence: [nx.span], note: `${y}, as the article says, not ${u.words[xi]!.text}`, confidence: 0.55 };
  }
  // "Ten million rows is the benchmark in the notes, not a limit": a figure opening the sentence, said to be
  // *the* Y rather than X, re-reads the sentence that states that figure (found by value). An opinion
  // ("£2.10 is a bargain, not a scandal") has no "is the": no finding.
  const v = u.values[0];
  if (v && v.kind !== 'entity' && !isDateValue(v) && u.words[0] !== undefined && v.span[0] <= u.words[0].start && !u.personal.has(0)) {
    const be = u.words.findIndex((t) => t.start >= v.span[1] && /^(is|was|are|were)$/.test(t.lower));
    if (be > 0 && be < nx.notAt && u.words[be + 1]?.lower === 'the') {
      const target = best(u.keys[0]!.flatMap((k) => index.withValue(k, win)));
      if (target) return { c: target, cue: 'not-x-but-y', evidence: [nx.span], note: `${v.text} is ${u.words[be + 2]?.text ?? ''}, not ${u.words[xi]!.text}`, confidence: 0.55 };
    }
  }
  return null;
}

const HAVE = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were']);
const NONE = new Set(['none', 'no', 'nothing', 'zero']);
const SOME = new Set(['one', 'a', 'an', 'some', 'two', 'three', 'several']);

/** The parent says "X has none"; the reply opens with "It has one" (same verb, a positive quantity). */
function answersDenial(u: Unit, parentSentences: readonly Candidate[]): Finding | null {
  const w = u.words;
  const at = w.findIndex((t, i) => i < 4 && HAVE.has(t.lower) && w[i + 1] !== undefined && (SOME.has(w[i + 1]!.lower) || w[i + 1]!.kind === 'number'));
  if (at < 0) return null;
  const verb = lemma(w[at]!.lower);
  for (const c of parentSentences) {
    const pw = c.unit.words;
    if (pw.some((t, i) => HAVE.has(t.lower) && lemma(t.lower) === verb && NONE.has(pw[i + 1]?.lower ?? ''))) {
      return { c, cue: 'refuting-fact', evidence: [[w[at]!.start, w[at + 1]!.end]], note: `"${w[at]!.text} ${w[at + 1]!.text}" where the post said none`, confidence: 0.55 };
    }
  }
  return null;
}

const AGREE = new Set(['yes', 'yeah', 'yep', 'exactly', 'right', 'correct', 'true', 'indeed', 'agreed', 'agree']);
const BELIEFS = ['i thought', 'i believed', 'i assumed', 'i was under the impression', 'i had heard', 'i heard'];

/** The parent says "I thought it was X"; the reply states what X is. */
function answersBelief(u: Unit, parentSentences: readonly Candidate[]): Finding | null {
  for (const c of parentSentences) {
    if (markerAt(c.unit.text, BELIEFS) === null) continue;
    for (const [vi, ks] of u.keys.entries()) {
      if (u.personal.has(vi) || !ks.some((k) => c.unit.keys.some((tk) => tk.includes(k)))) continue;
      const v = u.values[vi]!;
      return { c, cue: 'refuting-fact', evidence: [v.span], note: `says what ${v.text} is, where the post believed otherwise`, confidence: 0.5 };
    }
  }
  return null;
}

/** A "Y, not X" clause between two different values ("2008, not 2006"). */
function valueCorrection(u: Unit): boolean {
  const nx = notClause(u);
  return nx !== null && 'value' in nx.x && nx.yValue !== null && differs(u.values[nx.yValue]!, u.values[nx.x.value]!);
}

/** The quoted words of a sentence as a unit ("'highest turnout in twenty years' is wrong"), or null. */
function quotedUnit(u: Unit): Unit | null {
  const m = /["\u201c]([^"\u201d]{3,200})["\u201d]/.exec(u.text);
  return m ? makeUnit(m[1]!, [u.span[0] + m.index + 1, u.span[0] + m.index + 1 + m[1]!.length], u.paraphrases) : null;
}

/**
 * The sentence of the answered post a marker reply corrects: the one carrying that post's own correction,
 * else the one closest to what follows the marker, else its first.
 */
function answeredSentence(parent: CorrectionPost, probe: Unit, corrections: readonly Correction[] | undefined, index: ThreadIndex, self: Unit): Candidate | null {
  const ids = index.sentencesOf(parent);
  const cands = ids.map((i) => index.cands[i]!);
  for (const c of corrections ?? []) {
    for (const e of c.evidence) {
      const hit = cands.find((x) => x.abs[0] <= e.span[0] && e.span[1] <= x.abs[1]);
      if (hit) return hit;
    }
  }
  let top: Candidate | null = null;
  let topScore = 0;
  for (const c of cands) {
    const s = affinity(probe, c.unit) + affinity(self, c.unit);
    if (s > topScore) {
      top = c;
      topScore = s;
    }
  }
  return top ?? cands[0] ?? null;
}

const HYPOTHETICAL = new Set(['if', 'whether', 'would', 'could', 'might', 'should', 'may', 'asked', 'wonder', 'wondered', 'maybe', 'perhaps']);

/** True when a conditional, modal or question word stands within six words before word `i`. */
function hypotheticalBefore(u: Unit, i: number): boolean {
  for (let k = Math.max(0, i - 6); k < i; k++) if (HYPOTHETICAL.has(u.words[k]!.lower)) return true;
  return false;
}

/**
 * Posts that concede ("My mistake", "You're right, I misremembered", "Fair enough", or a change to the writer's
 * text: "Correcting it now", "We've added a line to the piece") linked to the post that corrected their author.
 * `corrections` maps each earlier post id to its corrections.
 */
export function findConcessions(input: CorrectionInput & { corrections: ReadonlyMap<string, readonly Correction[]> }): Concession[] {
  validate(input);
  if (!(input.corrections instanceof Map)) throw new ThreadlensOptionError('corrections', input.corrections, 'must be a Map of post id to corrections');
  const { post } = input;
  const map = lineOffsetMapper(post);
  const lower = norm(post.text);
  let at = -1;
  let end = -1;
  let phrase = '';
  for (const p of CONCESSIONS) {
    const i = lower.indexOf(p);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      end = i + p.length;
      phrase = p;
    }
  }
  // "Correcting it now", "We've added a line to the piece": the writer changed their text.
  const amended = amendmentAt(post.text);
  if (amended && (at < 0 || amended[0] < at)) {
    [at, end] = amended;
    phrase = norm(amended[2]);
  }
  if (at < 0) return [];
  const authorOf = new Map(input.earlier.map((p) => [p.id, p.author]));
  const correctors: string[] = [];
  for (const p of input.earlier) {
    const cs: readonly Correction[] = input.corrections.get(p.id) ?? [];
    if (cs.some((c) => c.target.kind === 'post' && post.author !== null && authorOf.get(c.target.postId) === post.author && p.author !== post.author)) correctors.push(p.id);
  }
  // The article's author (or anyone) conceding straight to a post that corrected the article.
  if (correctors.length === 0 && post.parentId !== null && (input.corrections.get(post.parentId) ?? []).some((c: Correction) => c.kind === 'article')) correctors.push(post.parentId);
  // "Thanks both ... We've added a line to the piece" under a reply to the post that corrected the article: a
  // change to the text concedes the nearest correction of the article up the reply chain (three posts at most).
  if (correctors.length === 0 && amended) {
    const byId = new Map(input.earlier.map((p) => [p.id, p]));
    let p = post.parentId !== null ? byId.get(post.parentId) : undefined;
    for (let depth = 0; p && depth < 3; depth++, p = p.parentId !== null ? byId.get(p.parentId) : undefined) {
      if ((p.author === null || p.author !== post.author) && (input.corrections.get(p.id) ?? []).some((c: Correction) => c.kind === 'article')) {
        correctors.push(p.id);
        break;
      }
    }
  }
  // "You're right, 2008" under "opened in 2008, not 2006. The video says 2006": the parent corrects something
  // outside the dump (a video, a broadcast), so it has no target, but its "Y, not X" with two different values
  // is a correction all the same.
  if (correctors.length === 0 && post.parentId !== null) {
    const parent = input.earlier.find((p) => p.id === post.parentId);
    if (parent && (parent.author === null || parent.author !== post.author) && postUnits(parent, input.paraphrases).some(({ unit }) => valueCorrection(unit))) correctors.push(parent.id);
  }
  if (correctors.length === 0) return [];
  const chosen = post.parentId && correctors.includes(post.parentId) ? post.parentId : correctors[correctors.length - 1]!;
  const span = toAbs(map, [at, end]);
  return [{ postId: chosen, evidence: { span, text: post.text.slice(at, end), cue: `concession:${phrase}` } }];
}
