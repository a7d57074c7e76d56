import type { Span } from '../schema/common.js';
import { AuthorIndex } from './author-index.js';
import type { ThreadPost } from './build-posts.js';

/**
 * Fills `mentions` with every "@Name" in each post. A name matches the longest earlier author (or account
 * handle, `handles[i]` being post i's) it starts with; otherwise it is the word run after "@" (a whole line
 * such as "@Keita Nakamura" is taken whole), which may still find the one author whose name runs together
 * to it ("@JohnSmith" → "John Smith").
 */
export function findMentions(posts: ThreadPost[], handles: readonly (string | null | undefined)[] = []): void {
  const authors = new AuthorIndex();
  for (const post of posts) {
    for (const line of post.lines) {
      const t = line.text;
      let at = t.indexOf('@');
      let guard = 0;
      while (at >= 0 && guard++ < 50) {
        const prev = at > 0 ? t[at - 1]! : ' ';
        if (/[\w.]/.test(prev)) {
          at = t.indexOf('@', at + 1); // an e-mail address, not a mention
          continue;
        }
        const known = authors.longestPrefix(t, at + 1);
        let end: number;
        if (known) end = at + 1 + known.length;
        else if (at === 0 && line.text.length <= 40 && !/[.!?,;]/.test(t)) end = t.length;
        else {
          end = at + 1;
          while (end < t.length && /[\p{L}\p{N}_.\-]/u.test(t[end]!)) end++;
          while (end > at + 1 && (t[end - 1] === '.' || t[end - 1] === '-')) end--;
        }
        if (end > at + 1) {
          const name = t.slice(at + 1, end);
          const span: Span = [line.span[0] + at, line.span[0] + end];
          // "@JohnSmith" with no author of that name: the one author whose name runs together to it.
          const target = authors.get(name) ?? (known ? undefined : authors.byCompactName(name));
          post.mentions.push({ name, span, postId: target?.postId ?? null });
        }
        at = t.indexOf('@', Math.max(end, at + 1));
      }
    }
    authors.add(post.author, post.id, post.index, post.depth, handles[post.index]);
  }
}
