/**
 * The session-17 comment-sentiment corpus (scripts/train/data/comment-sentiment/): both files are well formed, no
 * comment is in both, the held-out file's topics are never the fitting file's, and the labels mix as the README says.
 */
import { describe, expect, it } from 'vitest';
import { readCommentSentiment } from '../scripts/eval/lib/sentiment-data.js';

describe('comment-sentiment corpus (session 17)', () => {
  const fit = readCommentSentiment('comments.jsonl');
  const held = readCommentSentiment('heldout.jsonl');
  it('is well formed, without duplicates', () => {
    expect(fit.length).toBe(469);
    expect(held.length).toBe(162);
    for (const r of [...fit, ...held]) {
      expect(['positive', 'negative', 'neutral']).toContain(r.gold);
      expect(r.text.trim().length, r.text).toBeGreaterThan(0);
      expect(r.topic).toMatch(/^[a-z-]+$/);
    }
    const texts = [...fit, ...held].map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
  it('holds out other topics', () => {
    const fitTopics = new Set(fit.map((r) => r.topic));
    for (const r of held) expect(fitTopics.has(r.topic), r.topic).toBe(false);
  });
  it('mixes labels about as threads do (about 55% neutral, 35% negative, 10% positive)', () => {
    for (const rows of [fit, held]) {
      const share = (l: string): number => rows.filter((r) => r.gold === l).length / rows.length;
      expect(share('neutral')).toBeGreaterThan(0.5);
      expect(share('negative')).toBeGreaterThan(0.28);
      expect(share('positive')).toBeGreaterThan(0.08);
    }
  });
});

describe('comment-sentiment corpus, second writer (session 23)', () => {
  const fit = readCommentSentiment('comments-2.jsonl');
  const held = readCommentSentiment('heldout-2.jsonl');
  const first = [...readCommentSentiment('comments.jsonl'), ...readCommentSentiment('heldout.jsonl')];
  it('is well formed, without duplicates within or across the writers\' files', () => {
    expect(fit.length).toBe(346);
    expect(held.length).toBe(107);
    for (const r of [...fit, ...held]) {
      expect(['positive', 'negative', 'neutral']).toContain(r.gold);
      expect(r.text.trim().length, r.text).toBeGreaterThan(0);
      expect(r.topic).toMatch(/^[a-z-]+$/);
    }
    const texts = [...first, ...fit, ...held].map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
  it('uses topics the first writer does not, and holds out topics neither fitting file has', () => {
    const firstTopics = new Set(first.map((r) => r.topic));
    for (const r of [...fit, ...held]) expect(firstTopics.has(r.topic), r.topic).toBe(false);
    const fitTopics = new Set(fit.map((r) => r.topic));
    for (const r of held) expect(fitTopics.has(r.topic), r.topic).toBe(false);
  });
  it('mixes labels with more complaints than the first file (about 48% neutral, 40% negative, 12% positive)', () => {
    for (const rows of [fit, held]) {
      const share = (l: string): number => rows.filter((r) => r.gold === l).length / rows.length;
      expect(share('neutral')).toBeGreaterThan(0.45);
      expect(share('negative')).toBeGreaterThan(0.35);
      expect(share('positive')).toBeGreaterThan(0.1);
    }
  });
});
