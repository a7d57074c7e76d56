/**
 * The parser's fallback on layouts its rules do not know: a learned model of what each line of a dump is (article,
 * author, meta, start of a post's text, body, chrome), by shape only (src/ingest/line-features.ts), fit on the
 * project's own fixtures and blind threads by scripts/train/train-line-roles.ts. Used only when the rules read no post at all, or ran
 * posts together under heads they took for text (`takeModel`), or a quarter of their authors cannot be names (or carry the head's frame, session 32) and the
 * model's reading has under half that share (`takeForAuthors`, session 31), or the two readings' post counts differ by
 * the rules' doing and the model is sure of its start lines (`countArm`, sessions 33-34: shape33b), and the model has at least three start lines (a
 * fourth arm, the two readings placing too few posts alike, `agreementArm`, session 41, is read by the studies only: off
 * in the library): then
 * each predicted start opens a post, its text runs to
 * the next post's head, the author is read from the nearest predicted author line above it, or from a head on the
 * start line itself (`Name: text`, `[09:14] Name: text`, `0:05:03 name: text`, `12.04. 09:14 Name: text`); a removal
 * note is a removed post in its place (session 25). Parents are left to the usual resolution (@name, quotes, "in reply
 * to"). Decided in advance (docs/dump-styles.md, sessions 18 and 20), not tuned. Set left out on the blind threads the
 * model alone read unseen layouts below the rules' first try (session 25); with the dump-level recurrence features of
 * session 31 (line-recurrence.ts) a little above it, still far below the rules once they know a layout: a fallback.
 */
import { lazyModel, predict, type LinearModel } from '../learn/model.js';
import type { Span } from '../schema/common.js';
import type { BlockKind } from '../schema/document.js';
import { isBlank, type Line } from './lines.js';
import { LINE_ROLES, lineFeatures, readInlineHead, type LineRole } from './line-features.js';
import { varyingName } from './line-recurrence.js';
import { readCommaHeader, readFooter, readHandleOnlyLine, readNameLine, readReplyLine, readTimeLine, readWidgetHeader, timeKind } from './styles/header-cues.js';
import type { RawPost, SectionParse } from './types.js';
import { newPost } from './styles/counted.js';
import { isRemovedPlaceholder } from './section-cues.js';
import { splitLeadingQuotes } from '../thread/split-quote.js';
import modelData from './line-roles.model.json' with { type: 'json' };
import { arbiterProbability, arbiterTakesModel, readingFacts, type ArbiterPost, type ReadingArbiter } from './reading-arbiter.js';

/** What a post's first line has: a letter or a pictograph. */
const TEXT_MARK = /[\p{L}\p{Extended_Pictographic}]/u;

/** The model needs at least this many start lines to read a section (a dump with one or two is not a thread). */
export const MIN_STARTS = 3;

/** With posts read by the rules, the model takes over only with at least this many start lines under a head in their text. */
const MIN_UNDER_HEAD = 3;

/**
 * With more posts read by the rules than this, the trigger is first weighed on the dump up to the end of their first
 * WINDOW_POSTS posts, and the whole dump is read by the model only when that window takes over too (then the whole
 * dump's facts decide, as for a smaller dump). Posts run together under unknown heads show from the section's first
 * posts on, and a large dump the rules read (28,000 posts in 8 MB) is not read twice: the window can only keep the
 * rules' reading, never take over where the whole dump's facts would not.
 */
const WINDOW_POSTS = 60;

const lineModel = lazyModel(modelData, 'src/ingest/line-roles.model.json');

/**
 * What a study reads in place of the library's reading (set only by src/ingest/line-roles-study.ts, the studies' one
 * interface; null, the default, in the library, which then reads the shipped model, argmax, guarded, as always).
 */
/**
 * For the studies only (session 36, lines36: structured decoding, scripts/study/lib/role-decoding.ts): the roles
 * (indices into `LINE_ROLES`) of a dump's lines from the model's per-line probabilities (null for a blank line).
 */
export type RoleDecoder = (probs: ReadonlyArray<readonly number[] | null>) => Array<number | null>;

export interface LineRoleStudyHook {
  /** The study's per-line role probabilities (null for a blank line), its model and chrome variant included. */
  probs(lines: readonly Line[], shipped: LinearModel): Array<readonly number[] | null>;
  /** The roles from the probabilities; null: each line's most probable role. */
  decode: RoleDecoder | null;
  /** Take the model's reading whenever it has three start lines. */
  force: boolean;
  /** With `force`, even when its authors look wrong more often than the rules' (no odd-author guard). */
  unguarded: boolean;
  /** The agreement arm the study reads (session 41, arb41): a candidate, null (off), or absent (the library's `ARBITRATION`). */
  arbitration?: Arbitration | null;
}

let study: LineRoleStudyHook | null = null;

/** For src/ingest/line-roles-study.ts only (never the library): the study's reading, or null for the library's. */
export function setLineRoleStudy(h: LineRoleStudyHook | null): void {
  study = h;
}

/** A line's most likely role and its probability. */
export interface RoleGuess {
  role: LineRole;
  p: number;
}

