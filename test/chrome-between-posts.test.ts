import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { isPageChromeLine } from '../src/ingest/page-chrome-view.js';

// Session 37 (chrome37): page chrome between posts is neither a post's text nor its author, whatever the layout. One
// or two lines of each family the shared recognisers know (src/ingest/chrome-patterns.ts, ui-lines.ts, section-cues.ts;
// the sample of scripts/study/chrome37-families.ts), inserted right before author lines of fixtures of six layouts.
const FAMILY_LINES = [
  'Advertisement',
  'Story continues below advertisement',
  'Share this article',
  'Share on Facebook',
  'Teilen',
  'Load more comments',
  'Show more',
  'Related stories',
  'Most read',
  'Sign up for our daily newsletter',
  'Follow us on WhatsApp',
  'Click here to subscribe',
  'How did you feel about this article?',
  'Have an opinion on this story? Share it!',
  'We use cookies to improve your experience',
  'Sort by Newest',
  'Showing 20 of 143 comments',
  'Post a comment',
  'Ordenar por',
  'Log in to see more replies.',
  'Sign in or register to join the discussion',
  '© 2026 Courier Media Ltd. All rights reserved.',
];

// A counted list, a mail digest, a forum (new Reddit), a Mastodon thread, the generated seed (counted, 21 posts).
const FIXTURES = ['counted-02-transit', 'mail-03-parking-newsletter-digest-ro', 'forum-06-minimum-wage-new-reddit', 'widget-17-ferry-timetable-mastodon', 'seed-001'];

const postsOf = (text: string): Array<[string | null, string]> => parse(text).thread.posts.map((p) => [p.author, p.text]);

describe('parse: page chrome between posts, every layout', () => {
  it('every family line is page chrome to the shared recognisers', () => {
    for (const line of FAMILY_LINES) expect(isPageChromeLine(line), line).toBe(true);
  });

  for (const name of FIXTURES) {
    it(`${name}: inserting chrome lines before author lines leaves the posts unchanged`, () => {
      const text = readFileSync(join(__dirname, '..', 'fixtures', name, 'input.txt'), 'utf8');
      const doc = parse(text);
      const base = postsOf(text);
      const first = doc.thread.posts[0]!;
      const firstLine = text.slice(0, first.lines[0]?.span[0] ?? first.span[0]).split('\n').length - 1;
      const authors = new Set(doc.thread.posts.flatMap((p) => (p.author === null ? [] : [p.author.trim()])));
      const lines = text.split('\n');
      // From the third post's author line on: chrome right under the first post can still move where the comment section
      // is found to start (detectSection reads the whole page before any reader), a limitation docs/dump-styles.md
      // ("Session 37 (chrome37)") records.
      const authorLines = lines.flatMap((l, i) => (i > firstLine && authors.has(l.trim()) ? [i] : [])).slice(1);
      expect(authorLines.length).toBeGreaterThanOrEqual(1);
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FAMILY_LINES)), { minLength: 1, maxLength: 6 }), (inserts) => {
          const out = [...lines];
          const at = inserts.map(([n, j]) => [authorLines[n % authorLines.length]!, j] as const).sort((a, b) => b[0] - a[0]);
          for (const [i, j] of at) out.splice(i, 0, j);
          expect(postsOf(out.join('\n'))).toEqual(base);
        }),
        { numRuns: Number(process.env.CHROME37_RUNS ?? 10), seed: 3700 },
      );
    });
  }
});
