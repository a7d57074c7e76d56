/**
 * Concessions: posts that concede ("My mistake", "You're right, I misremembered", "Fair enough", or a change
 * to the writer's text: "Correcting it now", "We've added a line to the piece"), linked to the post that
 * corrected their author.
 */
import type { Concession, Correction } from '../../schema/classify.js';
import { ThreadlensOptionError } from '../../errors.js';
import { lineOffsetMapper } from '../../text/remap.js';
import { amendmentAt, notClause } from './clauses.js';
import { differs } from './compare.js';
import type { CorrectionInput } from './index.js';
import { postUnits, toAbs } from './thread-index.js';
import type { Unit } from './units.js';
import { validateInput } from './validate.js';
import { wordTokens } from '../../text/word-tokens.js';

/** Conceding phrases, lower case ("my mistake", "fair enough"): `concessionPhraseAt` finds the first. */
export const CONCESSIONS: readonly string[] = [
  'my mistake', 'my bad', 'i stand corrected', "you're right", 'you are right', 'i was wrong', 'good catch',
  'fair point', 'i misremembered', 'point taken', 'thanks for the correction', 'you got me', 'i was mistaken',
  'my error', "you're correct", 'you are correct', "didn't know that", 'did not know that', 'correction accepted',
  'i retract', 'i misread', 'i stand to be corrected', 'fair enough',
];

function norm(s: string): string {
  return s.toLowerCase().replace(/\u2019/g, "'");
}

/** Where the first conceding phrase of the list stands in `text` ([start, end)), or null (the earliest; on a tie, the one listed first). */
export function concessionPhraseAt(text: string): [number, number] | null {
  const lower = norm(text);
  let best: [number, number] | null = null;
  for (const p of CONCESSIONS) {
    const i = lower.indexOf(p);
    if (i >= 0 && (best === null || i < best[0])) best = [i, i + p.length];
  }
  return best;
}

/** A "Y, not X" clause between two different values ("2008, not 2006"). */
function valueCorrection(u: Unit): boolean {
  const nx = notClause(u);
  return nx !== null && 'value' in nx.x && nx.yValue !== null && differs(u.values[nx.yValue]!, u.values[nx.x.value]!);
}

/**
 * Posts that concede ("My mistake", "You're right, I misremembered", "Fair enough", or a change to the writer's
 * text: "Correcting it now", "We've added a line to the piece") linked to the post that corrected their author.
 * `corrections` maps each earlier post id to its corrections.
 */
export function findConcessions(input: CorrectionInput & { corrections: ReadonlyMap<string, readonly Correction[]> }): Concession[] {
  validateInput(input);
  if (!(input.corrections instanceof Map)) throw new ThreadlensOptionError('corrections', input.corrections, 'must be a Map of post id to corrections');
  const { post } = input;
  const map = lineOffsetMapper(post);
  const listed = concessionPhraseAt(post.text);
  let [at, end] = listed ?? [-1, -1];
  let phrase = listed ? norm(post.text.slice(at, end)) : '';
  // "Correcting it now", "We've added a line to the piece": the writer changed their text.
  const read = input.prepared?.read;
  const amended = amendmentAt(post.text, read && read.text === post.text ? read.words : wordTokens(post.text));
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
