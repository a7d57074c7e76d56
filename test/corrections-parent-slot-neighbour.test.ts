import { describe, expect, it } from 'vitest';
import { runCase } from './corrections-helpers.js';

// Made-up threads (session 31, corr31b): the parent-slot reading (a reply's value against another value of the same
// slot in the parent) asked the reply and the parent's value sentence to share a name or a word. A parent often gives
// the value in one sentence and names what it is about in the next ("... busy from 8am on Sundays. ... near the flea
// market."), so a word the reply shares with a sentence next to the value's now links the pair too (`link:post`). Not
// a sentence further off (another point of the post) and not a question (it states nothing of the thing).
const article = ['The town council will charge for parking on the Quay car park from June, the mayor said on Friday.'];

describe('parent-slot links through the sentence next to the parent value', () => {
  it('a weekday against the parent weekday, the thing named in the next sentence', () => {
    const { found, input } = runCase({
      article,
      posts: [
        { id: 'a', author: 'Gus', parentId: null, text: 'Good. Those bays are full from 8am on Sundays with people who leave the car all day. Maybe now somebody can find a spot near the flea market.' },
        { id: 'b', author: 'Nell', parentId: 'a', text: 'The flea market is on Saturdays, Gus. Has been for years.' },
      ],
    });
    const fixes = found.get('b') ?? [];
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes[0]!.kind).toBe('post');
    expect(fixes[0]!.target.text).toContain('Sundays');
    // The evidence slices back to its text.
    for (const e of fixes[0]!.evidence) expect(input.slice(e.span[0], e.span[1])).toBe(e.text);
  });

  it('a year against the year of the sentence before the one that names the event', () => {
    const { found } = runCase({
      article,
      posts: [
        { id: 'a', author: 'Gus', parentId: null, text: 'The paper says the mill was sold in 1987. Everyone round here remembers it as the year before the flood.' },
        { id: 'b', author: 'Nell', parentId: 'a', text: 'The flood was 1985, there is a plaque on the bridge.' },
      ],
    });
    const fixes = found.get('b') ?? [];
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes[0]!.target.text).toContain('1987');
  });

  it('not through a sentence two away from the value', () => {
    const { found } = runCase({
      article,
      posts: [
        { id: 'a', author: 'Gus', parentId: null, text: 'The new charges reflect higher fuel costs, they say. Stop treating us like tourists. Date of visit: 3 May 2026' },
        { id: 'b', author: 'Quay Parking', parentId: 'a', text: 'Gus, the fuel for the shuttle was bought on a contract fixed in 2024, so lower prices do not reach it yet.' },
      ],
    });
    expect(found.get('b') ?? []).toEqual([]);
  });

  it('not through a question next to the value', () => {
    const { found } = runCase({
      article,
      posts: [
        { id: 'a', author: 'Gus', parentId: null, text: 'Do you have a link to that report? I could only find the 2023 summary.' },
        { id: 'b', author: 'Nell', parentId: 'a', text: 'Gus, it is on page 14 of the 2024 annual report, table 3.' },
      ],
    });
    expect(found.get('b') ?? []).toEqual([]);
  });
});
