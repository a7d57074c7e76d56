import { ThreadlensOptionError } from '../errors.js';
import type { Correction, Target, TargetInput } from '../schema/classify.js';
import type { Post, ThreadDocument } from '../schema/document.js';
import { maskHandles } from '../text/mask-handles.js';
import { lineOffsetMapper, remapSpans, shiftSpans } from '../text/remap.js';
import { detectActs, classifyReplyStance } from './acts/index.js';
import { detectClaims } from './claims/index.js';
import { findArticleInconsistencies, findConcessions, findCorrections, mostContested, type CorrectionPost } from './corrections/index.js';
import { withParaphrases, type Paraphrases } from './corrections/paraphrase.js';
import { moderate, summarizeSentiment, type ModerationOptions } from './moderation/index.js';
import { scoreSentiment, type SentimentOptions } from './sentiment/index.js';
import { classifyStance, summarizeStances } from './stance/index.js';
import { scoreSentimentAndModeration } from './sentiment-and-moderation.js';
import { deriveTargets, isPlaceName, pickSubject, subjectFromTitle } from './targets/index.js';

/** Classification steps `analyze` can run; `steps` picks some of them. */
export const CLASSIFY_STEPS = ['sentiment', 'acts', 'moderation', 'stance', 'claims', 'corrections'] as const;
/** One classification step. */
export type ClassifyStep = (typeof CLASSIFY_STEPS)[number];

/** Options of the classification stage of `analyze`. */
export interface ClassifyOptions {
  /**
   * Which classifiers to run (`acts` includes the reply stance, `corrections` the concessions and the
   * article's inconsistencies). Fields of steps not run are left out. Default: all of `CLASSIFY_STEPS`.
   */
  steps?: readonly ClassifyStep[];
  /** Stance targets, as names or `{ name, aliases }`. Default: derived from the article. */
  targets?: readonly (TargetInput | string)[];
  /** Extra sentiment lexicon entries, e.g. `{ boondoggle: -3 }`. Default: none. */
  sentimentLexicon?: SentimentOptions['lexicon'];
  /** Extra moderation terms per category (word or phrase -> weight 0..1). Default: none. */
  moderationTerms?: ModerationOptions['terms'];
  /**
   * Extra groups of words that mean the same when a correction is matched to what it corrects, added to the
   * built-in ones, e.g. `[['crossing', 'trip'], ['patient', 'people']]`: "2.4 million trips" then meets "3.1 million
   * crossings".
   * A group sharing a word with a built-in group joins it. Default: none.
   */
  paraphrases?: ReadonlyArray<readonly string[]>;
}

