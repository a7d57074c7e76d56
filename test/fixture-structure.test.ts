import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import type { ThreadDocument } from '../src/schema/document.js';

// Hand-written structure labels in fixtures/<case>/structure.json, written blind from the input alone:
// the article title and, in order, every post's author, parent (by index) and the start of its text.
// Unlike expected.json (a snapshot of what the parser does), these are the truth a careful reader sees.
// `knownMisses` lists post indices (or "title" / "count") the parser does not get right yet; the test
// fails when one of them is right, so that the label can be dropped from the list.
// `STRUCTURE_REPORT=1 npx vitest run test/fixture-structure.test.ts` prints the figures per fixture.
interface StructureLabels {
  note: string;
  title: string | null;
  posts: Array<{ author: string | null; parent: number | null; startsWith: string }>;
  knownMisses?: Array<number | 'title' | 'count'>;
}

/** One labelled item and whether the parse agrees with it. */
interface Check {
  key: number | 'title' | 'count';
  what: string;
  ok: boolean;
  detail: string;
}

const root = join(__dirname, '..', 'fixtures');
const cases = readdirSync(root)
  .filter((d) => existsSync(join(root, d, 'structure.json')))
  .sort();

/** Collapses runs of white space, so that a label need not repeat the dump's line breaks. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Pairs each labelled post with the first unused parsed post whose text starts with the label's
 * `startsWith`, so that one missing or extra post does not shift every later comparison.
 */
function matchPosts(doc: ThreadDocument, labels: StructureLabels): Array<number | null> {
  const used = new Set<number>();
  const texts = doc.thread.posts.map((p) => squash(p.text));
  return labels.posts.map((l) => {
    const start = squash(l.startsWith);
    const i = texts.findIndex((t, k) => !used.has(k) && t.startsWith(start));
    if (i < 0) return null;
    used.add(i);
    return i;
  });
}

/** Every labelled item of one fixture, checked against the parse. */
function checkFixture(doc: ThreadDocument, labels: StructureLabels): Check[] {
  const posts = doc.thread.posts;
  const match = matchPosts(doc, labels);
  const labelOfParsed = new Map<string, number>();
  match.forEach((m, i) => {
    if (m !== null) labelOfParsed.set(posts[m]!.id, i);
  });
  const checks: Check[] = [
    { key: 'title', what: 'title', ok: doc.article.title === labels.title, detail: `got ${JSON.stringify(doc.article.title)}, want ${JSON.stringify(labels.title)}` },
    { key: 'count', what: 'post count', ok: posts.length === labels.posts.length, detail: `got ${posts.length}, want ${labels.posts.length}` },
  ];
  labels.posts.forEach((l, i) => {
    const m = match[i];
    if (m === null || m === undefined) {
      checks.push({ key: i, what: `post ${i} text`, ok: false, detail: `no post starts with ${JSON.stringify(l.startsWith)}` });
      checks.push({ key: i, what: `post ${i} author`, ok: false, detail: 'post not found' });
      checks.push({ key: i, what: `post ${i} parent`, ok: false, detail: 'post not found' });
      return;
    }
    const p = posts[m]!;
    const parent = p.parentId === null ? null : (labelOfParsed.get(p.parentId) ?? `unlabelled ${p.parentId}`);
    checks.push({ key: i, what: `post ${i} text`, ok: true, detail: '' });
    checks.push({ key: i, what: `post ${i} author`, ok: p.author === l.author, detail: `got ${JSON.stringify(p.author)}, want ${JSON.stringify(l.author)}` });
    checks.push({ key: i, what: `post ${i} parent`, ok: parent === l.parent, detail: `got ${JSON.stringify(parent)}, want ${JSON.stringify(l.parent)}` });
  });
  return checks;
}

function load(name: string): { doc: ThreadDocument; labels: StructureLabels } {
  const dir = join(root, name);
  const inputFile = ['input.txt', 'input.json'].map((f) => join(dir, f)).find((f) => existsSync(f))!;
  const doc = parse(readFileSync(inputFile, 'utf8'), { name: `${name}/input` });
  const labels = JSON.parse(readFileSync(join(dir, 'structure.json'), 'utf8')) as StructureLabels;
  return { doc, labels };
}

describe('structure labels on fixtures', () => {
  it('has labelled fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    it(name, () => {
      const { doc, labels } = load(name);
      const checks = checkFixture(doc, labels);
      const known = new Set(labels.knownMisses ?? []);
      if (process.env.STRUCTURE_REPORT === '1') {
        const right = checks.filter((c) => c.ok).length;
        const postsRight = labels.posts.filter((_, i) => checks.every((c) => c.key !== i || c.ok)).length;
        const lines = checks.filter((c) => !c.ok).map((c) => `  ${c.what}: ${c.detail}`);
        console.log(`${name}: ${right}/${checks.length} labels right, ${postsRight}/${labels.posts.length} posts wholly right\n${lines.join('\n')}`);
      }
      const wrong = checks.filter((c) => !c.ok && !known.has(c.key));
      expect(wrong.map((c) => `${c.what}: ${c.detail}`), `${name}: labels the parse gets wrong`).toEqual([]);
      for (const key of known) {
        const mine = checks.filter((c) => c.key === key);
        expect(mine.length, `${name}: known miss ${key} labels nothing`).toBeGreaterThan(0);
        expect(
          mine.some((c) => !c.ok),
          `${name}: known miss ${key} is right now: drop it from knownMisses in structure.json`,
        ).toBe(true);
      }
    });
  }
});
