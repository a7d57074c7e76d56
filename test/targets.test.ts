import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveTargets } from '../src/classify/targets/index.js';
import { ThreadlensOptionError } from '../src/errors.js';

const seed = readFileSync(new URL('../../shared/seeds/001_ba10fcc89f83c220.txt', import.meta.url), 'utf8');
const article = seed.slice(0, seed.indexOf('\u00a9 KYODO'));

describe('deriveTargets', () => {
  it('finds the main entities and issues of seed 001 with their aliases', () => {
    const targets = deriveTargets({ title: null, text: article });
    const find = (name: string) => targets.find((t) => t.name === name);
    expect(find('Status of Forces Agreement')?.aliases).toContain('SOFA');
    expect(find('Donald Trump')?.aliases).toContain('Trump');
    expect(find('Japan-U.S. alliance')?.aliases).toContain('alliance');
    const forces = targets.find((t) => [t.name, ...t.aliases].includes('American troops'));
    expect(forces && [forces.name, ...forces.aliases]).toEqual(expect.arrayContaining(['U.S. forces', 'American troops']));
  });

  it('links an acronym to its expansion written as "X (ACR)" or ", or ACR"', () => {
    const text = 'The World Health Organization (WHO) met today. Later the WHO said the World Health Organization would act. WHO staff agreed.';
    const t = deriveTargets({ title: 'WHO meets', text });
    expect(t.find((x) => x.name === 'World Health Organization')?.aliases).toContain('WHO');
  });

  it('validates options and never throws on odd text', () => {
    expect(() => deriveTargets({ title: null, text: 'x' }, { max: -1 })).toThrow(ThreadlensOptionError);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.string()), (text, title) => {
        const a = deriveTargets({ title, text });
        expect(deriveTargets({ title, text })).toEqual(a);
        for (const t of a) expect(t.name.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
