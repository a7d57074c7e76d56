import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { formatText } from '../src/report/format-text.js';

const root = join(__dirname, '..');
const doc = analyze(readFileSync(join(root, 'fixtures', 'seed-001', 'input.txt'), 'utf8'), { name: 'seed-001' });

describe('formatText', () => {
  it('gives one correction badge per thing corrected, with the number of findings', () => {
    const text = formatText(doc);
    const many = doc.thread.posts.find((p) => (p.corrections ?? []).filter((c) => c.kind === 'article').length > 1);
    expect(many, 'seed 001 has a post correcting the article on several grounds').toBeDefined();
    const n = many!.corrections!.filter((c) => c.kind === 'article').length;
    const line = text.split('\n').find((l) => l.startsWith(`- ${many!.id} `))!;
    expect(line).toContain(`corrects article (${n} findings)`);
    expect(line).not.toMatch(/corrects article, corrects article/);
    // No badge repeats anywhere in the summary.
    for (const l of text.split('\n').filter((x) => x.includes('  ['))) {
      const badges = l.slice(l.lastIndexOf('  [') + 3, -1).split(', ');
      expect(new Set(badges).size, l).toBe(badges.length);
    }
  });
});
