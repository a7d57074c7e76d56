import { contentWords } from '../text/words.js';
import { isLinearModel, predict, type LinearModel } from '../learn/model.js';
import type { ThreadPost } from './build-posts.js';
import modelData from './reply-link.model.json' with { type: 'json' };

// Session 41 (link41, docs/dump-styles.md "Session 41 (link41): reply links without cues"): a post the cues leave top
// level on a page that marks no replies may still answer an earlier post: the post above, the latest post of a writer
// it names, or a post whose words it repeats. Each such candidate gets shape features (no word of any dump); a linear
// model in the one format (reply-link.model.json, fit by scripts/train/train-left-over-links.ts on the blind rounds)
// scores it, and the best candidate is taken where its probability reaches the model's cut.

/** What the candidate scorer reads of a post: its text and writer, and its parent from the cues (an index, or null). */
export interface LinkPost {
  text: string;
  author: string | null;
  removed: boolean;
  parent: number | null;
  /** The cue kind that gave the parent (`explicit`, `depth`, `mention`, …), or null. */
  cue: string | null;
}

/** One candidate parent of a left-over post, with its features. */
export interface LeftOverCandidate {
  post: number;
  index: number;
  features: Array<[string, number]>;
}

const LAYOUT_CUES = new Set(['explicit', 'depth', 'indent', 'replying-to']);
export const SECOND_PERSON = /\b(?:you['\u2019](?:re|ve|d|ll)|yourself|yours|your|you)\b/i;
/** How far back the post above's alternatives are looked for. */
const REACH = 12;

const tokens = (t: string): string[] => t.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
const compact = (t: string): string => t.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A word without the punctuation round it ("Tomasz," -> "Tomasz"); a loop, as an anchored regex trim is quadratic. */
function trimToWord(w: string): string {
  const chars = [...w];
  let a = 0;
  let b = chars.length;
  while (a < b && !WORD_CHAR.test(chars[a]!)) a++;
  while (b > a && !WORD_CHAR.test(chars[b - 1]!)) b--;
  return chars.slice(a, b).join('');
}

/** The parts of a writer's name a reply may call them by: each part of three letters or more, and the name run together. */
function nameParts(author: string): { parts: string[]; whole: string } {
  return { parts: tokens(author).filter((w) => w.length >= 3 && !/^\p{N}+$/u.test(w)), whole: compact(author) };
}

/**
 * Where the text of `post` names `author`: 2 in its first six words, 1 later, 0 not at all. A name part counts when
 * it is written capitalised as a word (a first name), or after "@" (a handle: the name run together, its start, or a part).
 */
export function namedAt(text: string, author: string): number {
  const { parts, whole } = nameParts(author);
  if (parts.length === 0 && whole.length < 3) return 0;
  let at = -1;
  const words = text.normalize('NFC').split(/\s+/);
  for (let k = 0; k < words.length && at < 0; k++) {
    const w = words[k]!;
    if (w.startsWith('@')) {
      const h = compact(w.slice(1));
      if (h.length >= 3 && (h === whole || (whole.startsWith(h) && h.length >= 4) || (h.startsWith(whole) && whole.length >= 4) || parts.some((p) => h.startsWith(p) && p.length >= 4))) at = k;
      continue;
    }
    const bare = trimToWord(w);
    if (!/^\p{Lu}/u.test(bare)) continue;
    const low = bare.toLowerCase();
    if (parts.includes(low) || (whole.length >= 5 && compact(bare) === whole)) at = k;
  }
  return at < 0 ? 0 : at < 6 ? 2 : 1;
}

/** The longest run of words `text` shares with `other`, in words (capped at 12). */
function sharedRun(text: string[], other: string[]): number {
  if (text.length === 0 || other.length === 0) return 0;
  const at = new Map<string, number[]>();
  other.forEach((w, j) => {
    const list = at.get(w);
    if (list) list.push(j);
    else at.set(w, [j]);
  });
  let best = 0;
  for (let i = 0; i < text.length && best < 12; i++) {
    for (const j of at.get(text[i]!) ?? []) {
      let n = 0;
      while (n < 12 && i + n < text.length && j + n < other.length && text[i + n] === other[j + n]) n++;
      if (n > best) best = n;
    }
  }
  return best;
}

/**
 * The candidates of every eligible post (`eligible[i]`: the cues left it top level, the page marks no replies, it is not
 * removed and not the first): the post above (the latest earlier post not removed, by someone else), the latest post of
 * each earlier writer the text names, the earlier post it shares the longest run of five words or more with, and the
 * page's first post; each with its features. The features read the cues' parse only, so one post's link cannot move
 * another's.
 */
export function leftOverCandidates(posts: readonly LinkPost[], eligible: readonly boolean[], articleText: string): LeftOverCandidate[] {
  const out: LeftOverCandidate[] = [];
  const n = posts.length;
  if (n < 2 || !eligible.some((e) => e)) return out;
  const article = new Set(contentWords(articleText));
  const linked = posts.filter((p, i) => i > 0 && p.parent !== null).length;
  const layout = posts.some((p) => p.parent !== null && p.cue !== null && LAYOUT_CUES.has(p.cue));
  const seen = new Set<string>();
  let returning = 0;
  posts.forEach((p) => {
    if (p.author === null) return;
    if (seen.has(p.author)) returning++;
    seen.add(p.author);
  });
  const replies = new Array<number>(n).fill(0);
  for (const p of posts) if (p.parent !== null) replies[p.parent]!++;
  const page: Array<[string, number]> = [
    ['page.cueShare', linked / (n - 1)],
    ['page.layout', layout ? 1 : 0],
    ['page.eligibleShare', eligible.filter((e) => e).length / (n - 1)],
    ['page.returningShare', returning / n],
    ['page.logPosts', Math.log(n)],
  ];
  const words = posts.map((p) => tokens(p.text));
  const content = posts.map((p) => new Set(contentWords(p.text).filter((w) => !article.has(w))));
  // Pairs of writers a cue has linked already (either way round): a conversation under way.
  const talked = new Set<string>();
  posts.forEach((p) => {
    if (p.parent === null || p.author === null) return;
    const q = posts[p.parent]!.author;
    if (q !== null) talked.add(`${p.author}\u0000${q}`).add(`${q}\u0000${p.author}`);
  });
  for (let i = 1; i < n; i++) {
    if (!eligible[i]) continue;
    const post = posts[i]!;
    const first = post.text.split(/(?<=[.!?])\s/u)[0] ?? '';
    const wrote = post.author !== null && posts.slice(0, i).some((p) => p.author === post.author);
    const postFeatures: Array<[string, number]> = [
      ['post.logWords', Math.log1p(words[i]!.length)],
      ['post.lowerOpening', /^\p{Ll}/u.test(post.text.trimStart()) ? 1 : 0],
      ['post.secondPerson', SECOND_PERSON.test(first) ? 1 : 0],
      ['post.asks', post.text.includes('?') ? 1 : 0],
      ['post.wroteBefore', wrote ? 1 : 0],
    ];
    const kinds = new Map<number, Set<string>>();
    const add = (k: number, kind: string): void => {
      if (k < 0 || k >= i || posts[k]!.removed || (post.author !== null && posts[k]!.author === post.author)) return;
      const set = kinds.get(k);
      if (set) set.add(kind);
      else kinds.set(k, new Set([kind]));
    };
    let above = i - 1;
    while (above >= 0 && (posts[above]!.removed || (post.author !== null && posts[above]!.author === post.author))) above--;
    if (above >= 0) add(above, 'above');
    const latest = new Map<string, number>();
    for (let k = Math.max(0, i - 60); k < i; k++) if (posts[k]!.author !== null && !posts[k]!.removed) latest.set(posts[k]!.author!, k);
    for (const [author, k] of latest) if (author !== post.author && namedAt(post.text, author) > 0) add(k, 'named');
    let quoted = -1;
    let run = 4;
    for (let k = i - 1; k >= 0; k--) {
      const r = sharedRun(words[i]!, words[k]!);
      if (r > run) {
        run = r;
        quoted = k;
      }
    }
    if (quoted >= 0) add(quoted, 'quoted');
    add(0, 'first');
    for (const [k, kind] of kinds) {
      const cand = posts[k]!;
      const shared = [...content[i]!].filter((w) => content[k]!.has(w)).length;
      const named = cand.author === null ? 0 : namedAt(post.text, cand.author);
      const features: Array<[string, number]> = [
        ...page,
        ...postFeatures,
        ['kind.above', kind.has('above') ? 1 : 0],
        ['kind.named', kind.has('named') ? 1 : 0],
        ['kind.quoted', kind.has('quoted') ? 1 : 0],
        ['kind.first', kind.has('first') ? 1 : 0],
        ['cand.logDistance', Math.log(i - k)],
        ['cand.near', i - k <= REACH ? 1 : 0],
        ['cand.logShared', Math.log1p(shared)],
        ['cand.run', Math.min(12, sharedRun(words[i]!, words[k]!)) / 12],
        ['cand.namedOpening', named === 2 ? 1 : 0],
        ['cand.namedLater', named === 1 ? 1 : 0],
        ['cand.asks', cand.text.includes('?') ? 1 : 0],
        ['cand.talked', post.author !== null && cand.author !== null && talked.has(`${post.author}\u0000${cand.author}`) ? 1 : 0],
        ['cand.answeredMe', cand.parent !== null && post.author !== null && posts[cand.parent]!.author === post.author ? 1 : 0],
        ['cand.logReplies', Math.log1p(replies[k]!)],
        ['cand.topLevel', cand.parent === null ? 1 : 0],
        ['cand.aboveAndShared', kind.has('above') && shared > 0 ? 1 : 0],
        ['cand.aboveAndYou', kind.has('above') && SECOND_PERSON.test(first) ? 1 : 0],
        ['cand.aboveAndWrote', kind.has('above') && wrote ? 1 : 0],
      ];
      out.push({ post: i, index: k, features });
    }
  }
  return out;
}

/**
 * The parent the model gives each eligible post (post index -> candidate index): its best-scoring candidate when that
 * candidate's probability reaches the model's `cut`; posts with none stay top level.
 */
export function linkLeftOver(posts: readonly LinkPost[], eligible: readonly boolean[], articleText: string, model: LinearModel): Map<number, number> {
  const cut = model.thresholds?.cut ?? 1;
  const best = new Map<number, { index: number; p: number }>();
  for (const c of leftOverCandidates(posts, eligible, articleText)) {
    const p = predict(model, c.features)[0]!;
    const b = best.get(c.post);
    if (b === undefined || p > b.p || (p === b.p && c.index > b.index)) best.set(c.post, { index: c.index, p });
  }
  const out = new Map<number, number>();
  for (const [post, b] of best) if (b.p >= cut) out.set(post, b.index);
  return out;
}

let shipped: LinearModel | undefined;
function shippedModel(): LinearModel {
  if (shipped === undefined) {
    if (!isLinearModel(modelData)) throw new Error('threadlens: src/thread/reply-link.model.json is not a threadlens-model/2 file');
    shipped = modelData;
  }
  return shipped;
}

// The study switch (like drop-edge-posts.ts's `setEdgePassForStudy`): OFF in the library, which never changes it. The link
// missed its registered bar on blind 01-118 with rounds left out (link F1 +0.018 against the +0.02 registered;
// docs/dump-styles.md, "Session 41 (link41)"), so the library runs without it; a study turns it on.
/** What a study sets (never the library): the model to use (`shipped`: reply-link.model.json; null: none), and a reader of every page's candidates. */
export interface LeftOverStudy {
  model: LinearModel | 'shipped' | null;
  record?: (posts: readonly LinkPost[], candidates: readonly LeftOverCandidate[]) => void;
}
let study: LeftOverStudy | undefined;

/** For scripts/study/*, scripts/train/* and tests only (never the library): `undefined` switches the pass off again. */
export function setLeftOverLinksForStudy(s: LeftOverStudy | undefined): void {
  study = s;
}

/**
 * The left-over link on a thread the cues have read (`byId`: post id -> index): links the eligible posts the model
 * chooses (`replyCue` kind `answer` without a span: no words of the post told it), then sets every post's depth again
 * from its parent's.
 */
export function linkLeftOverPosts(posts: ThreadPost[], byId: ReadonlyMap<string, number>, eligible: readonly boolean[], articleText: string): void {
  if (!eligible.some((e) => e)) return;
  if (study === undefined) return;
  const model = study.model === 'shipped' ? shippedModel() : study.model;
  if (model === null && !study.record) return;
  const view = linkView(posts, byId);
  if (study.record) study.record(view, leftOverCandidates(view, eligible, articleText));
  if (model === null) return;
  setAnswerLinks(posts, byId, linkLeftOver(view, eligible, articleText, model));
}

/** What a link scorer reads of a thread the cues have read (`byId`: post id -> index). */
export function linkView(posts: readonly ThreadPost[], byId: ReadonlyMap<string, number>): LinkPost[] {
  return posts.map((p) => ({
    text: p.text,
    author: p.author,
    removed: p.removed,
    parent: p.parentId === null ? null : (byId.get(p.parentId) ?? null),
    cue: p.replyCue?.kind ?? null,
  }));
}

/**
 * Links each post of `links` (post index -> parent index) with `replyCue` kind `answer` and no span (no words of the post
 * told it), then sets every post's depth again from its parent's (parents come first).
 */
export function setAnswerLinks(posts: ThreadPost[], byId: ReadonlyMap<string, number>, links: ReadonlyMap<number, number>): void {
  if (links.size === 0) return;
  for (const [i, k] of links) {
    posts[i]!.parentId = posts[k]!.id;
    posts[i]!.replyCue = { kind: 'answer', span: null };
  }
  for (const p of posts) {
    const k = p.parentId === null ? undefined : byId.get(p.parentId);
    p.depth = k === undefined ? 0 : posts[k]!.depth + 1;
  }
}
