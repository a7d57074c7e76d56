/**
 * Models cannot drift from their code: every model file in the one format (src/learn/model.ts) records a
 * hash of the feature code that produced its inputs; when that code changes, this test fails until the
 * model is refit (`npm run train`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainRun, chainViterbi, featureHash, fitModel } from '../scripts/train/lib/fit-model.js';
import { isLinearModel, predict, explain, MODEL_FORMAT, type LinearModel } from '../src/learn/model.js';

const root = join(import.meta.dirname, '..');

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

const models = jsonFiles(join(root, 'src'))
  .map((p) => ({ path: relative(root, p), data: JSON.parse(readFileSync(p, 'utf8')) as unknown }))
  .filter((m) => (m.data as { format?: unknown }).format === MODEL_FORMAT);

/** Model files still in a pre-2 format, to be refit into the one format; the list may only shrink. */
const LEGACY: string[] = [];

describe('model files', () => {
  it('every model file is in the one format, or a listed legacy file', () => {
    const all = jsonFiles(join(root, 'src'))
      .map((p) => ({ path: relative(root, p).split('\\').join('/'), data: JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown> }))
      .filter((m) => 'weights' in m.data);
    for (const m of all) expect(m.data.format === MODEL_FORMAT || LEGACY.includes(m.path), m.path).toBe(true);
  });
  it.runIf(models.length > 0).each(models.map((m) => [m.path, m.data] as const))('%s matches its feature code', (_path, data) => {
    expect(isLinearModel(data)).toBe(true);
    const model = data as LinearModel;
    expect(model.fitOn.length).toBeGreaterThan(0);
    expect(model.featureFiles.length).toBeGreaterThan(0);
    expect(featureHash(model.featureFiles, root)).toBe(model.featureHash);
  });
});

describe('fitModel', () => {
  const rows = [
    { features: [['good', 1]] as const, y: 1 },
    { features: [['great', 1], ['good', 1]] as const, y: 1 },
    { features: [['bad', 1]] as const, y: 0 },
    { features: [['bad', 1], ['awful', 1]] as const, y: 0 },
  ];
  const opts = { name: 't', labels: ['neg', 'pos'], link: 'softmax', fitOn: ['synthetic'], featureFiles: ['src/learn/model.ts'], minCount: 1 } as const;
  it('learns a separable set, deterministically, with the feature hash', () => {
    const a = fitModel(rows, opts);
    const b = fitModel(rows, opts);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(predict(a, [['good', 1]])[1]).toBeGreaterThan(0.8);
    expect(predict(a, [['bad', 1]])[0]).toBeGreaterThan(0.8);
    expect(a.featureHash).toBe(featureHash(['src/learn/model.ts'], root));
    expect(isLinearModel(a)).toBe(true);
  });
  it('sigmoid and identity fit their targets', () => {
    const s = fitModel(rows.map((r) => ({ ...r, y: [r.y] })), { ...opts, labels: ['pos'], link: 'sigmoid' });
    expect(predict(s, [['good', 1]])[0]).toBeGreaterThan(0.7);
    const r = fitModel(rows.map((x) => ({ ...x, y: [x.y * 2 - 1] })), { ...opts, labels: ['v'], link: 'identity', iterations: 600 });
    expect(predict(r, [['bad', 1]])[0]).toBeLessThan(-0.5);
  });
});

