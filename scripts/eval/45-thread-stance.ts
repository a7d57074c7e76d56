/**
 * Stance on the independent threads (../shared/eval-threads): favor/against macro-F1 toward the gold target,
 * posts aligned by index as score.mjs aligns them, beside the VADER-as-stance proxy on the same posts and
 * "always favor"; then every labelled post, "no side" read as neutral (3-class), which the favor/against figure
 * cannot see: answering more raises that figure while it gives sides to posts a reader gave none.
 * Needs dist/ (npm run eval builds it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EvalContext, EvalSection } from '../eval.js';
import { macroF1 } from './lib/metrics.js';
import { vaderStance } from './lib/vader-stance.js';

type L = 'favor' | 'against' | 'neutral' | 'none';

export async function run(ctx: EvalContext): Promise<EvalSection> {
  const dir = resolve(ctx.root, '..', 'shared', 'eval-threads');
  const golds = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort() : [];
  const gold: L[] = [];
  const ours: L[] = [];
  const proxy: L[] = [];
  // Every labelled post toward every gold target: a post with no gold side is neutral toward it.
  const allGold: L[] = [];
  const allOurs: L[] = [];
  const allProxy: L[] = [];
  let failed = 0;
  let implicit = 0;
  for (const g of golds) {
    const spec = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ removed?: boolean; stance?: Record<string, 'favor' | 'against'> | null }> };
    type Doc = { thread?: { posts: Array<{ text: string; stances?: Array<{ target: string; label: L; implicit?: boolean }> }> } };
    let doc: Doc | null = null;
    try {
      const args = [join(ctx.root, 'dist', 'cli.js'), 'analyze', join(dir, spec.file), '--format', 'json', ...(spec.targets ?? []).flatMap((t) => ['--target', t])];
      const out = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60000, stdio: ['ignore', 'pipe', 'ignore'] })) as unknown;
      doc = (Array.isArray(out) ? out[0] : out) as Doc;
    } catch {
      failed++;
    }
    spec.posts.forEach((gp, i) => {
      const p = (doc as Doc | null)?.thread?.posts[i];
      if (!gp.removed && gp.stance) {
        for (const t of spec.targets ?? []) {
          const s = p?.stances?.find((x) => x.target.toLowerCase() === t.toLowerCase());
          allGold.push(gp.stance[t] ?? 'neutral');
          allOurs.push(s?.label ?? 'neutral');
          allProxy.push(p ? vaderStance(p.text) : 'neutral');
        }
      }
      for (const [t, lab] of Object.entries(gp.stance ?? {})) {
        const s = p?.stances?.find((x) => x.target.toLowerCase() === t.toLowerCase());
        if (s?.implicit) implicit++;
        gold.push(lab);
        ours.push(s?.label ?? 'none');
        proxy.push(p ? vaderStance(p.text) : 'none');
      }
    });
  }
  const ds = `independent threads (${golds.length} dumps, ${gold.length} posts with a gold stance${failed ? `, ${failed} dump(s) failed to analyze` : ''})`;
  const labels: L[] = ['favor', 'against'];
  const all = `same dumps, all ${allGold.length} labelled posts (${allGold.filter((l) => l === 'neutral').length} with no gold side, read as neutral)`;
  const three: L[] = ['favor', 'against', 'neutral'];
  const sided = allOurs.filter((l, i) => allGold[i] === 'neutral' && l !== 'neutral').length;
  return {
    title: 'Stance on the independent threads',
    rows: [
      { dataset: ds, metric: 'macro-F1 (favor, against)', system: 'threadlens', value: macroF1(gold, ours, labels), target: '>= 0.6' },
      { dataset: ds, metric: 'macro-F1 (favor, against)', system: 'VADER-as-stance (same posts)', value: macroF1(gold, proxy, labels) },
      { dataset: ds, metric: 'macro-F1 (favor, against)', system: 'always favor', value: macroF1(gold, gold.map((): L => 'favor'), labels) },
      { dataset: all, metric: 'macro-F1 (3-class)', system: 'threadlens', value: macroF1(allGold, allOurs, three) },
      { dataset: all, metric: 'macro-F1 (3-class)', system: 'VADER-as-stance (same posts)', value: macroF1(allGold, allProxy, three) },
      { dataset: all, metric: 'macro-F1 (3-class)', system: 'always neutral', value: macroF1(allGold, allGold.map((): L => 'neutral'), three) },
    ],
    notes: [
      `\`threadlens analyze FILE --format json --target <gold target>\` on every dump; posts aligned by index as score.mjs does, so a dropped or merged post (a parsing miss) costs every later post. ${implicit} of threadlens's answers were implicit (the post never names the target).`,
      `The 3-class rows count every labelled post (removed posts and posts whose gold stance is null are left out): the favor/against figure ignores posts a reader gave no side, so a reading that answers more raises it; here threadlens gives a side to ${sided} of the ${allGold.filter((l) => l === 'neutral').length} posts with none.`,
    ],
  };
}
