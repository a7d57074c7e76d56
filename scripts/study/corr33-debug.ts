/** corr33 debug: notClause and values for given sentences. Usage: npx tsx scripts/study/corr33-debug.ts */
import { makeUnit } from '../../src/classify/corrections/units.js';
import { notClause } from '../../src/classify/corrections/clauses.js';
for (const s of process.argv.slice(2)) {
  const u = makeUnit(s, [0, s.length]);
  console.log(JSON.stringify(s), 'values', u.values.map((v) => `${v.kind}:${v.text}`), 'keys', u.keys, 'content', [...u.content], 'neg', [...u.negated], 'not', JSON.stringify(notClause(u)), 'reach', JSON.stringify(notClause(u, { contentX: true, bareFigures: true })));
}
