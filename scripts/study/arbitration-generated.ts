/**
 * Study (session 35, shape37; measure only): how often the library's learned arbitration takes a generated dump (the
 * testing kit's `dumpArbitrary`, read right by the rules by construction, in no fixture and no fit), per style and
 * layout, and on how many the model's authors are the truth's. Run: N=40 npx tsx scripts/study/arbitration-generated.ts
 */
import fc from 'fast-check';
import { parse } from '../../src/index.js';
import { dumpArbitrary } from '../../src/testing/index.js';
const N = Number(process.env.N ?? 40);
const out: string[] = [];
let total = 0, taken = 0, takenRight = 0;
for (const [style, layout] of [['counted', undefined], ['widget', undefined], ['forum', undefined], ['json', undefined], ['mail', undefined], ['counted', 'facebook'], ['widget', 'disqus'], ['forum', 'hn'], ['widget', 'coral']] as const) {
  const samples = fc.sample(dumpArbitrary(style as any, { maxPosts: 10, ...(layout ? { layout } : {}) } as any), { numRuns: N, seed: Number(process.env.SEED ?? 424242) });
  let t = 0, right = 0;
  for (const { input, truth } of samples) {
    total++;
    const doc = parse(input);
    const m = doc.messages.find((x) => x.ruleId === 'thread/line-model' && x.reason.includes('learned arbitration'));
    if (!m) continue;
    t++;
    const ok = JSON.stringify(doc.thread.posts.map((p) => p.author)) === JSON.stringify(truth.posts.map((p: any) => p.author));
    if (ok) right++;
  }
  taken += t; takenRight += right;
  out.push(`${style}${layout ? '/' + layout : ''}: taken ${t} of ${N} (model's authors right on ${right})`);
}
console.log(out.join('\n'));
console.log(`all: taken ${taken} of ${total}, model's authors right on ${takenRight}`);
