import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { clausesOf, deniedAndReplaced } from '../src/classify/corrections/denied-and-replaced.js';
import { makeUnit } from '../src/classify/corrections/units.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;
const unit = (s: string) => makeUnit(s, [0, s.length]);
/** The findings of this generator only (other detectors may read the same words another way). */
const replaced = (cs: readonly Correction[] | undefined): Correction[] => (cs ?? []).filter((c) => c.note.includes('says what holds instead'));

// Made-up threads (session 31): a reply denies a clause over a word of the parent and says, in the clause right after,
// with a pronoun subject, what holds instead.
const article = [
  'The Kelso Street footbridge will stay shut until spring, the borough said on Tuesday.',
  'Engineers found corrosion in two of the bridge supports during a routine inspection.',
];

describe('a denial with its replacement corrects the parent (denied-and-replaced.ts)', () => {
  for (const [label, parentText, replyText] of [
    ['an object turned subject', 'They demolished the bandstand, the kiosk and now the footbridge.', 'The kiosk was never demolished, Gail, it moved to the rail station in 2019.'],
    ['a passive denial', 'Typical borough, a contractor who welded the gates shut and walked off.', 'the gates weren\'t welded shut, they were chained by the police for the inspection.'],
    ['a copula over another noun', 'Two surveyors standing on that bridge all day while nothing gets fixed.', 'Those aren\'t borough surveyors, they\'re insurers on a separate contract.'],
    ['a denied verb with what the rules do instead', 'The bylaws say close it for a year if the supports corrode.', 'The bylaws don\'t mandate a full closure, they permit one.'],
  ] as const) {
    it(`${label}: a correction of the parent`, () => {
      const posts = [
        { id: 'a', author: 'Gail', parentId: null, text: parentText },
        { id: 'b', author: 'Omar', parentId: 'a', text: `${replyText} Worth checking before posting.` },
      ];
      const cs = run({ article, posts }).get('b') ?? [];
      expect(cs.length, replyText).toBeGreaterThan(0);
      const c = cs[0]!;
      expect(c.kind).toBe('post');
      expect(c.detector).toBe('negated-claim');
      expect(c.cue).toBe('negated-statement');
      expect(c.target.kind === 'post' && c.target.postId).toBe('a');
    });
  }

  it('the evidence is the denial and the replacement, sliced back from the input', () => {
    const posts = [
      { id: 'a', author: 'Gail', parentId: null, text: 'They demolished the bandstand, the kiosk and now the footbridge.' },
      { id: 'b', author: 'Omar', parentId: 'a', text: 'The kiosk was never demolished, it moved to the rail station.' },
    ];
    const { found, input } = runCase({ article, posts });
    const c = found.get('b')![0]!;
    expect(c.evidence.map((e) => input.slice(e.span[0], e.span[1]))).toEqual(['never demolished', 'it moved to the rail station']);
  });

  it('not without a replacement, not the writer\'s own life, not the writer\'s own post, not an agreeing reply, not a top-level post', () => {
    const parent = { id: 'a', author: 'Gail', parentId: null, text: 'They demolished the bandstand, the kiosk and now the footbridge.' };
    const reply = (text: string, author = 'Omar') => replaced(run({ article, posts: [parent, { id: 'b', author, parentId: 'a', text }] }).get('b'));
    // A bare denial: no clause says what holds instead.
    expect(reply('The kiosk was never demolished. Shame about the bandstand.')).toEqual([]);
    // The replacement clause is itself denied.
    expect(reply('The kiosk was never demolished, it never moved either.')).toEqual([]);
    // A first-person denial tells the writer's life.
    expect(reply('I never demolished the kiosk, it was the borough.')).toEqual([]);
    expect(reply('The kiosk was never demolished, it moved to the station.', 'Gail')).toEqual([]);
    expect(reply('Yes, the kiosk was never demolished, it moved to the station.')).toEqual([]);
    expect(replaced(run({ article, posts: [{ id: 'b', author: 'Omar', parentId: null, text: 'The kiosk was never demolished, it moved to the station.' }] }).get('b'))).toEqual([]);
  });

  it('not against a parent telling its own life', () => {
    const own = { id: 'a', author: 'Gail', parentId: null, text: 'Saw my first concert at the bandstand in 1998.' };
    expect(replaced(run({ article, posts: [own, { id: 'b', author: 'Omar', parentId: 'a', text: 'The bandstand hasn\'t hosted a concert since 2010, it\'s been a café.' }] }).get('b'))).toEqual([]);
  });
});

describe('deniedAndReplaced', () => {
  it('cuts clauses at clause punctuation and before "but"', () => {
    expect(clausesOf(unit('It was not open, it moved; then it shut but nobody cared'))).toEqual([[0, 3], [4, 5], [6, 8], [9, 11]]);
  });

  it('reads the denial and the clause after it, skipping a vocative', () => {
    const u = unit('The depot never closed, Dennis, it moved to Bay Road.');
    const shape = deniedAndReplaced(u)!;
    expect(u.words[shape.negator]!.text).toBe('never');
    expect(u.words.slice(shape.replacement[0], shape.replacement[1] + 1).map((w) => w.text).join(' ')).toBe('it moved to Bay Road');
  });

  it('no shape: an answer word ending its clause, an opinion frame, a condition, a first-person denial, a denied necessity', () => {
    expect(deniedAndReplaced(unit('The supports don\'t have to be corroded, they said it is shut for the inspection.'))).toBeNull();
    expect(deniedAndReplaced(unit('The supports aren\'t corroded, they said it is shut for the inspection.'))).not.toBeNull();
    expect(deniedAndReplaced(unit('Ms Pike voted no, she spoke against it.'))).toBeNull();
    expect(deniedAndReplaced(unit('I don\'t think it shut, it moved.'))).toBeNull();
    expect(deniedAndReplaced(unit('Without the grant, it closes.'))).toBeNull();
    expect(deniedAndReplaced(unit('We never closed it, they did.'))).toBeNull();
  });

  it('never throws on odd strings', () => {
    for (const s of ['', ',', 'not', 'not,', ', it', '@ not, it', 'no no no, it it', '\u2014not\u2014they', 'x'.repeat(500)]) {
      expect(() => deniedAndReplaced(unit(s))).not.toThrow();
      expect(() => clausesOf(unit(s))).not.toThrow();
    }
  });
});
