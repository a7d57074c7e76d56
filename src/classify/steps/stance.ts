import type { Correction, StanceResult } from '../../schema/classify.js';
import { classifyStanceGroups } from '../stance/index.js';
import { changeObjectStances } from '../stance/change-object.js';
import { declaredStances } from '../stance/declares.js';
import type { Tone } from '../stance/features.js';
import { registerLeanSide, registerSide, withRegisterSide, type RegisterTone } from '../stance/register-side.js';
import { commentRegisterProbabilities } from '../sentiment/register.js';
import type { PostStep, StepPost } from './types.js';
import { maxOf } from '../../arrays.js';

/**
 * The comment register's label as the tone of a post the stance model reads flat (src/classify/stance/register-side.ts;
 * session 27): `fill`, margin 0, chosen by blind round left out with a register fit without the round (nested;
 * docs/stance.md, session 27). `lean` (session 28: where the label gives no side, the side its probabilities lean
 * to) is left off: it did no better than reading every flat post against (docs/stance.md, session 28). null switches it
 * all off (the pipeline of session 26).
 */
export const REGISTER_TONE: RegisterTone | null = { margin: 0, mode: 'fill' };

/** Stance of the post toward each target, plus what a reply takes over from the parent it agrees with (src/classify/stance). */
export const stanceStep: PostStep = {
  name: 'stance',
  scope: 'post',
  reads: 'post',
  needs: ['targets'],
  run(a) {
    const targets = a.thread.targets ?? [];
    const subjects = a.thread.subjects ?? new Set<string>();
    if (targets.length === 0) {
      // Stances are per target: with none there is nothing to read (a record without a target).
      a.post.stances = [];
      return;
    }
    // Every post takes a stance toward the subject(s), named or not; other targets only when named.
    // The built-in sentiment of the post is already in the shared analysis: the implicit stance reuses its score.
    const score = (): Tone => {
      const r = a.shared().sentiment.result;
      return { score: r.score, ironic: r.sarcasm.length > 0, sentences: r.sentences };
    };
    // One reading of the text for both groups (pronouns resolve within a group, as before). A post is a comment on
    // the article: about its subject even when long and never naming it (`anchored`).
    const groups = [
      { targets: targets.filter((t) => subjects.has(t.name)), implicit: true },
      { targets: targets.filter((t) => !subjects.has(t.name)), implicit: false },
    ];
    const [implicit, named] = classifyStanceGroups(a.text, groups, { parentText: a.parentText, anchored: true }, score, a.read.words) as [StanceResult[], StanceResult[]];
    const order = new Map(targets.map((t, i) => [t.name, i]));
    // A side declared outright on a subject the post never names ("I'm for it.") is the post's side.
    const declared = declaredStances(a.text, [...implicit, ...named].sort((x, y) => order.get(x.target)! - order.get(y.target)!));
    // A change target the post never names is read through what the post says of its object (praise of a thing
    // being cut is a side against the cut).
    const read = changeObjectStances(a.text, declared, a.shared().sentiment.result.sentences);
    a.post.stances = a.toInput(REGISTER_TONE === null ? read : registerToned(read, a.shared().sentiment, REGISTER_TONE, a.text));
  },
  link(a) {
    if ((a.thread.targets?.length ?? 0) === 0) return;
    a.post.stances = linkStances(a.post, a.parent ?? null, a.text, a.read.sentences[0]?.text ?? '', REPLY_LINKS);
  },
};

/**
 * How a reply's side is linked to what it does and to its parent (session 28 measured the variants by blind round left
 * out; docs/stance.md, session 28). The defaults are the rules of sessions 20-23.
 */
export interface ReplyLinks {
  /**
   * A reply with a found correction (the corrections step's `corrections`): `void` (session 20, the default): its tone
   * reading of an unnamed subject is no side and it takes over nothing from its parent; `keep`: its own reading
   * stands and it takes over nothing; `off`: an ordinary reply (a conceded fact still voids); `oppose`: the side
   * opposite to its parent's where the parent has one, else none; `oppose-keep`: the side opposite to its parent's
   * where the parent has one, else its own reading.
   */
  readonly correction?: 'void' | 'keep' | 'off' | 'oppose' | 'oppose-keep';
  /**
   * A plain reply (reply stance `comment`) whose subject is read flat and not voided, under a parent with a side:
   * none (the default), `agree` (the parent's side) or `oppose` (the other side).
   */
  readonly flatReply?: 'agree' | 'oppose' | null;
}

