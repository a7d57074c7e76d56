/**
 * Discourse acts per post (question, rhetorical question, agreement, disagreement, concession, prediction,
 * call to action, meta-comment, self-correction), each with its evidence span, and the reply stance toward a
 * parent post (support | deny | query | comment, as in RumourEval).
 */
import type { Evidence, Sentence } from '../../schema/common.js';
import type { Act } from '../../schema/classify.js';
import { splitSentences } from '../../text/sentences.js';
import {
  AGREEMENT, CALL_TO_ACTION, CONCESSION, DISAGREEMENT, DISAGREEMENT_OPENER, IMPERATIVE_VERBS, META, PREDICTION_STRONG,
  PREDICTION_WEAK, RHETORICAL, SELF_CORRECTION, SELF_CORRECTION_STAR, TAG_QUESTION,
} from './cues.js';

export type { Act, ReplyStance } from '../../schema/classify.js';
export { classifyReplyStance } from './reply-stance.js';

/** Context for {@link detectActs}. */
export interface ActContext {
  /** Text of the post this one replies to, or null/undefined for a top-level post. */
  parentText?: string | null;
  /** The sentences of the text (`splitSentences(text)`), when the caller has them already. */
  sentences?: readonly Sentence[];
}

type Kind = Act['act'];

// Leading addressees and quote markers skipped before matching openers: "@Keita Nakamura", "> ".
const LEADING_NOISE = /^(?:(?:@[\p{L}\p{N}_]+|>+)\s?)+/u;
// A leading vocative: one to three capitalised words then a comma ("Nia, you're right", "Ann Lee, exactly"). Openers
// are tried after it when none matches at the sentence start. Linear: bounded repetition of disjoint classes.
const VOCATIVE = /^(?:\p{Lu}[\p{L}\p{N}_'-]{0,30}\s?){1,3},\s?/u;
// Conditionals and questions are no predictions: "If he wins, taxes will rise" is hedged.
const CONDITIONAL = /^(?:if|unless|when|once|should)\b/i;

/** Detects the discourse acts in `text`. Spans are relative to `text`; one act per kind and sentence at most. */
export function detectActs(text: string, context?: ActContext): Act[] {
  const input = typeof text === 'string' ? text : '';
  const hasParent = typeof context?.parentText === 'string' && context.parentText.trim().length > 0;
  const acts: Act[] = [];
  const add = (act: Kind, confidence: number, from: number, to: number, cue: string): void => {
    const evidence: Evidence = { span: [from, to], text: input.slice(from, to), cue };
    acts.push({ act, confidence: Math.round(confidence * 100) / 100, evidence });
  };
  const sentences = context?.sentences ?? splitSentences(input);
  sentences.forEach((s, index) => {
    const base = s.span[0];
    const noise = LEADING_NOISE.exec(s.text);
    const skip = noise ? noise[0].length : 0;
    const body = s.text.slice(skip);
    const at = base + skip;
    if (body.length === 0) return;
    const isQuestion = /\?[\s"'\u201d)]*$/.test(body);

    // Questions, rhetorical or not.
    if (isQuestion) {
      const rhet = RHETORICAL.exec(body);
      const tag = TAG_QUESTION.exec(body);
      // A question answered by its own writer in the next sentence is rhetorical too ("Why? Because ...").
      const next = sentences[index + 1];
      const selfAnswered = next !== undefined && /^(?:because|no|yes|of course|obviously|nope)\b/i.test(next.text);
      if (rhet) add('rhetorical-question', 0.7, base, s.span[1], `rhetorical:${rhet[0].toLowerCase()}`);
      else if (tag) add('rhetorical-question', 0.6, base, s.span[1], 'tag-question');
      else if (selfAnswered) add('rhetorical-question', 0.6, base, s.span[1], 'self-answered');
      else add('question', 0.9, base, s.span[1], 'question-mark');
    }

    // Agreement and disagreement open a reply; mid-post they are weaker. After a vocative they still open it.
    let opening = body;
    let openAt = at;
    let agree = AGREEMENT.exec(body);
    let opener = DISAGREEMENT_OPENER.exec(body);
    if (hasParent && !agree && !opener) {
      const voc = VOCATIVE.exec(body);
      if (voc) {
        opening = body.slice(voc[0].length);
        openAt = at + voc[0].length;
        agree = AGREEMENT.exec(opening);
        opener = DISAGREEMENT_OPENER.exec(opening);
      }
    }
    if (agree && !isQuestion) {
      const whole = trimEndOf(opening, ' \t\n.!').length === agree[0].length;
      // "This." and "Yes." only count standing alone; "This plan..." is no agreement.
      const bare = /^(?:this|yes|yep|yup|true|correct|indeed|absolutely|100%)$/i.test(agree[0]);
      if (!bare || whole) {
        const conf = (index === 0 ? 0.75 : 0.5) + (hasParent ? 0.15 : 0) + (whole ? 0.05 : 0);
        add('agreement', Math.min(0.95, conf), openAt, openAt + agree[0].length, `agreement:${agree[0].toLowerCase()}`);
      }
    }
    const dis = DISAGREEMENT.exec(body);
    if (opener && index === 0 && !isQuestion && (hasParent || /^(?:no|nope|wrong)$/i.test(opener[0]))) {
      add('disagreement', opener[0].toLowerCase() === 'actually' ? 0.5 : 0.7, openAt, openAt + opener[0].length, `disagreement:${opener[0].toLowerCase()}`);
    } else if (dis && !isQuestion) {
      add('disagreement', hasParent ? 0.7 : 0.55, at + dis.index, at + dis.index + dis[0].length, `disagreement:${dis[0].toLowerCase()}`);
    }

    const concession = CONCESSION.exec(body);
    if (concession) add('concession', 0.8, at + concession.index, at + concession.index + concession[0].length, `concession:${concession[0].toLowerCase()}`);

    if (!isQuestion && !CONDITIONAL.test(body)) {
      const strong = PREDICTION_STRONG.exec(body);
      const weak = strong ? null : PREDICTION_WEAK.exec(body);
      if (strong) add('prediction', 0.75, base, s.span[1], `prediction:${strong[0].toLowerCase()}`);
      else if (weak && !/\b(?:free will|will power|willpower|good will|goodwill|last will)\b/i.test(body)) {
        add('prediction', 0.45, base, s.span[1], `prediction:${weak[0].toLowerCase()}`);
      }
    }

    // Calls to action: an imperative verb first ("Kick them out"), or "we must", "let's".
    const first = /^[\p{L}']+/u.exec(body);
    const firstWord = first ? first[0].toLowerCase() : '';
    const nextWord = /^[\p{L}']+\s+([\p{L}']+)/u.exec(body)?.[1]?.toLowerCase() ?? '';
    if (!isQuestion && IMPERATIVE_VERBS.has(firstWord) && !/^(?:of|to|is|was|are|and|the|a|an|in|on|for|s|ed|ing)$/.test(nextWord) && !(firstWord === 'do' && nextWord === 'not' && false)) {
      add('call-to-action', body.endsWith('!') ? 0.75 : 0.6, base, s.span[1], `imperative:${firstWord}`);
    } else {
      const cta = CALL_TO_ACTION.exec(body);
      if (cta) add('call-to-action', 0.65, base, s.span[1], `call:${cta[0].toLowerCase()}`);
    }

    const meta = META.exec(body);
    if (meta) add('meta-comment', isQuestion ? 0.8 : 0.65, at + meta.index, at + meta.index + meta[0].length, `meta:${meta[0].toLowerCase()}`);

    if (SELF_CORRECTION_STAR.test(body)) {
      add('self-correction', 0.8, at, s.span[1], 'star-correction');
    } else {
      const sc = SELF_CORRECTION.exec(body);
      if (sc) add('self-correction', 0.7, at + sc.index, at + sc.index + sc[0].length, `self-correction:${sc[0].toLowerCase()}`);
    }
  });
  return acts;
}

/** `text` without trailing characters from `chars` (a loop: a trailing-run regex is quadratic when it fails). */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
