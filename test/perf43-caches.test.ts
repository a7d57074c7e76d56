import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownByPrefix, knownNamesByPrefix, type LinearModel } from '../src/learn/model.js';
import { commentFeatures } from '../src/classify/moderation/features.js';
import { readText, shippedModerationModels } from '../src/classify/moderation/models.js';
import { BASE_TABLES } from '../src/classify/moderation/lexicon.js';
import { tokenize } from '../src/text/tokenize.js';
import { analyzeText } from '../src/text/analysis.js';
import { classifyReplyStance } from '../src/classify/acts/index.js';

// Session 43 (perf43): the prebuilt names and the shared reading of the 8 MB dump's cuts give what the plain code gives.

describe('knownNamesByPrefix (perf43)', () => {
  const model: LinearModel = {
    format: 'threadlens-model/2',
    name: 'made-up',
    labels: ['yes'],
    bias: [0],
    link: 'sigmoid',
    weights: { 'w:train': [1], 'w:late': [-1], 'c:^tra': [0.5], 'p:so late': [2], $len: [0.1], 'w:': [0.2] },
  } as unknown as LinearModel;

  it('maps each key of knownByPrefix to prefix + key', () => {
    for (const prefix of ['w:', 'c:', 'p:', '$', 'x:']) {
      const names = knownNamesByPrefix(model, prefix);
      expect([...names.keys()]).toEqual([...knownByPrefix(model, prefix)]);
      for (const [key, name] of names) expect(name).toBe(`${prefix}${key}`);
    }
    expect(knownNamesByPrefix(model, 'w:')).toBe(knownNamesByPrefix(model, 'w:'));
  });

  it('commentFeatures names with a model are the model-less names the model knows, in the same order', () => {
    const models = shippedModerationModels();
    const known = new Set(Object.keys(models.comment.weights));
    for (const text of ['You absolute idiot, nobody asked you.', 'so late so late again, the trains are always late', 'What a complete numpty! Idiots everywhere.']) {
      const [toks, readings] = readText(text, models.wordScores, BASE_TABLES, tokenize(text), models.likeness);
      const withModel = commentFeatures(toks, readings, models.comment);
      const plain = commentFeatures(toks, readings).filter(([name]) => !/^[wcp]:/.test(name) || known.has(name));
      expect(withModel).toEqual(plain);
    }
  });
});

describe('classifyReplyStance with the reply already read (perf43)', () => {
  it('gives what it gives without the reading, and ignores a reading of another text', () => {
    const parent = 'The council says the new bus lanes cut journey times by 20%.';
    for (const reply of ['No they did not. Times went up, read the report?', '"cut journey times by 20%" is not what the report says.', 'Exactly right, well said.', '']) {
      const plain = classifyReplyStance(reply, parent, { sentiment: 0.1 });
      expect(classifyReplyStance(reply, parent, { sentiment: 0.1, read: analyzeText(reply) })).toEqual(plain);
      expect(classifyReplyStance(reply, parent, { sentiment: 0.1, read: analyzeText('Something else entirely.') })).toEqual(plain);
    }
  });
});
