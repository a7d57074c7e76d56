/**
 * Long threads for the linearity check: a forum fixture's comment section repeated k times, each copy's
 * authors renamed (`u/name` -> `u/name_c2`), so a k-times longer thread has k times the posts and authors
 * and no post is a duplicate of another author's.
 */
export function repeatForumThread(input: string, copies: number): string {
  const lines = input.split('\n');
  const first = lines.findIndex((l) => /^level \d+$/.test(l.trim()));
  if (first < 0) throw new Error('not a forum-style thread (no "level N" line)');
  const head = lines.slice(0, first).join('\n');
  const section = lines.slice(first).join('\n').trimEnd();
  const parts = [head];
  for (let c = 1; c <= copies; c++) parts.push(c === 1 ? section : section.replace(/\bu\/([\p{L}\p{N}_-]{1,40})/gu, `u/$1_c${c}`));
  return `${parts.join('\n')}\n`;
}

/** A forum thread nested `depth` levels deep ("level 1" ... "level N"), one short post per level. */
export function nestedForumThread(depth: number): string {
  const out = ['r/test', 'Posted by u/op_author 2h', 'A headline about nested replies', 'The article text says something about trains.', '12 comments', 'Sort by: Best', ''];
  for (let i = 1; i <= depth; i++) {
    out.push(`level ${i}`, `u/user_${i} · 1h`, `Reply number ${i}: I disagree with the comment above, the figure was 4${i % 10} percent.`, 'Reply Share Report Save Follow');
  }
  return `${out.join('\n')}\n`;
}
