/**
 * The comment-stance layer (./comment-stance-layer.ts; session 24, measured, not shipped): rows, fit and the
 * topic-left-out protocol. Its rows are the project's comment-stance corpus (scripts/train/data/comment-stance/
 * comments.jsonl, project-written, MIT), each topic read as one thread by threadlens's pipeline (the layer reads
 * the pipeline's own readings); `heldout.jsonl` is never fit or chosen on here.
 */
import { analyze } from '../../../src/index.js';
import { commentLayerStance, layerFeatures, LAYER_WORD_PREFIX, type LayerInput } from './comment-stance-layer.js';
import type { StanceResult } from '../../../src/schema/classify.js';
import type { LinearModel } from '../../../src/learn/model.js';
import { readCommentStance, readCommentStanceTopics, topicDump, type AnalysedPost, type CommentSide } from './comment-stance-data.js';
import { fitModel } from '../../train/lib/fit-model.js';

export const LAYER_LABELS = ['favor', 'against', 'none'] as const;

/** One (post, target) pair: the gold side, the pipeline's side, the layer's input, and the topic (or thread). */
export interface LayerRow {
  topic: string;
  gold: CommentSide;
  pipe: CommentSide;
  target: string;
  input: LayerInput & { stance: StanceResult };
}

/**
 * The fit's settings: L2 on the dense weights and on the word weights; a word is a feature when it is in at least
 * `minDocs` rows of the fit on at least two topics (so a left-out topic's own words count for nothing).
 */
export interface LayerSettings {
  l2: number;
  wordL2: number;
  minDocs: number;
  iterations: number;
}

/** The settings chosen by scripts/eval/comment-stance-cv.ts --grid (topic left out; docs/stance.md, session 24). */
export const COMMENT_LAYER_SETTINGS: LayerSettings = { l2: 0.1, wordL2: 0.03, minDocs: 2, iterations: 300 };

const side = (l: string | undefined): CommentSide => (l === 'favor' || l === 'against' ? l : 'none');
const targetName = (s: { target: unknown }): string => ((s.target as { name?: string }).name ?? (s.target as string));

/** Every (post, target) of an analysed thread that `gold` labels, as layer rows. */
export function layerRowsOf(posts: readonly AnalysedPost[], targets: readonly string[], gold: (i: number, t: string) => CommentSide | null, topic: string): LayerRow[] {
  const out: LayerRow[] = [];
  const byId = new Map((posts as Array<AnalysedPost & { id: string }>).map((p, i) => [p.id, i]));
  posts.forEach((p, i) => {
    const parentId = (p as { parentId?: string | null }).parentId ?? null;
    const parentAt = parentId === null ? undefined : byId.get(parentId);
    for (const t of targets) {
      const g = gold(i, t);
      if (g === null) continue;
      const st = p.stances?.find((s) => targetName(s) === t) as StanceResult | undefined;
      if (!st) continue;
      const parentSide = parentAt === undefined ? null : (posts[parentAt]!.stances?.find((s) => targetName(s) === t)?.label ?? null);
      out.push({
        topic,
        gold: g,
        pipe: side(st.label),
        target: t,
        input: { text: p.text, sentiment: p.sentiment ? { label: p.sentiment.label, score: p.sentiment.score } : null, stance: st, reply: parentAt !== undefined, replyStance: p.replyStance?.label ?? null, parentSide },
      });
    }
  });
  return out;
}

/** The pipeline's posts of a dump (text or JSON). */
export function pipelinePosts(dump: string, targets: readonly string[]): AnalysedPost[] {
  return (analyze(dump, { targets: [...targets] }).thread?.posts ?? []) as unknown as AnalysedPost[];
}

/** The corpus file's rows: each topic read as one thread. */
export function corpusRows(file: 'comments.jsonl' | 'heldout.jsonl'): LayerRow[] {
  const topics = readCommentStanceTopics();
  const rows = readCommentStance(file);
  const out: LayerRow[] = [];
  for (const [name, t] of Object.entries(topics)) {
    const rs = rows.filter((r) => r.topic === name);
    if (rs.length === 0) continue;
    const posts = pipelinePosts(topicDump(t, rs), t.targets);
    if (posts.length !== rs.length) throw new Error(`comment-stance ${name}: ${posts.length} posts read, ${rs.length} comments`);
    out.push(...layerRowsOf(posts, t.targets, (i, tg) => rs[i]!.stance[tg] ?? null, name));
  }
  return out;
}

/** The layer fit on `rows` (balanced classes, full-batch Adam from zeros: deterministic). */
export function fitLayer(rows: readonly LayerRow[], s: LayerSettings, meta: { fitOn?: string[]; notes?: string } = {}): LinearModel {
  const count = new Map<string, number>();
  const topics = new Map<string, Set<string>>();
  const feats = rows.map((r) => layerFeatures(r.input));
  feats.forEach((f, i) => {
    for (const k of f.keys()) {
      if (!k.startsWith(LAYER_WORD_PREFIX)) continue;
      count.set(k, (count.get(k) ?? 0) + 1);
      let set = topics.get(k);
      if (!set) topics.set(k, (set = new Set()));
      set.add(rows[i]!.topic);
    }
  });
  const keep = (k: string): boolean => !k.startsWith(LAYER_WORD_PREFIX) || ((count.get(k) ?? 0) >= s.minDocs && (topics.get(k)?.size ?? 0) >= 2);
  return fitModel(
    rows.map((r, i) => ({ features: [...feats[i]!].filter(([k]) => keep(k)), y: LAYER_LABELS.indexOf(r.gold) })),
    {
      name: 'comment-stance-layer',
      labels: LAYER_LABELS,
      link: 'softmax',
      fitOn: meta.fitOn ?? [],
      featureFiles: ['scripts/eval/lib/comment-stance-layer.ts'],
      l2: (n) => (n.startsWith(LAYER_WORD_PREFIX) ? s.wordL2 : s.l2),
      iterations: s.iterations,
      minCount: 1,
      balanced: true,
      ...(meta.notes ? { notes: meta.notes } : {}),
    },
  );
}

/** The side the pipeline would give with `model` as its last step (none = neutral). */
export function layerSide(model: LinearModel, r: LayerRow): CommentSide {
  return side(commentLayerStance(r.target, r.input, model).label);
}

/** Each row's side from a layer fit without its topic (or thread). */
export function topicLeftOut(rows: readonly LayerRow[], s: LayerSettings): CommentSide[] {
  const pred: CommentSide[] = new Array<CommentSide>(rows.length);
  for (const topic of [...new Set(rows.map((r) => r.topic))]) {
    const m = fitLayer(rows.filter((r) => r.topic !== topic), s);
    rows.forEach((r, i) => {
      if (r.topic === topic) pred[i] = layerSide(m, r);
    });
  }
  return pred;
}
