import { contentWords } from '../text/words.js';
import { predict, type LinearModel } from '../learn/model.js';
import { SECOND_PERSON, namedAt, type LinkPost } from './left-over-links.js';

// Session 45 (link45, docs/dump-styles.md "Session 45 (link45)"): on a page that marks no replies, the posts the cues leave
// top level are either independent comments on the story or a conversation whose nesting the page (or the paste) lost.
// One page-level reading decides which: the features below describe the page's left-over posts as a whole (shares and
// means, never the page's size, never a word of any dump), and a linear model in the one format
// (conversation-page.model.json, fit by scripts/train/train-conversation-page.ts; the switch lives in
// conversation-page.ts, outside the model's feature code, so turning it off needs no refit) gives the probability that a left-over
// post of this page answers the post above it. Where it reaches the model's cut, every left-over post is linked to the
// post above (`abovePost`).

/**
 * The post above post `i` as a reply would answer it: the latest earlier post not removed and not by `i`'s own writer,
 * or -1.
 */
export function abovePost(posts: readonly LinkPost[], i: number): number {
  const author = posts[i]!.author;
  let k = i - 1;
  while (k >= 0 && (posts[k]!.removed || (author !== null && posts[k]!.author === author))) k--;
  return k;
}

/** How many posts before the post above a left-over post's words are weighed against. */
const REACH = 5;
const FIRST_SENTENCE = /(?<=[.!?])\s/u;
const tokenCount = (t: string): number => t.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).length;

/**
 * The page-level features of the left-over posts (`eligible[i]`): how the page's other posts were linked, and, as shares
 * or means over the left-over posts, how each reads against the post above it. Empty when no post is eligible.
 */
export function conversationPageFeatures(posts: readonly LinkPost[], eligible: readonly boolean[], articleText: string): Array<[string, number]> {
  const n = posts.length;
  const left = eligible.map((e, i) => (e ? i : -1)).filter((i) => i > 0);
  if (n < 2 || left.length === 0) return [];
  const article = new Set(contentWords(articleText));
  const linked = posts.filter((p, i) => i > 0 && p.parent !== null).length;
  const own = posts.map((p) => new Set(contentWords(p.text).filter((w) => !article.has(w))));
  const shared = (i: number, k: number): number => Math.log1p([...own[k]!].filter((w) => own[i]!.has(w)).length);
  let you = 0;
  let asks = 0;
  let aboveAsks = 0;
  let sharedAbove = 0;
  let overEarlier = 0;
  let named = 0;
  let lower = 0;
  let logWords = 0;
  let inArticle = 0;
  for (const i of left) {
    const post = posts[i]!;
    const text = post.text.trimStart();
    const first = text.split(FIRST_SENTENCE)[0] ?? '';
    if (SECOND_PERSON.test(first)) you++;
    if (text.includes('?')) asks++;
    if (/^\p{Ll}/u.test(text)) lower++;
    logWords += Math.log1p(tokenCount(text));
    const words = contentWords(text);
    if (words.length > 0) inArticle += words.filter((w) => article.has(w)).length / words.length;
    const earlier = new Set(posts.slice(0, i).map((p) => p.author).filter((a): a is string => a !== null && a !== post.author));
    if ([...earlier].some((a) => namedAt(text, a) > 0)) named++;
    const k = abovePost(posts, i);
    if (k < 0) continue;
    if (posts[k]!.text.includes('?')) aboveAsks++;
    const s = shared(i, k);
    sharedAbove += s;
    // How much more the post shares with the post above than with the posts before that one (up to REACH of them, not
    // removed, not its own writer's): a conversation answers its neighbour, comments on one story share words evenly.
    const before: number[] = [];
    for (let j = k - 1; j >= 0 && before.length < REACH; j--) if (!posts[j]!.removed && (post.author === null || posts[j]!.author !== post.author)) before.push(shared(i, j));
    overEarlier += s - (before.length > 0 ? before.reduce((a, b) => a + b, 0) / before.length : 0);
  }
  const m = left.length;
  return [
    ['page.cueShare', linked / (n - 1)],
    ['left.secondPerson', you / m],
    ['left.asks', asks / m],
    ['left.aboveAsks', aboveAsks / m],
    ['left.sharedAbove', sharedAbove / m],
    ['left.sharedOverEarlier', overEarlier / m],
    ['left.named', named / m],
    ['left.lowerOpening', lower / m],
    ['left.logWords', logWords / m],
    ['left.articleShare', inArticle / m],
  ];
}

/**
 * The links a conversation page gives (post index -> the post above), or none: every eligible post still top level is
 * linked to the post above it where the model's probability for the page reaches its `cut`.
 */
export function conversationLinks(posts: readonly LinkPost[], eligible: readonly boolean[], articleText: string, model: LinearModel): Map<number, number> {
  const out = new Map<number, number>();
  const features = conversationPageFeatures(posts, eligible, articleText);
  if (features.length === 0 || predict(model, features)[0]! < (model.thresholds?.cut ?? 1)) return out;
  eligible.forEach((e, i) => {
    if (!e || i === 0 || posts[i]!.parent !== null) return;
    const k = abovePost(posts, i);
    if (k >= 0) out.set(i, k);
  });
  return out;
}
