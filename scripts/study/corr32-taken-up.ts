/**
 * Session 32 (corr32): every taken-up-term finding (`conceded-self.ts`, note "takes up ...") on the blind development
 * rounds, gold structure, with the post's gold correction label, the clause taken up and the parent.
 * Usage: npx tsx scripts/study/corr32-taken-up.ts
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections } from '../../src/classify/corrections/index.js';
import type { Correction } from '../../src/schema/classify.js';
import { eachBlindFinding } from './lib/blind-findings.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tally = new Map<string, number>();
eachBlindFinding(root, ({ t, post, i, gold: gp, cands, found }) => {
  const hit = cands.find((c) => c.correction.note?.startsWith('takes up ') && c.correction.note.includes('answered it'));
  if (!hit) return;
  const label = String(gp.correction);
  const parent = t.posts.slice(0, i).reverse().find((p) => p.id === post.parentId);
  tally.set(label, (tally.get(label) ?? 0) + 1);
  const fixed = (found.get(parent?.id ?? '') ?? []).some((c) => c.target.kind === 'post' && t.posts.find((p) => p.id === (c.target as { postId: string }).postId)?.author === post.author);
  console.log(`${label}\t${t.name} #${i}\t${fixed ? 'corrected' : 'answered'}\t[${hit.correction.evidence.map((e) => e.text).join(' | ')}] others=${cands.length - 1}`);
  console.log(`   POST: ${post.text.replace(/\s+/g, ' ').slice(0, 140)}`);
  console.log(`   PARENT: ${(parent?.text ?? '').replace(/\s+/g, ' ').slice(0, 160)}`);
});
console.log([...tally].map(([k, v]) => `${k} ${v}`).join(', '));

// The same findings in the scorer's guard threads (RumourEval 2017 train + dev, the project's pairs).
if (process.argv.includes('--guard')) {
  const { rumourEvalThreads, correctionPairThreads } = await import('../train/lib/correction-data.js');
  const { buildCase } = await import('../../test/corrections-helpers.js');
  const threads = [
    ...rumourEvalThreads(resolve(root, '..', 'shared', 'data')).map((t) => ({ ...t, labels: t.replies.map((r) => r.label) })),
    ...correctionPairThreads(root).map((thread, n) => ({ ...buildCase({ name: `pairs-${n}`, article: thread.article, posts: thread.posts, expected: [] }), labels: thread.posts.map((p) => String(p.correction)) })),
  ];
  for (const t of threads) {
    const found = new Map<string, Correction[]>();
    t.posts.forEach((post, i) => {
      const cands = collectCorrections({ post, earlier: t.posts.slice(0, i), articleSentences: t.articleSentences, earlierCorrections: found });
      found.set(post.id, cands.map((c) => c.correction));
      const hit = cands.find((c) => c.correction.note?.startsWith('takes up ') && c.correction.note.includes('answered it'));
      if (hit) console.log(`guard ${t.labels[i]}\t[${hit.correction.evidence.map((e) => e.text).join(' | ')}] :: ${post.text.replace(/\s+/g, ' ').slice(0, 140)}`);
    });
  }
}
