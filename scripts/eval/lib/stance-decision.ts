/**
 * A learned thread-stance decision (session 26, measured and NOT shipped; docs/stance.md "session 26 (stance26)"):
 * what the pipeline already knows of a post and one target once every step has run (its stance reading and the cue
 * behind it, whether it names the target, its tone, what it does, its reply stance, its parent's side and tone, a light
 * layer of content words), as named values for one linear model that re-reads the pipeline's side. Kept here, with
 * `decideThreadStances` as it was wired into the stance step's `finish` for the one eval-threads read, so the
 * measurement can be repeated (scripts/study/thread-stance-decision.ts).
 *
 * Read only from the fields the steps have set (no new reading of the text). The post sentiment's label is left out
 * on purpose: it is the comment register's, fit on the blind threads, so it would be read in-sample there; the score
 * is the general model's.
 */
import type { StanceResult } from '../../../src/schema/classify.js';
import { explain, predict, type LinearModel } from '../../../src/learn/model.js';
import { tokenize } from '../../../src/text/tokenize.js';
import { isContent } from '../../../src/text/word-lists.js';

/** The fields of a labelled post the decision reads (an output post has them all). */
export interface DecisionPost {
  readonly text: string;
  readonly lines?: ReadonlyArray<{ readonly span: readonly [number, number]; readonly text: string }>;
  readonly parentId?: string | null;
  readonly sentiment?: { readonly score: number; readonly sentences: ReadonlyArray<{ readonly score: number }>; readonly sarcasm: readonly unknown[] } | null;
  readonly acts?: ReadonlyArray<{ readonly act: string }> | null;
  readonly replyStance?: { readonly label: string; readonly confidence: number } | null;
  readonly moderation?: { readonly insult?: { readonly score: number } } | null;
  readonly stances?: readonly StanceResult[] | null;
  readonly corrections?: readonly unknown[] | null;
  readonly concessions?: readonly unknown[] | null;
}

