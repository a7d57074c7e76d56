/** Readers for the sentiment development sets in ../shared/data/sentiment (rows stay there). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Polarity3 = 'positive' | 'negative' | 'neutral';

export interface VaderRow {
  text: string;
  /** Mean human rating, -4..+4. */
  mean: number;
  /** Gold label: mean > 0.5 positive, < -0.5 negative, else neutral. */
  gold: Polarity3;
}

/** Reads one VADER ground-truth TSV (id, mean, text; CRLF). */
export function readVaderSet(dataDir: string, file: string): VaderRow[] {
  const rows: VaderRow[] = [];
  for (const line of readFileSync(join(dataDir, 'sentiment', file), 'utf8').split(/\r?\n/)) {
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    if (a < 0 || b < 0) continue;
    const mean = Number(line.slice(a + 1, b));
    if (!Number.isFinite(mean)) continue;
    rows.push({ text: line.slice(b + 1), mean, gold: mean > 0.5 ? 'positive' : mean < -0.5 ? 'negative' : 'neutral' });
  }
  return rows;
}

/** Reads one UCI labelled-sentences JSON file ({text, class}); drops the empty trailing object. */
export function readUciSet(dataDir: string, file: string): Array<{ text: string; positive: boolean }> {
  const raw = JSON.parse(readFileSync(join(dataDir, 'sentiment', file), 'utf8')) as Array<{ text?: string; class?: number }>;
  return raw.filter((r) => typeof r.text === 'string' && (r.class === 0 || r.class === 1)).map((r) => ({ text: r.text!, positive: r.class === 1 }));
}
