/**
 * Session 29 (harden29): hostile input that made a step super-linear, each fixed by a general means and pinned
 * here by its output on a long input (a quadratic pass would take seconds at these sizes; none of these tests
 * times anything: `scripts/study/hostile-growth.ts` measures growth).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxOf, minOf, pushAll } from '../src/arrays.js';
import { parse } from '../src/parse.js';
import { makeUnit } from '../src/classify/corrections/units.js';
import { normWord, targetFeatures } from '../src/classify/stance/features.js';
import { firstWordFrom, opensClause } from '../src/classify/corrections/value-mismatch.js';
import { analyze } from '../src/analyze.js';
import { classifyRecord } from '../src/classify/classify-record.js';
import { wordTokens } from '../src/text/word-tokens.js';
import { isContent, isNegator } from '../src/text/word-lists.js';

/** The negation scopes as written before session 29 (one walk per negator), for comparison on short sentences. */
function naiveScopes(text: string): { negated: number[]; negHead: number[]; negPred: number[] } {
  const words = wordTokens(text).filter((t) => t.kind !== 'punct');
  const negated = new Set<number>();
  const negHead = new Set<number>();
  const negPred = new Set<number>();
  const opinion = new Set(['think', 'believe', 'know', 'like', 'care', 'mind', 'agree', 'see', 'understand']);
  for (let i = 0; i < words.length; i++) {
    if (!isNegator(words[i]!) || opinion.has(words[i + 1]?.lower ?? '') || words[i]!.lower === 'without') continue;
    let taken = 0;
    for (let k = i + 1; k < words.length && taken < 4; k++) {
      if (/[,;:.!?]/.test(text.slice(words[k - 1]!.end, words[k]!.start))) break;
      negated.add(k);
      if (isContent(words[k]!)) {
        if (taken === 0) negPred.add(k);
        if (taken < 2) negHead.add(k);
        taken++;
      }
    }
  }
  return { negated: [...negated], negHead: [...negHead], negPred: [...negPred] };
}

describe('corrections: negation scopes', () => {
  it('a sentence of 40,000 negators and stopwords: every word after the first is negated, no predicate', () => {
    const text = 'not the '.repeat(20_000).trim();
    const unit = makeUnit(text, [0, text.length]);
    expect(unit.negated.size).toBe(39_999);
    expect(unit.negPred.size).toBe(0);
    expect(unit.negHead.size).toBe(0);
  });

  it('scopes end at the fourth content word or at clause punctuation, as one walk per negator read them', () => {
    const word = fc.constantFrom('not', 'no', 'never', "don't", 'without', 'the', 'a', 'of', 'budget', 'council', 'costs', 'think', 'million', '4', 'Anna', 'who');
    const gap = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '; ');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 30 }), (parts) => {
        const text = parts.map(([w, g]) => w + g).join('');
        // Relative clauses about people ("who never ...") are read apart: none of the words above opens one
        // but "who", and those sentences are left to the corrections tests.
        fc.pre(!/\bwho\b/.test(text));
        const unit = makeUnit(text, [0, text.length]);
        const want = naiveScopes(text);
        expect({ negated: [...unit.negated], negHead: [...unit.negHead], negPred: [...unit.negPred] }).toEqual(want);
      }),
      { numRuns: 300, seed: 29 },
    );
  });
});

describe('no array spread into a call (stack overflow on a long post)', () => {
  const root = join(import.meta.dirname, '..');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

  it('maxOf, minOf and pushAll take 300,000 items (spread into a call, that many arguments can overflow the stack)', () => {
    const xs = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_001);
    expect(maxOf(xs)).toBe(xs.reduce((a, b) => (b > a ? b : a)));
    expect(minOf(xs)).toBe(0);
    expect(pushAll([1], xs)).toHaveLength(300_001);
    expect([maxOf([]), minOf([]), maxOf([1, Number.NaN])]).toEqual([Math.max(), Math.min(), Number.NaN]);
  });

  it('src/ spreads no array into push, Math.max or Math.min, but fixed short lists', () => {
    // Lists whose length does not grow with the input (five scores, three classes, a line's shape features).
    const fixed = ['src/classify/moderation/summarize.ts', 'src/classify/stance/register-side.ts', 'src/report/html/thread.ts', 'src/ingest/line-features.ts', 'src/cli/read-inputs.ts', 'src/testing/generate.ts', 'src/testing/layouts.ts', 'src/arrays.ts'];
    const spread = /(?:\.push|Math\.(?:max|min))\((?:[^(){}[\]]*, )?\.\.\./;
    const found = walk(join(root, 'src'))
      .map((f) => relative(root, f))
      .filter((f) => !fixed.includes(f))
      .flatMap((f) => readFileSync(join(root, f), 'utf8').split('\n').flatMap((line, i) => (spread.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])));
    expect(found).toEqual([]);
    expect(spread.test('out.push(...xs)')).toBe(true);
    expect(spread.test('Math.min(1, Math.max(...xs))')).toBe(true);
    expect(spread.test('found.push({ style, ...d })')).toBe(false);
  });
});

