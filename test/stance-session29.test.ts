import { describe, expect, it } from 'vitest';
import type { StanceResult } from '../src/schema/classify.js';
import { aimedAt, reread, topLevelFeatures, TOP_LEVEL_LABELS } from '../scripts/study/lib/top-level-reading.js';

// Session 29 (stance29): the top-level re-reading measured by blind round left out (scripts/study/stance-top-level.ts).
// Made-up posts and readings; the reading's values must say what a top-level post's tone is aimed at.

const stemsOf = (name: string): string[] => name.toLowerCase().split(/\s+/).map((w) => w.slice(0, 5));

describe('a sentence aimed at the target or at the article decision', () => {
  it('a word of the target by its first five letters, or a pronoun opening the sentence for the decision', () => {
    expect(aimedAt('The ferry ran late half the winter.', stemsOf('ferry timetable cut'))).toBe(true);
    expect(aimedAt('This should have happened years ago.', stemsOf('ferry timetable cut'))).toBe(true);
    expect(aimedAt('Honestly, it is overdue.', stemsOf('ferry timetable cut'))).toBe(true);
    expect(aimedAt('The decision was made behind closed doors.', stemsOf('ferry timetable cut'))).toBe(true);
  });
  it('a sentence about something else is not aimed', () => {
    expect(aimedAt('My neighbour grows tomatoes on the balcony.', stemsOf('ferry timetable cut'))).toBe(false);
    // "it" inside a sentence does not open it, and a two-letter word is not a stem.
    expect(aimedAt('My neighbour says it rained all week.', stemsOf('ferry timetable cut'))).toBe(false);
  });
});

const reading = (label: StanceResult['label'], cue = 'model:~implicit-sentiment'): StanceResult => ({
  target: 'library closure',
  label,
  confidence: 0.6,
  evidence: [{ span: [0, 4], text: 'Sad', cue }],
  implicit: true,
});

describe('the values of a top-level reading', () => {
  // "Sad day. This closure is a disgrace." at input offset 100: sentence spans are input offsets.
  const text = 'Sad day. This closure is a disgrace.';
  const post = {
    text,
    span: [100, 100 + text.length] as const,
    sentiment: { score: -0.6, sentences: [{ span: [100, 108] as const, score: -0.3 }, { span: [109, 100 + text.length] as const, score: -0.8 }] },
    acts: [{ act: 'opinion' }],
    corrections: [],
    moderation: { insult: { score: 0.1 } },
  };
  const f = topLevelFeatures(post, reading('against'), 'library closure', [0.7, 0.2, 0.1]);
  it('the tone aimed at the target is summed apart from the rest', () => {
    expect(f.get('aimed:sum')).toBeCloseTo(-0.8);
    expect(f.get('unaimed:sum')).toBeCloseTo(-0.3);
    expect(f.get('aimed:none')).toBe(0);
  });
  it('a removal target crosses its direction with the tone', () => {
    expect(f.get('change:reverse')).toBe(1);
    expect(f.get('change:reverse*aimed')).toBeCloseTo(-0.8);
    expect(f.get('change:reverse*reg')).toBeCloseTo(-0.6);
  });
  it('the reading, its cue kind and what the post does', () => {
    expect(f.get('read:against')).toBe(1);
    expect(f.get('cue:model:against')).toBe(1);
    expect(f.get('read-signed')).toBeCloseTo(-0.6);
    expect(f.get('act:opinion')).toBe(1);
    expect(f.has('named')).toBe(false);
    expect(f.has('corrects')).toBe(false);
  });
  it('a post with no aimed sentence says so, and a target with no change head has no direction', () => {
    const g = topLevelFeatures({ ...post, text: 'Sad day. Grim weather.' , sentiment: { score: -0.4, sentences: [{ span: [100, 108], score: -0.3 }, { span: [109, 122], score: -0.2 }] } }, reading('against'), 'city library', [0.5, 0.4, 0.1]);
    expect(g.get('aimed:none')).toBe(1);
    expect([...g.keys()].some((k) => k.startsWith('change:'))).toBe(false);
  });
});

describe('a reading re-read', () => {
  const first = { span: [0, 8] as [number, number], text: 'Sad day.' };
  it('the same side keeps its evidence', () => {
    const s = reading('against');
    expect(reread(s, 'against', 0.7, first)).toBe(s);
  });
  it('another side rests on the first sentence, cue top-level:<label>; none is neutral', () => {
    expect(reread(reading('against'), 'favor', 0.514, first)).toEqual({ target: 'library closure', label: 'favor', confidence: 0.51, evidence: [{ ...first, cue: 'top-level:favor' }], implicit: true });
    expect(reread(reading('favor'), 'none', 0.5, first).label).toBe('neutral');
    expect(TOP_LEVEL_LABELS).toEqual(['favor', 'against', 'none']);
  });
});
