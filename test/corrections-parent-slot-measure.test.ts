import { describe, expect, it } from 'vitest';
import { runCase } from './corrections-helpers.js';

// Made-up threads (session 30, lead's review): the parent-slot reading (a reply's figure against the parent's figure
// of the same slot) compares two amounts only when they measure the same thing, as value-mismatch does since session
// 29: a rate and a total are two measures, and figures under a topic label ("Ruritania: ...") the reply's sentence does
// not name are about something else. Both found false corrections once flat30 linked such replies to their parents.
const article = ['The town council set a visitor levy of three crowns a night from May, the mayor said on Friday.'];

describe('parent-slot compares amounts of one measure only', () => {
  it('a total worked out from a nightly rate does not correct the rate', () => {
    const { found } = runCase({
      article,
      posts: [
        { id: 'a', author: 'Orla', parentId: null, text: 'Three crowns a night is nothing for a holiday.' },
        { id: 'b', author: 'Teodor', parentId: 'a', text: 'It adds up for a family of four over a fortnight. That comes to 168 crowns.' },
      ],
    });
    expect(found.get('b') ?? []).toEqual([]);
  });

  it("a figure for another country does not correct the figure under the parent's country label", () => {
    const { found } = runCase({
      article,
      posts: [
        { id: 'a', author: 'Orla', parentId: null, text: 'Ruritania: 14 crowns a night in the capital, so roughly 420 crowns a month for a long stay.' },
        { id: 'b', author: 'Teodor', parentId: 'a', text: 'Twelve payments of 300 crowns is 3,600 crowns a year, so 300 crowns a month here. Still cheaper than Ruritania.' },
      ],
    });
    expect(found.get('b') ?? []).toEqual([]);
  });

  it('a different figure of the same measure still corrects the parent', () => {
    const { found } = runCase({
      article,
      posts: [
        { id: 'a', author: 'Orla', parentId: null, text: 'The levy is five crowns a night from May.' },
        { id: 'b', author: 'Teodor', parentId: 'a', text: 'It is three crowns a night, not five.' },
      ],
    });
    expect((found.get('b') ?? []).length).toBeGreaterThan(0);
  });
});
