import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';

const dump = [
  'Title: Council plans congestion charge',
  '',
  'The council wants a congestion charge for the city centre from next year, officials said on Monday.',
  '4 Comments',
  'Ann Lee',
  'The congestion charge is a terrible idea and will hurt small shops.',
  'Bob',
  'Ann Lee, exactly. Well said.',
  'Cara',
  "Ann Lee, that's not true, shops did fine in Stockholm.",
  'Dev',
  'Ann Lee, exactly, but the congestion charge is a great idea.',
  '',
].join('\n');

describe('stance through the reply tree', () => {
  const doc = analyze(dump, { targets: ['congestion charge'] });
  const [ann, bob, cara, dev] = doc.thread.posts;
  it('a supporting reply shares its parent stance, with the agreement as evidence', () => {
    expect(ann!.stances![0]!.label).toBe('against');
    expect(bob!.parentId).toBe(ann!.id);
    const s = bob!.stances!.find((x) => x.target === 'congestion charge')!;
    expect(s.label).toBe('against');
    expect(s.confidence).toBeLessThan(ann!.stances![0]!.confidence);
    expect(s.evidence[0]!.cue).toBe('agrees-with-parent');
    expect(dump.slice(...s.evidence[0]!.span)).toBe(s.evidence[0]!.text);
  });
  it('a denying reply takes the opposite stance', () => {
    expect(cara!.stances!.find((x) => x.target === 'congestion charge')!.label).toBe('favor');
  });
  it('a stance the reply states itself wins over the parent', () => {
    const s = dev!.stances!.find((x) => x.target === 'congestion charge')!;
    expect(s.label).toBe('favor');
    expect(s.evidence.every((e) => e.cue !== 'agrees-with-parent')).toBe(true);
  });
});

describe('a pronoun in a reply reads its parent (analyze passes the parent text to classifyStance)', () => {
  const thread = [
    'US forces in Japan are the subject. American troops are stationed in Okinawa.',
    '',
    '2 Comments',
    'Alice',
    'Okinawa residents are tired of the American troops.',
    'Bob',
    '@Alice Kick them out!',
    '',
  ].join('\n');
  const doc = analyze(thread, { targets: [{ name: 'US forces in Japan', aliases: ['American troops', 'US forces'] }] });
  const [alice, bob] = doc.thread.posts;

  it('"Kick them out" answering a post about American troops is against US forces, through the pronoun', () => {
    expect(bob!.parentId).toBe(alice!.id);
    const s = bob!.stances!.find((x) => x.target === 'US forces in Japan')!;
    expect(s.label).toBe('against');
    const pronoun = s.evidence.find((e) => e.cue.startsWith('pronoun:'))!;
    expect(pronoun.text).toBe('them');
    expect(pronoun.cue).toContain('(parent)');
    expect(thread.slice(...pronoun.span)).toBe('them');
  });
});

describe('a reply that answers a neutral parent takes no side on the subject it never names', () => {
  const thread = [
    'Title: Council approves new tram line',
    '',
    'The council approved a new tram line through the east of the city on Tuesday, at a cost of 40 million pounds.',
    '3 Comments',
    'Nia',
    'The vote was on Monday, not Tuesday.',
    'Omar',
    "Nia, you're right, my mistake, sorry. Terrible of me.",
    'Pat',
    'What a dreadful waste of money.',
    '',
  ].join('\n');
  const doc = analyze(thread, { targets: ['tram line'] });
  const [nia, omar, pat] = doc.thread.posts;
  const on = (p: typeof nia) => p!.stances!.find((x) => x.target === 'tram line')!;

  it('the conceding reply is neutral, with only its concession as evidence', () => {
    expect(omar!.parentId).toBe(nia!.id);
    expect(on(nia).label).toBe('neutral');
    expect(['support', 'deny']).toContain(omar!.replyStance?.label);
    const s = on(omar);
    expect(s.label).toBe('neutral');
    expect(s.implicit).toBe(true);
    // It concedes a fact (the corrections step links the concession), so its evidence is the concession.
    expect(omar!.concessions!.length).toBeGreaterThan(0);
    for (const e of s.evidence) {
      expect(e.cue).toBe('concedes-a-fact');
      expect(thread.slice(...e.span)).toBe(e.text);
    }
  });
  it('without the parent link the same tone takes a side: a top-level post', () => {
    expect(pat!.parentId).toBeNull();
    expect(on(pat).label).toBe('against');
  });
});
