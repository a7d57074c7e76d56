import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { changeDirection, changeObjectStances } from '../src/classify/stance/change-object.js';
import type { StanceResult } from '../src/schema/classify.js';

// Made-up posts. A removal target ("library closure") is read through its object ("library"): praise of the object
// is a side against the removal, contempt for it a side for it; a post that names the change keeps the model's reading.
const model = (target: string, label: StanceResult['label'], implicit = true): StanceResult => ({
  target,
  label,
  confidence: 0.7,
  evidence: [{ span: [0, 1], text: 'x', cue: 'model:~implicit-sentiment' }],
  implicit,
});
// One sentence per text, with the tone given (the sentiment scorer's score), so the rule alone is under test.
const one = (text: string, score: number) => [{ span: [0, text.length] as const, score }];

describe('change targets', () => {
  it('a removal head reverses, an increase head keeps, any other head is no change target', () => {
    expect(changeDirection('library closure')).toEqual({ direction: 'reverse', head: 'closure', objects: ['library'] });
    expect(changeDirection('Route 9 bus cuts')?.objects).toEqual(['route', '9', 'bus']);
    expect(changeDirection('pool fee hike')?.direction).toBe('same');
    expect(changeDirection('parking fees')).toBeNull();
    expect(changeDirection('closure')).toBeNull();
  });
});

describe('a side on a removal read through its object', () => {
  it('praise of the object is against the removal', () => {
    const text = 'Our library is where my kids learned to read.';
    const [s] = changeObjectStances(text, [model('library closure', 'favor')], one(text, 0.4));
    expect(s!.label).toBe('against');
    expect(s!.evidence[0]!.cue).toBe('change-object:praise');
    expect(text.slice(...s!.evidence[0]!.span)).toBe('library');
  });
  it('contempt for the object (plural mention) is for the removal', () => {
    const text = 'Those libraries are empty and useless.';
    const [s] = changeObjectStances(text, [model('library closure', 'against')], one(text, -0.5));
    expect(s!.label).toBe('favor');
    expect(s!.evidence[0]!.cue).toBe('change-object:contempt');
  });
  it('an increase keeps the tone: praise of the object is for it', () => {
    const text = 'The pool is the best thing in this town.';
    expect(changeObjectStances(text, [model('pool fee hike', 'against')], one(text, 0.5))[0]!.label).toBe('favor');
  });
  it('near miss: a post that names the change keeps the model reading', () => {
    const text = 'Closing the library is a wonderful idea.';
    const s = model('library closure', 'favor');
    expect(changeObjectStances(text, [s], one(text, 0.6))[0]).toBe(s);
  });
  it('near miss: no object mentioned, or a flat tone, keeps the model reading', () => {
    const s = model('library closure', 'favor');
    const far = 'What a lovely day for it.';
    expect(changeObjectStances(far, [s], one(far, 0.6))[0]).toBe(s);
    const flat = 'The library opens at nine.';
    expect(changeObjectStances(flat, [s], one(flat, 0.05))[0]).toBe(s);
  });
  it('near miss: a target the post names, and a target with no change head, keep the model reading', () => {
    const text = 'Our library is where my kids learned to read.';
    const named = model('library closure', 'favor', false);
    const other = model('library board', 'favor');
    expect(changeObjectStances(text, [named, other], one(text, 0.4))).toEqual([named, other]);
  });
});

describe('in the pipeline', () => {
  const thread = [
    'Title: Council votes to close the Elm Street library',
    '',
    'The council voted on Tuesday to close the Elm Street library next spring to save money.',
    '3 Comments',
    'Ada',
    'The library was wonderful for my kids, they loved the reading hour there.',
    'Ben',
    'That library is a useless, dreadful waste of space.',
    'Cy',
    'Good. Closing it is the right call.',
    '',
  ].join('\n');
  const doc = analyze(thread, { targets: ['library closure'] });
  const on = (name: string) => doc.thread.posts.find((p) => p.author === name)!.stances!.find((x) => x.target === 'library closure')!;

  it('praise of the library is against its closure; contempt for it is for the closure', () => {
    expect(on('Ada').label).toBe('against');
    expect(on('Ada').evidence[0]!.cue).toBe('change-object:praise');
    expect(on('Ben').label).toBe('favor');
    expect(on('Ben').evidence[0]!.cue).toBe('change-object:contempt');
  });
  it('a post that names the change is not read through the object', () => {
    expect(on('Cy').evidence.some((e) => e.cue.startsWith('change-object:'))).toBe(false);
  });
});
