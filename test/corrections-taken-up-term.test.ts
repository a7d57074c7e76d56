import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { makeUnit } from '../src/classify/corrections/units.js';
import { parentTerms, takenUpClause, writerTerms } from '../src/classify/corrections/taken-up-term.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): { found: Map<string, Correction[]>; input: string } => {
  const r = runCase(c);
  return { found: r.found, input: r.input };
};
const self = (cs: readonly Correction[] | undefined): Correction[] => (cs ?? []).filter((c) => c.kind === 'self');
const unit = (t: string) => makeUnit(t, [0, t.length]);
const clause = (reply: string, parent: string[], writer: string[]): string | null => {
  const u = unit(reply);
  const span = takenUpClause(u, parentTerms(parent.map(unit)), writerTerms(writer.map(unit)));
  return span ? reply.slice(span[0], span[1]) : null;
};

const article = ['The town council approved the new footbridge over the canal on Monday.'];

describe('the corrected writer taking up the corrector\'s term (session 32)', () => {
  it('reads a word taken up with no conceding phrase as a self correction of the writer\'s sentence', () => {
    const { found, input } = run({
      article,
      posts: [
        { id: 'a', author: 'Ivy', parentId: null, text: 'The bridge was paid for by the county, as usual.' },
        { id: 'b', author: 'Raj', parentId: 'a', text: "The county didn't pay a penny, the canal trust funded it. It's in the minutes." },
        { id: 'c', author: 'Ivy', parentId: 'b', text: 'Ok, canal trust then. Still ugly.' },
      ],
    });
    const got = self(found.get('c'));
    expect(got).toHaveLength(1);
    expect(got[0]!.target).toMatchObject({ kind: 'post', postId: 'a' });
    expect(got[0]!.evidence[0]!.text).toBe('canal trust then');
    for (const e of got[0]!.evidence) expect(input.slice(e.span[0], e.span[1])).toBe(e.text);
  });

  it('reads "X not Y" and a number word taken up in the second sentence', () => {
    expect(clause('Fair, weekdays not weekends.', ['It runs on weekdays, not weekends.'], ['The market runs at weekends.'])).toBe('weekdays not weekends');
    expect(clause('Nine it is.', ['It was nine points, not eleven.'], ['Top of the league by eleven points.'])).toBe('Nine it is');
    expect(clause('@raj_k yeah £3.8m, typo.', ['The chief exec got £3.8m, not £4.8m.'], ['They paid the chief exec £4.8m last year.'])).toBe('£3.8m');
  });

  it('takes nothing up that the writer already said, nor words of the writer\'s own, nor a lone word, a shout, a quotation or mockery', () => {
    // The writer's own term.
    expect(clause('Ok, eleven points then.', ['It was nine points, not eleven.'], ['Top of the league by eleven points.'])).toBeNull();
    // A word of the writer's own in the clause ("basically").
    expect(clause('Ok, basically weekdays.', ['It runs on weekdays, not weekends.'], ['The market runs at weekends.'])).toBeNull();
    // One word echoed: an exclamation or a jeer.
    expect(clause('Obliterated, lol.', ['Their defence was obliterated.'], ['The defence held up well.'])).toBeNull();
    expect(clause('WEEKDAYS NOT WEEKENDS.', ['It runs on weekdays, not weekends.'], ['The market runs at weekends.'])).toBeNull();
    expect(clause('"weekdays not weekends" he says.', ['It runs on weekdays, not weekends.'], ['The market runs at weekends.'])).toBeNull();
    expect(clause('But sure, weekdays not weekends.', ['It runs on weekdays, not weekends.'], ['The market runs at weekends.'])).toBeNull();
    // A vocative: the parent's @handle is no word of the parent's.
    expect(clause('nobody asked, ash.', ['@econ_ash subsidies bring little growth.'], ['The stadium will bring growth.'])).toBeNull();
    // A question.
    expect(clause('Weekdays not weekends?', ['It runs on weekdays, not weekends.'], ['The market runs at weekends.'])).toBeNull();
  });

  it('reads nothing under a reply that only adds, nor under the writer\'s own post, nor from someone else', () => {
    const { found } = run({
      article,
      posts: [
        { id: 'a', author: 'Ivy', parentId: null, text: 'The bridge was paid for by the county, as usual.' },
        { id: 'b', author: 'Raj', parentId: 'a', text: 'The canal trust also put money in for the lighting.' },
        { id: 'c', author: 'Ivy', parentId: 'b', text: 'Ok, canal trust then. Still ugly.' },
        { id: 'd', author: 'Raj', parentId: 'a', text: "The county didn't pay a penny, the canal trust funded it." },
        { id: 'e', author: 'Lou', parentId: 'd', text: 'Ok, canal trust then. Still ugly.' },
      ],
    });
    expect(self(found.get('c'))).toEqual([]);
    expect(self(found.get('e'))).toEqual([]);
  });

  it('never throws on odd text', () => {
    for (const t of ['', ',,,', '@@@', '— — —', 'then then then then then then then', '£ £ £ 3', '"', '( )']) {
      expect(() => clause(t, ['It runs on weekdays, not weekends.', ''], ['', t])).not.toThrow();
    }
  });
});
