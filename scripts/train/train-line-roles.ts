/**
 * `npm run train` (after train-reply-stance): fits the line-role model, a softmax linear model over the shape features
 * of src/ingest/line-features.ts, and writes src/ingest/line-roles.model.json. The parser uses it only as a fallback
 * on layouts its rules do not know (src/ingest/line-roles.ts).
 *
 * Rows: every non-blank line of the project's own fixtures (fixtures/*, written for threadlens, MIT), its role derived
 * from the hand labels (structure.json; for the older fixtures without one, the hand-checked expected.json stands in:
 * author, first 40 characters of each post's text), see scripts/train/lib/line-roles-data.ts. This is the study's
 * model B (scripts/study/line-roles.ts, docs/dump-styles.md session 18): 300 full-batch Adam steps, L2 1e-3, no class
 * weights. Nothing is chosen on ../shared/eval-threads. Deterministic: the same fixtures give the same bytes.
 * Usage: tsx scripts/train/train-line-roles.ts
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineFeatures } from '../../src/ingest/line-features.js';
import { fitModel, writeModel, type FitRow } from './lib/fit-model.js';
import { deriveGold, ROLES, type Fixture } from './lib/line-roles-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixturesDir = join(root, 'fixtures');

const names = readdirSync(fixturesDir)
  .filter((d) => existsSync(join(fixturesDir, d, 'input.txt')) && existsSync(join(fixturesDir, d, 'expected.json')))
  .sort();
const labelled = names.filter((n) => existsSync(join(fixturesDir, n, 'structure.json')));
const fixtures = names.map((n) => deriveGold(n, true)).filter((f): f is Fixture => f !== null);

const rows: FitRow[] = [];
const counts: Record<string, number> = {};
for (const fx of fixtures) {
  const feats = lineFeatures(fx.lines);
  fx.gold.forEach((g, i) => {
    const f = feats[i];
    if (g === 'blank' || g === 'skip' || f === null || f === undefined) return;
    rows.push({ features: f, y: ROLES.indexOf(g) });
    counts[g] = (counts[g] ?? 0) + 1;
  });
}

const model = fitModel(rows, {
  name: 'line-roles',
  labels: ROLES,
  link: 'softmax',
  fitOn: [
    `threadlens fixtures (fixtures/*: dumps written for the project, MIT): ${labelled.length} with hand labels (structure.json), ${fixtures.length - labelled.length} more from their hand-checked expected.json`,
  ],
  featureFiles: ['src/ingest/line-features.ts'],
  iterations: 300,
  l2: () => 1e-3,
  minCount: 2,
  balanced: false,
  notes:
    `Line roles by shape only (session 18, lines18b; the study's model B). ${rows.length} lines: ${ROLES.map((r) => `${r} ${counts[r] ?? 0}`).join(', ')}. ` +
    'On six blind rounds (fit on the fixtures labelled before each) it found 195/270 post starts, precision 0.816, where the rules\' first try found 87/270 (0.429). ' +
    'Used only as a fallback: when the rules read no post (and it has at least 3 start lines). Session 19 (lines19): a name heading the text on the line (after a time or date, or not) is a feature.',
});

const out = join(root, 'src', 'ingest', 'line-roles.model.json');
writeModel(out, model);
console.log(`line-roles: ${fixtures.length} fixtures (${labelled.length} labelled), ${rows.length} lines, ${Object.keys(model.weights).length} features -> ${out}`);
