import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyReplyStance, detectActs } from '../src/classify/acts/index.js';
import { ActSchema, ReplyStanceSchema } from '../src/schema/classify.js';

const kinds = (text: string, parentText: string | null = 'The parent post.') => detectActs(text, { parentText }).map((a) => a.act);

describe('detectActs', () => {
  it('finds the seed 001 acts', () => {
    expect(kinds("Exactly. It's a domestic issue more than anything else. As I said, Baggage.")).toContain('agreement');
    expect(kinds('Is Japan not paying enough?')).toEqual(['rhetorical-question']);
    expect(kinds('Enough of paying for "security". Kick them out and build your army!')).toContain('call-to-action');
    expect(kinds('There will be zero changes to SOFA that will in any way benefit Japan.')).toContain('prediction');
    expect(kinds('@Keita Nakamura\nDid you write this story? I can say with certainty every word is speculative.')).toContain('meta-comment');
  });

  it('finds agreement, disagreement, concession, meta-comment and self-correction cues', () => {
    expect(kinds('Spot on')).toContain('agreement');
    expect(kinds('This.')).toContain('agreement');
    expect(kinds('This plan will cost a lot.')).not.toContain('agreement');
    expect(kinds('I disagree, the figures are wrong.')).toContain('disagreement');
    expect(kinds('My mistake.')).toContain('concession');
    expect(kinds("You're right, I misremembered.")).toContain('concession');
    expect(kinds('Who edits these articles?')).toEqual(['question', 'meta-comment']);
    expect(kinds('*1998, not 1989')).toContain('self-correction');
    expect(kinds('What time does it start?')).toEqual(['question']);
  });

  it('gives evidence spans that slice back', () => {
    const text = 'Well.  Exactly right! Who edits these articles?';
    for (const a of detectActs(text)) expect(text.slice(a.evidence.span[0], a.evidence.span[1])).toBe(a.evidence.text);
  });

  it('property: never throws, fits the schema, spans slice back, deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) })), fc.option(fc.string()), (text, parent) => {
        const acts = detectActs(text, { parentText: parent });
        for (const a of acts) {
          expect(ActSchema.safeParse(a).success).toBe(true);
          expect(text.slice(a.evidence.span[0], a.evidence.span[1])).toBe(a.evidence.text);
        }
        expect(JSON.stringify(detectActs(text, { parentText: parent }))).toBe(JSON.stringify(acts));
        const st = classifyReplyStance(text, parent ?? '');
        expect(ReplyStanceSchema.safeParse(st).success).toBe(true);
        for (const e of st.evidence) expect(text.slice(e.span[0], e.span[1])).toBe(e.text);
      }),
      { numRuns: 150 },
    );
  });
});

describe('classifyReplyStance', () => {
  const parent = 'Police confirm two hostages have escaped the cafe.';
  it('labels support, deny, query and comment', () => {
    expect(classifyReplyStance('Confirmed by the BBC as well.', parent).label).toBe('support');
    expect(classifyReplyStance('This is fake, stop spreading it.', parent).label).toBe('deny');
    expect(classifyReplyStance('Is there a source for this?', parent).label).toBe('query');
    expect(classifyReplyStance('Stay safe everyone in Sydney', parent).label).toBe('comment');
  });
});

describe('replies that open with the name they answer, and concessions', () => {
  const parent = 'The ferry started in 2004, not 2006.';
  it('an agreement or disagreement opener still counts after a vocative ("Name, ...")', () => {
    const agree = detectActs("Kim Lee, you're right about that.", { parentText: parent }).find((a) => a.act === 'agreement')!;
    expect(agree.evidence.text).toBe("you're right");
    const dis = detectActs('Sam, nope. It was 2006.', { parentText: parent }).find((a) => a.act === 'disagreement')!;
    expect(dis.evidence.text).toBe('nope');
    // Without a parent nothing is answered, so no vocative is read.
    expect(kinds("Kim Lee, you're right about that.", null)).not.toContain('agreement');
  });
  it('a concession backs the parent even when it says "wrong"', () => {
    const r = classifyReplyStance('Fair enough, I was wrong about the year.', parent);
    expect(r.label).toBe('support');
    expect(r.evidence[0]!.cue).toMatch(/^concession:/);
    expect(classifyReplyStance('My mistake, I misremembered.', parent).label).toBe('support');
  });
  it('a disagreement beside a concession-like word stays a denial', () => {
    expect(classifyReplyStance("Granted, it was late, but you're wrong about the year.", parent).label).toBe('deny');
  });
});
