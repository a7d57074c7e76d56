import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';

// Hand-labelled corrections in fixtures/<case>/corrections.json: every labelled correction must be found
// with its kind and target, every labelled concession linked, and no correction on the posts listed as
// merely disagreeing, insulting or chatting.
interface Labels {
  corrections: Array<{ post: string; kind: 'article' | 'post' | 'self'; targetPost?: string; targetIncludes: string }>;
  concessions: Array<{ post: string; to: string }>;
  notCorrections: string[];
  /** Corrections the rules do not find yet; the test fails when one is found, so the label can move up. */
  knownMisses?: Labels['corrections'];
  /** Concessions not linked yet; the test fails when one is, so the label can move up. */
  knownConcessionMisses?: Labels['concessions'];
}

const root = join(__dirname, '..', 'fixtures');
const cases = readdirSync(root)
  .filter((d) => existsSync(join(root, d, 'corrections.json')))
  .sort();

describe('corrections on fixtures', () => {
  it('has labelled fixtures in every dump style', () => {
    const styles = new Set(cases.map((c) => c.split('-')[0]));
    for (const s of ['seed', 'counted', 'widget', 'forum', 'json']) expect(styles).toContain(s);
  });
  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const file = ['input.txt', 'input.json'].map((f) => join(dir, f)).find((f) => existsSync(f))!;
      const doc = analyze(readFileSync(file, 'utf8'));
      const labels = JSON.parse(readFileSync(join(dir, 'corrections.json'), 'utf8')) as Labels;
      const post = (id: string) => {
        const p = doc.thread.posts.find((x) => x.id === id);
        if (!p) throw new Error(`${name}: no post ${id}`);
        return p;
      };
      const matchOf = (l: Labels['corrections'][number]) => {
        const found = (post(l.post).corrections ?? []).filter((c) => c.kind === l.kind);
        const match = found.find(
          (c) =>
            c.target.text.includes(l.targetIncludes) &&
            (l.targetPost === undefined || (c.target.kind === 'post' && c.target.postId === l.targetPost)),
        );
        return { found, match };
      };
      for (const l of labels.corrections) {
        const { found, match } = matchOf(l);
        expect(match, `${name} ${l.post}: expected a ${l.kind} correction of "${l.targetIncludes}"; found ${JSON.stringify(found.map((c) => [c.cue, c.target.text.slice(0, 60)]))}`).toBeDefined();
      }
      for (const l of labels.knownMisses ?? []) {
        expect(matchOf(l).match, `${name} ${l.post}: the known miss "${l.targetIncludes}" is found now: move it to corrections`).toBeUndefined();
      }
      for (const l of labels.concessions) {
        expect((post(l.post).concessions ?? []).map((c) => c.postId), `${name} ${l.post} concedes to ${l.to}`).toContain(l.to);
      }
      for (const l of labels.knownConcessionMisses ?? []) {
        expect((post(l.post).concessions ?? []).map((c) => c.postId), `${name} ${l.post}: the known concession miss to ${l.to} is linked now: move it to concessions`).not.toContain(l.to);
      }
      for (const id of labels.notCorrections) {
        expect(post(id).corrections ?? [], `${name} ${id} is not a correction`).toEqual([]);
      }
    });
  }
});
