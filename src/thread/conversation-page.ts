import { lazyModel, type LinearModel } from '../learn/model.js';
import type { ThreadPost } from './build-posts.js';
import { linkView, setAnswerLinks, type LinkPost } from './left-over-links.js';
import { conversationLinks, conversationPageFeatures } from './conversation-page-features.js';
import modelData from './conversation-page.model.json' with { type: 'json' };

// Session 45 (link45, docs/dump-styles.md "Session 45 (link45)"): a page whose left-over posts read as a conversation
// (conversation-page-features.ts's page features and links; conversation-page.model.json, fit by
// scripts/train/train-conversation-page.ts) has each of them linked to the post above. The switch lives here, outside the
// model's feature code, so turning it on or off needs no refit.

export { abovePost, conversationLinks, conversationPageFeatures } from './conversation-page-features.js';

const shippedModel = lazyModel(modelData, 'src/thread/conversation-page.model.json');

// Whether the library reads conversation pages (the lead may turn it off here): see docs/dump-styles.md "Session 45 (link45)".
const SHIPPED_ON = false;

/** What a study sets (never the library): the model to use (`shipped`: conversation-page.model.json; null: none), and a reader of every page's features. */
export interface ConversationPageStudy {
  model: LinearModel | 'shipped' | null;
  record?: (posts: readonly LinkPost[], eligible: readonly boolean[], features: ReadonlyArray<[string, number]>) => void;
}
let study: ConversationPageStudy | undefined = SHIPPED_ON ? { model: 'shipped' } : undefined;

/** For scripts/study/*, scripts/train/* and tests only (never the library): `undefined` restores the library's setting. */
export function setConversationPageForStudy(s: ConversationPageStudy | null | undefined): void {
  study = s === undefined ? (SHIPPED_ON ? { model: 'shipped' } : undefined) : (s ?? undefined);
}

/**
 * The conversation-page reading on a thread the cues (and any left-over link) have read (`byId`: post id -> index;
 * `eligible`: resolveParents' left-over posts): links the posts `conversationLinks` gives (`replyCue` kind `answer`, no
 * span) and sets every post's depth again.
 */
export function linkConversationPage(posts: ThreadPost[], byId: ReadonlyMap<string, number>, eligible: readonly boolean[], articleText: string): void {
  if (study === undefined || !eligible.some((e) => e)) return;
  const model = study.model === 'shipped' ? shippedModel() : study.model;
  if (model === null && !study.record) return;
  const view = linkView(posts, byId);
  if (study.record) study.record(view, eligible, conversationPageFeatures(view, eligible, articleText));
  if (model === null) return;
  setAnswerLinks(posts, byId, conversationLinks(view, eligible, articleText, model));
}
