import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { MODEL_FORMAT, type LinearModel } from '../src/learn/model.js';
import { decideThreadStances, decisionFeatures, type DecidedPost } from '../scripts/eval/lib/stance-decision.js';

// The thread-stance decision of session 26 (measured, not shipped: scripts/eval/lib/stance-decision.ts). Made-up
// thread: a post against the plan, a reply that complains about the plan's effects, a question with no side.
const thread = [
  'Title: Council cuts the night bus service',
  '',
  'The council voted on Monday to end the night bus service from January to save 2 million pounds a year.',
  '3 Comments',
  'Dana',
  'Ending the night buses is a terrible decision.',
  'Eli',
  'Dana, my shift ends at 2 a.m. and a taxi home now costs me half a day of pay.',
  'Fay',
  'Does anyone know when the last bus will run?',
  '',
].join('\n');

const target = 'night bus cuts';
const read = () => analyze(thread, { targets: [target] });
const posts = (doc: ReturnType<typeof read>) => doc.thread.posts as unknown as DecidedPost[];
const by = (doc: ReturnType<typeof read>, author: string) => doc.thread.posts.findIndex((p) => p.author === author);

// A hand-made decision model: a taxi's cost reads against, a question reads none, any other post leans favour (so a
// question is none only through its act).
const model: LinearModel = {
  format: MODEL_FORMAT,
  name: 'test decision',
  fitOn: [],
  featureFiles: [],
  featureHash: '',
  link: 'softmax',
  labels: ['favor', 'against', 'none'],
  bias: [1, 0, 0.5],
  weights: { 'w:taxi': [0, 3, 0], 'act:question': [0, 0, 3], 'side:against': [0, 3, 0] },
};

describe('the thread-stance decision (study)', () => {
  it('reads a reply with its parent and the parent\'s side, a top-level post without', () => {
    const doc = read();
    const ps = posts(doc);
    const eli = ps[by(doc, 'Eli')]!;
    const dana = ps[by(doc, 'Dana')]!;
    expect(eli.parentId).toBe((dana as { id: string }).id);
    const f = decisionFeatures(eli, dana, target);
    expect(f.get('reply')).toBe(1);
    expect(f.has('top-level')).toBe(false);
    const danaSide = dana.stances!.find((s) => s.target === target)!.label;
    expect(f.get(`parent:${danaSide}`)).toBe(1);
    expect(f.get('w:taxi')).toBe(1);
    const top = decisionFeatures(dana, undefined, target);
    expect(top.get('top-level')).toBe(1);
    expect([...top.keys()].some((k) => k.startsWith('parent:'))).toBe(false);
  });

  it('a reply that complains about the effects reads against, with the word that pushed it as evidence', () => {
    const doc = read();
    const ps = posts(doc);
    // The decision re-reads only a label it changes: since session 27 the pipeline reads Eli against itself (the
    // comment register's tone toward the parent), so Eli's reading is made flat first, as the pipeline read it before.
    const before = ps[by(doc, 'Eli')]!;
    before.stances = before.stances!.map((x) => (x.target === target ? { ...x, label: 'neutral' as const } : x));
    decideThreadStances(ps, new Set([target]), model);
    const eli = ps[by(doc, 'Eli')]!;
    const s = eli.stances!.find((x) => x.target === target)!;
    expect(s.label).toBe('against');
    expect(s.evidence.map((e) => e.cue)).toEqual(['decision:w:taxi']);
    for (const e of s.evidence) expect(thread.slice(e.span[0], e.span[1])).toBe(e.text);
  });

  it('a question with no side reads none', () => {
    const doc = read();
    const ps = posts(doc);
    decideThreadStances(ps, new Set([target]), model);
    const fay = ps[by(doc, 'Fay')]!;
    expect(fay.stances!.find((x) => x.target === target)!.label).toBe('neutral');
    // The same model without the question's weight gives it the favour the bias leans to.
    const other = read();
    const { 'act:question': _, ...rest } = model.weights;
    decideThreadStances(posts(other), new Set([target]), { ...model, weights: rest });
    expect(posts(other)[by(other, 'Fay')]!.stances!.find((x) => x.target === target)!.label).toBe('favor');
  });

  it('is deterministic, and a model with no weights changes nothing', () => {
    const a = read();
    const b = read();
    decideThreadStances(posts(a), new Set([target]), model);
    decideThreadStances(posts(b), new Set([target]), model);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = read();
    const before = JSON.stringify(c);
    decideThreadStances(posts(c), new Set([target]), { ...model, weights: {} });
    expect(JSON.stringify(c)).toBe(before);
  });
});
