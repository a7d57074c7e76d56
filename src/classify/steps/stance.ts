import type { StanceResult } from '../../schema/classify.js';
import { classifyStance } from '../stance/index.js';
import type { PostStep, StepPost } from './types.js';

/** Stance of the post toward each target, plus what a reply takes over from the parent it agrees with (src/classify/stance). */
export const stanceStep: PostStep = {
  name: 'stance',
  scope: 'post',
  needs: ['targets'],
  run(a) {
    const targets = a.thread.targets ?? [];
    // Stances are per target: with none there is nothing to read (a record without a target).
    a.post.stances = targets.length === 0 ? [] : a.toInput(classifyStance(a.text, targets, { parentText: a.parentText }));
    // The reply stance comes from the acts step, which runs before this one when asked for.
    if (a.parent && a.post.replyStance) a.post.stances = stancesFromParent(a.post, a.parent);
  },
};

// Confidence kept when a stance is taken over from the parent a reply agrees or disagrees with.
const INHERITED_CONFIDENCE = 0.6;

/**
 * A reply that supports its parent ("Exactly.") shares the parent's stance on targets it does not speak to
 * itself; one that denies it ("That's not true") takes the opposite stance. The evidence is the reply's
 * agreement or disagreement cue, with cue `agrees-with-parent` / `disagrees-with-parent`.
 */
function stancesFromParent(post: StepPost, parent: StepPost): StanceResult[] {
  const own = post.stances ?? [];
  const reply = post.replyStance;
  if (!reply || (reply.label !== 'support' && reply.label !== 'deny') || reply.evidence.length === 0) return own;
  const agrees = reply.label === 'support';
  const inherited = (parent.stances ?? [])
    .filter((s) => s.label !== 'neutral' && !own.some((o) => o.target === s.target && o.label !== 'neutral'))
    .map((s) => ({
      target: s.target,
      label: agrees ? s.label : s.label === 'favor' ? ('against' as const) : ('favor' as const),
      confidence: Math.round(Math.min(s.confidence, reply.confidence) * INHERITED_CONFIDENCE * 100) / 100,
      evidence: reply.evidence.map((e) => ({ ...e, cue: agrees ? 'agrees-with-parent' : 'disagrees-with-parent' })),
    }));
  if (inherited.length === 0) return own;
  return [...own.filter((o) => !inherited.some((i) => i.target === o.target)), ...inherited];
}
