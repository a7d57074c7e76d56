/**
 * Study (session 32, sent32; measure only): the comment register's FanChuan row (section 10: 5-fold, FanChuan's
 * comments read by a sentiment model fit without them, every fold also fit on the corpus and the blind development
 * posts) when the general model is fit with sent32's polarity-split word clusters (`signclusters`,
 * scripts/train/lib/word-clusters.ts `polarClusterTable`), beside the same procedure without them (`main`).
 *
 * The register reads the general model's outputs (`@valence`, `@strength`, `@score`) and the plain bag's dense and
 * word features (commentRegisterFeatures); with `signclusters` the three outputs come from the clustered bag and the
 * clustered fit (all eight sets for the corpus and blind rows, all but FanChuan for FanChuan's), the rest unchanged.
 * Evidence and the sarcasm flip stay the shipped analysis's. Both schemes refit the general model here (at the
 * shipped thresholds, which the register does not read), so `main` is a check that the procedure reproduces
 * section 10's row.
 *
 * Run: nice -n 10 npx tsx scripts/study/sentiment-register-signclusters.ts (four general fits and two register CVs;
 * loads the GloVe vectors, fetched into .cache/ on first use). Docs: docs/sentiment.md, Quality, "session 32 (sent32)".
 */
import { resolve } from 'node:path';
import { readSentimentRows } from '../eval/lib/sentiment-data.js';
import { readBlindRows, readRegisterRows, registerCrossValidated, REGISTER_SETTINGS, type RegisterRow } from '../train/lib/comment-register-fit.js';
import { fitSentiment, sentimentFeatures } from '../train/lib/sentiment-fit.js';
import { SENTIMENT_MODEL, sentimentOutputs, combine } from '../../src/classify/sentiment/model.js';
import type { FeatureBag } from '../../src/classify/sentiment/features.js';
import type { LinearModel } from '../../src/learn/model.js';
import { fitWordClusters, polarClusterTable, withWordClusters } from '../train/lib/word-clusters.js';
import { loadEmbeddings } from '../train/lib/word-scores.js';

const root = resolve(import.meta.dirname, '..', '..');
const dataDir = resolve(root, '..', 'shared', 'data');
const FANCHUAN = 'FanChuan Reddit comments';
const rows = readSentimentRows(dataDir);
const thresholds = { positive: SENTIMENT_MODEL.thresholds?.positive ?? 0.15, negative: SENTIMENT_MODEL.thresholds?.negative ?? -0.15 };
const emb = loadEmbeddings();
const table = polarClusterTable(fitWordClusters(emb), emb);
const reg = [...readRegisterRows(dataDir), ...((REGISTER_SETTINGS.blind ?? 0) > 0 ? readBlindRows(resolve(root, 'fixtures', 'blind-threads')) : [])];

for (const scheme of ['main', 'signclusters'] as const) {
  const bagOf = (text: string): FeatureBag => (scheme === 'main' ? sentimentFeatures(text) : withWordClusters(sentimentFeatures(text), table));
  const fit = (keep: (dataset: string) => boolean): LinearModel =>
    fitSentiment(
      rows.filter((r) => keep(r.dataset)).map((r) => ({ bag: bagOf(r.text), valence: r.valence, ...(r.gold ? { gold: r.gold } : {}), weight: r.weight, domain: r.dataset })),
      { thresholds },
    );
  const full = fit(() => true);
  const withoutFan = fit((d) => d !== FANCHUAN);
  const moved: RegisterRow[] = reg.map((r) => {
    const [v = 0, a = 0] = sentimentOutputs(r.source === 'fanchuan' ? withoutFan : full, bagOf(r.text));
    const features = new Map(r.features);
    features.set('@valence', v);
    features.set('@strength', a);
    features.set('@score', combine(v, a));
    return { ...r, features };
  });
  const cv = registerCrossValidated(moved);
  console.log(`${scheme}: register FanChuan (5-fold) ${cv.fanchuan.toFixed(4)}, corpus (topic out) ${cv.corpus.toFixed(4)}`);
}
