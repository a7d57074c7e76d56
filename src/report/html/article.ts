import type { Claim } from '../../schema/classify.js';
import type { Post } from '../../schema/document.js';
import type { ReportContext } from './context.js';
import { escapeHtml, formatNumber } from './escape.js';
import { highlight, toBlockLocal, type Mark } from './highlight.js';

/** Links from a corrected passage to the posts that correct it. */
export function correctionLinks(ctx: ReportContext, passageId: string): string {
  const passage = ctx.corrected.find((p) => p.id === passageId);
  if (!passage) return '';
  // One link per correcting post, its notes joined in the tooltip.
  const notes = new Map<Post, string[]>();
  for (const { post, correction } of passage.by) notes.set(post, [...(notes.get(post) ?? []), correction.note]);
  const links = [...notes].map(
    ([post, list]) => `<a class="corr-link" href="#${ctx.anchor(post)}" title="${escapeHtml(list.join(' / '))}">${escapeHtml(post.author ?? post.id)}</a>`,
  );
  return `<sup class="corr-links" data-passage="${passageId}">corrected by ${links.join(', ')}</sup>`;
}

function claimTitle(claim: Claim): string {
  const parts = [`claim: ${claim.kind}`, `check-worthiness ${formatNumber(claim.checkworthiness)}`];
  if (claim.speaker) parts.push(`speaker: ${claim.speaker}`);
  if (claim.hedge) parts.push(`hedge: ${claim.hedge.text}`);
  return parts.join(' · ');
}

const BLOCK_TAG = { heading: 'h3', paragraph: 'p', quotation: 'blockquote', caption: 'figcaption', 'pull-quote': 'blockquote', bio: 'p', credit: 'p' } as const;

/** The article: its blocks with claims and corrected passages marked, then the list of its claims. */
export function renderArticle(ctx: ReportContext): string {
  const { article } = ctx.doc;
  const articleCorrections = ctx.corrected.filter((p) => p.target.kind === 'article');
  const meta = [article.byline, article.date, article.source].filter((x): x is string => !!x).map(escapeHtml);
  let html = '<section class="article" aria-labelledby="article-title">';
  html += `<h2 id="article-title">${escapeHtml(article.title ?? 'Article')}</h2>`;
  if (meta.length > 0) html += `<p class="byline">${meta.join(' · ')}</p>`;
  for (const block of article.blocks) {
    const marks: Mark[] = [];
    // Marks need the block text to be the slice of its span; otherwise the block is shown as is.
    if (block.text.length === block.span[1] - block.span[0]) {
      for (const claim of article.claims) {
        const local = toBlockLocal(claim.span, block.span);
        if (local) marks.push({ start: local[0], end: local[1], className: `claim claim-${claim.kind}`, title: claimTitle(claim) });
      }
      for (const passage of articleCorrections) {
        const local = toBlockLocal(passage.target.span, block.span);
        if (!local) continue;
        const ends = passage.target.span[1] <= block.span[1];
        marks.push({
          start: local[0],
          end: local[1],
          className: 'corrected',
          id: passage.id,
          title: passage.by.map(({ correction }) => correction.note).join(' / '),
          after: ends ? correctionLinks(ctx, passage.id) : undefined,
        });
      }
    }
    const tag = BLOCK_TAG[block.kind];
    html += `<${tag} class="block block-${block.kind}">${highlight(block.text, marks)}</${tag}>`;
  }
  if (article.blocks.length === 0) html += '<p class="empty">No article text was found.</p>';
  html += '</section>';
  return html;
}

/** The article's claims as a table: kind, check-worthiness, values, speaker, and who corrects them. */
export function renderClaimTable(ctx: ReportContext): string {
  const claims = ctx.doc.article.claims;
  if (claims.length === 0) return '<p class="empty">No claims were detected in the article.</p>';
  const rows = [...claims]
    .sort((a, b) => a.span[0] - b.span[0])
    .map((c) => {
      const values = c.values.filter((v) => v.kind !== 'entity').map((v) => `${v.approximate ? '≈' : ''}${v.text}`);
      const correctors = ctx.corrected.filter(
        (p) => p.target.kind === 'article' && p.target.span[0] < c.span[1] && p.target.span[1] > c.span[0],
      );
      const corr = correctors.map((p) => `<a href="#${p.id}">${[...new Set(p.by.map((b) => b.post.author ?? b.post.id))].map(escapeHtml).join(', ')}</a>`).join('; ');
      const text = c.text.length > 160 ? `${c.text.slice(0, 159)}…` : c.text;
      return `<tr><td>${escapeHtml(c.kind)}</td><td class="num">${formatNumber(c.checkworthiness)}</td><td>${escapeHtml(text)}</td><td>${escapeHtml(values.join(', '))}</td><td>${escapeHtml(c.speaker ?? '')}</td><td>${corr}</td></tr>`;
    });
  return `<table class="claims"><thead><tr><th>Kind</th><th>Check-worthiness</th><th>Claim</th><th>Values</th><th>Speaker</th><th>Corrected by</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