describe('stance features of a long post', () => {
  const features = (text: string) => {
    const words = wordTokens(text).filter((t) => t.kind !== 'punct');
    // A flat tone reader: the scorer is not what is checked here.
    return targetFeatures(text, words, words.map((w) => normWord(w.text)), [], null, '', [], () => ({ score: 0, ironic: false, sentences: [] }));
  };

  it('one evaluative word 30,000 times: each word once in the evidence of its features', () => {
    const f = features('good '.repeat(30_000));
    const all = Array.from({ length: 30_000 }, (_, i) => i);
    expect(f.sources.get('~implicit-polarity')).toEqual(all);
    expect(f.sources.get('w:good')).toEqual(all);
    expect(f.features.get('w:good')).toBe(30_000);
  });

  it('a repeat within one call counts once, in the order first seen', () => {
    const f = features('good bad good, good.');
    expect(f.sources.get('~implicit-polarity')).toEqual([0, 1, 2, 3]);
  });

  it('20,000 short clauses, the last a question: the question is found', () => {
    const f = features(`${'a good; '.repeat(20_000)}is it?`);
    expect(f.features.get('~implicit-question')).toBe(1);
    expect(features('a good; '.repeat(20_000)).features.has('~implicit-question')).toBe(false);
  });
});

describe('widget headers under a stack of name-like lines', () => {
  it('6,000 lines of one name parse to a document that tiles the input (the walk over them overflowed the stack)', () => {
    const input = `Title\n\nSome article text here.\n\nComments\n\n${'Anna\n'.repeat(6_000)}`;
    const doc = parse(input);
    let at = 0;
    for (const b of doc.blocks) {
      expect(b.span[0]).toBe(at);
      at = b.span[1];
    }
    expect(at).toBe(input.length);
  });
});

describe('corrections: a re-assigned figure in a sentence of thousands of figures', () => {
  it('opensClause reads the end of the text as the end-anchored regex over all of it did', () => {
    const old = (text: string, at: number): boolean => {
      const before = text.slice(0, at).replace(/\b(?:the|only|just)\s*$/i, '').trimEnd();
      return before === '' || /[,;:]$/.test(before);
    };
    const piece = fc.constantFrom('the', 'The', 'only', 'JUST', 'bathe', 'adjust', ' ', '  ', '\n', ',', ';', ':', 'x', '4', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = `${parts.join('')}42`;
        expect(opensClause(text, text.length - 2)).toBe(old(text, text.length - 2));
      }),
      { numRuns: 500, seed: 29 },
    );
  });

  it('firstWordFrom finds the first word at or after an offset', () => {
    const words = wordTokens('one two three');
    expect([0, 1, 4, 5, 8, 13].map((at) => firstWordFrom(words, at))).toEqual([0, 1, 1, 2, 2, 3]);
  });

  it('a comment of 12,000 figures is analysed whole', () => {
    const post = '2 hours '.repeat(12_000).trim();
    const doc = analyze(`The council approved the budget\n\nThe council approved the new budget on Monday. It costs 4 million.\n\nComments\n\nAnna · 2h\n${post}\n`);
    expect(doc.thread.posts.map((p) => p.text)).toEqual([post]);
  });
});

describe('classifyRecord and parse never throw on arbitrary strings (fast-check)', () => {
  // test/properties.test.ts and test/robustness.test.ts hold the same property for `analyze`.
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udc00', '\r', '\n', ' ', 'not', 'the', 'good', '4', ';', '.', '@', '>', 'Anna', '\u00b7', '\ud83d\ude00'), maxLength: 200 }),
  );
  it('every string gives a result whose spans slice back to their text, the same each time', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = classifyRecord({ text: t, target: 'the budget' });
        expect(JSON.stringify(classifyRecord({ text: t, target: 'the budget' }))).toBe(JSON.stringify(r));
        expect(r.sentiment).toBeDefined();
        for (const e of r.sentiment?.evidence ?? []) expect(t.slice(e.span[0], e.span[1])).toBe(e.text);
        const doc = parse(t);
        expect(doc.blocks.at(-1)?.span[1] ?? 0).toBe(doc.source.length);
      }),
      { numRuns: 100, seed: 29 },
    );
  });
});
