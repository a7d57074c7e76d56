/**
 * The negated-claim detector compares where a shared word stands around the predicate in both sentences. A word the
 * article holds only inside a hyphenated compound ("state-run") is among its content words but has no position of
 * its own: the comparison must read it as standing on no side, not throw (found by the bench's 8 MB dump, session 22).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';

const dump = [
  'Clinic merger approved',
  'By Staff',
  'March 3, 2026',
  '',
  'The board approved the merger of the state-run clinic with the hospital on Tuesday.',
  '',
  '2 Comments',
  '',
  'Ann Lee',
  '2 hours ago',
  'The board never approved the merger, the state run clinic stays open.',
  'Reply',
  '',
  'Bo Kim',
  '1 hour ago',
  'Nobody run the clinic merger past the state, the board did not approve it.',
  'Reply',
  '',
].join('\n');

describe('negated-claim with a word only inside an article compound', () => {
  it('analyzes the thread without throwing, and still reads the denial of the approval', () => {
    const doc = analyze(dump);
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['Ann Lee', 'Bo Kim']);
    const first = doc.thread.posts[0]!.corrections ?? [];
    expect(first.some((c) => c.kind === 'article')).toBe(true);
  });
});
