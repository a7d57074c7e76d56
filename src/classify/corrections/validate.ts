/** Checks the input of `findCorrections` and `findConcessions`: misuse throws a typed error naming the option. */
import { ThreadlensOptionError } from '../../errors.js';
import type { CorrectionPost } from './thread-index.js';

function isPost(value: unknown): value is CorrectionPost {
  const post = value as CorrectionPost;
  return post !== null && typeof post === 'object' && typeof post.id === 'string' && typeof post.text === 'string' && Array.isArray(post.lines);
}

export function validateInput(input: { post: unknown; earlier: unknown; articleSentences: unknown }): void {
  if (input === null || typeof input !== 'object') throw new ThreadlensOptionError('input', input, 'must be an object');
  if (!isPost(input.post)) throw new ThreadlensOptionError('post', input.post, 'must be a post with id, text and lines');
  if (!Array.isArray(input.earlier) || !input.earlier.every(isPost)) throw new ThreadlensOptionError('earlier', input.earlier, 'must be an array of posts');
  if (!Array.isArray(input.articleSentences)) throw new ThreadlensOptionError('articleSentences', input.articleSentences, 'must be an array of { span, text }');
}
