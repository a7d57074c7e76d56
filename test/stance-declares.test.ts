import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { declaredStances } from '../src/classify/stance/declares.js';
import { classifyStance } from '../src/classify/stance/index.js';

// Made-up posts: a side declared outright on a subject the post never names ("I'm for it"), and near misses.
const subject = [{ name: 'harbour ferry', aliases: [] }];
// The pipeline's reading: the model's, then the declared side on a target the text never names.
const read = (text: string) => declaredStances(text, classifyStance(text, subject, { anchored: true }))[0]!;

describe('a side declared outright on the subject', () => {
  it('a flat anecdote that ends "I\'m for it" is for the subject, the declaration as evidence', () => {
    const text = 'I grew up on the island and took the old boat twice a week for school. I\'m for it.';
    const s = read(text);
    expect(s.label).toBe('favor');
    expect(s.implicit).toBe(true);
    expect(s.evidence.map((e) => e.cue)).toEqual(['declares:favor']);
    expect(text.slice(...s.evidence[0]!.span)).toBe("I'm for it");
  });
  it('against, a verb without its subject, a negated verb, a declaration in a later clause', () => {
    expect(read('My rates will go up again. I am totally against this.').label).toBe('against');
    expect(read('Fully support this.').label).toBe('favor');
    expect(read("I don't support it.").label).toBe('against');
    expect(read("Looks nice on paper, but I'm against it though.").label).toBe('against');
  });
  it('near misses take no declared side', () => {
    // Lukewarm, a pronoun that does not end the clause, a past or someone else's side, a purpose phrase.
    for (const text of ["I'm not against it.", 'I support it when the timetable is fixed.', 'I was for it once.', 'He is for it.', 'We waited for it for years.']) {
      expect(read(text).evidence.some((e) => e.cue.startsWith('declares:'))).toBe(false);
    }
  });
  it('a target the post names is read by the model, not by the declaration', () => {
    const s = read("The harbour ferry is a scandal. I'm for it, frankly.");
    expect(s.implicit).not.toBe(true);
    expect(s.evidence.some((e) => e.cue.startsWith('declares:'))).toBe(false);
  });
});

describe('a declared side in a thread is the post\'s own, not tone toward its parent', () => {
  const thread = [
    'Title: Council approves new harbour ferry',
    '',
    'The council approved a new harbour ferry between the two piers on Tuesday, at a cost of 9 million pounds.',
    '2 Comments',
    'Nia',
    'What a dreadful waste of money. Nine million for a boat nobody asked for.',
    'Omar',
    "Nia, my mum waited two hours for the bus round the bay last winter. I'm for it.",
    '',
  ].join('\n');
  const doc = analyze(thread, { targets: ['harbour ferry'] });
  const [nia, omar] = doc.thread.posts;
  it('the reply declares for the subject while its parent is against it', () => {
    expect(omar!.parentId).toBe(nia!.id);
    expect(nia!.stances![0]!.label).toBe('against');
    const s = omar!.stances![0]!;
    expect(s.label).toBe('favor');
    expect(s.evidence.map((e) => e.cue)).toContain('declares:favor');
  });
});
