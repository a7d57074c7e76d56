import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveTargets } from '../src/classify/targets/index.js';
import { ThreadlensOptionError } from '../src/errors.js';

const seed = readFileSync(new URL('../fixtures/seed-001/input.txt', import.meta.url), 'utf8');
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

  it('drops the article setting (a bare country in most paragraphs) and favours issues and actors', () => {
    const names = deriveTargets({ title: null, text: article }).map((t) => t.name);
    expect(names).not.toContain('Japan');
    expect(names).not.toContain('United States');
    expect(names.slice(0, 6)).toEqual(expect.arrayContaining(['Status of Forces Agreement', 'SOFA revision', 'Japan-U.S. alliance', 'Donald Trump']));
  });

  it('keeps a place that is not the setting, ranked below the issues; callers can add places', () => {
    const text = [
      'Norway will raise the fuel tax next year, the finance ministry in Norway said.',
      'In Norway, the fuel tax funds road repairs. Critics of the fuel tax say Norway should cut it.',
      "Sweden's fuel tax was cut in 2023, the year prices fell in Sweden.",
      'Drivers in Norway oppose the fuel tax; Oslo officials back the fuel tax.',
    ].join('\n');
    const names = deriveTargets({ title: null, text }).map((t) => t.name.toLowerCase());
    expect(names[0]).toBe('fuel tax');
    expect(names).not.toContain('norway');
    expect(names).toContain('sweden');
    expect(names.indexOf('sweden')).toBeGreaterThan(names.indexOf('fuel tax'));
    const city = 'Oslo will toll cars. Oslo says tolls work.\nOslo drivers object to Oslo tolls.\nIn Oslo the toll plan goes ahead, Oslo said.';
    expect(deriveTargets({ title: null, text: city }).map((t) => t.name)).toContain('Oslo');
    expect(deriveTargets({ title: null, text: city }, { places: ['Oslo'] }).map((t) => t.name)).not.toContain('Oslo');
    expect(() => deriveTargets({ title: null, text: city }, { places: 'Oslo' as never })).toThrow(ThreadlensOptionError);
  });

  it('splits "X and Y" names and a trailing "of <country>"; numbers and past forms make no issues', () => {
    const text = 'Warsaw and Copenhagen signed the rail deal. Warsaw and Copenhagen will run night trains for two years.\nShigeru Ishiba of Japan met the rail deal team; Shigeru Ishiba of Japan praised the rail deal. The rail deal passed. Night trains passed.';
    const names = deriveTargets({ title: null, text }).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Warsaw', 'Copenhagen', 'Shigeru Ishiba', 'rail deal']));
    expect(names.some((n) => /two years|trains passed|and Copenhagen|of Japan/.test(n))).toBe(false);
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
