/**
 * Session 29 (stance29, measured and NOT shipped; docs/stance.md "session 29"): a learned re-reading of a top-level
 * post's side toward a thread target. A top-level post has no parent to lean on: its side is read from its own tone
 * (the stance model, a change target's object, the comment register's fill), and that tone is often aimed at
 * something else (the problem a decision answers, a third party, the article's facts). This reads the post again
 * from what the steps already found, as named values for one softmax over favor / against / none:
 * - the reading it has (label, the kind of its cue, its confidence) and whether the post names the target;
 * - its tone: the general sentiment score of the post, of its first and last sentences, the lowest and highest, the
 *   sarcasm flip, the comment register's probabilities (given: in a study, a register fit without the round);
 * - **the tone aimed at the target** (`aimed:*`): the sentences that speak of the target (a word of its name by its
 *   first five letters, a form of a change target's head) or of the article's decision in general (a sentence that
 *   opens on "this", "that" or "it", or holds a noun of a decision: a closed class), their number and summed score;
 * - a change target's direction (a removal or an increase: src/classify/stance/change-object.ts) crossed with the
 *   post's and the aimed tone, so a complaint can read against a cut and for a ban from the same weights;
 * - what the post does: a question, a correction, thanks or other acts, an insult score; its length.
 * No word of content is a feature (session 26's word layer carried its round's topics).
 */
import type { StanceResult } from '../../../src/schema/classify.js';
import { changeDirection } from '../../../src/classify/stance/change-object.js';

/** The fields of an output post the reading reads. */
export interface TopLevelPost {
  readonly text: string;
  readonly sentiment?: { readonly score: number; readonly sentences: ReadonlyArray<{ readonly span: readonly [number, number]; readonly score: number }>; readonly sarcasmLevel?: string } | null;
  readonly acts?: ReadonlyArray<{ readonly act: string }> | null;
  readonly corrections?: readonly unknown[] | null;
  readonly moderation?: { readonly insult?: { readonly score: number } } | null;
  /** Where the post's text starts in the input (sentence spans are input offsets). */
  readonly span: readonly [number, number];
}

export const TOP_LEVEL_LABELS = ['favor', 'against', 'none'] as const;

// A sentence that opens on a pronoun for the article's decision ("This is overdue.", "It won't work."), after an
// optional short discourse word; closed class, linear.
const OPENS_ON_DECISION = /^\W*(?:(?:so|and|but|honestly|frankly|well|ok|okay|yes|no)[,.]?\s+)?(?:this|that|it)\b/i;
// Nouns of a decision or a measure (closed class, the kind of thing a news article's subject is).
const DECISION_NOUN = /\b(?:decision|decisions|plan|plans|proposal|move|change|changes|rule|rules|policy|ruling|idea|vote|scheme|measure|measures|law|bill)\b/i;

/** Lower-cased content words of a target name, as five-letter prefixes (words of three letters or more). */
function nameStems(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3)
    .map((w) => w.slice(0, 5));
}

/** Whether a sentence speaks of the target or of the article's decision. */
export function aimedAt(sentence: string, stems: readonly string[]): boolean {
  if (OPENS_ON_DECISION.test(sentence) || DECISION_NOUN.test(sentence)) return true;
  const words = sentence.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.some((w) => w.length >= 3 && stems.some((s) => w.startsWith(s)));
}

const sideSign = (label: string): number => (label === 'favor' ? 1 : label === 'against' ? -1 : 0);

/**
 * The named values of a top-level post's reading `s` toward `target`, with the comment register's probabilities
 * (negative, neutral, positive) of the post.
 */
export function topLevelFeatures(post: TopLevelPost, s: StanceResult, target: string, register: readonly number[]): Map<string, number> {
  const f = new Map<string, number>();
  const add = (k: string, v: number): void => void f.set(k, (f.get(k) ?? 0) + v);
  add('bias', 1);
  const cue = (s.evidence.find((e) => e.cue !== 'mention')?.cue ?? 'none').replace(/:.*/s, '');
  add(`read:${s.label}`, 1);
  add(`cue:${cue}:${s.label}`, 1);
  add('read-signed', sideSign(s.label) * s.confidence);
  if (s.implicit !== true) add('named', 1);
  const [neg = 0, , pos = 0] = register;
  add('reg:neg', neg);
  add('reg:pos', pos);
  const sent = post.sentiment;
  const scores = (sent?.sentences ?? []).map((x) => x.score);
  const score = sent?.score ?? 0;
  add('sent:post', score);
  if (scores.length > 0) {
    add('sent:first', scores[0]!);
    add('sent:last', scores[scores.length - 1]!);
    add('sent:min', Math.min(...scores));
    add('sent:max', Math.max(...scores));
  }
  if (sent?.sarcasmLevel === 'flip') add('sarcasm', 1);
  // The tone aimed at the target or the article's decision.
  const stems = nameStems(target);
  let aimed = 0;
  let aimedSum = 0;
  for (const x of sent?.sentences ?? []) {
    const text = post.text.slice(x.span[0] - post.span[0], x.span[1] - post.span[0]);
    if (!aimedAt(text, stems)) continue;
    aimed++;
    aimedSum += x.score;
  }
  add('aimed:none', aimed === 0 ? 1 : 0);
  add('aimed:sum', aimedSum);
  add('unaimed:sum', scores.reduce((a, b) => a + b, 0) - aimedSum);
  const change = changeDirection(target);
  if (change) {
    const dir = change.direction;
    add(`change:${dir}`, 1);
    add(`change:${dir}*sent`, score);
    add(`change:${dir}*aimed`, aimedSum);
    add(`change:${dir}*reg`, pos - neg);
  }
  for (const act of new Set((post.acts ?? []).map((a) => a.act))) add(`act:${act}`, 1);
  if ((post.corrections ?? []).length > 0) add('corrects', 1);
  add('insult', post.moderation?.insult?.score ?? 0);
  add('words:log', Math.log1p(post.text.split(/\s+/).filter(Boolean).length) / 5);
  return f;
}

/** The reading `s` re-read as `label` (favor, against or none) with probability `p`: evidence kept when the side is kept. */
export function reread(s: StanceResult, label: (typeof TOP_LEVEL_LABELS)[number], p: number, firstSentence: { span: [number, number]; text: string } | undefined): StanceResult {
  const as = label === 'none' ? 'neutral' : label;
  if (as === s.label) return s;
  const evidence = firstSentence ? [{ span: firstSentence.span, text: firstSentence.text, cue: `top-level:${label}` }] : [];
  return { target: s.target, label: as, confidence: Math.round(p * 100) / 100, evidence, ...(s.implicit === true ? { implicit: true } : {}) };
}
