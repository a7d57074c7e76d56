import type { Act, ModerationResult, SentimentResult } from '../../schema/classify.js';

/** A post as {@link summarizeSentiment} needs it: results already computed by the per-text functions. */
export interface SummaryPost {
  id: string;
  author: string | null;
  sentiment?: SentimentResult;
  acts?: Act[];
  moderation?: ModerationResult;
}

/** The thread summary: distributions, the posts a moderator should look at first, and per-author figures. */
export interface ThreadSentimentSummary {
  posts: number;
  /** Posts per sentiment label (posts without sentiment are not counted). */
  sentiment: Record<SentimentResult['label'], number>;
  /** Mean post sentiment score over posts that have one, or null. */
  meanSentiment: number | null;
  /** Posts showing each act at least once. */
  acts: Record<Act['act'], number>;
  /** Up to 10 posts ranked by moderation priority (see {@link moderationPriority}), highest first; only priority >= 0.4. */
  needsReview: Array<{ id: string; priority: number; reasons: string[] }>;
  /** One entry per author (null authors grouped as `null`), in order of first appearance. */
  authors: Array<{ author: string | null; posts: number; meanSentiment: number | null; maxToxicity: number }>;
}

const REVIEW_LIMIT = 10;
// Only posts from this priority are listed: toxicity at its flag (0.5), insult 0.47, identity attack 0.42, threat
// 0.4. On the calibrated scores (since 2026-12-04) a calm comment mostly sits below 0.25.
const REVIEW_MIN = 0.4;
// Only signals at or above this level name a reason.
const REASON_LEVEL = 0.5;

/**
 * Moderation priority of a post, 0..1: the strongest of threat (weight 1), identity attack (0.95), insult
 * (0.85), toxicity (0.8) and profanity (0.5), plus 0.05 per further signal at or above 0.5 (capped at 1).
 * Threats and identity attacks rank first because they carry the highest harm; profanity alone ranks last.
 */
export function moderationPriority(m: ModerationResult): number {
  const weighted = [m.threat.score * 1, m.identityAttack.score * 0.95, m.insult.score * 0.85, m.toxicity.score * 0.8, m.profanity.score * 0.5];
  const strong = [m.threat, m.identityAttack, m.insult, m.toxicity, m.profanity].filter((s) => s.score >= REASON_LEVEL).length;
  return Math.min(1, Math.max(...weighted) + 0.05 * Math.max(0, strong - 1));
}

/** Summarises a thread's per-post sentiment, acts and moderation results. Pure; input order decides ties. */
export function summarizeSentiment(posts: ReadonlyArray<SummaryPost>): ThreadSentimentSummary {
  const sentiment: ThreadSentimentSummary['sentiment'] = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  const acts: ThreadSentimentSummary['acts'] = {
    question: 0, 'rhetorical-question': 0, agreement: 0, disagreement: 0, concession: 0, prediction: 0,
    'call-to-action': 0, 'meta-comment': 0, 'self-correction': 0,
  };
  let sum = 0;
  let scored = 0;
  const review: Array<{ id: string; priority: number; reasons: string[]; order: number }> = [];
  const byAuthor = new Map<string, { author: string | null; posts: number; sum: number; scored: number; maxToxicity: number }>();
  posts.forEach((p, order) => {
    if (p.sentiment) {
      sentiment[p.sentiment.label]++;
      sum += p.sentiment.score;
      scored++;
    }
    for (const kind of new Set((p.acts ?? []).map((a) => a.act))) acts[kind]++;
    if (p.moderation) {
      const priority = moderationPriority(p.moderation);
      if (priority >= REVIEW_MIN) {
        const m = p.moderation;
        const reasons = (['threat', 'identityAttack', 'insult', 'toxicity', 'profanity'] as const).filter((k) => m[k].score >= REASON_LEVEL);
        review.push({ id: p.id, priority: Math.round(priority * 10000) / 10000, reasons, order });
      }
    }
    const key = p.author === null ? '\u0000null' : `=${p.author}`;
    const a = byAuthor.get(key) ?? { author: p.author, posts: 0, sum: 0, scored: 0, maxToxicity: 0 };
    a.posts++;
    if (p.sentiment) {
      a.sum += p.sentiment.score;
      a.scored++;
    }
    a.maxToxicity = Math.max(a.maxToxicity, p.moderation?.toxicity.score ?? 0);
    byAuthor.set(key, a);
  });
  review.sort((x, y) => y.priority - x.priority || x.order - y.order);
  return {
    posts: posts.length,
    sentiment,
    meanSentiment: scored > 0 ? Math.round((sum / scored) * 10000) / 10000 : null,
    acts,
    needsReview: review.slice(0, REVIEW_LIMIT).map(({ id, priority, reasons }) => ({ id, priority, reasons })),
    authors: [...byAuthor.values()].map((a) => ({
      author: a.author,
      posts: a.posts,
      meanSentiment: a.scored > 0 ? Math.round((a.sum / a.scored) * 10000) / 10000 : null,
      maxToxicity: a.maxToxicity,
    })),
  };
}
