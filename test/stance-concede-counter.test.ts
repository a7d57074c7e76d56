import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';

// Made-up thread: a reply that grants its parent's point and then counters states its own side. No reply names
// the target, so every side below is read from the reply's words or taken over from its parent.
const thread = [
  'Title: Council approves new harbour ferry',
  '',
  'The council approved a new harbour ferry between the two piers on Tuesday, at a cost of 9 million pounds.',
  '5 Comments',
  'Nia',
  'Nine million pounds for a boat. What a dreadful waste of money.',
  'Omar',
  "Nia, you're right about the cost, but the bridge road is shut half the winter. It's a brilliant idea and long needed.",
  'Pat',
  "Nia, fair point. Still think it's a great idea, the bridge is shut half the winter.",
  'Rosa',
  "Nia, you're right, it is still a lot of money for a boat.",
  'Wes',
  'Nia, fair point, it is a lot of money.',
  '',
].join('\n');

describe('a reply that concedes and then counters keeps its own reading', () => {
  const doc = analyze(thread, { targets: ['harbour ferry'] });
  const by = (name: string) => doc.thread.posts.find((p) => p.author === name)!;
  const on = (name: string) => by(name).stances!.find((x) => x.target === 'harbour ferry')!;

  it('the parent is against; an agreement then "but ..." in favour is for, nothing taken over', () => {
    expect(on('Nia').label).toBe('against');
    expect(by('Omar').parentId).toBe(by('Nia').id);
    expect(by('Omar').replyStance?.label).toBe('support');
    expect(on('Omar').label).toBe('favor');
    expect(on('Omar').evidence.some((e) => e.cue === 'agrees-with-parent')).toBe(false);
  });
  it('a concession then "Still think ..." in favour is for, not voided as a conceded fact', () => {
    expect(by('Pat').replyStance?.label).toBe('support');
    expect(on('Pat').label).toBe('favor');
    expect(on('Pat').evidence.some((e) => e.cue === 'agrees-with-parent' || e.cue === 'concedes-a-fact')).toBe(false);
  });
  it('near misses: agreeing with no counter ("still" inside a clause is not one) takes over the parent\'s side', () => {
    for (const name of ['Rosa', 'Wes']) {
      expect(on(name).label).toBe('against');
      expect(on(name).evidence[0]!.cue).toBe('agrees-with-parent');
    }
  });
});
