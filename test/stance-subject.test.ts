/**
 * Stance toward the article's subject by default: the subject is derived from the title (marked `derived`),
 * never a bare place; every post takes a stance toward it, implicit when it does not name it; replies keep or
 * reverse their parent's stance; the output is deterministic.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { isPlaceName, subjectFromTitle } from '../src/classify/targets/index.js';

const root = join(import.meta.dirname, '..', 'fixtures');
const fixtures = readdirSync(root)
  .sort()
  .map((name) => ({ name, file: ['input.txt', 'input.json'].map((f) => join(root, name, f)).find((f) => existsSync(f)) }))
  .filter((f): f is { name: string; file: string } => f.file !== undefined);

describe('the derived subject on every fixture', () => {
  it.each(fixtures.map((f) => [f.name, f.file] as const))('%s', (_name, file) => {
    const input = readFileSync(file, 'utf8');
    const doc = analyze(input, { steps: ['stance', 'acts', 'sentiment'] });
    const analysed = doc.source.text ?? input;
    const targets = doc.targets ?? [];
    for (const t of targets) expect(t.derived).toBe(true);
    const subject = targets[0];
    if (!subject || isPlaceName(subject.name)) {
      // A bare place is never the subject: no post gets an implicit stance toward it.
      for (const p of doc.thread.posts) expect((p.stances ?? []).some((s) => s.implicit)).toBe(false);
      return;
    }
    for (const p of doc.thread.posts) {
      const s = (p.stances ?? []).find((x) => x.target === subject.name);
      expect(s, `${p.id} has a stance toward ${subject.name}`).toBeDefined();
      for (const e of s!.evidence) expect(analysed.slice(e.span[0], e.span[1])).toBe(e.text);
    }
  });
});

describe('subjectFromTitle', () => {
  it('takes the run of title words the article repeats, not a headline verb or a dateline place', () => {
    const body = 'The rent cap stays. Landlords said the rent cap hurts them; tenants like the cap.';
    expect(subjectFromTitle('City extends rent cap for three more years', body)?.name).toBe('rent cap');
    expect(subjectFromTitle('Japan extends rent cap', `Japan. Japan. Japan. ${body}`)?.name).toBe('rent cap');
    expect(subjectFromTitle(null, body)).toBeNull();
    expect(subjectFromTitle('Nothing repeated here', body)).toBeNull();
  });
});

describe('implicit stance through a thread', () => {
  const dump = [
    'Title: Council approves tram plan',
    '',
    'The council approved the tram plan on Monday. The tram plan costs 40 million. Work on the tram plan starts in May.',
    '3 Comments',
    'Ann Lee',
    'What a waste of money.',
    'Bob',
    'Ann Lee, exactly. Well said.',
    'Cara',
    "Ann Lee, that's not true, it will pay for itself.",
    '',
  ].join('\n');
  const doc = analyze(dump);
  const [ann, bob, cara] = doc.thread.posts;
  const toward = (p: typeof ann) => p!.stances!.find((s) => s.target === doc.targets![0]!.name)!;

  it('derives the subject from the title and gives a top-level post that never names it a stance', () => {
    expect(doc.targets![0]).toMatchObject({ name: 'tram plan', derived: true });
    expect(toward(ann)).toMatchObject({ label: 'against', implicit: true });
  });
  it('a reply keeps or reverses its parent stance, still implicit', () => {
    expect(toward(bob)).toMatchObject({ label: 'against', implicit: true });
    expect(toward(cara)).toMatchObject({ label: 'favor', implicit: true });
  });
  it('is deterministic', () => {
    expect(JSON.stringify(analyze(dump))).toBe(JSON.stringify(doc));
  });
});

describe('classifyRecord targets', () => {
  it("a record's own target is a given target like options.targets: a stance whether named or not", async () => {
    const { classifyRecord } = await import('../src/index.js');
    const text = 'Finally, about time. This will help everyone who lives here.';
    const own = classifyRecord({ id: 1, text, target: 'the tram plan' });
    const given = classifyRecord({ id: 1, text }, { targets: ['the tram plan'] });
    expect(own.stances).toEqual(given.stances);
    expect(own.stances).toHaveLength(1);
    expect(own.stances![0]).toMatchObject({ target: 'the tram plan', implicit: true });
  });
});
