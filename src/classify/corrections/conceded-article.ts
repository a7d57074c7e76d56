/**
 * The article's side granting a correction of the article (session 31): a reply to someone else's post whose
 * correction of the article was found, in which the writer says the text was changed to take it in ("We've corrected
 * the story", "I'll fix the update", "Story updated", "it has been corrected"), says the article was wrong: an
 * `article` correction of the very sentence the parent corrected. A conceding phrase alone ("You're right, it was
 * June", "Right, I misread it") is a concession, not a correction: it does not say whose text was wrong, and a reader
 * conceding their own misreading has corrected nothing (the labelling decision of session 31, docs/corrections.md).
 * Not when the parent answered the writer's own post: that concedes the writer's slip.
 */
import type { Correction } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';
import { wordTokens } from '../../text/word-tokens.js';
import { AMEND_DONE, AMEND_TEXT, amendmentAt } from './clauses.js';
import { concessionPhraseAt } from './concessions.js';
import { toAbs, type CorrectionPost } from './thread-index.js';
import type { Unit } from './units.js';

/** What the corrections pipeline already knows of the post (a subset of its `PostScope`). */
export interface ConcededArticleScope {
  readonly post: CorrectionPost;
  readonly sentences: ReadonlyArray<{ unit: Unit; abs: Span }>;
  readonly parent: CorrectionPost | undefined;
  readonly earlierCorrections: ReadonlyMap<string, readonly Correction[]> | undefined;
  postById(id: string | null): CorrectionPost | undefined;
}

/** Openers of a sarcastic concession ("Sure, you're right, ..."; "Yeah right"): no concession. */
const MOCKING = /^\s*(?:sure|oh sure|yeah,? right|right,? because)\b/i;

/** Auxiliaries between a changed text and its verb ("it has been corrected", "the story is now updated"). */
const PASSIVE_AUX = new Set(['has', 'have', 'been', 'is', 'was', 'now', 'just', 'already', 'since']);

/**
 * Where the writer reports their text changed with the text as subject: "Story updated", "it has been corrected",
 * "The article was amended". `[start, end]` in `text`, or null. One of the text nouns (`AMEND_TEXT`) directly before
 * the verb, past at most three auxiliaries, or "it"/"this" in the perfect.
 */
export function textChangedAt(text: string): Span | null {
  const toks = wordTokens(text);
  const low = (i: number): string => toks[i]?.lower ?? '';
  for (let i = 0; i < toks.length; i++) {
    if (!AMEND_DONE.has(low(i))) continue;
    let b = i - 1;
    while (b >= 0 && i - b <= 3 && PASSIVE_AUX.has(low(b))) b--;
    const subject = low(b);
    const pronoun = subject === 'it' || subject === 'this';
    if (!pronoun && !AMEND_TEXT.has(subject)) continue;
    // "it was changed in 2019" may be the policy: a pronoun counts only in the perfect ("it has been corrected").
    if (pronoun && !toks.slice(b + 1, i).some((t) => t.lower === 'been')) continue;
    // "the comment" / "your post" name another text: only the writer's side's text ("story", "the article", "it").
    if (low(b - 1) === 'your' || low(b - 1) === 'his' || low(b - 1) === 'her' || low(b - 1) === 'their') continue;
    if (subject === 'comment') continue;
    return [toks[b]!.start, toks[i]!.end];
  }
  return null;
}

/** The `article` correction a reply granting its parent's correction of the article makes, or null. */
export function findConcededArticle(scope: ConcededArticleScope, map: (offset: number) => number): Correction | null {
  const { post, parent, sentences } = scope;
  if (post.parentId === null || !parent || (post.author !== null && parent.author === post.author)) return null;
  // A parent answering the writer's own post corrected the writer: conceding it grants the writer's slip (a `self`
  // matter, conceded-self.ts), whatever article sentence the parent's correction names.
  if (post.author !== null && scope.postById(parent.parentId)?.author === post.author) return null;
  const fixed = (scope.earlierCorrections?.get(parent.id) ?? []).find((c) => c.kind === 'article');
  if (!fixed || MOCKING.test(post.text)) return null;
  const amended = amendmentAt(post.text);
  const changed: Span | null = amended ? [amended[0], amended[1]] : textChangedAt(post.text);
  if (!changed) return null;
  // The change stands in a statement, not a question ("Have you corrected it?").
  const inQuestion = sentences.some(({ unit }) => unit.question && unit.span[0] <= changed[0] && changed[0] < unit.span[1]);
  if (inQuestion) return null;
  const listed = concessionPhraseAt(post.text);
  const evidence = [listed, changed]
    .filter((s): s is Span => s !== null)
    .map((s) => ({ span: toAbs(map, s), text: post.text.slice(s[0], s[1]), cue: 'explicit-marker' as const }));
  return {
    kind: 'article',
    target: { kind: 'article', span: fixed.target.span, text: fixed.target.text },
    evidence,
    cue: 'explicit-marker',
    detector: 'explicit-marker',
    note: `grants the parent's correction of the article (${post.text.slice(changed[0], changed[1])})`,
    confidence: 0.5,
  };
}
