import { ThreadlensOptionError } from '../errors.js';
import type { Correction, Target, TargetInput } from '../schema/classify.js';
import type { Post, ThreadDocument } from '../schema/document.js';
import { lineOffsetMapper, remapSpans, shiftSpans } from '../text/remap.js';
import { detectActs, classifyReplyStance } from './acts/index.js';
import { detectClaims } from './claims/index.js';
import { findArticleInconsistencies, findConcessions, findCorrections, mostContested, type CorrectionPost } from './corrections/index.js';
import { moderate, summarizeSentiment, type ModerationOptions } from './moderation/index.js';
import { scoreSentiment, type SentimentOptions } from './sentiment/index.js';
import { classifyStance, summarizeStances } from './stance/index.js';
import { deriveTargets } from './targets/index.js';

/** Options of the classification stage of `analyze`. */
export interface ClassifyOptions {
  /** Stance targets, as names or `{ name, aliases }`. Default: derived from the article. */
  targets?: readonly (TargetInput | string)[];
  /** Extra sentiment lexicon entries, e.g. `{ boondoggle: -3 }`. Default: none. */
  sentimentLexicon?: SentimentOptions['lexicon'];
  /** Extra moderation terms per category (word or phrase -> weight 0..1). Default: none. */
  moderationTerms?: ModerationOptions['terms'];
}

/** Normalises the `targets` option; throws `ThreadlensOptionError` on a bad one. */
export function normalizeTargets(targets: ClassifyOptions['targets']): Target[] | undefined {
  if (targets === undefined) return undefined;
  if (!Array.isArray(targets)) throw new ThreadlensOptionError('targets', targets, 'must be an array of names or { name, aliases }');
  return targets.map((t) => {
    if (typeof t === 'string' && t.trim()) return { name: t.trim(), aliases: [] };
    if (t && typeof t === 'object' && typeof t.name === 'string' && t.name.trim()) {
      const aliases = t.aliases ?? [];
      if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) throw new ThreadlensOptionError('targets', targets, 'aliases must be strings');
      return { name: t.name.trim(), aliases: [...aliases] };
    }
    throw new ThreadlensOptionError('targets', targets, 'must be an array of non-empty names or { name, aliases }');
  });
}

type Classified = Required<Pick<Post, 'sentiment' | 'acts' | 'replyStance' | 'moderation' | 'stances' | 'claims'>>;

/** Classifies one post's text; spans come back as offsets into the analysed text. */
function classifyPost(post: Post, parent: Post | undefined, targets: readonly Target[], options: ClassifyOptions): Classified {
  const map = lineOffsetMapper(post);
  const text = post.text;
  const parentText = parent && !parent.removed ? parent.text : null;
  return remapSpans(
    {
      sentiment: scoreSentiment(text, options.sentimentLexicon ? { lexicon: options.sentimentLexicon } : undefined),
      acts: detectActs(text, { parentText }),
      replyStance: parentText ? classifyReplyStance(text, parentText) : null,
      moderation: moderate(text, options.moderationTerms ? { terms: options.moderationTerms } : undefined),
      stances: classifyStance(text, targets),
      claims: detectClaims(text),
    },
    map,
  );
}

// How many earlier posts a post is compared with for corrections: keeps a long thread linear.
const CORRECTION_WINDOW = 200;

/** The earlier posts a correction may point at: the latest ones, plus the parent when it is older. */
function earlierWindow(posts: readonly Post[], parent: Post | undefined): CorrectionPost[] {
  const recent = posts.length > CORRECTION_WINDOW ? posts.slice(posts.length - CORRECTION_WINDOW) : posts.slice();
  if (parent && !recent.includes(parent)) recent.unshift(parent);
  return recent;
}

/**
 * Fills sentiment, acts, reply stance, moderation, stances, claims, corrections and concessions on every
 * post, the article's claims and inconsistencies, the targets and the thread summary. Returns a new document; the input is not changed.
 */
export function classifyDocument(doc: ThreadDocument, options: ClassifyOptions = {}): ThreadDocument {
  const targets = normalizeTargets(options.targets) ?? deriveTargets({ title: doc.article.title, text: doc.article.text });
  const articleClaims = doc.article.blocks
    .filter((b) => b.kind === 'paragraph' || b.kind === 'heading')
    .flatMap((b) => shiftSpans(detectClaims(b.text), b.span[0]));
  const articleSentences = doc.article.sentences;
  const byId = new Map<string, Post>();
  const posts: Post[] = [];
  const corrections = new Map<string, Correction[]>();
  for (const p of doc.thread.posts) {
    const parent = p.parentId !== null ? byId.get(p.parentId) : undefined;
    const post: Post = { ...p, ...classifyPost(p, parent, targets, options) };
    const input = { post, earlier: earlierWindow(posts, parent), articleSentences, articleClaims, earlierCorrections: corrections };
    post.corrections = post.removed ? [] : findCorrections(input);
    post.concessions = post.removed ? [] : findConcessions({ ...input, corrections });
    corrections.set(post.id, post.corrections);
    byId.set(post.id, post);
    posts.push(post);
  }
  return {
    ...doc,
    article: { ...doc.article, claims: articleClaims, inconsistencies: findArticleInconsistencies(articleSentences) },
    thread: { ...doc.thread, posts },
    targets,
    summary: {
      ...summarizeSentiment(posts),
      stances: summarizeStances(posts, targets),
      contested: mostContested(articleSentences, posts, { articleClaims }),
    },
  };
}
