import type { Post } from '../../schema/document.js';
import { escapeHtml, formatNumber } from './escape.js';
import { maxOf } from '../../arrays.js';

const COLORS = { favor: '#2e7d32', against: '#c62828', neutral: '#9e9e9e', positive: '#2e7d32', negative: '#c62828', mixed: '#ef6c00' } as const;

interface TargetCounts {
  target: string;
  favor: string[];
  against: string[];
  neutral: string[];
}

/** Counts each target's favor / against / neutral posts, most discussed first (ties by name). */
export function countStances(posts: readonly Post[]): TargetCounts[] {
  const byTarget = new Map<string, TargetCounts>();
  for (const post of posts) {
    for (const s of post.stances ?? []) {
      let c = byTarget.get(s.target);
      if (!c) byTarget.set(s.target, (c = { target: s.target, favor: [], against: [], neutral: [] }));
      c[s.label].push(post.id);
    }
  }
  const total = (c: TargetCounts): number => c.favor.length + c.against.length + c.neutral.length;
  return [...byTarget.values()].sort((a, b) => total(b) - total(a) || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

const truncate = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Horizontal stacked bars: per target, how many posts favor it, oppose it, or mention it neutrally. */
export function renderStanceChart(posts: readonly Post[]): string {
  const rows = countStances(posts).slice(0, 20);
  if (rows.length === 0) return '<p class="empty">No stance toward any target was found.</p>';
  const labelWidth = 190;
  const barWidth = 400;
  const rowHeight = 24;
  const max = maxOf(rows.map((r) => r.favor.length + r.against.length + r.neutral.length));
  const height = rows.length * rowHeight + 34;
  let svg = `<svg class="chart" role="img" aria-labelledby="stance-chart-title" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="${labelWidth + barWidth + 60}" height="${height}">`;
  svg += '<title id="stance-chart-title">Stance per target: posts in favor, against and neutral</title>';
  rows.forEach((r, i) => {
    const y = i * rowHeight;
    svg += `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" class="chart-label">${escapeHtml(truncate(r.target, 28))}</text>`;
    let x = labelWidth;
    for (const label of ['favor', 'against', 'neutral'] as const) {
      const n = r[label].length;
      if (n === 0) continue;
      const w = (n / max) * barWidth;
      svg += `<rect x="${formatNumber(x)}" y="${y + 4}" width="${formatNumber(w)}" height="${rowHeight - 8}" fill="${COLORS[label]}"><title>${escapeHtml(`${r.target}: ${n} ${label} (${r[label].join(', ')})`)}</title></rect>`;
      x += w;
    }
    const total = r.favor.length + r.against.length + r.neutral.length;
    svg += `<text x="${formatNumber(x + 6)}" y="${y + 16}" class="chart-value">${total}</text>`;
  });
  svg += legend(['favor', 'against', 'neutral'], rows.length * rowHeight + 12, labelWidth);
  return `${svg}</svg>`;
}

function legend(labels: readonly (keyof typeof COLORS)[], y: number, x0: number): string {
  return labels
    .map((label, i) => {
      const x = x0 + i * 100;
      return `<rect x="${x}" y="${y}" width="12" height="12" fill="${COLORS[label]}"/><text x="${x + 18}" y="${y + 11}" class="chart-label">${label}</text>`;
    })
    .join('');
}

/**
 * Diverging bars: each post's sentiment score (-1..1) in thread order (replies under their parents), with
 * alternating bands for each top-level post and its replies. Each bar links to its post.
 */
export function renderSentimentChart(posts: readonly Post[], order: readonly Post[], anchor: (post: Post) => string): string {
  const scored = order.filter((p) => p.sentiment);
  if (scored.length === 0) return '<p class="empty">No sentiment scores in this document.</p>';
  const shown = scored.slice(0, 300);
  const width = 640;
  const plotHeight = 160;
  const mid = plotHeight / 2 + 10;
  const step = Math.min(24, (width - 40) / shown.length);
  const barW = Math.max(1, step * 0.75);
  let svg = `<svg class="chart" role="img" aria-labelledby="sentiment-chart-title" viewBox="0 0 ${width} ${plotHeight + 50}" width="${width}" height="${plotHeight + 50}">`;
  svg += '<title id="sentiment-chart-title">Sentiment of each post in thread order, from -1 (negative) to 1 (positive)</title>';
  // Bands: one per top-level post and its replies.
  let band = 0;
  let bandStart = 0;
  const flush = (end: number): void => {
    if (band % 2 === 1) svg += `<rect x="${formatNumber(30 + bandStart * step)}" y="10" width="${formatNumber((end - bandStart) * step)}" height="${plotHeight}" class="band"/>`;
  };
  shown.forEach((p, i) => {
    if (i > 0 && p.depth === 0) {
      flush(i);
      band++;
      bandStart = i;
    }
  });
  flush(shown.length);
  svg += `<line x1="30" x2="${width - 10}" y1="${mid}" y2="${mid}" class="axis"/>`;
  svg += `<text x="24" y="18" text-anchor="end" class="chart-value">+1</text><text x="24" y="${mid + 4}" text-anchor="end" class="chart-value">0</text><text x="24" y="${plotHeight + 10}" text-anchor="end" class="chart-value">−1</text>`;
  shown.forEach((p, i) => {
    const s = p.sentiment!;
    const h = Math.max(1, Math.abs(s.score) * (plotHeight / 2));
    const y = s.score >= 0 ? mid - h : mid;
    const x = 30 + i * step + (step - barW) / 2;
    const tip = `${p.id}${p.author ? ` by ${p.author}` : ''}: ${s.label} ${formatNumber(s.score)}`;
    svg += `<a href="#${anchor(p)}"><rect x="${formatNumber(x)}" y="${formatNumber(y)}" width="${formatNumber(barW)}" height="${formatNumber(h)}" fill="${COLORS[s.label]}"><title>${escapeHtml(tip)}</title></rect></a>`;
  });
  svg += legend(['positive', 'negative', 'neutral', 'mixed'], plotHeight + 28, 30);
  svg += '</svg>';
  const counts = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  for (const p of posts) if (p.sentiment) counts[p.sentiment.label]++;
  const note = scored.length > shown.length ? ` The chart shows the first ${shown.length} of ${scored.length} posts.` : '';
  return `${svg}<p class="chart-note">${counts.positive} positive, ${counts.negative} negative, ${counts.neutral} neutral, ${counts.mixed} mixed.${note}</p>`;
}