/** Each line's most likely role with its probability (null for a blank line). Linear in the lines. */
export function guessLineRoles(lines: readonly Line[]): Array<RoleGuess | null> {
  const m = lineModel();
  const probs = study !== null ? study.probs(lines, m) : lineFeatures(lines.map((l) => l.text)).map((f) => (f === null ? null : predict(m, f)));
  const decode = study?.decode ?? null;
  if (decode !== null) {
    // a line keeps the model's own probability of the role it was given (what the trigger's facts read)
    const roles = decode(probs);
    return probs.map((p, i) => (p === null ? null : { role: LINE_ROLES[roles[i]!]!, p: p[roles[i]!]! }));
  }
  return probs.map((p) => {
    if (p === null) return null;
    let best = 0;
    for (let l = 1; l < p.length; l++) if (p[l]! > p[best]!) best = l;
    return { role: LINE_ROLES[best]!, p: p[best]! };
  });
}

/** Each line's most likely role (null for a blank line). Linear in the lines. */
export function predictLineRoles(lines: readonly Line[]): Array<LineRole | null> {
  return guessLineRoles(lines).map((g) => g?.role ?? null);
}

/** What the trigger weighs: the rules' reading beside the model's start lines. */
export interface TriggerFacts {
  /** The rules' posts, removed ones included. */
  rulePosts: number;
  /** The model's start lines. */
  starts: number;
  /** Start lines in no post of the rules' (neither its head nor its text): posts the rules did not see. */
  orphanStarts: number;
  /** Start lines where a post of the rules' starts its text: the two readings agree there. */
  agreed: number;
  /** Start lines inside the text of a rules' post (not its first line): there the rules ran two posts together. */
  startsInText: number;
  /** Mean probability of the model's start lines. */
  meanStartP: number;
  /**
   * Start lines inside the text of a rules' post whose nearest non-blank line above is one the model calls an author
   * or meta line and the rules took for text, not for the first line of a post's text (a head the rules ran into the
   * post before).
   */
  startsUnderHead: number;
  /**
   * The rules' posts (removed ones left out) in whose own text the model takes no line for a start or body line: it
   * reads them as heads, meta or chrome, so the rules made posts of lines that are not a post's text (session 33; read by
   * `countArm`).
   */
  textless: number;
  /**
   * Start lines the model is sure of (probability at least `SURE_P`) whose nearest non-blank line above is one it calls
   * an author or meta line, before the rules' first post (in what they read as the article; anywhere when they read no
   * post): a comment section the rules began too late (session 34, shape35). Weighed by the studies only.
   */
  startsInArticle: number;
  /**
   * Lines the model is sure of (probability at least `SURE_P`) in the part of the dump the rules read as posts (their
   * first post's first line to their last post's last), each with a class on both sides: its text's first line, the rest
   * of its text, or a line that is no post's text (a head, meta or chrome; a line in no post of the rules'). Lines of a
   * rules' post that are neither its head nor its text (a quote it opens with, a footer, a removal note) are left out
   * (session 34, shape34). Weighed by the studies only.
   */
  sureLines: number;
  /** Of `sureLines`, those where the model's class is not the rules' (shape34: the rules do not know the layout). */
  sureDisagree: number;
  /**
   * Of `sureLines`, those where either reading starts a post's text (post hoc, shape34b: written after shape34's run,
   * which read body against chrome or quote lines as disagreement where no post's place differs)...
   */
  sureStarts: number;
  /** ... and of them, those where only one of the two readings starts a post. */
  sureStartDisagree: number;
}

/** A model's guess this probable is a line the model is sure of (session 34's disagreement facts). */
export const SURE_P = 0.8;

/** A line's class as the disagreement facts compare it: the first line of a post's text, the rest of it, or no text. */
type TextClass = 'start' | 'body' | 'none';

function modelClass(role: LineRole): TextClass {
  return role === 'start' ? 'start' : role === 'body' ? 'body' : 'none';
}

/**
 * Whether the model's posts replace the rules': the model has at least three start lines, and either the rules read no
 * post at all (removed ones included), or they ran posts together under heads they took for text: fewer than half of
 * the model's start lines are where a post of the rules' starts its text, and at least three lie inside the rules'
 * text right under a line the model calls an author or meta line (`startsUnderHead`; the rules' text is each post's
 * own lines, a quote it opens with left out). Session 19 measured a wider second arm (five start lines anywhere in the
 * rules' text), which took over generated dumps the rules read right; this one was fixed in session 20 from the blind
 * rounds two to ten and fires on no fixture, eval thread or generated dump of the study (docs/dump-styles.md, lines20).
 */
export function takeModel(f: TriggerFacts): boolean {
  if (f.starts < MIN_STARTS) return false;
  return f.rulePosts === 0 || (2 * f.agreed < f.starts && f.startsUnderHead >= MIN_UNDER_HEAD);
}

/** The two readings' post counts differ when they do by at least this share of the model's start lines (session 33). */
const COUNT_GAP = 0.25;

/** A count difference is the rules' doing only with at least this many posts or start lines that explain it (session 33). */
const MIN_EXPLAINED = 3;

/** The count arm weighs a model at least this sure of its start lines on average (`meanStartP`; shape33b). */
const SURE_STARTS = 0.8;

