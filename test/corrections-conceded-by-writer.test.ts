import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { correctionProbability, findConcededByWriter } from '../src/classify/corrections/index.js';
import { admitsError } from '../src/classify/corrections/conceded-by-writer.js';
import { buildCase, runCase } from './corrections-helpers.js';

// Made-up threads (session 38, corr41): a reply the detectors find nothing in corrects the post it answers when that
// post's writer then concedes it ("you're right, my mistake"); granting a point ("fair point") is no such evidence.
const article = ['The county will close the Ashby walk-in centre overnight from March.', 'The board says it saves £400,000 a year.'];
const claim = { id: 'a', author: 'Lennie', parentId: null, text: 'Good. Two GPs sitting in an empty building all night while daytime appointments are three weeks out.' };
const answer = { id: 'b', author: 'Priya', parentId: 'a', text: "The night doctors there are locums on a separate contract. Ending it gives your surgery no extra appointments." };
const concede = (text: string, author = 'Lennie') => ({ id: 'c', author, parentId: 'b', text });

function conceded(reply: ReturnType<typeof concede>, posts = [claim, answer, reply]): { out: Map<string, Correction>; input: string } {
  const { found, input } = runCase({ article, posts });
  const { posts: built } = buildCase({ article, posts, name: 'inline', expected: [] });
  return { out: findConcededByWriter(built, found, correctionProbability), input };
}

describe('a correction the corrected writer concedes (conceded-by-writer.ts)', () => {
  it('the answer alone is found by no detector (the premise of every case below)', () => {
    expect(runCase({ article, posts: [claim, answer] }).found.get('b')).toEqual([]);
  });

  for (const text of ["You're right, my mistake.", 'Ah, I didn\u2019t know that. Thanks.', 'My bad, I stand corrected.']) {
    it(`"${text}" under it: the answer is a post correction of the writer's sentence`, () => {
      const { out, input } = conceded(concede(text));
      const c = out.get('b');
      expect(c?.kind).toBe('post');
      expect(c?.target).toMatchObject({ kind: 'post', postId: 'a' });
      expect(c!.confidence).toBeGreaterThanOrEqual(0);
      expect(c!.confidence).toBeLessThanOrEqual(1);
      for (const e of c!.evidence) expect(input.slice(e.span[0], e.span[1])).toBe(e.text);
      expect(input.slice(c!.target.span[0], c!.target.span[1])).toBe(c!.target.text);
    });
  }

  for (const text of ['Fair point, but I still think it is a waste.', 'Fair enough.', 'Are you right though? My mistake?', 'Nonsense, they are practice GPs.']) {
    it(`"${text}": no correction (a point granted, a question, no concession)`, () => {
      expect(conceded(concede(text)).out.size).toBe(0);
    });
  }

  it('not when someone else concedes, nor when the answer is the writer\'s own, nor when the answer already has a finding', () => {
    expect(conceded(concede("You're right, my mistake.", 'Milo')).out.size).toBe(0);
    const own = { ...answer, author: 'Lennie' };
    expect(conceded(concede("You're right, my mistake."), [claim, own, concede("You're right, my mistake.")]).out.size).toBe(0);
    const { posts } = buildCase({ article, posts: [claim, answer, concede("You're right, my mistake.")], name: 'inline', expected: [] });
    const found = new Map<string, Correction[]>([['b', [{ kind: 'post', target: { kind: 'post', postId: 'a', span: [0, 1], text: 'G' }, evidence: [], cue: 'explicit-marker', detector: 'explicit-marker', note: '', confidence: 0.5 }]]]);
    expect(findConcededByWriter(posts, found, correctionProbability).size).toBe(0);
  });

  it('admitting phrases are whole words', () => {
    expect(admitsError('my badge is here')).toBe(false);
    expect(admitsError('OK, my bad.')).toBe(true);
    expect(admitsError('fair enough, fair point')).toBe(false);
  });
});
