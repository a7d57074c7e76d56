import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Correction } from '../src/schema/classify.js';
import { findGrantedCorrections, grantCandidates, grantFeatures, GRANTED_MODEL } from '../src/classify/corrections/granted-correction.js';
import { predict } from '../src/learn/model.js';
import { buildCase, runCase } from './corrections-helpers.js';

// Made-up threads (session 45, corr45): a reply granting its parent's correction is itself a correction when the
// shipped model scores the pair at or above its keep threshold: of the article when the parent corrected the article,
// of the writer's own sentence when the parent corrected the writer. Bare thanks, a question, "fair enough" and a bare
// "you're right, my mistake" are not (the labels of the blind rounds say so).
const article = ['Sentencing took place at Ashby Crown Court on Thursday 3 December.', 'The judge gave Mr Hale a suspended sentence of 18 months.'];
const corrects = { id: 'a', author: 'Ruth', parentId: null, text: 'It was Wednesday, not Thursday. I was in the public gallery for the whole hearing.' };
const claim = { id: 'w', author: 'Dev', parentId: null, text: 'He will serve the whole 18 months at home then.' };
const correctsDev = { id: 'q', author: 'Ruth', parentId: 'w', text: 'Dev, he serves half of it on licence, so nine months, not 18 months.' };

type Post = { id: string; author: string; parentId: string | null; text: string };
function granted(posts: Post[]): { out: Map<string, Correction>; input: string; found: Map<string, Correction[]> } {
  const { found, input } = runCase({ article, posts });
  const { posts: built } = buildCase({ article, posts, name: 'inline', expected: [] });
  return { out: findGrantedCorrections(built, found), input, found };
}

describe('a reply granting its parent\'s correction (granted-correction.ts)', () => {
  it('the parents\' corrections are found and the replies below get none from the detectors (the premise)', () => {
    const { found } = granted([corrects, { id: 'b', author: 'Ashby News', parentId: 'a', text: 'Ruth is right, it was Wednesday. Changing the date in the second paragraph now.' }]);
    expect(found.get('a')?.map((c) => c.kind)).toEqual(['article']);
    expect(found.get('b')).toEqual([]);
    const self = granted([claim, correctsDev, { id: 'b', author: 'Dev', parentId: 'q', text: 'Fine, the licence then. But he should have gone inside.' }]);
    expect(self.found.get('q')?.length).toBeGreaterThan(0);
    expect(self.found.get('b')).toEqual([]);
  });

  it('the newsroom granting a correction of the article: an article correction of the sentence the parent corrected', () => {
    const { out, input, found } = granted([corrects, { id: 'b', author: 'Ashby News', parentId: 'a', text: 'Ruth is right, it was Wednesday. Changing the date in the second paragraph now.' }]);
    const c = out.get('b');
    expect(c?.kind).toBe('article');
    expect(c?.detector).toBe('explicit-marker');
    expect(c?.target).toEqual(found.get('a')![0]!.target);
    expect(c!.confidence).toBeGreaterThanOrEqual(GRANTED_MODEL.thresholds!.keep!);
    expect(c!.confidence).toBeLessThanOrEqual(1);
    for (const e of c!.evidence) expect(input.slice(e.span[0], e.span[1])).toBe(e.text);
  });

  it('the corrected writer taking the correction up: a self correction of their own sentence', () => {
    const { out, input } = granted([claim, correctsDev, { id: 'b', author: 'Dev', parentId: 'q', text: 'Fine, the licence then. But he should have gone inside.' }]);
    const c = out.get('b');
    expect(c?.kind).toBe('self');
    expect(c?.detector).toBe('self-marker');
    expect(c?.target).toMatchObject({ kind: 'post', postId: 'w' });
    expect(input.slice(c!.target.span[0], c!.target.span[1])).toBe(c!.target.text);
    for (const e of c!.evidence) expect(input.slice(e.span[0], e.span[1])).toBe(e.text);
  });

  for (const text of ['Thanks, that is something at least.', 'Are you sure? The court list said Thursday.', 'Fair enough.', 'Nice one.']) {
    it(`"${text}" under a correction of the article: no correction`, () => {
      expect(granted([corrects, { id: 'b', author: 'Ashby News', parentId: 'a', text }]).out.size).toBe(0);
    });
  }

  for (const text of ["you're right, my mistake", 'No, the judge said he would serve it all.']) {
    it(`"${text}" under a correction of the writer: no correction`, () => {
      expect(granted([claim, correctsDev, { id: 'b', author: 'Dev', parentId: 'q', text }]).out.size).toBe(0);
    });
  }

  it('not the corrector answering themselves, not under a post with no correction, not a reply that already has one', () => {
    const text = 'Ruth is right, it was Wednesday. Changing the date in the second paragraph now.';
    expect(granted([corrects, { id: 'b', author: 'Ruth', parentId: 'a', text }]).out.size).toBe(0);
    expect(granted([{ ...corrects, text: 'Terrible business. I was in the public gallery for the whole hearing.' }, { id: 'b', author: 'Ashby News', parentId: 'a', text }]).out.size).toBe(0);
    const posts = [corrects, { id: 'b', author: 'Ashby News', parentId: 'a', text }];
    const { found } = runCase({ article, posts });
    const { posts: built } = buildCase({ article, posts, name: 'inline', expected: [] });
    found.set('b', [found.get('a')![0]!]);
    expect(grantCandidates(built, found)).toEqual([]);
  });

  it('features are closed classes of the reply and of what it shares; any text gives a probability in [0, 1]', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.constantFrom('article' as const, 'self' as const), (reply, parent, corrected, kind) => {
        const f = grantFeatures({ reply, parent, corrected, asserted: parent, kind });
        expect(f[0]).toEqual([`kind:${kind}`, 1]);
        for (const [name, v] of f) {
          expect(v).toBe(1);
          expect(name).toMatch(/^(kind|grant|change-word|we|question|negation|contrast|short|restates|takes-up|own-slip)/);
        }
        const p = predict(GRANTED_MODEL, f)[0]!;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
    );
  });
});
