/**
 * Span scoring time with and without the per-post decision (session 34, docs/moderation.md): `moderateWith` over the
 * first 2,000 ToxiSpans comments, the shipped models against the same models without the `post.` thresholds, three
 * rounds each, interleaved; prints the best round of each and the ratio. With a JSON file of span thresholds as
 * argument (e.g. span-cv's printed `post.` weights with postCut / postFallback / postLow), those are laid over the
 * shipped ones first (how session 34 timed a decision that did not ship). `moderateWith` reads `post.` weights only with
 * scripts/study/span34-highlight.patch applied (`git apply scripts/study/span34-highlight.patch` first).
 * Usage: nice npx tsx scripts/study/span-post-time.ts [thresholds.json]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { moderateWith } from '../../src/classify/moderation/index.js';
import { shippedModerationModels, type ModerationModels } from '../../src/classify/moderation/models.js';
import { readToxiSpans } from '../train/lib/moderation-data.js';

const texts = readToxiSpans(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data')).slice(0, 2000).map((r) => r.text);
const shipped = shippedModerationModels();
const extra = process.argv[2] ? (JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<string, number>) : {};
const withPost: ModerationModels = { ...shipped, spans: { ...shipped.spans, thresholds: { ...shipped.spans.thresholds, ...extra } } };
// Before: the shipped rule (without any `post.` thresholds it may carry).
const th = Object.fromEntries(Object.entries(shipped.spans.thresholds ?? {}).filter(([k]) => !k.startsWith('post')));
const without: ModerationModels = { ...shipped, spans: { ...shipped.spans, thresholds: th } };
const best = { with: Infinity, without: Infinity };
let lit = { with: 0, without: 0 };
for (let round = 0; round < 3; round++) {
  for (const [name, models] of [['without', without], ['with', withPost]] as const) {
    const t0 = performance.now();
    let n = 0;
    for (const t of texts) n += moderateWith(t, models).spans.length > 0 ? 1 : 0;
    best[name] = Math.min(best[name], performance.now() - t0);
    lit = { ...lit, [name]: n };
  }
}
console.log(`2,000 ToxiSpans comments: without the per-post decision ${best.without.toFixed(0)} ms (${lit.without} with spans), with it ${best.with.toFixed(0)} ms (${lit.with} with spans); ratio ${(best.with / best.without).toFixed(3)}`);