/**
 * The reply links the stance step applies: session 20's rule, a reply with a found correction takes no side by its tone
 * (`correction: 'void'`). Session 28 measured the other rules by blind round left out: `oppose-keep` rises on the gold
 * sides (nested 0.413 -> 0.459), but most correction replies under a sided parent have no side in both label sets
 * (blind 01-40: 30 of 44; the eval threads likewise), so it gives a side to more posts that take none than to posts
 * that take one; the lead kept `void` (docs/stance.md, session 28).
 */
export const REPLY_LINKS: ReplyLinks = { correction: 'void' };

/**
 * The stance step's link for one post: `post.stances` (its `run` reading) after what the post does and its parent's
 * (already linked) side. What the post does decides whether its tone is a side: a reply that concedes a fact, a reply
 * that insults (its tone is aimed at a person), and a post that opens by asking take none toward a target they never
 * name (the acts, moderation and corrections steps have run: links run after every step's `run`). A reply that
 * corrects a fact follows `links.correction` (shipped: `void`, no side by its tone). A
 * reply that concedes and then counters ("All true, but ...", "Fair enough. Still think it's the right call") grants
 * the parent's point and states its own: its own reading stands. Then the reply stance x the parent's side: a reply
 * about a conceded fact answers the fact, not the parent's side, so it takes over none.
 */
export function linkStances(post: StepPost, parent: StepPost | null, text: string, firstSentence: string, links: ReplyLinks = REPLY_LINKS): StanceResult[] {
  let stances = post.stances ?? [];
  const counters = parent !== null && countersAfterConceding(post, text);
  const correction = links.correction ?? 'void';
  const corrects = parent !== null && (post.corrections ?? []).length > 0;
  // With the correction rule re-weighed, a correction is not a fact that voids (a conceded fact still is).
  const fact = parent ? factEvidence(correction === 'void' ? post : { ...post, corrections: [] }, counters) : null;
  const voided = fact ?? (parent ? personEvidence(post) : null) ?? askingEvidence(post, firstSentence);
  if (voided) stances = voidImplicitSides(stances, voided);
  if (corrects && (correction === 'oppose' || correction === 'oppose-keep') && !fact) {
    const evidence = correctionEvidence(post);
    return stances.map((s) => {
      if (stated(s)) return s;
      const theirs = (parent!.stances ?? []).find((x) => x.target === s.target);
      if ((!theirs || theirs.label === 'neutral') && correction === 'oppose-keep') return s;
      if (!theirs || theirs.label === 'neutral') return voidImplicitSides([s], evidence.map((e) => ({ ...e, cue: 'corrects-a-fact' })))[0]!;
      return { target: s.target, label: flip(theirs.label), confidence: inherited(theirs.confidence), evidence: evidence.map((e) => ({ ...e, cue: 'corrects-parent' })), implicit: true };
    });
  }
  if (corrects && correction === 'keep') return stances;
  if (parent && post.replyStance && !fact && !counters) stances = stancesFromParent({ ...post, stances }, parent);
  if (parent && !voided && post.replyStance?.label === 'comment' && links.flatReply) stances = flatReplySides(stances, parent, links.flatReply);
  return stances;
}

/** A plain reply's flat readings of subjects it never names, given its parent's side (`agree`) or the other (`oppose`). */
function flatReplySides(stances: readonly StanceResult[], parent: StepPost, how: 'agree' | 'oppose'): StanceResult[] {
  return stances.map((s) => {
    if (s.implicit !== true || s.label !== 'neutral') return s;
    const theirs = (parent.stances ?? []).find((x) => x.target === s.target);
    if (!theirs || theirs.label === 'neutral') return s;
    const label = how === 'agree' ? theirs.label : flip(theirs.label);
    return { target: s.target, label, confidence: inherited(theirs.confidence), evidence: [], implicit: true };
  });
}

/** `stances` with the comment register's reading of the post as the tone of its unnamed subjects ({@link REGISTER_TONE}). */
function registerToned(stances: StanceResult[], sentiment: ReturnType<Parameters<PostStep['run']>[0]['shared']>['sentiment'], tone: RegisterTone, text: string): StanceResult[] {
  // In `fill` mode only a flat reading of an unnamed subject can change: without one, the register is not read.
  if (tone.mode === 'fill' && !stances.some((s) => s.implicit === true && s.label === 'neutral')) return stances;
  const p = commentRegisterProbabilities(sentiment.bag);
  const r = sentiment.result;
  const flipped = r.sarcasmLevel === 'flip';
  const side = registerSide(p, flipped, r.evidence.length > 0, tone.margin);
  const lean = side === null && tone.lean != null ? registerLeanSide(p, flipped, tone.lean) : null;
  if (lean === null) return withRegisterSide(stances, side, r.evidence, tone);
  // A lean with no sentiment evidence points at the first sentence, the verdict of a comment.
  const first = r.sentences[0]?.span;
  const evidence = r.evidence.length > 0 || !first ? r.evidence : [{ span: first, text: text.slice(first[0], first[1]) }];
  return withRegisterSide(stances, lean, evidence, tone, 'register-lean');
}

