import type { StanceResult } from '../../schema/classify.js';
import { classifyStanceGroups } from '../stance/index.js';
import type { Tone } from '../stance/features.js';
import type { PostStep, StepPost } from './types.js';

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
    a.post.stances = a.toInput([...implicit, ...named].sort((x, y) => order.get(x.target)! - order.get(y.target)!));
  },
  link(a) {
    if ((a.thread.targets?.length ?? 0) === 0) return;
    // The reply stance comes from the acts step, which runs before this one when asked for.
    if (a.parent && a.post.replyStance) a.post.stances = stancesFromParent(a.post, a.parent);
  },
};

// Confidence kept when a stance is taken over from the parent a reply agrees or disagrees with.
const INHERITED_CONFIDENCE = 0.6;

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
      if (mine.implicit !== true || mine.label === 'neutral') continue;
      const theirs = (parent.stances ?? []).find((p) => p.target === mine.target);
      if (theirs && theirs.label !== 'neutral') continue;
      out[i] = { target: mine.target, label: 'neutral', confidence: Math.round(reply.confidence * INHERITED_CONFIDENCE * 100) / 100, evidence: reply.evidence.map((e) => ({ ...e, cue: 'answers-parent' })), implicit: true };
    }
  }
  for (const s of parent.stances ?? []) {
    if (s.label === 'neutral') continue;
    const mine = own.find((o) => o.target === s.target);
    if (mine && mine.implicit !== true && mine.label !== 'neutral') continue;
    let stance: StanceResult | null = null;
    if (cued) {
      const agrees = reply.label === 'support';
      stance = {
        target: s.target,
        label: agrees ? s.label : flip(s.label),
        confidence: Math.round(Math.min(s.confidence, reply.confidence) * INHERITED_CONFIDENCE * 100) / 100,
        evidence: reply.evidence.map((e) => ({ ...e, cue: agrees ? 'agrees-with-parent' : 'disagrees-with-parent' })),
      };
    } else if (reply.label === 'comment' && mine?.implicit === true && mine.label !== 'neutral') {
      stance = {
        target: s.target,
        label: mine.label === 'favor' ? s.label : flip(s.label),
        confidence: Math.round(Math.min(s.confidence, mine.confidence) * INHERITED_CONFIDENCE * 100) / 100,
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
