import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, classifyRecord, compile, createAnalyzer, parse, ThreadlensOptionError, type AnalyzeOptions } from '../src/index.js';
import { STEP_REGISTRY } from '../src/classify/steps/index.js';
import { STEP_NAMES } from '../src/options.js';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed-001', 'input.txt'), 'utf8');

describe('compile: every option checked once, into a frozen config', () => {
  it('returns a frozen config, and takes one back unchanged', () => {
    const config = compile({ targets: ['the council'], steps: ['stance'] });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.steps)).toBe(true);
    expect(Object.isFrozen(config.targets)).toBe(true);
    expect(compile(config)).toBe(config);
    // stance needs targets: both run, in registry order.
    expect(config.steps).toEqual(['targets', 'stance']);
    // A look-alike object is options, not a config: it is checked.
    expect(() => compile({ ...config } as never)).toThrow(ThreadlensOptionError);
  });

  const bad: Array<[string, unknown, string]> = [
    ['options', 42, 'options'],
    ['maxInputBytes', { maxInputBytes: -1 }, 'maxInputBytes'],
    ['name', { name: 7 }, 'name'],
    ['chrome', { chrome: [{ id: 'x', pattern: 'not a regexp' }] }, 'chrome'],
    ['steps (not an array)', { steps: 'sentiment' }, 'steps'],
    ['steps (unknown)', { steps: ['sentiment', 'tokens'] }, 'steps'],
    ['targets', { targets: 5 }, 'targets'],
    ['targets (bad aliases)', { targets: [{ name: 'x', aliases: [1] }] }, 'targets'],
    ['sentimentLexicon', { sentimentLexicon: { bad: 'very' } }, 'sentimentLexicon.bad'],
    ['moderationTerms (category)', { moderationTerms: { rude: { x: 1 } } }, 'moderationTerms.rude'],
    ['moderationTerms (weight)', { moderationTerms: { insult: { x: 2 } } }, 'moderationTerms.insult.x'],
    ['paraphrases', { paraphrases: ['crossing', 'trip'] }, 'paraphrases'],
    ['moderationSpans', { moderationSpans: 'all' }, 'moderationSpans'],
  ];
  for (const [label, options, option] of bad) {
    it(`a bad ${label} throws ThreadlensOptionError naming it, from compile, analyze, parse and classifyRecord alike`, () => {
      const calls = [() => compile(options as AnalyzeOptions), () => analyze('x', options as AnalyzeOptions), () => createAnalyzer(options as AnalyzeOptions), () => classifyRecord({ text: 'x' }, options as AnalyzeOptions), () => parse('x', options as AnalyzeOptions)];
      for (const call of calls) {
        let error: unknown;
        try {
          call();
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(ThreadlensOptionError);
        expect((error as ThreadlensOptionError).option).toBe(option);
        expect((error as Error).message).toMatch(/^threadlens: option `/);
      }
    });
  }

  it('an unknown step names the package and the bad value', () => {
    expect(() => compile({ steps: ['sentiment', 'tokens' as never] })).toThrow(/^threadlens: option `steps` lists an unknown step.*received "tokens"/s);
  });

  it('every step in the registry has a name, a scope and needs that are steps; the names are STEP_NAMES', () => {
    expect(Object.keys(STEP_REGISTRY).sort()).toEqual([...STEP_NAMES].sort());
    for (const [name, step] of Object.entries(STEP_REGISTRY)) {
      expect(step.name).toBe(name);
      expect(['post', 'thread']).toContain(step.scope);
      for (const need of step.needs) expect(STEP_NAMES.indexOf(need)).toBeLessThan(STEP_NAMES.indexOf(step.name));
    }
  });

  it('resolves any subset of steps to that subset plus its needs, in run order', () => {
    fc.assert(
      fc.property(fc.subarray([...STEP_NAMES]), fc.boolean(), (steps, reversed) => {
        const asked = reversed ? [...steps].reverse() : steps;
        const resolved = compile({ steps: asked }).steps;
        const expected = new Set([...steps, ...steps.flatMap((s) => STEP_REGISTRY[s].needs)]);
        expect(resolved).toEqual(STEP_NAMES.filter((n) => expected.has(n)));
      }),
      { numRuns: 100, seed: 16 },
    );
  });
});

describe('createAnalyzer: one config for many inputs', () => {
  const options: AnalyzeOptions = { sentimentLexicon: { ferry: 2 }, moderationTerms: { insult: { numpty: 0.8 } }, paraphrases: [['crossing', 'trip']], targets: ['Trump'] };

  it('gives what analyze gives with the same options, byte for byte, and reuses its config', () => {
    const analyzer = createAnalyzer(options);
    expect(JSON.stringify(analyzer.analyze(seed))).toBe(JSON.stringify(analyze(seed, options)));
    expect(JSON.stringify(analyzer.analyze(seed, { name: 'a.txt' }))).toBe(JSON.stringify(analyze(seed, { ...options, name: 'a.txt' })));
    expect(JSON.stringify(analyze(seed, analyzer.config))).toBe(JSON.stringify(analyze(seed, options)));
    expect(analyzer.parse(seed, { name: 'b' }).source.name).toBe('b');
    expect(createAnalyzer(analyzer.config).config).toBe(analyzer.config);
    expect(() => analyzer.parse(seed, { name: 5 as never })).toThrow(ThreadlensOptionError);
    expect(analyzer.safeAnalyze(42 as never).success).toBe(false);
  });

  it('classifyRecord through the analyzer equals classifyRecord with the options', () => {
    const analyzer = createAnalyzer(options);
    const text = 'You numpty, the ferry is fine. *Edit: it carried 45 trips, not 40 trips.';
    expect(analyzer.classifyRecord({ id: 'r1', text, target: 'the ferry' })).toEqual(classifyRecord({ id: 'r1', text, target: 'the ferry' }, options));
    const withCorrections = createAnalyzer({ ...options, steps: ['corrections', 'moderation'] });
    expect(withCorrections.classifyRecord({ id: 'r1', text })).toEqual(classifyRecord({ id: 'r1', text }, { ...options, steps: ['corrections', 'moderation'] }));
  });
});

describe('steps and paraphrases work the same in analyze and classifyRecord', () => {
  it('classifyRecord runs only the steps asked for', () => {
    const text = 'You idiot. The bridge cost 40 million dollars in 2019.';
    expect(Object.keys(classifyRecord({ id: 1, text }, { steps: ['moderation'] }))).toEqual(['id', 'moderation']);
    expect(Object.keys(classifyRecord({ id: 1, text }, { steps: ['claims', 'sentiment'] }))).toEqual(['id', 'sentiment', 'claims']);
    const all = classifyRecord({ id: 1, text, target: 'the bridge' });
    expect(Object.keys(all)).toEqual(['id', 'sentiment', 'acts', 'moderation', 'claims', 'stances']);
    const listed = classifyRecord({ id: 1, text, target: 'the bridge' }, { steps: ['sentiment', 'acts', 'moderation', 'stance', 'claims', 'corrections'] });
    expect(Object.keys(listed)).toEqual(['id', 'sentiment', 'acts', 'moderation', 'claims', 'stances', 'corrections', 'concessions']);
  });

  it('a record is a post of its own: analyze and classifyRecord label the same text the same way', () => {
    const doc = analyze(seed, { steps: ['sentiment', 'moderation', 'claims', 'acts'] });
    const alone = doc.thread.posts.filter((p) => p.lines.length === 1 && p.text === seed.slice(...p.span) && !p.text.includes('@'));
    expect(alone.length).toBeGreaterThan(3);
    for (const post of alone) {
      const shift = <T>(value: T): T => JSON.parse(JSON.stringify(value, (k, v) => (k === 'span' ? [v[0] + post.span[0], v[1] + post.span[0]] : v)));
      const r = classifyRecord({ text: post.text }, { steps: ['sentiment', 'moderation', 'claims', 'acts'] });
      expect(shift(r.sentiment)).toEqual(post.sentiment);
      expect(shift(r.claims)).toEqual(post.claims);
      if (post.parentId === null) expect(shift(r.acts)).toEqual(post.acts);
    }
  });

  it('finds a self-correction in a lone record, naming the record', () => {
    const text = 'The bridge cost 40 million. *Edit: it cost 45 million, not 40 million.';
    expect(classifyRecord({ id: 'c7', text }).corrections).toBeUndefined();
    const [c] = classifyRecord({ id: 'c7', text }, { steps: ['corrections'] }).corrections!;
    expect(c?.kind).toBe('self');
    expect(c?.target.kind === 'post' && c.target.postId).toBe('c7');
    expect(text.slice(...c!.evidence[0]!.span)).toBe(c!.evidence[0]!.text);
  });

  it('without the summary step there is no summary; stance brings the targets', () => {
    const doc = analyze(seed, { steps: ['stance'], targets: ['Trump'] });
    expect(doc.summary).toBeUndefined();
    expect(doc.targets).toEqual([{ name: 'Trump', aliases: [] }]);
    expect(doc.thread.posts.every((p) => p.stances !== undefined && p.sentiment === undefined)).toBe(true);
    expect(analyze(seed, { steps: ['summary', 'sentiment'] }).summary).toMatchObject({ posts: 21 });
  });
});