/**
 * The count arm (session 33's shape33b, registered there for 71-76 and measured in session 34): the model's reading
 * replaces the rules' when the model is sure of its start lines (mean probability at least 0.8), the two readings'
 * post counts (`modelPosts`: its start lines plus the removal notes it reads as removed posts, so a removed post is no
 * difference) differ by a quarter of the model's start lines or more, and the difference is the rules' doing: where
 * they read more posts, at least three of theirs, and half the difference, hold no line the model takes for a post's
 * text (`textless`); where they read fewer, at least three of the model's start lines, and half the difference, lie in
 * their text under a line the model takes for a head (`startsUnderHead`). A model unsure of its starts is one that has
 * not seen the layout (on the fixtures left out of its fit, 0.48-0.66), whose reading of right posts as no text is the
 * same fact as a misread dump's (docs/dump-styles.md, sessions 33 and 34).
 */
export function countArm(f: TriggerFacts, modelPosts: number): boolean {
  if (!countArmMayFire(f)) return false;
  const gap = f.rulePosts - modelPosts;
  if (Math.abs(gap) < COUNT_GAP * f.starts) return false;
  const explained = gap > 0 ? f.textless : f.startsUnderHead;
  return explained >= MIN_EXPLAINED && 2 * explained >= Math.abs(gap);
}

/** Whether the count arm can fire whatever the model's post count: a sure model, three posts or start lines to explain a gap. */
function countArmMayFire(f: TriggerFacts): boolean {
  return f.starts >= MIN_STARTS && f.meanStartP >= SURE_STARTS && (f.textless >= MIN_EXPLAINED || f.startsUnderHead >= MIN_EXPLAINED);
}

/**
 * The agreement arm's guard (session 41, arb41): `g35`, the model's odd-author share is at least `ODD_AUTHORS` and above
 * the rules' (session 35's guard); `gle`, the model's share is above the rules'. Where it holds, the rules' reading stands.
 */
export type ArbitrationGuard = 'g35' | 'gle';

/**
 * What the agreement arm compares (`readingAgreement`): `start+author`, a post's start line and its author (arb41's six
 * candidates); `start`, its start line alone, names not compared (arb41b's three, registered after arb41's library check
 * found the same heads read as `dammy_k` by the rules and `dammy_k(m` by the model); `start-kept`, its start line alone
 * over the posts not removed on either side (arb42's three, registered after arb41b's candidate fired on generated pages
 * of mostly removed posts: a removed post never agrees, so it is left out of both counts); `start-rules`, its start line
 * alone over the **rules'** count of posts not removed (arb43's three, registered after arb42's candidate fired where
 * the model read extra posts, chat notices, which the larger count held against the rules).
 */
export type AgreementMatch = 'start+author' | 'start' | 'start-kept' | 'start-rules';

/** One candidate of the agreement arm: the share of agreeing posts under which the model's reading is taken, and its guard. */
export interface Arbitration {
  tau: number;
  guard: ArbitrationGuard;
  /** What two posts must share to agree; default `start+author`. */
  match?: AgreementMatch;
  /**
   * The arm fires only where the rules and the model each read at least this many posts not removed (arb43's (b): on
   * the short pages the test suite generates, two posts on other lines put any agreement under tau); default none.
   */
  minKept?: number;
  /**
   * The learned arbiter (session 44, arb44's (c), src/ingest/reading-arbiter.ts): with it, `tau`, `match` and `minKept`
   * are not read; the model's reading is taken where the arbiter predicts it reads the page better (both readings with
   * its floor of posts not removed) and the guard does not hold. Default none (the agreement arm).
   */
  arbiter?: ReadingArbiter;
}

/**
 * The agreement arm as the library ships it (session 41): null, off. arb41's six candidates (start line and author)
 * failed the in-library checks; arb41b's start-line candidate (tau 0.5, guard gle, names not compared) passed the
 * registered rule on the fixtures, blind 01-118 and the eval threads, where it changes no output, but reads generated
 * and made-up pages of the test suite worse than the rules (9 tests fail with it on): the agreement counts removed posts
 * in the larger count and they never agree, so a page of mostly removed posts fires whatever the lines
 * (docs/dump-styles.md "Session 41 (arb41b)"). arb42's start-kept candidate (tau 0.5, guard g35, removed posts out of
 * both counts) passed the same rule on 35-40 ... 119-124, fixtures, blind 01-124 and the eval threads, and still fails
 * the test suite (short generated pages where the model starts two of three posts elsewhere, a chat export whose notices
 * the model reads as posts: docs/dump-styles.md "Session 42 (arb42)"). arb43's start-rules candidate (tau 0.5, guard
 * g35, over the rules' posts not removed: the model's extra posts not held against them) passed the same rule on 35-40
 * ... 125-130, fixtures, blind 01-130 and the eval threads, and still fails the test suite (9 tests: short generated
 * pages where the model reads fewer posts than the rules and starts under half of theirs on their lines; rules' posts
 * given with no lines: docs/dump-styles.md "Session 43 (arb43)"). arb44's learned arbiter (`arbiter`, a logistic over
 * facts of both readings, eight posts a side) lost authors where the first tries were right and read fixtures and blind
 * dumps worse in the library; arb43's five-post floor passed the rule and failed the test suite's generated head
 * layouts (docs/dump-styles.md "Session 44 (arb44)"). The studies set any candidate through `setLineRoleStudy`'s
 * `arbitration`.
 */
export const ARBITRATION: Arbitration | null = null;

/** A post's start line and author, as the agreement arm compares two readings. */
export interface PlacedPost {
  line: number | null;
  author: string | null;
  removed: boolean;
}

