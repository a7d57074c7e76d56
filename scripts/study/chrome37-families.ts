/**
 * Session 37 (chrome37): page chrome between posts, every fixture layout. For each fixture (input.txt with an
 * expected.json, name order, index i) whose posts have two author lines or more after the first post's first line,
 * variants are drawn (fc.sample, seed 3700 + i) with 1-6 chrome lines inserted right before author lines
 * (scripts/study/lib/chrome-variants.ts), from two sets of lines:
 *   - "property": the four lines of test/properties.test.ts (Advertisement, Share this article, Load more comments, Sort
 *     by Newest), 4 variants a fixture: the draws of shape40's `line-roles-left-out.ts --chrome 4`;
 *   - "families": FAMILY_LINES below, one or two lines for each kind of page chrome the shared recognisers know
 *     (src/ingest/chrome-patterns.ts, src/ingest/ui-lines.ts, src/ingest/section-cues.ts), 8 variants a fixture.
 * A variant is kept when the parse reads the same posts (author and text of each, in order) as on the fixture itself.
 * With a baseline src tree (`git archive <commit> src` into /tmp, node_modules linked) both are run: before -> after.
 * Run: nice npx tsx scripts/study/chrome37-families.ts [/tmp/base-chrome37/src] [--list]
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { CHROME_LINES, authorLineIndices, insertChrome, type ChromeInsert } from './lib/chrome-variants.js';
import { isPageChromeLine } from '../../src/ingest/page-chrome-view.js';

/** One or two lines of each family of page chrome the shared recognisers know (the family: the recogniser's id). */
export const FAMILY_LINES: ReadonlyArray<readonly [string, string]> = [
  ['advertisement', 'Advertisement'],
  ['advertisement', 'Story continues below advertisement'],
  ['share', 'Share this article'],
  ['share', 'Share on Facebook'],
  ['share-localised', 'Teilen'],
  ['read-more', 'Load more comments'],
  ['read-more', 'Show more'],
  ['related', 'Related stories'],
  ['related', 'Most read'],
  ['newsletter', 'Sign up for our daily newsletter'],
  ['telegram', 'Follow us on WhatsApp'],
  ['click-here', 'Click here to subscribe'],
  ['reaction-question', 'How did you feel about this article?'],
  ['comment-invite', 'Have an opinion on this story? Share it!'],
  ['cookie', 'We use cookies to improve your experience'],
  ['section-chrome (sort)', 'Sort by Newest'],
  ['section-chrome (count shown)', 'Showing 20 of 143 comments'],
  ['section-chrome (post a comment)', 'Post a comment'],
  ['section-chrome (localised)', 'Ordenar por'],
  ['see-more-gate', 'Log in to see more replies.'],
  ['account-blurb', 'Sign in or register to join the discussion'],
  ['legal', '© 2026 Courier Media Ltd. All rights reserved.'],
];

const args = process.argv.slice(2);
const baseDir = args.find((a) => !a.startsWith('--'));
const list = args.includes('--list');
type Post = { author: string | null; text: string; lines: Array<{ span: [number, number] }>; span: [number, number] };
type Parse = (t: string, o?: object) => { thread: { posts: Post[] } };
const after = ((await import('../../src/index.js')) as unknown as { parse: Parse }).parse;
const before = baseDir === undefined ? null : ((await import(resolve(baseDir, 'index.ts'))) as { parse: Parse }).parse;

for (const [family, line] of FAMILY_LINES) if (!isPageChromeLine(line)) throw new Error(`not recognised as page chrome: ${family} ${line}`);

const root = resolve(import.meta.dirname, '..', '..', 'fixtures');
const names = readdirSync(root).filter((d) => existsSync(join(root, d, 'input.txt')) && existsSync(join(root, d, 'expected.json'))).sort();
const readPosts = (posts: readonly Post[]): string => JSON.stringify(posts.map((p) => [p.author, p.text]));

interface Tally { drawn: number; before: number; after: number }
const sets: Record<string, { lines: readonly string[]; n: number; tally: Tally }> = {
  property: { lines: CHROME_LINES, n: 4, tally: { drawn: 0, before: 0, after: 0 } },
  families: { lines: FAMILY_LINES.map(([, l]) => l), n: 8, tally: { drawn: 0, before: 0, after: 0 } },
};
const rows: string[] = [];
let eligible = 0;
for (const [i, name] of names.entries()) {
  const text = readFileSync(join(root, name, 'input.txt'), 'utf8');
  const doc = after(text, { name });
  const first = doc.thread.posts[0];
  if (first === undefined) continue;
  const firstAt = first.lines[0]?.span[0] ?? first.span[0];
  const authors = new Set(doc.thread.posts.flatMap((p) => (p.author !== null && p.author.trim() !== '' ? [p.author.trim()] : [])));
  const lines = text.split('\n');
  const authorLines = authorLineIndices(lines, authors, text.slice(0, firstAt).split('\n').length - 1);
  if (authorLines.length < 2) continue;
  eligible++;
  const baseAfter = readPosts(doc.thread.posts);
  const baseBefore = before === null ? null : readPosts(before(text, { name }).thread.posts);
  const cells: string[] = [];
  for (const [set, s] of Object.entries(sets)) {
    const arb = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...s.lines)), { minLength: 1, maxLength: 6 });
    let kb = 0;
    let ka = 0;
    const changes: string[] = [];
    for (const inserts of fc.sample(arb, { seed: 3700 + i, numRuns: s.n }) as ChromeInsert[][]) {
      const v = insertChrome(lines, authorLines, inserts).lines.join('\n');
      s.tally.drawn++;
      if (before !== null && readPosts(before(v, { name }).thread.posts) === baseBefore) {
        kb++;
        s.tally.before++;
      }
      const posts = after(v, { name }).thread.posts;
      if (readPosts(posts) === baseAfter) {
        ka++;
        s.tally.after++;
      } else if (list) changes.push(`${posts.length} posts (${doc.thread.posts.length}) [${inserts.map(([, l]) => l).join(' | ')}]`);
    }
    cells.push(`${before === null ? '' : `${kb} -> `}${ka} / ${s.n}`);
    if (changes.length > 0) console.log(`  ${name} ${set}: ${changes.join('; ')}`);
  }
  rows.push(`| ${name} | ${doc.thread.posts.length} | ${cells.join(' | ')} |`);
}
console.log(`| fixture | posts | property (4 lines), kept${before === null ? '' : ' before -> after'} | families (${FAMILY_LINES.length} lines), kept${before === null ? '' : ' before -> after'} |`);
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(r);
for (const [set, s] of Object.entries(sets)) {
  console.log(`${set}: ${before === null ? '' : `${s.tally.before} -> `}${s.tally.after} of ${s.tally.drawn} variants keep the fixture's posts (${eligible} fixtures with two author lines or more, of ${names.length})`);
}
