import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { abovePost, conversationLinks, conversationPageFeatures, setConversationPageForStudy } from '../src/thread/conversation-page.js';
import type { LinkPost } from '../src/thread/left-over-links.js';
import type { LinearModel } from '../src/learn/model.js';
import { CONVERSATION, INDEPENDENT, flat } from './lib/made-up-flat-page.js';

// (Session 45, link45) On a page that marks no replies, the posts the cues leave top level are either independent
// comments or a conversation whose nesting the page lost. src/thread/conversation-page.ts reads the page as a whole
// (conversation-page.model.json) and, where it reads a conversation, links each such post to the post above it.

afterEach(() => setConversationPageForStudy(undefined));

const postsOf = (page: ReadonlyArray<readonly [string, string]>) => parse(flat(page), { name: 'made-up' }).thread.posts;

/** A model in the one format that gives every page the probability `p`, cut 0.5. */
const constant = (p: number): LinearModel => ({
  format: 'threadlens-model/2', name: 'conversation-page', fitOn: [], featureFiles: [], featureHash: '', link: 'sigmoid',
  labels: ['above'], bias: [Math.log(p / (1 - p))], weights: {}, thresholds: { cut: 0.5 },
});

describe('conversation pages (session 45)', () => {
  it('the library leaves the conversation top level as shipped: the reading is off', () => {
    const posts = postsOf(CONVERSATION);
    expect(posts).toHaveLength(8);
    expect(posts.every((p) => p.parentId === null)).toBe(true);
  });

  it('switched on with the fitted model, each post of a conversation answers the post above, without a span', () => {
    setConversationPageForStudy({ model: 'shipped' });
    const posts = postsOf(CONVERSATION);
    expect(posts[0]!.parentId).toBeNull();
    for (let i = 1; i < posts.length; i++) {
      expect(posts[i]!.parentId).toBe(posts[i - 1]!.id);
      expect(posts[i]!.replyCue).toEqual({ kind: 'answer', span: null });
      expect(posts[i]!.depth).toBe(i);
    }
  });

  it('switched on, a page of independent comments stays top level', () => {
    setConversationPageForStudy({ model: 'shipped' });
    expect(postsOf(INDEPENDENT).every((p) => p.parentId === null)).toBe(true);
  });

  it('reads a conversation by posts taking up the words of the post above, more than of the posts before it', () => {
    const features = (page: ReadonlyArray<readonly [string, string]>) => {
      let out: ReadonlyArray<[string, number]> = [];
      setConversationPageForStudy({ model: null, record: (_p, _e, f) => (out = f) });
      postsOf(page);
      return new Map(out);
    };
    const talk = features(CONVERSATION);
    const comments = features(INDEPENDENT);
    expect(talk.get('left.sharedOverEarlier')!).toBeGreaterThan(0.5);
    expect(comments.get('left.sharedOverEarlier')).toBe(0);
    expect(comments.get('left.sharedAbove')).toBe(0);
  });

  it('links every left-over post to the post above only where the page reaches the cut', () => {
    const view: LinkPost[] = CONVERSATION.map(([author, text]) => ({ author, text, removed: false, parent: null, cue: null }));
    const eligible = view.map((_, i) => i > 0);
    expect(conversationLinks(view, eligible, '', constant(0.4)).size).toBe(0);
    const links = conversationLinks(view, eligible, '', constant(0.6));
    expect([...links]).toEqual(view.slice(1).map((_, k) => [k + 1, k]));
    expect(conversationPageFeatures(view, view.map(() => false), '')).toEqual([]);
  });

  it('links only eligible posts still top level, each to an earlier post not removed and by someone else', () => {
    const post = fc.record({ author: fc.constantFrom('Ana', 'Ben', 'Cara', null), removed: fc.boolean(), linked: fc.boolean(), eligible: fc.boolean() });
    fc.assert(
      fc.property(fc.array(post, { minLength: 2, maxLength: 12 }), (page) => {
        const view: LinkPost[] = page.map((p, i) => ({ author: p.author, text: `post ${i}`, removed: p.removed, parent: p.linked && i > 0 ? 0 : null, cue: null }));
        const eligible = page.map((p, i) => p.eligible && i > 0);
        for (const [i, k] of conversationLinks(view, eligible, '', constant(0.9))) {
          expect(eligible[i]).toBe(true);
          expect(view[i]!.parent).toBeNull();
          expect(k).toBe(abovePost(view, i));
          expect(k).toBeLessThan(i);
          expect(view[k]!.removed).toBe(false);
          if (view[i]!.author !== null) expect(view[k]!.author).not.toBe(view[i]!.author);
        }
      }),
    );
  });
});