/** An author as the agreement arm compares it: whitespace and case folded, no author as ''. */
function foldAuthor(a: string | null): string {
  return (a ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * How far the model's reading agrees with the rules' (session 41's registration): the model's posts (not removed) whose
 * start line is the start line of one of the rules' posts (not removed) with the same author (`match` `start`: any
 * author, names not compared), over the larger of the two post counts; 0 when the rules read no post. With `match`
 * `start-kept` (session 42's registration): names not compared, over the larger of the two counts of posts not removed;
 * 0 when the rules read no post not removed. With `match` `start-rules` (session 43's registration): names not compared,
 * over the rules' count of posts not removed alone (the model's extra posts are not held against the rules); 0 when the
 * rules read no post not removed.
 */
export function readingAgreement(model: readonly PlacedPost[], rules: readonly PlacedPost[], match: AgreementMatch = 'start+author'): number {
  // the posts a reading counts: those not removed with `start-kept` and `start-rules`, else all of them
  const count = (ps: readonly PlacedPost[]): number => (match === 'start-kept' || match === 'start-rules' ? keptCount(ps) : ps.length);
  const ruleCount = count(rules);
  if (ruleCount === 0) return 0;
  const of = match === 'start-rules' ? ruleCount : Math.max(count(model), ruleCount);
  const at = new Map<number, Set<string>>();
  for (const p of rules) {
    if (p.removed || p.line === null) continue;
    const names = at.get(p.line) ?? new Set<string>();
    names.add(foldAuthor(p.author));
    at.set(p.line, names);
  }
  const agrees = (p: PlacedPost): boolean => {
    if (p.removed || p.line === null) return false;
    const names = at.get(p.line);
    return names !== undefined && (match !== 'start+author' || names.has(foldAuthor(p.author)));
  };
  return model.filter(agrees).length / of;
}

/** A reading's posts not removed. */
function keptCount(ps: ReadonlyArray<{ removed: boolean }>): number {
  return ps.filter((p) => !p.removed).length;
}

/**
 * The agreement arm (session 41, arb41): the model's reading (with at least three start lines, checked by the caller)
 * replaces the rules' when the two agree on under `tau` of the posts (`readingAgreement`) and the guard does not hold;
 * with `a.minKept`, only where `kept` (each reading's posts not removed) has at least that many on both sides.
 */
export function agreementArm(a: Arbitration, agreement: number, modelOdd: number, rulesOdd: number, kept?: { model: number; rules: number }): boolean {
  if (agreement >= a.tau) return false;
  if (a.minKept !== undefined && (kept === undefined || kept.model < a.minKept || kept.rules < a.minKept)) return false;
  const held = a.guard === 'g35' ? oddGuardHolds(modelOdd, rulesOdd) : modelOdd > rulesOdd;
  return !held;
}

/**
 * Session 35's guard: the model's authors look wrong more often than the rules' (`oddAuthorShare`), in a quarter of its
 * posts or more; where it holds, the model's reading never replaces posts the rules read.
 */
function oddGuardHolds(modelOdd: number, rulesOdd: number): boolean {
  return modelOdd >= ODD_AUTHORS && modelOdd > rulesOdd;
}

/** Each post's start line (the first non-blank line of its own text, as `weigh` finds it) and author. */
function placed(posts: readonly RawPost[]): PlacedPost[] {
  return ownText(posts).map((text, k) => ({ line: text.find((l) => !isBlank(l))?.index ?? null, author: posts[k]!.author, removed: posts[k]!.removed === true }));
}

/** Each post as the learned arbiter reads it (`placed`'s start line and author, and its own non-blank text lines). */
function arbiterPosts(posts: readonly RawPost[], at: readonly PlacedPost[]): ArbiterPost[] {
  return ownText(posts).map((text, k) => ({ ...at[k]!, textLines: text.filter((l) => !isBlank(l)).length }));
}

/** With at least this share of odd authors in the rules' reading, the model's reading is weighed against it (session 31). */
const ODD_AUTHORS = 0.25;

/** A phone number as a sender's name ("+44 7700 900123", "(555) 010-4477"): digits and separators only, 7 to 15 digits. */
function isPhoneNumber(a: string): boolean {
  if (!/^\+?[\d\s().-]+$/u.test(a)) return false;
  const digits = a.replace(/\D/gu, '').length;
  return digits >= 7 && digits <= 15;
}

/** A token of an author as the frame test compares it: figures as 0, lower case (`7h` and `5h` are one). */
function frameToken(w: string): string {
  return w.replace(/[0-9]+/gu, '0').toLowerCase();
}

/**
 * The tokens that recur across the distinct authors of a reading (session 32): on at least half of them, with three or
 * more. A word, mark or time shape that recurs across names is the frame of the head read into the name
 * (`[-] name · 7h`, `name commented`, `↳ name`): people's names do not share a word across half a thread's writers, and
 * one writer's many posts count once. Phone numbers are left out (their figures are all 0).
 */
function frameTokens(authors: readonly string[]): Set<string> {
  const distinct = [...new Set(authors.filter((a) => a !== '' && !isPhoneNumber(a)))];
  const frame = new Set<string>();
  if (distinct.length < 3) return frame;
  const seen = new Map<string, number>();
  for (const a of distinct) for (const w of new Set(a.split(/\s+/u).map(frameToken))) seen.set(w, (seen.get(w) ?? 0) + 1);
  for (const [w, n] of seen) if (2 * n >= distinct.length) frame.add(w);
  return frame;
}

/**
 * Authors that cannot be a name, by shape (session 31): of the posts not removed, the share whose author is missing,
 * has no letter, holds a clock or runs past four words, or (session 32) carries the head's frame: a token on at least
 * half of the reading's distinct authors (`frameTokens`). (One name on most posts is not odd: boards where most
 * posters keep the default name; nor is a phone number, `isPhoneNumber`.) 1 with no post.
 */
export function oddAuthorShare(posts: readonly RawPost[]): number {
  const kept = posts.filter((p) => !p.removed).map((p) => p.author?.replace(/\s+/gu, ' ').trim() ?? '');
  const frame = frameTokens(kept);
  let odd = 0;
  for (const a of kept) {
    // A phone number is the name a chat app prints for a sender not in the reader's contacts: no letter, not odd.
    if (isPhoneNumber(a)) continue;
    const words = a.split(' ');
    if (!/\p{L}/u.test(a) || /\d{1,2}:\d{2}/u.test(a) || words.length > 4 || words.some((w) => frame.has(frameToken(w)))) odd++;
  }
  return kept.length === 0 ? 1 : odd / kept.length;
}

/**
 * The second arm of the arbitration (session 31, shape31): the model's reading replaces the rules' when a quarter or
 * more of the rules' authors are odd (`oddAuthorShare`) and the model's share is under half of theirs. Measured set
 * left out on the ten blind development rounds against each round's first try (docs/dump-styles.md, session 31).
 */
export function takeForAuthors(rulesOdd: number, modelOdd: number): boolean {
  return rulesOdd >= ODD_AUTHORS && 2 * modelOdd < rulesOdd;
}

/**
 * The facts of the trigger for a dump, the rules' reading (`linePost`: the lines in their posts; `ruleTexts`: each
 * post's own text lines, removed posts left out) and the model's guesses.
 */
export function triggerFacts(
  guesses: ReadonlyArray<RoleGuess | null>,
  rulePosts: number,
  inRulePost: (line: number) => boolean,
  ruleStarts: ReadonlySet<number>,
  inRuleText: (line: number) => boolean,
  ruleTexts: ReadonlyArray<readonly number[]> = [],
  inRuleHead: ((line: number) => boolean) | null = null,
): TriggerFacts {
  let starts = 0;
  let orphanStarts = 0;
  let agreed = 0;
  let startsInText = 0;
  let startsUnderHead = 0;
  let startsInArticle = 0;
  let sum = 0;
  let firstPostLine = 0;
  while (firstPostLine < guesses.length && !inRulePost(firstPostLine)) firstPostLine++;
  const headAbove = (i: number): boolean => {
    let j = i - 1;
    while (j >= 0 && guesses[j] === null) j--;
    const above = j >= 0 ? guesses[j] : null;
    return above !== null && above !== undefined && (above.role === 'author' || above.role === 'meta');
  };
  guesses.forEach((g, i) => {
    if (g === null || g.role !== 'start') return;
    starts++;
    sum += g.p;
    if (!inRulePost(i)) orphanStarts++;
    if (i < firstPostLine && g.p >= SURE_P && headAbove(i)) startsInArticle++;
    if (ruleStarts.has(i)) agreed++;
    else if (inRuleText(i)) {
      startsInText++;
      let j = i - 1;
      while (j >= 0 && guesses[j] === null) j--;
      const above = j >= 0 ? guesses[j] : null;
      if (above && (above.role === 'author' || above.role === 'meta') && inRuleText(j) && !ruleStarts.has(j)) startsUnderHead++;
    }
  });
  const isText = (i: number): boolean => guesses[i]?.role === 'start' || guesses[i]?.role === 'body';
  const textless = ruleTexts.filter((t) => t.length > 0 && !t.some(isText)).length;
  const sure = inRuleHead === null ? { sureLines: 0, sureDisagree: 0, sureStarts: 0, sureStartDisagree: 0 } : sureDisagreement(guesses, inRulePost, ruleStarts, inRuleText, inRuleHead);
  return { rulePosts, starts, orphanStarts, agreed, startsInText, startsUnderHead, textless, startsInArticle, ...sure, meanStartP: starts === 0 ? 0 : sum / starts };
}

/**
 * The lines the model is sure of in the rules' part of the dump, and those where it reads them otherwise than the rules
 * (`TriggerFacts.sureLines`, `sureDisagree`; session 34).
 */
function sureDisagreement(
  guesses: ReadonlyArray<RoleGuess | null>,
  inRulePost: (line: number) => boolean,
  ruleStarts: ReadonlySet<number>,
  inRuleText: (line: number) => boolean,
  inRuleHead: (line: number) => boolean,
): { sureLines: number; sureDisagree: number; sureStarts: number; sureStartDisagree: number } {
  let from = -1;
  let to = -1;
  guesses.forEach((_, i) => {
    if (!inRulePost(i)) return;
    if (from < 0) from = i;
    to = i;
  });
  let sureLines = 0;
  let sureDisagree = 0;
  let sureStarts = 0;
  let sureStartDisagree = 0;
  for (let i = Math.max(0, from); i <= to; i++) {
    const g = guesses[i];
    if (g === null || g === undefined || g.p < SURE_P) continue;
    let rules: TextClass;
    if (ruleStarts.has(i)) rules = 'start';
    else if (inRuleText(i)) rules = 'body';
    else if (inRuleHead(i) || !inRulePost(i)) rules = 'none';
    else continue;
    sureLines++;
    const model = modelClass(g.role);
    if (model !== rules) sureDisagree++;
    if (model === 'start' || rules === 'start') {
      sureStarts++;
      if ((model === 'start') !== (rules === 'start')) sureStartDisagree++;
    }
  }
  return { sureLines, sureDisagree, sureStarts, sureStartDisagree };
}

/** The posts the model reads, with the line where its section starts. */
export interface ModelSection {
  start: number;
  parse: SectionParse;
  /** How many start lines the model found. */
  starts: number;
  facts: TriggerFacts;
  /** When the model's reading was taken for the rules' odd authors (`takeForAuthors`): their share; else null. */
  oddAuthors: number | null;
  /** When the model's reading was taken for the two readings' post counts (`countArm`, shape33b). */
  countsDiffer: boolean;
  /** When the model's reading was taken because the two readings agree on too few posts (`agreementArm`, arb41): the share; else null. */
  agreement: number | null;
  /** With `agreement`, what the posts were compared on (`Arbitration.match`); else null. */
  agreementMatch: AgreementMatch | null;
  /** When the model's reading was taken by the learned arbiter (`Arbitration.arbiter`, arb44): its probability; else null. */
  arbiterP: number | null;
}

/**
 * The model's reading of the dump when `takeModel` says the rules' reading `rules` missed the thread, or `takeForAuthors`
 * that their authors look wrong where the model's do not; else null. Never throws (a failure gives null: the rules'
 * reading stands).
 */
export function modelSection(lines: readonly Line[], rules: SectionParse): ModelSection | null {
  try {
    const forced = study?.force === true;
    // The model cannot find more start lines than there are non-blank lines: most dumps stop here, unread.
    let nonBlank = 0;
    for (const l of lines) if (!isBlank(l)) nonBlank++;
    // too few lines for the model to take over: it is not run (with posts read, three starts and three heads above them)
    if (nonBlank < MIN_STARTS || (rules.posts.length > 0 && !forced && nonBlank < MIN_STARTS + MIN_UNDER_HEAD)) return null;
    if (!forced && rules.posts.length > WINDOW_POSTS) {
      const first = rules.posts.slice(0, WINDOW_POSTS);
      let end = 0;
      for (const p of first) for (const l of [...p.raw, ...p.body]) if (l.index > end) end = l.index;
      if (!takeModel(weigh(lines.slice(0, end + 1), rules, first).facts)) return null;
    }
    const { guesses, facts } = weigh(lines, rules, rules.posts);
    if (facts.starts < MIN_STARTS) return null;
    const trigger = forced || takeModel(facts);
    // the rules' authors are weighed only where they read posts and a quarter of their names look wrong; their count
    // only where the model is sure of its starts and three of their posts or of its start lines could explain a difference
    const rulesOdd = oddAuthorShare(rules.posts);
    const weighAuthors = rules.posts.length > 0 && rulesOdd >= ODD_AUTHORS;
    const arbitration = study !== null && study.arbitration !== undefined ? study.arbitration : ARBITRATION;
    if (!trigger && !weighAuthors && !countArmMayFire(facts) && arbitration === null) return null;
    const roles = guesses.map((g) => g?.role ?? null);
    ownHeads(lines, roles);
    const starts: number[] = [];
    roles.forEach((r, i) => {
      // a post's text has a letter or a pictograph: a bare figure or mark (a score, a count) is the page's, not a post (session 31)
      if (r === 'start' && !TEXT_MARK.test(lines[i]!.trimmed)) roles[i] = 'chrome';
      else if (r === 'start') starts.push(i);
    });
    if (starts.length === 0) return null;
    const read = { ...readPosts(lines, roles, starts), facts, oddAuthors: null, countsDiffer: false, agreement: null, agreementMatch: null, arbiterP: null };
    const modelOdd = oddAuthorShare(read.parse.posts);
    // A reading whose authors look wrong more often than the rules' (and in a quarter of its posts or more) never
    // replaces posts the rules read (session 35: the line-role model refit on 01-82 read a sentence that recurs
    // through a made-up dump as the head of every post that holds it).
    if (!(forced && study?.unguarded === true) && rules.posts.length > 0 && oddGuardHolds(modelOdd, rulesOdd)) return null;
    if (trigger) return read;
    if (weighAuthors && takeForAuthors(rulesOdd, modelOdd)) return { ...read, oddAuthors: rulesOdd };
    if (countArm(facts, read.parse.posts.length)) return { ...read, countsDiffer: true };
    // today's arms declined: the agreement arm (session 41), where the two readings place too few posts alike
    if (arbitration === null || rules.posts.length === 0) return null;
    const modelPlaced = placed(read.parse.posts);
    const rulesPlaced = placed(rules.posts);
    const kept = { model: keptCount(modelPlaced), rules: keptCount(rulesPlaced) };
    if (arbitration.arbiter !== undefined) {
      if (arbitration.guard === 'g35' ? oddGuardHolds(modelOdd, rulesOdd) : modelOdd > rulesOdd) return null;
      const modelPosts = arbiterPosts(read.parse.posts, modelPlaced);
      const rulePosts = arbiterPosts(rules.posts, rulesPlaced);
      const facts = readingFacts(modelPosts, rulePosts, nonBlank, { model: modelOdd, rules: rulesOdd });
      return arbiterTakesModel(arbitration.arbiter, facts, kept) ? { ...read, arbiterP: arbiterProbability(arbitration.arbiter, facts) } : null;
    }
    const agreement = readingAgreement(modelPlaced, rulesPlaced, arbitration.match);
    return agreementArm(arbitration, agreement, modelOdd, rulesOdd, kept) ? { ...read, agreement, agreementMatch: arbitration.match ?? 'start+author' } : null;
  } catch {
    return null;
  }
}

/** The model's guesses over `lines` and the trigger's facts against the rules' `posts` (all of them, or the window's). */
function weigh(lines: readonly Line[], rules: SectionParse, posts: readonly RawPost[]): { guesses: Array<RoleGuess | null>; facts: TriggerFacts } {
  const ruleStarts = new Set<number>();
  const ruleText = new Set<number>();
  // each post's own non-blank text lines, removed posts left out (`TriggerFacts.textless`)
  const ruleTexts: number[][] = [];
  ownText(posts).forEach((p, k) => {
    const n = p.findIndex((l) => !isBlank(l));
    if (n >= 0) ruleStarts.add(p[n]!.index);
    for (const l of p) ruleText.add(l.index);
    if (!posts[k]!.removed) ruleTexts.push(p.filter((l) => !isBlank(l)).map((l) => l.index));
  });
  const guesses = guessLineRoles(lines);
  return { guesses, facts: triggerFacts(guesses, rules.posts.length, (i) => rules.linePost.has(i), ruleStarts, (i) => ruleText.has(i), ruleTexts) };
}

/**
 * Each post's own text lines as the thread will read them: its body without the quote it opens with (split off by
 * `splitLeadingQuote`, as src/parse.ts does after this decision; the story's words are not known here).
 */
function ownText(posts: readonly RawPost[]): Line[][] {
  // copies: the split rewrites a post's body and adds the quote to its raw lines
  const copies: RawPost[] = posts.map((r) => ({ ...r, body: [...r.body], raw: [...r.raw] }));
  splitLeadingQuotes(copies);
  return copies.map((c) => c.body);
}

/** The shape of an inline head's time or date: figures as 0. */
function prefixShape(p: string): string {
  return p.trim().replace(/\d+/gu, '0');
}

/**
 * One message a line (a chat replay, a chat export): a line with a timed head and its text (`0:05:03 name: text`)
 * beside a start line whose head has the same shape is a message too, whatever the model took it for (the next
 * message's author line, the chrome at the end of the section).
 */
function ownHeads(lines: readonly Line[], roles: Array<LineRole | null>): void {
  const shapes = lines.map((l, i) => {
    if (roles[i] === null) return null;
    const h = readInlineHead(l.trimmed);
    return h === null || h.prefix === '' ? null : prefixShape(h.prefix);
  });
  // both ways, so that a run of them all turns: down from each start line, then up
  for (let i = 1; i < lines.length; i++) if (shapes[i] !== null && roles[i] !== 'start' && roles[i - 1] === 'start' && shapes[i - 1] === shapes[i]) roles[i] = 'start';
  for (let i = lines.length - 2; i >= 0; i--) if (shapes[i] !== null && roles[i] !== 'start' && roles[i + 1] === 'start' && shapes[i + 1] === shapes[i]) roles[i] = 'start';
}

function readPosts(lines: readonly Line[], roles: ReadonlyArray<LineRole | null>, starts: readonly number[]): Omit<ModelSection, 'facts' | 'oddAuthors' | 'countsDiffer' | 'agreement' | 'agreementMatch' | 'arbiterP'> {
  // A removal note (`isRemovedPlaceholder`, the rules' own reader) is a removed post wherever the model put it: it is
  // never a head, and a post's text stops at it (session 25: without them every post after a removed one was read
  // one place early).
  const removedAt = (j: number): boolean => roles[j] !== null && isRemovedPlaceholder(lines[j]!.trimmed);
  // Each post's head: the nearest predicted author line above its start, below the previous start.
  const authorTexts = new Set<string>();
  roles.forEach((r, j) => {
    if (r === 'author') authorTexts.add(lines[j]!.trimmed);
  });
  const heads = starts.map((s, k) => {
    const prev = k > 0 ? starts[k - 1]! : -1;
    for (let j = s - 1; j > prev; j--) if (roles[j] === 'author' && !removedAt(j)) return j;
    // no author line above: a line the model calls an author line elsewhere in the dump (a name heads several posts)
    for (let j = s - 1; j > prev; j--) if (authorTexts.has(lines[j]!.trimmed) && !removedAt(j)) return j;
    return s;
  });
  // the dump's head lines (an author line above a start), for telling the name from the frame around it
  const peers = heads.filter((h, k) => h !== starts[k]).map((h) => lines[h]!.trimmed);
  const posts: RawPost[] = [];
  const lineKinds = new Map<number, BlockKind>();
  const linePost = new Map<number, number>();
  const removedPost = (j: number): void => {
    const gone: RawPost = newPost(null, null);
    gone.removed = true;
    gone.raw.push(lines[j]!);
    lineKinds.set(j, 'post-removed');
    linePost.set(j, posts.length);
    posts.push(gone);
  };
  starts.forEach((s, k) => {
    const head = heads[k]!;
    const end = k + 1 < starts.length ? heads[k + 1]! : lines.length;
    if (removedAt(s)) {
      // the model took the note for a post's text: a removed post (its head lines, if any, stay out of every post)
      removedPost(s);
      for (let j = s + 1; j < end; j++) if (removedAt(j)) removedPost(j);
      return;
    }
    const post: RawPost = newPost(null, null);
    const at = posts.length;
    posts.push(post);
    // The header: the author line and the meta lines down to the start.
    for (let j = head; j < s; j++) {
      const line = lines[j]!;
      if (isBlank(line)) continue;
      post.raw.push(line);
      lineKinds.set(j, 'post-header');
      linePost.set(j, at);
      if (j === head) readAuthor(post, line, peers);
      else {
        post.timestamp ??= readTimeLine(line);
        post.replyTo ??= readReplyLine(line);
        // "Morwenna Trist" / "@morwenna@toot.kernow": the account handle under the display name, so that a mention of
        // the handle finds the post (session 29, as the walked styles read it).
        const handle = post.handle ? null : readHandleOnlyLine(line.trimmed);
        if (handle !== null) post.handle = handle;
      }
    }
    // The text: from the start line to the next post's head, chrome lines left out.
    let first: Line = lines[s]!;
    if (head === s) first = splitInlineHeader(post, first);
    post.body.push(first);
    lineKinds.set(s, 'post-body');
    linePost.set(s, at);
    let cut = false;
    for (let j = s + 1; j < end; j++) {
      const line = lines[j]!;
      const r = roles[j];
      if (r === null) continue;
      if (removedAt(j)) {
        // the post's text ends here; what follows, to the next head, is the removed post's (chrome, left out)
        removedPost(j);
        cut = true;
        continue;
      }
      if (cut) continue;
      if (r === 'chrome' || r === 'author' || r === 'meta') {
        // a footer under the text: its like count is the post's.
        const footer = r === 'chrome' ? readFooter(line) : undefined;
        if (footer !== undefined && post.likes === null && footer.likes !== null) post.likes = footer.likes;
        continue;
      }
      // blank lines between two lines of the text stay in it
      for (let b = post.body[post.body.length - 1]!.index + 1; b < j; b++) {
        if (isBlank(lines[b]!)) {
          post.body.push(lines[b]!);
          lineKinds.set(b, 'blank');
        }
      }
      post.body.push(line);
      lineKinds.set(j, 'post-body');
      linePost.set(j, at);
    }
  });
  return { start: heads[0]!, starts: starts.length, parse: { posts, lineKinds, linePost, declaredCount: null, messages: [] } };
}

/**
 * The author (and time) from a head line, read as the rules read headers; else the tokens of the line that vary across
 * the dump's heads (`peers`; session 31: the name varies, the separators, times and buttons around it recur); else the
 * line itself, trimmed.
 */
function readAuthor(post: RawPost, line: Line, peers: readonly string[]): void {
  const header = readWidgetHeader(line) ?? readCommaHeader(line);
  if (header !== null) {
    post.author = header.author;
    post.authorSpan = header.authorSpan;
    post.timestamp = header.timestamp;
    post.isOP = header.isOP;
    post.replyTo = header.replyTo;
    return;
  }
  const name = readNameLine(line);
  if (name !== null) {
    post.author = name.author;
    post.authorSpan = name.authorSpan;
    post.isOP = name.isOP;
    if (name.handle !== undefined) post.handle = name.handle;
    return;
  }
  post.timestamp = readTimeLine(line);
  const varying = varyingName(line.trimmed, peers);
  if (varying !== null) {
    post.author = varying.name;
    post.authorSpan = [line.contentStart + varying.at, line.contentStart + varying.at + varying.name.length];
    return;
  }
  post.author = line.trimmed;
  post.authorSpan = [line.contentStart, line.contentEnd];
}

/** Splits a name (and the time or date before it) off the start of a post's first line when no author line stands above it. */
function splitInlineHeader(post: RawPost, line: Line): Line {
  const t = line.text.slice(line.contentStart - line.start);
  const head = readInlineHead(t);
  if (head === null) return line;
  const nameAt = line.contentStart + t.indexOf(head.name, head.prefix.length);
  post.author = head.name;
  post.authorSpan = [nameAt, nameAt + head.name.length] as Span;
  // the time before the name: a bracketed one when it reads as a time, a bare clock or date as it stands
  let p = head.prefix.trim();
  if (p.endsWith('-') || p.endsWith('–') || p.endsWith('—')) p = p.slice(0, -1).trimEnd();
  if (p.startsWith('[')) {
    const inside = p.slice(1, -1);
    if (timeKind(inside) !== null) post.timestamp = inside;
  } else if (p !== '') post.timestamp = p;
  const at = line.contentStart + head.textAt;
  post.raw.push(line);
  const text = line.text.slice(at - line.start);
  return { ...line, start: at, text, contentStart: at, trimmed: text.trim(), indent: 0, fields: undefined };
}