/** Validates the `paraphrases` option; throws `ThreadlensOptionError` on a bad one. */
export function normalizeParaphrases(groups: ClassifyOptions['paraphrases']): Paraphrases {
  if (groups === undefined) return withParaphrases(undefined);
  if (!Array.isArray(groups) || groups.some((g) => !Array.isArray(g) || g.some((w) => typeof w !== 'string'))) {
    throw new ThreadlensOptionError('paraphrases', groups, 'must be an array of arrays of words');
  }
  return withParaphrases(groups);
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

/** Validates the `steps` option; throws `ThreadlensOptionError` naming an unknown step. */
export function normalizeSteps(steps: ClassifyOptions['steps']): ReadonlySet<ClassifyStep> {
  if (steps === undefined) return new Set(CLASSIFY_STEPS);
  if (!Array.isArray(steps)) throw new ThreadlensOptionError('steps', steps, `must be an array of ${CLASSIFY_STEPS.join(', ')}`);
  for (const step of steps) {
    if (!(CLASSIFY_STEPS as readonly unknown[]).includes(step)) {
      throw new ThreadlensOptionError('steps', step, `lists an unknown step (known: ${CLASSIFY_STEPS.join(', ')})`);
    }
  }
  return new Set(steps);
}

type Classified = Pick<Post, 'sentiment' | 'acts' | 'replyStance' | 'moderation' | 'stances' | 'claims'>;

/** Classifies one post's text with the chosen steps; spans come back as offsets into the analysed text. */
function classifyPost(post: Post, parent: Post | undefined, targets: readonly Target[], subjects: ReadonlySet<string>, steps: ReadonlySet<ClassifyStep>, options: ClassifyOptions): Classified {
  // Acts see the text as written ("@Ann exactly"); the others see user handles blanked out.
  const text = maskHandles(post.text);
  const parentText = parent && !parent.removed ? maskHandles(parent.text) : null;
  const out: Classified = {};
  const sentimentOptions = options.sentimentLexicon ? { lexicon: options.sentimentLexicon } : undefined;
  const moderationOptions = options.moderationTerms ? { terms: options.moderationTerms } : undefined;
  const both = steps.has('sentiment') && steps.has('moderation') ? scoreSentimentAndModeration(text, sentimentOptions, moderationOptions) : null;
  if (steps.has('sentiment')) out.sentiment = both?.sentiment ?? scoreSentiment(text, sentimentOptions);
  if (steps.has('acts')) {
    out.acts = detectActs(post.text, { parentText });
    out.replyStance = parentText ? classifyReplyStance(text, parentText) : null;
  }
  if (steps.has('moderation')) out.moderation = both?.moderation ?? moderate(text, moderationOptions);
  if (steps.has('stance')) {
    // Every post takes a stance toward the subject(s), named or not; other targets only when named.
    const implicit = classifyStance(text, targets.filter((t) => subjects.has(t.name)), { parentText });
    const named = classifyStance(text, targets.filter((t) => !subjects.has(t.name)), { parentText, implicit: false });
    const order = new Map(targets.map((t, i) => [t.name, i]));
    out.stances = [...implicit, ...named].sort((a, b) => order.get(a.target)! - order.get(b.target)!);
  }
  if (steps.has('claims')) out.claims = detectClaims(text);
  return remapSpans(out, lineOffsetMapper(post));
}

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
function stancesFromParent(post: Post, parent: Post): NonNullable<Post['stances']> {
  const own = post.stances ?? [];
  const reply = post.replyStance;
  if (!reply || reply.label === 'query') return own;
  const cued = (reply.label === 'support' || reply.label === 'deny') && reply.evidence.length > 0;
  const out = own.slice();
  for (const s of parent.stances ?? []) {
    if (s.label === 'neutral') continue;
    const mine = own.find((o) => o.target === s.target);
    if (mine && mine.implicit !== true && mine.label !== 'neutral') continue;
    let stance: NonNullable<Post['stances']>[number] | null = null;
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

/** Derived targets, marked `derived: true`, with the article's subject first. */
function subjectFirst(derived: readonly Target[], title: string | null, text: string): Target[] {
  // The subject as the title names it, when the article keeps repeating it; else the best derived target.
  const named = subjectFromTitle(title, text);
  if (named) {
    const lower = named.name.toLowerCase();
    return [named, ...derived.filter((t) => t.name.toLowerCase() !== lower).map((t) => ({ ...t, derived: true }))];
  }
  const s = pickSubject(derived, title, text);
  // No subject among them (only places): no target gets an implicit stance.
  if (s < 0) return derived.map((t) => ({ ...t, derived: true }));
  const ordered = [derived[s]!, ...derived.slice(0, s), ...derived.slice(s + 1)];
  return ordered.map((t) => ({ ...t, derived: true }));
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
  const steps = normalizeSteps(options.steps);
  const paraphrases = normalizeParaphrases(options.paraphrases);
  const given = normalizeTargets(options.targets);
  const targets = given ?? (steps.has('stance') ? subjectFirst(deriveTargets({ title: doc.article.title, text: doc.article.text }), doc.article.title, [doc.article.text, ...doc.thread.posts.map((p) => p.text)].join('\n')) : []);
  // Given targets are all subjects; of derived ones, the article's subject (listed first).
  const subjects = new Set(given ? targets.map((t) => t.name) : targets.slice(0, 1).filter((t) => !isPlaceName(t.name)).map((t) => t.name));
  const articleClaims = steps.has('claims') || steps.has('corrections')
    ? doc.article.blocks
        .filter((b) => b.kind === 'paragraph' || b.kind === 'heading')
        .flatMap((b) => shiftSpans(detectClaims(b.text), b.span[0]))
    : [];
  const articleSentences = doc.article.sentences;
  const byId = new Map<string, Post>();
  const posts: Post[] = [];
  const corrections = new Map<string, Correction[]>();
  for (const p of doc.thread.posts) {
    const parent = p.parentId !== null ? byId.get(p.parentId) : undefined;
    const post: Post = { ...p, ...classifyPost(p, parent, targets, subjects, steps, options) };
    if (parent && post.stances && post.replyStance) post.stances = stancesFromParent(post, parent);
    if (steps.has('corrections')) {
      const input = { post, earlier: earlierWindow(posts, parent), articleSentences, articleClaims, earlierCorrections: corrections, paraphrases };
      post.corrections = post.removed ? [] : findCorrections(input);
      post.concessions = post.removed ? [] : findConcessions({ ...input, corrections });
      corrections.set(post.id, post.corrections);
    }
    byId.set(post.id, post);
    posts.push(post);
  }
  return {
    ...doc,
    article: {
      ...doc.article,
      claims: steps.has('claims') ? articleClaims : [],
      inconsistencies: steps.has('corrections') ? findArticleInconsistencies(articleSentences) : [],
    },
    thread: { ...doc.thread, posts },
    targets,
    summary: {
      ...summarizeSentiment(posts),
      ...(steps.has('stance') ? { stances: summarizeStances(posts, targets) } : {}),
      ...(steps.has('corrections') ? { contested: mostContested(articleSentences, posts, { articleClaims }) } : {}),
    },
  };
}