// Confidence of a side voided by what the post does (a fact corrected or conceded, a question asked).
const VOIDED_CONFIDENCE = 0.6;

/** The first evidence of each of the post's corrections, two at most: what a side read from a correction rests on. */
function correctionEvidence(post: StepPost): Correction['evidence'] {
  return (post.corrections ?? []).flatMap((c) => c.evidence.slice(0, 1)).slice(0, 2);
}

/**
 * The evidence that a reply corrects or concedes a fact (the corrections step's `corrections` and `concessions`),
 * cue `corrects-a-fact` / `concedes-a-fact`, or null. Its tone is then about the figure, the date or the name it
 * fixes ("It's 26 via the bypass", "Fair enough, 26 it is"), not a side on the subject, and what it disagrees or
 * agrees with is the parent's fact, not the parent's side.
 */
function factEvidence(post: StepPost, counters: boolean): StanceResult['evidence'] | null {
  const corrections = post.corrections ?? [];
  if (corrections.length > 0) return correctionEvidence(post).map((e) => ({ ...e, cue: 'corrects-a-fact' }));
  // A concession followed by a counter is the reply's own case, not an accepted fact alone.
  if (counters) return null;
  const concessions = post.concessions ?? [];
  if (concessions.length > 0) return concessions.slice(0, 1).map((c) => ({ ...c.evidence, cue: 'concedes-a-fact' }));
  return null;
}

// A clause that counters what came before: a contrast word opening a sentence or a clause ("All true, but ...",
// "Fair enough. Still think ...", "Granted. That said, ..."), or "but"/"however" anywhere ("true but ..."); "still"
// and "yet" inside a clause are adverbs of time ("it is still a loss"). Closed class; linear.
const COUNTER = /(?:^|[.!?;,:]\s*)(?:but|still|yet|however|that said|even so|nonetheless|nevertheless)\b|\s(?:but|however)\b/i;

/**
 * Whether a reply concedes or agrees (reply stance `support` on a cue, or a concession the corrections step
 * linked) and then counters: a contrast word after the last conceding cue. Such a reply grants the parent's point
 * or fact and makes its own ("All true, but they can also join the army"): its side is its own reading, neither
 * the parent's (taken over by agreement) nor none (a conceded fact).
 */
function countersAfterConceding(post: StepPost, text: string): boolean {
  const cues = [...(post.replyStance?.label === 'support' ? post.replyStance.evidence : []), ...(post.concessions ?? []).map((c) => c.evidence)];
  if (cues.length === 0) return false;
  const end = maxOf(cues.map((e) => e.span[1])) - post.span[0];
  return end >= 0 && end <= text.length && COUNTER.test(text.slice(end));
}

// The moderation step's flag: an insult score (the calibrated share of raters who would call it an insult) from 0.5.
const INSULT_FLAG = 0.5;

/**
 * The evidence that a reply insults (the moderation step's insult score at its flag), cue `addresses-a-person`, or
 * null. Its hostile tone is aimed at the person it answers ("Nobody cares what you think, troll"), not at the
 * subject; what it denies or supports of the parent's point is still taken over (`disagrees-with-parent`).
 */
function personEvidence(post: StepPost): StanceResult['evidence'] | null {
  const insult = post.moderation?.insult;
  if (!insult || insult.score < INSULT_FLAG) return null;
  return insult.evidence.slice(0, 1).map((e) => ({ ...e, cue: 'addresses-a-person' }));
}

