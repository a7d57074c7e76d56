import type { StanceResult, TargetInput } from '../../schema/classify.js';

/** Per-target stance counts over a thread, with the posts behind each count. */
export interface StanceSummary {
  target: string;
  favor: number;
  against: number;
  neutral: number;
  /** Posts that touch the target at all. */
  total: number;
  /** Mean confidence of the stances counted. */
  meanConfidence: number;
  postIds: { favor: string[]; against: string[]; neutral: string[] };
}

/**
 * Stance distribution per target over `posts` (each with the `stances` from `classifyStance`). Targets are
 * listed in the given order; stances for targets not listed are ignored.
 */
export function summarizeStances(
  posts: ReadonlyArray<{ id: string; stances?: readonly StanceResult[] | null }>,
  targets: readonly TargetInput[],
): StanceSummary[] {
  return (Array.isArray(targets) ? targets : []).map((t) => {
    const s: StanceSummary = { target: t.name, favor: 0, against: 0, neutral: 0, total: 0, meanConfidence: 0, postIds: { favor: [], against: [], neutral: [] } };
    let conf = 0;
    for (const p of Array.isArray(posts) ? posts : []) {
      for (const st of (p?.stances ?? []) as readonly StanceResult[]) {
        const label: StanceResult['label'] = st.label;
        if (st.target !== t.name) continue;
        s[label]++;
        s.total++;
        conf += st.confidence;
        s.postIds[label].push(p.id);
      }
    }
    s.meanConfidence = s.total > 0 ? Math.round((conf / s.total) * 1000) / 1000 : 0;
    return s;
  });
}
