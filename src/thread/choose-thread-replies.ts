import { lazyModel, type LinearModel } from '../learn/model.js';
import type { ThreadPost } from './build-posts.js';
import { linkView, setAnswerLinks, type LinkPost } from './left-over-links.js';
import { chooseInThreads, threadReplyCandidates, type ThreadReplyCandidate } from './thread-reply-features.js';
import modelData from './thread-reply.model.json' with { type: 'json' };

// Session 44 (link44, docs/dump-styles.md "Session 44 (link44)"): a reply the page's one level of nesting put under its
// top post, moved to the earlier reply of the thread it answers, where the model (thread-reply-features.ts's candidates
// and features; thread-reply.model.json, fit by scripts/train/train-thread-replies.ts) chooses one. The switch lives here,
// outside the model's feature code, so turning it off needs no refit.

export { showsOneLevel, threadReplyCandidates, chooseInThreads, type ThreadReplyCandidate } from './thread-reply-features.js';

const shippedModel = lazyModel(modelData, 'src/thread/thread-reply.model.json');

// Whether the library runs the chooser (the lead may turn it off here): see docs/dump-styles.md "Session 44 (link44)".
const SHIPPED_ON = true;

/** What a study sets (never the library): the model to use (`shipped`: thread-reply.model.json; null: none), and a reader of every page's candidates. */
export interface ThreadReplyStudy {
  model: LinearModel | 'shipped' | null;
  record?: (posts: readonly LinkPost[], candidates: readonly ThreadReplyCandidate[]) => void;
}
let study: ThreadReplyStudy | undefined = SHIPPED_ON ? { model: 'shipped' } : undefined;

/** For scripts/study/*, scripts/train/* and tests only (never the library): `undefined` restores the library's setting. */
export function setThreadRepliesForStudy(s: ThreadReplyStudy | null | undefined): void {
  study = s === undefined ? (SHIPPED_ON ? { model: 'shipped' } : undefined) : (s ?? undefined);
}

/**
 * The within-thread choice on a thread the cues have read (`byId`: post id -> index): moves the replies the model
 * chooses to an earlier reply of their thread (`replyCue` kind `answer`, no span: no words of the post told it), then
 * sets every post's depth again from its parent's.
 */
export function chooseThreadReplies(posts: ThreadPost[], byId: ReadonlyMap<string, number>): void {
  if (study === undefined) return;
  const model = study.model === 'shipped' ? shippedModel() : study.model;
  if (model === null && !study.record) return;
  const view = linkView(posts, byId);
  if (study.record) study.record(view, threadReplyCandidates(view));
  if (model === null) return;
  setAnswerLinks(posts, byId, chooseInThreads(view, model));
}
