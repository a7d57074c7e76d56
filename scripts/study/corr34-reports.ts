/**
 * corr34: every finding of a record reported as saying something (`reportAt`, `link:report`) in the blind development
 * rounds (gold structure), with its gold label, and every post whose statements hold a report but got no such finding
 * (why not: the closing-rebuke conditions). Usage: npx tsx scripts/study/corr34-reports.ts
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections } from '../../src/classify/corrections/index.js';
import { reportAt } from '../../src/classify/corrections/source-pointer.js';
import type { Correction } from '../../src/schema/classify.js';
import { eachBlindFinding } from './lib/blind-findings.js';
import { correctionPairThreads, rumourEvalThreads } from '../train/lib/correction-data.js';
import { buildCase } from '../../test/corrections-helpers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
eachBlindFinding(root, ({ b, post, i, gold: gp, cands }) => {
  const rep = cands.filter((c) => c.features.some(([f]) => f === 'link:report'));
  const gold = gp.correction === false ? 'none' : gp.correction === null || gp.correction === undefined ? 'unlabelled' : String(gp.correction);
  if (rep.length > 0) console.log(`FOUND ${b.number} #${i} gold=${gold}: ${rep.map((c) => `${c.correction.kind} -> "${c.correction.target.text.slice(0, 50)}"`).join(' | ')} :: ${post.text.slice(0, 160)}`);
  else if (reportAt(post.text)) console.log(`report-not-taken ${b.number} #${i} gold=${gold} parent=${post.parentId ?? '-'}: ${post.text.slice(0, 160)}`);
});

// The RumourEval 2017 train + dev reply threads and the invented pairs (the fit's other rows): report findings there.
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
for (const { articleSentences, posts, replies } of rumourEvalThreads(dataDir)) {
  const found = new Map<string, Correction[]>();
  posts.forEach((post, i) => {
    const cands = collectCorrections({ post, earlier: posts.slice(0, i), articleSentences, earlierCorrections: found });
    found.set(post.id, cands.map((c) => c.correction));
    if (cands.some((c) => c.features.some(([f]) => f === 'link:report'))) console.log(`RUMOUREVAL label=${replies[i]?.label}: ${post.text.slice(0, 200)}`);
  });
}
for (const [t, thread] of correctionPairThreads(root).entries()) {
  const { articleSentences, posts } = buildCase({ name: `pairs-${t}`, article: thread.article, posts: thread.posts, expected: [] });
  const found = new Map<string, Correction[]>();
  posts.forEach((post, i) => {
    const cands = collectCorrections({ post, earlier: posts.slice(0, i), articleSentences, earlierCorrections: found });
    found.set(post.id, cands.map((c) => c.correction));
    if (cands.some((c) => c.features.some(([f]) => f === 'link:report'))) console.log(`PAIRS gold=${String(thread.posts[i]!.correction)}: ${post.text.slice(0, 200)}`);
  });
}
