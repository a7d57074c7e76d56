/**
 * The fixtures' structure labels right for one parse, as test/fixture-structure.test.ts counts them (title, count; per
 * labelled post: text start, author, parent). Shared by scripts/study/structure-score.ts and
 * scripts/train/train-left-over-links.ts (`--fixtures`, session 42 link42b), so both count the same way.
 */

/** What fixtures/<case>/structure.json holds. */
export interface StructureLabels {
  title: string | null;
  posts: Array<{ author: string | null; parent: number | null; startsWith: string }>;
}

/** One fixture's counts: labels right of all checks, posts wholly right, text starts found, posts parsed, layout wholly right. */
export interface StructureCount {
  right: number;
  checks: number;
  whole: number;
  found: number;
  parsed: number;
  layoutWhole: boolean;
}

const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();

/** Scores a parse (`doc`: parse()'s output) against a fixture's structure labels. */
export function scoreStructure(doc: any, labels: StructureLabels): StructureCount {
  const posts = doc.thread.posts;
  const used = new Set<number>();
  const texts = posts.map((p: any) => squash(p.text));
  const match = labels.posts.map((l) => {
    const s = squash(l.startsWith);
    const i = texts.findIndex((t: string, k: number) => !used.has(k) && t.startsWith(s));
    if (i < 0) return null;
    used.add(i);
    return i;
  });
  const lop = new Map<string, number>();
  match.forEach((m, i) => {
    if (m !== null) lop.set(posts[m].id, i);
  });
  const checks: Array<{ key: string | number; ok: boolean }> = [
    { key: 'title', ok: doc.article.title === labels.title },
    { key: 'count', ok: posts.length === labels.posts.length },
  ];
  let found = 0;
  labels.posts.forEach((l, i) => {
    const m = match[i];
    if (m === null || m === undefined) {
      checks.push({ key: i, ok: false }, { key: i, ok: false }, { key: i, ok: false });
      return;
    }
    found++;
    const p = posts[m];
    const parent = p.parentId === null ? null : (lop.get(p.parentId) ?? `u${p.parentId}`);
    checks.push({ key: i, ok: true }, { key: i, ok: p.author === l.author }, { key: i, ok: parent === l.parent });
  });
  const right = checks.filter((c) => c.ok).length;
  const whole = labels.posts.filter((_, i) => checks.every((c) => c.key !== i || c.ok)).length;
  return { right, checks: checks.length, whole, found, parsed: posts.length, layoutWhole: checks.every((c) => c.ok) };
}
