/**
 * The session-24 comment-stance corpus (scripts/train/data/comment-stance/): both files are well formed (every
 * comment labelled on each of its topic's targets, replies pointing at an earlier comment of the same topic whose
 * text they carry), the held-out file's topics are never the fitting file's, and the topics are not the
 * comment-sentiment corpus's. Then the measured (not shipped) comment-stance layer's decision rule, on made-up posts
 * and a made-up model: a side it gives rests on the post's words, else the pipeline's reading stands.
 */
import { describe, expect, it } from 'vitest';
import { readCommentStance, readCommentStanceTopics } from '../scripts/eval/lib/comment-stance-data.js';
import { readCommentSentiment } from '../scripts/eval/lib/sentiment-data.js';
import { commentLayerStance, contentWords, layerFeatures } from '../scripts/eval/lib/comment-stance-layer.js';
import { MODEL_FORMAT, type LinearModel } from '../src/learn/model.js';

describe('comment-stance corpus (session 24)', () => {
  const topics = readCommentStanceTopics();
  const fit = readCommentStance('comments.jsonl');
  const held = readCommentStance('heldout.jsonl');
  it('labels every comment on each of its topic\'s targets, with replies to earlier comments of the same topic', () => {
    expect(fit.length).toBe(280);
    expect(held.length).toBe(91);
    for (const rows of [fit, held]) {
      const seen = new Map<string, string>();
      for (const r of rows) {
        const t = topics[r.topic];
        expect(t, r.topic).toBeDefined();
        expect(Object.keys(r.stance).sort()).toEqual([...t!.targets].sort());
        for (const v of Object.values(r.stance)) expect(['favor', 'against', 'none']).toContain(v);
        if (r.parent !== null) {
          expect(seen.has(r.parent), r.id).toBe(true);
          expect(r.parent.startsWith(`${r.topic}-`)).toBe(true);
          expect(r.parentText).toBe(seen.get(r.parent));
        }
        expect(seen.has(r.id), r.id).toBe(false);
        seen.set(r.id, r.text);
      }
    }
    const texts = [...fit, ...held].map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
  it('holds out topics the fitting file never has, as topics.json splits them', () => {
    for (const r of fit) expect(topics[r.topic]!.split).toBe('fit');
    for (const r of held) expect(topics[r.topic]!.split).toBe('heldout');
    const fitTopics = new Set(fit.map((r) => r.topic));
    for (const r of held) expect(fitTopics.has(r.topic)).toBe(false);
  });
  it('mixes favor, against and none, each between a fifth and a half of the pairs', () => {
    for (const rows of [fit, held]) {
      const labels = rows.flatMap((r) => Object.values(r.stance));
      for (const l of ['favor', 'against', 'none']) {
        const share = labels.filter((x) => x === l).length / labels.length;
        expect(share, l).toBeGreaterThan(0.2);
        expect(share, l).toBeLessThan(0.5);
      }
    }
  });
  it('reacts to topics the comment-sentiment corpus does not use', () => {
    const sentimentTopics = new Set(['comments.jsonl', 'heldout.jsonl', 'comments-2.jsonl', 'heldout-2.jsonl'].flatMap((f) => readCommentSentiment(f).map((r) => r.topic)));
    for (const name of Object.keys(topics)) expect(sentimentTopics.has(name), name).toBe(false);
  });
});

describe('comment-stance layer decision (measured, not shipped)', () => {
  // A made-up model: the word "overdue" pushes favor, a negative sentiment label pushes against.
  const model: LinearModel = {
    format: MODEL_FORMAT,
    name: 'test-layer',
    fitOn: [],
    featureFiles: [],
    featureHash: '',
    link: 'softmax',
    labels: ['favor', 'against', 'none'],
    bias: [0, 0, 0.5],
    weights: { 'w:overdue': [3, 0, 0], '@sent:negative': [0, 3, 0] },
  };
  const neutral = { label: 'neutral' as const, confidence: 0.5, evidence: [], implicit: true, target: 'the new rule' };
  const input = (text: string, sentiment: string) => ({ text, sentiment: { label: sentiment, score: 0 }, stance: neutral, reply: false, replyStance: null, parentSide: null });

  it('reads content words without stop words, once each', () => {
    expect(contentWords("It's long overdue, overdue I tell you.")).toEqual(['long', 'overdue', 'tell']);
    expect(layerFeatures(input('Long overdue.', 'neutral')).get('w:overdue')).toBe(1);
  });
  it('gives a side resting on a word, with the word as evidence', () => {
    const out = commentLayerStance('the new rule', input('Honestly this was long overdue.', 'neutral'), model);
    expect(out.label).toBe('favor');
    expect(out.evidence).toEqual([{ span: [23, 30], text: 'overdue', cue: 'comment-layer:overdue' }]);
    expect(out.implicit).toBe(true);
  });
  it('keeps the pipeline\'s reading when no word of the post pushes the side it would give', () => {
    const x = input('The buses were late again this morning.', 'negative');
    expect(commentLayerStance('the new rule', x, model)).toBe(x.stance);
  });
});