describe('linear-chain fit (session 32)', () => {
  // Every labelling of a short chain, scored by brute force: the marginals, the expected transitions and the best one.
  const brute = (s: readonly number[], t: readonly [number, number, number]): { m: number[]; pairs: number[]; best: number[] } => {
    const n = s.length;
    let z = 0;
    let top = -Infinity;
    let arg = 0;
    const m = new Array<number>(n).fill(0);
    const pairs = [0, 0, 0];
    for (let y = 0; y < 1 << n; y++) {
      const b = (k: number): number => (y >> k) & 1;
      let sc = 0;
      for (let k = 0; k < n; k++) {
        sc += b(k) * s[k]!;
        if (k > 0) sc += [[0, t[0]], [t[1], t[2]]][b(k - 1)]![b(k)]!;
      }
      const w = Math.exp(sc);
      z += w;
      if (sc > top) [top, arg] = [sc, y];
      for (let k = 0; k < n; k++) m[k] = m[k]! + b(k) * w;
      for (let k = 1; k < n; k++) {
        if (!b(k - 1) && !b(k)) continue;
        const j = b(k - 1) && b(k) ? 2 : b(k) ? 0 : 1;
        pairs[j] = pairs[j]! + w;
      }
    }
    return { m: m.map((x) => x / z), pairs: pairs.map((x) => x / z), best: s.map((_, k) => (arg >> k) & 1) };
  };
  it('forward-backward and Viterbi agree with every labelling scored by brute force', () => {
    const s = [0.3, -1.2, 2, 0.1, -0.4, 1.5];
    for (const t of [[0, 0, 0], [-0.7, 0.4, 1.1], [1.2, -0.3, -2]] as Array<[number, number, number]>) {
      const want = brute(s, t);
      const p = new Float64Array(s.length);
      const pairs = new Float64Array(3);
      chainRun(s, 0, s.length, t, p, pairs);
      [...p].forEach((x, k) => expect(x).toBeCloseTo(want.m[k]!, 12));
      [...pairs].forEach((x, k) => expect(x).toBeCloseTo(want.pairs[k]!, 12));
      expect(chainViterbi(s, 0, s.length, t).map(Number)).toEqual(want.best);
    }
    // With no transitions each word is its own logistic regression.
    const p = new Float64Array(s.length);
    chainRun(s, 0, s.length, [0, 0, 0], p);
    [...p].forEach((x, k) => expect(x).toBeCloseTo(1 / (1 + Math.exp(-s[k]!)), 12));
    expect(chainViterbi(s, 0, s.length, [0, 0, 0], 0, (k) => k === 2)[2]).toBe(false);
  });
  it('learns that labels come in runs, deterministically', () => {
    // "x" is in half the time, always together with its neighbour: the in->in transition must come out positive.
    const rows: Array<{ features: Array<[string, number]>; y: number[] }> = [];
    const link: number[] = [];
    for (let i = 0; i < 40; i++) {
      const on = i % 2;
      for (const w of ['a', 'x', 'x', 'b']) {
        rows.push({ features: [[w, 1]], y: [w === 'x' ? on : 0] });
        link.push(w === 'a' ? 0 : 1);
      }
    }
    const opts = { name: 't', labels: ['in'], link: 'sigmoid', fitOn: ['synthetic'], featureFiles: ['src/learn/model.ts'], minCount: 1, chain: { link: Uint8Array.from(link) } } as const;
    const a = fitModel(rows, opts);
    expect(JSON.stringify(a)).toBe(JSON.stringify(fitModel(rows, opts)));
    expect(a.thresholds!['chain.ii']!).toBeGreaterThan(0.5);
  });
});

describe('predict', () => {
  const base = { format: MODEL_FORMAT, name: 't', fitOn: ['x'], featureFiles: ['a'], featureHash: '' } satisfies Partial<LinearModel>;
  it('softmax outputs sum to one and follow the weights', () => {
    const m: LinearModel = { ...base, link: 'softmax', labels: ['a', 'b'], bias: [0, 0], weights: { good: [0, 2] } };
    const p = predict(m, new Map([['good', 1], ['unknown', 5]]));
    expect(p[0]! + p[1]!).toBeCloseTo(1, 12);
    expect(p[1]).toBeGreaterThan(p[0]!);
    expect(predict(m, [])).toEqual([0.5, 0.5]);
  });
  it('sigmoid and identity links', () => {
    const m: LinearModel = { ...base, link: 'sigmoid', labels: ['y'], bias: [-1], weights: { f: [1] } };
    expect(predict(m, [['f', 1]])[0]).toBeCloseTo(0.5, 12);
    expect(predict({ ...m, link: 'identity' }, [['f', 3]])).toEqual([2]);
  });
  it('explain ranks contributions and ignores a constructor-named feature', () => {
    const m: LinearModel = { ...base, link: 'identity', labels: ['y'], bias: [0], weights: { a: [0.1], b: [-2] } };
    const c = explain(m, [['a', 1], ['b', 1], ['constructor', 1], ['a', 1]], 0);
    expect(c.map((x) => x.feature)).toEqual(['b', 'a']);
    expect(c[1]!.amount).toBeCloseTo(0.2, 12);
  });
});
