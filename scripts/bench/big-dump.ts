/**
 * A large forum-style dump for the size check of `analyze` (about 8 MB, 28,000 posts): forum-01's article and
 * header, then the given comments as posts, nested 1-3 levels deep in a fixed pattern, each by its own user.
 * Built in memory by the benchmark; never written into the repo.
 */
export function bigForumDump(head: string, comments: readonly string[], bytes: number): { text: string; posts: number } {
  const parts = [head.trimEnd(), ''];
  let size = Buffer.byteLength(parts[0]!) + 1;
  let posts = 0;
  for (let i = 0; size < bytes; i++) {
    const level = [1, 2, 3, 2, 1, 2][i % 6]!;
    const body = comments[i % comments.length]!.replace(/\s*\n\s*/g, ' ').trim();
    const post = `level ${level}\nu/reader_${i} · ${1 + (i % 23)}h\n${body}\nReply Share Report Save Follow`;
    parts.push(post);
    size += Buffer.byteLength(post) + 1;
    posts++;
  }
  return { text: `${parts.join('\n')}\n`, posts };
}

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