/** The kind of the cue that gave a stance its label: its first evidence cue but a bare mention, up to the first colon. */
export function cueKind(s: StanceResult | undefined): string {
  const cue = s?.evidence.find((e) => e.cue !== 'mention')?.cue ?? 'none';
  return cue.replace(/:.*/s, '');
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * The named feature values of `post` toward `target`, with `parent` (the parent post as labelled before the
 * decision, or undefined at top level). All dense: a handful of values per post.
 */
export function decisionFeatures(post: DecisionPost, parent: DecisionPost | undefined, target: string): Map<string, number> {
  const f = new Map<string, number>();
  const add = (name: string, value: number): void => {
    if (value !== 0 && Number.isFinite(value)) f.set(name, round((f.get(name) ?? 0) + value));
  };
  const s = post.stances?.find((x) => x.target === target);
  const label = s?.label ?? 'neutral';
  const cue = cueKind(s);
  add(`side:${label}`, 1);
  add(`conf:${label}`, s?.confidence ?? 0);
  add(`cue:${cue}`, 1);
  if (label !== 'neutral') add(`cue-side:${cue}:${label}`, 1);
  if (s && s.implicit !== true) add('named', 1);
  const tone = post.sentiment?.score ?? 0;
  const sentences = post.sentiment?.sentences ?? [];
  add('tone', tone);
  add('tone-abs', Math.abs(tone));
  if (sentences.length > 0) {
    add('tone-first', sentences[0]!.score);
    add('tone-last', sentences[sentences.length - 1]!.score);
    add('tone-min', Math.min(...sentences.map((x) => x.score)));
    add('tone-max', Math.max(...sentences.map((x) => x.score)));
  }
  if ((post.sentiment?.sarcasm.length ?? 0) > 0) add('sarcasm', 1);
  const tokens = tokenize(post.text);
  add('length', Math.log1p(tokens.filter((t) => t.kind !== 'punct').length) / 4);
  // The content words, once each: a light layer the fit keeps only for words of several threads.
  for (const t of tokens) if (isContent(t)) f.set(WORD_PREFIX + t.lower, 1);
  for (const act of new Set((post.acts ?? []).map((a) => a.act))) add(`act:${act}`, 1);
  add('insult', post.moderation?.insult?.score ?? 0);
  if ((post.corrections?.length ?? 0) > 0) add('corrects', 1);
  if ((post.concessions?.length ?? 0) > 0) add('concedes', 1);
  if (post.parentId == null || parent === undefined) {
    add('top-level', 1);
    add('top-level-tone', tone);
    return f;
  }
  add('reply', 1);
  add('reply-tone', tone);
  const rs = post.replyStance;
  if (rs) add(`reply-stance:${rs.label}`, rs.confidence);
  const ps = parent.stances?.find((x) => x.target === target);
  const parentSide = ps?.label ?? 'neutral';
  add(`parent:${parentSide}`, 1);
  add('parent-tone', parent.sentiment?.score ?? 0);
  // The parent's side turned by the reply's tone or reply stance: agreeing with a side is that side.
  if (parentSide !== 'neutral') {
    const sign = parentSide === 'favor' ? 1 : -1;
    add('parent-side-x-tone', sign * tone);
    if (rs) add(`parent-side-x-reply:${rs.label}`, sign * rs.confidence);
  }
  return f;
}

/** The decision's labels, in model order. */
export const DECISION_LABELS = ['favor', 'against', 'none'] as const;

/** The prefix of the decision's word features (`w:buses`). */
export const WORD_PREFIX = 'w:';

/** A labelled post with its id and stances, as the stance step's `finish` hands them. */
export interface DecidedPost extends DecisionPost {
  readonly id: string;
  stances?: StanceResult[];
}

/**
 * Re-reads every post's stance toward each of `subjects` with `model` (as the stance step's `finish` would), all from the readings before any change (a
 * reply reads its parent's side as the pipeline gave it). A label the model keeps leaves the stance as it was; a
 * changed one gets the model's probability as confidence and, as evidence, the words of the post that pushed the new
 * label most (cue `decision:w:<word>`), or the post's first line with the strongest other feature (`decision:<name>`).
 */
export function decideThreadStances(posts: readonly DecidedPost[], subjects: ReadonlySet<string>, model: LinearModel): void {
  // A model with no weights (before its first fit) decides nothing.
  if (Object.keys(model.weights).length === 0) return;
  const byId = new Map(posts.map((p) => [p.id, p]));
  const changes: Array<{ post: DecidedPost; at: number; stance: StanceResult }> = [];
  for (const post of posts) {
    const parent = post.parentId != null ? byId.get(post.parentId) : undefined;
    (post.stances ?? []).forEach((s, at) => {
      if (!subjects.has(s.target)) return;
      const features = decisionFeatures(post, parent, s.target);
      const p = predict(model, features);
      let best = 0;
      for (let l = 1; l < p.length; l++) if (p[l]! > p[best]!) best = l;
      const decided = DECISION_LABELS[best]!;
      const label: StanceResult['label'] = decided === 'none' ? 'neutral' : decided;
      if (label === s.label) return;
      changes.push({ post, at, stance: { target: s.target, label, confidence: Math.round(p[best]! * 100) / 100, evidence: decisionEvidence(model, features, best, post), implicit: s.implicit === true } });
    });
  }
  // Applied once every post is read, so no reading sees another's new label.
  for (const { post, at, stance } of changes) {
    const out = post.stances!.slice();
    out[at] = stance.implicit ? stance : { target: stance.target, label: stance.label, confidence: stance.confidence, evidence: stance.evidence };
    post.stances = out;
  }
}

/** Up to three words of the post that pushed `label` most, located in its lines; else its first line. */
function decisionEvidence(model: LinearModel, features: Map<string, number>, label: number, post: DecisionPost): StanceResult['evidence'] {
  const pushes = explain(model, features, label)
    .filter((c) => c.amount > 0)
    .sort((a, b) => b.amount - a.amount || (a.feature < b.feature ? -1 : 1));
  const out: StanceResult['evidence'] = [];
  for (const c of pushes) {
    if (out.length >= 3 || !c.feature.startsWith(WORD_PREFIX)) continue;
    const word = c.feature.slice(WORD_PREFIX.length);
    const at = locate(post, word);
    if (at) out.push({ ...at, cue: `decision:${c.feature}` });
  }
  if (out.length > 0) return out;
  const line = post.lines?.find((l) => l.text.trim() !== '');
  const top = pushes.find((c) => !c.feature.startsWith(WORD_PREFIX))?.feature ?? 'bias';
  return line ? [{ span: [line.span[0], line.span[1]], text: line.text, cue: `decision:${top}` }] : [];
}

/** The first whole-word occurrence of a lower-cased word in the post's lines, as an evidence span. */
function locate(post: DecisionPost, word: string): { span: [number, number]; text: string } | null {
  for (const line of post.lines ?? []) {
    for (const t of tokenize(line.text)) {
      if (t.lower === word) return { span: [line.span[0] + t.start, line.span[0] + t.end], text: t.text };
    }
  }
  return null;
}
