/**
 * Stance on the independent threads (../shared/eval-threads): favor/against macro-F1 toward the gold target,
 * posts aligned by index as score.mjs aligns them, beside the VADER-as-stance proxy on the same posts and
 * "always favor". Needs dist/ (npm run eval builds it).
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
  let failed = 0;
  let implicit = 0;
  for (const g of golds) {
    const spec = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ stance?: Record<string, 'favor' | 'against'> }> };
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
  return {
    title: 'Stance on the independent threads',
    rows: [
      { dataset: ds, metric: 'macro-F1 (favor, against)', system: 'threadlens', value: macroF1(gold, ours, labels), target: '>= 0.6' },
      { dataset: ds, metric: 'macro-F1 (favor, against)', system: 'VADER-as-stance (same posts)', value: macroF1(gold, proxy, labels) },
      { dataset: ds, metric: 'macro-F1 (favor, against)', system: 'always favor', value: macroF1(gold, gold.map((): L => 'favor'), labels) },
    ],
    notes: [
      `\`threadlens analyze FILE --format json --target <gold target>\` on every dump; posts aligned by index as score.mjs does, so a dropped or merged post (a parsing miss) costs every later post. ${implicit} of threadlens's answers were implicit (the post never names the target).`,
    ],
  };
}