// A question in interrogative form: an auxiliary or an information wh-word first (after an optional discourse
// marker, or a short label ending in a colon: "Honest question:"), or an appeal to anyone reading ("Anyone know").
// "Why" is left out: in comments a why-question mostly challenges ("Why should parents pay?"), it does not ask.
// Linear: one bounded optional prefix, then alternations of fixed words.
const INTERROGATIVE =
  /^(?:(?:so|and|but|ok|okay|also|quick|honest|genuine|serious)[,:]?\s+(?:question:\s+)?)?(?:(?:[\p{L}'-]+\s){0,2}[\p{L}'-]+:\s+)?(?:do|does|did|is|are|was|were|will|would|can|could|has|have|had|who|what|when|where|which|how|anyone|anybody|does anyone|has anyone)\b/iu;

/**
 * The evidence that a post opens by asking (the acts step's first `question` act, in the post's first sentence,
 * in interrogative form and asked once: "Will the pouches be unlocked at lunch?", not "They cost $86,000??"), cue
 * `asks`, or null. A question asks for a fact; its tone is no side on a subject it never names.
 */
function askingEvidence(post: StepPost, firstSentence: string): StanceResult['evidence'] | null {
  const first = firstSentence.trim();
  if (!/\?\s*["'\u201d)]?$/.test(first) || /\?\s*\?/.test(first) || !INTERROGATIVE.test(first)) return null;
  const question = (post.acts ?? []).find((x) => x.act === 'question');
  return question ? [{ ...question.evidence, cue: 'asks' }] : null;
}

/**
 * Whether the post states its side on the target itself: it names the target, or declares a side outright on the
 * subject ("I'm for it", cue `declares:...`). Such a side is not read from tone, so what the post does (a question,
 * an agreement) leaves it.
 */
function stated(s: StanceResult): boolean {
  return s.implicit !== true || s.evidence.some((e) => e.cue.startsWith('declares:'));
}

/** `stances` with every side read from tone on a target the text never names made neutral, with `evidence` as why. */
function voidImplicitSides(stances: readonly StanceResult[], evidence: StanceResult['evidence']): StanceResult[] {
  return stances.map((s) =>
    !stated(s) && s.label !== 'neutral' ? { target: s.target, label: 'neutral', confidence: VOIDED_CONFIDENCE, evidence, implicit: true } : s,
  );
}

// Confidence kept when a stance is taken over from the parent a reply agrees or disagrees with.
const INHERITED_CONFIDENCE = 0.6;

/** The confidence of a side taken over from (or set against) the parent's, from the confidence it rests on. */
const inherited = (confidence: number): number => Math.round(confidence * INHERITED_CONFIDENCE * 100) / 100;

const flip = (label: 'favor' | 'against'): 'favor' | 'against' => (label === 'favor' ? 'against' : 'favor');

/**
 * A reply that supports its parent ("Exactly.") shares the parent's stance on targets it does not name
 * itself; one that denies it ("That's not true") takes the opposite stance, with the reply's agreement or
 * disagreement cue as evidence (cue `agrees-with-parent` / `disagrees-with-parent`). A reply the reply-stance
 * rules call a plain comment still answers its parent: where it never names the target, its tone is read as
 * agreement (favourable) or disagreement (hostile) with the parent, not as a verdict on the subject (cue
 * `tone-toward-parent:...`). A stance the reply states about a target it names always wins.
 */
function stancesFromParent(post: StepPost, parent: StepPost): StanceResult[] {
  const own = post.stances ?? [];
  const reply = post.replyStance;
  if (!reply || reply.label === 'query') return own;
  const cued = (reply.label === 'support' || reply.label === 'deny') && reply.evidence.length > 0;
  const out = own.slice();
  // A reply that answers its parent ("You're right", "That's not true") is about what the parent said: where the
  // parent takes no side on a target the reply never names, the reply's tone is a verdict on the parent's point,
  // not on the subject, so it takes no side either.
  if (reply.label === 'support' || reply.label === 'deny') {
    for (let i = 0; i < out.length; i++) {
      const mine = out[i]!;
      if (stated(mine) || mine.label === 'neutral') continue;
      const theirs = (parent.stances ?? []).find((p) => p.target === mine.target);
      if (theirs && theirs.label !== 'neutral') continue;
      out[i] = { target: mine.target, label: 'neutral', confidence: inherited(reply.confidence), evidence: reply.evidence.map((e) => ({ ...e, cue: 'answers-parent' })), implicit: true };
    }
  }
  for (const s of parent.stances ?? []) {
    if (s.label === 'neutral') continue;
    const mine = own.find((o) => o.target === s.target);
    if (mine && stated(mine) && mine.label !== 'neutral') continue;
    let stance: StanceResult | null = null;
    if (cued) {
      const agrees = reply.label === 'support';
      stance = {
        target: s.target,
        label: agrees ? s.label : flip(s.label),
        confidence: inherited(Math.min(s.confidence, reply.confidence)),
        evidence: reply.evidence.map((e) => ({ ...e, cue: agrees ? 'agrees-with-parent' : 'disagrees-with-parent' })),
      };
    } else if (reply.label === 'comment' && mine?.implicit === true && mine.label !== 'neutral') {
      stance = {
        target: s.target,
        label: mine.label === 'favor' ? s.label : flip(s.label),
        confidence: inherited(Math.min(s.confidence, mine.confidence)),
        evidence: mine.evidence.map((e) => ({ ...e, cue: `tone-toward-parent:${e.cue}` })),
      };
    }
    if (stance === null) continue;
    // Implicit unless the reply names the target itself.
    if (!mine || mine.implicit === true) stance.implicit = true;
    const at = out.findIndex((o) => o.target === s.target);
    if (at >= 0) out[at] = stance;
    else out.push(stance);
  }
  return out;
}
