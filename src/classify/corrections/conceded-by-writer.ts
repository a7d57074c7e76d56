/**
 * A correction the corrected writer concedes (session 38, corr41): a reply P to a post Q by someone else, where no
 * detector found anything, corrects Q when a later reply to P by Q's author admits an error or P's rightness ("you're
 * right, my mistake", "I didn't know that", "my bad"). What P says may share no value or word with Q ("Route 9 is
 * a state road"); the corrected writer's own answer is the evidence that P corrected a fact of theirs. Only a phrase
 * that admits an error or grants that the other is right counts: "fair point" and "fair enough" grant an argument (an
 * opinion, a moderator's reminder) and are left out. It needs the posts after P, so the corrections step runs it once
 * every post is done (`findCorrections` reads one post and the posts before it).
 */
import type { Correction } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';
import { lineOffsetMapper } from '../../text/remap.js';
import { isPageChromeSentence } from './chrome-target.js';
import { CONCESSIONS } from './concessions.js';
import { pairFeatures } from './pair-features.js';
import type { Paraphrases } from './paraphrase.js';
import { affinity } from './self.js';
import { postUnits, toAbs, type CorrectionPost } from './thread-index.js';
import type { Unit } from './units.js';

/** The conceding phrases that only grant a point or an argument, not an error: not read here. */
const GRANTS_A_POINT = new Set(['fair point', 'fair enough']);

/** The phrases of `findConcessions`' list that admit an error or that the other is right. */
const ADMISSIONS = CONCESSIONS.filter((p) => !GRANTS_A_POINT.has(p));

/** Whether `text` holds an admitting phrase as whole words. */
export function admitsError(text: string): boolean {
  const lower = text.toLowerCase().replace(/\u2019/g, "'");
  for (const p of ADMISSIONS) {
    for (let i = lower.indexOf(p); i >= 0; i = lower.indexOf(p, i + 1)) {
      const before = i === 0 ? ' ' : lower[i - 1]!;
      const after = lower[i + p.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    }
  }
  return false;
}

/** A sentence that states something (three words, not page chrome, not a question). */
const states = (u: Unit): boolean => !u.question && u.words.length >= 3 && !isPageChromeSentence(u.text, u.words);

/**
 * The `post` corrections the corrected writers' concessions show, by the id of the correcting post. `posts` are the
 * thread's posts in dump order; `found` the corrections already found per post id (a post with any is left alone).
 * `score` turns the pair's features into the confidence.
 */
export function findConcededByWriter(
  posts: readonly CorrectionPost[],
  found: ReadonlyMap<string, readonly Correction[]>,
  score: (features: Array<[string, number]>) => number,
  paraphrases?: Paraphrases,
): Map<string, Correction> {
  const out = new Map<string, Correction>();
  // The posts before the reply, by id (the last of an id winning, as the thread has them).
  const byId = new Map<string, CorrectionPost>();
  for (const w of posts) {
    byId.set(w.id, w);
    if (w.parentId === null || w.author === null || w.text === '') continue;
    const p = byId.get(w.parentId);
    if (!p || out.has(p.id) || p.author === null || p.author === w.author || p.parentId === null || p.text === '') continue;
    if ((found.get(p.id) ?? []).length > 0) continue;
    const q = byId.get(p.parentId);
    if (!q || q.author !== w.author || q.id === p.id) continue;
    // The cheap scan of the words first: most replies by the parent's parent's writer admit nothing.
    if (!admitsError(w.text)) continue;
    const wUnits = postUnits(w, paraphrases);
    if (wUnits.length === 0 || wUnits.every(({ unit }) => unit.question)) continue;
    const pUnits = postUnits(p, paraphrases).filter(({ unit }) => states(unit));
    const qUnits = postUnits(q, paraphrases).filter(({ unit }) => states(unit));
    if (pUnits.length === 0 || qUnits.length === 0) continue;
    // Q's sentence P's sentences share most with; Q's first statement when they share nothing.
    let target = qUnits[0]!;
    let best = 0;
    for (const x of qUnits) {
      for (const { unit } of pUnits) {
        const a = affinity(unit, x.unit);
        if (a > best) {
          best = a;
          target = x;
        }
      }
    }
    const evidence = pUnits[0]!;
    const features = pairFeatures({
      detector: 'explicit-marker',
      cue: 'explicit-marker',
      kind: 'post',
      strength: 0.5,
      sentence: evidence.unit,
      target: target.unit,
      repliesToTarget: true,
      isReply: true,
      links: ['conceded-by-writer'],
    });
    const span: Span = toAbs(lineOffsetMapper(p), evidence.unit.span);
    out.set(p.id, {
      kind: 'post',
      target: { kind: 'post', postId: q.id, span: target.abs, text: target.unit.text },
      evidence: [{ span, text: p.text.slice(evidence.unit.span[0], evidence.unit.span[1]), cue: 'explicit-marker' }],
      cue: 'explicit-marker',
      detector: 'explicit-marker',
      note: `the writer of ${q.id} concedes it in ${w.id}`,
      confidence: Math.round(score(features) * 1000) / 1000,
    });
  }
  return out;
}
