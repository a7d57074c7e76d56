/**
 * A large structured dump for the memory check: `comments` JSON comments cycling over the corpus posts,
 * every third one a reply to an earlier comment, with an article made of the first posts. Deterministic.
 */
export function bigJsonDump(texts: readonly string[], comments: number): string {
  const list: Array<Record<string, unknown>> = [];
  for (let i = 0; i < comments; i++) {
    const parent = i % 3 === 2 ? `c${i - 1 - (i % 7)}` : null;
    list.push({ id: `c${i}`, author: `reader_${i % 997}`, text: texts[i % texts.length], parentId: parent, timestamp: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}` });
  }
  const article = { title: 'A long thread', text: texts.slice(0, 12).join('\n\n'), commentCount: comments };
  return JSON.stringify({ article, comments: list });
}
