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
  const list = Array.isArray(targets) ? targets : [];
  const summaries = list.map((t): StanceSummary => ({ target: t.name, favor: 0, against: 0, neutral: 0, total: 0, meanConfidence: 0, postIds: { favor: [], against: [], neutral: [] } }));
  const conf = list.map(() => 0);
  // One pass over the posts, each stance counted for the targets of its name (a post has a stance per target, so a
  // pass per target was targets x targets x posts); each target's sums and ids still come in post order.
  const byName = new Map<string, number[]>();
  list.forEach((t, i) => {
    const at = byName.get(t.name);
    if (at) at.push(i);
    else byName.set(t.name, [i]);
  });
  for (const p of Array.isArray(posts) ? posts : []) {
    for (const st of (p?.stances ?? []) as readonly StanceResult[]) {
      const label: StanceResult['label'] = st.label;
      const at = typeof st.target === 'string' ? byName.get(st.target) : undefined;
      if (at === undefined) continue;
      for (const i of at) {
        const s = summaries[i]!;
        s[label]++;
        s.total++;
        conf[i] = conf[i]! + st.confidence;
        s.postIds[label].push(p.id);
      }
    }
  }
  summaries.forEach((s, i) => (s.meanConfidence = s.total > 0 ? Math.round((conf[i]! / s.total) * 1000) / 1000 : 0));
  return summaries;
}
