import type { ThreadDocument } from '../../schema/document.js';
import { renderArticle, renderClaimTable } from './article.js';
import { renderSentimentChart, renderStanceChart } from './charts.js';
import { buildContext, type ReportContext } from './context.js';
import { escapeHtml, formatNumber } from './escape.js';
import { base64, sha256 } from './sha256.js';
import { REPORT_CSS } from './styles.js';
import { maxModeration, renderThread } from './thread.js';

/** Options of `renderHtml`. */
export interface RenderHtmlOptions {
  /** Page title. Default: "threadlens: " and the article title (or the source name). */
  title?: string;
  /** How many posts to list under "Highest moderation scores". Default: 5. */
  topModeration?: number;
}

/** The style sheet's CSP source: the page allows this one sheet and nothing else. */
// Hashed on first use, not at import: most callers never render a report.
let styleHash: string | undefined;
const styleHashOf = (): string => (styleHash ??= `'sha256-${base64(sha256(REPORT_CSS))}'`);

function renderOverview(ctx: ReportContext, topModeration: number): string {
  const posts = ctx.doc.thread.posts;
  const authors = new Set(posts.map((p) => p.author).filter((a) => a !== null)).size;
  const claims = ctx.doc.article.claims.length + posts.reduce((n, p) => n + (p.claims?.length ?? 0), 0);
  // One correction per (post, corrected passage), however many cues found it: the count is the list's length.
  const corrections = ctx.corrected.reduce((n, passage) => n + new Set(passage.by.map(({ post }) => post)).size, 0);
  const stat = (n: number, what: string): string => `<li><b>${n}</b> ${what}</li>`;
  let html = `<ul class="stats">${stat(posts.length, 'posts')}${stat(authors, 'authors')}${stat(ctx.doc.article.sentences.length, 'article sentences')}${stat(claims, 'claims')}${stat(corrections, 'corrections')}</ul>`;
  const top = posts
    .map((p) => ({ p, score: maxModeration(p) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.p.index - b.p.index)
    .slice(0, topModeration);
  if (top.length > 0) {
    html += '<h3>Highest moderation scores</h3><ol class="review">';
    for (const { p, score } of top) {
      html += `<li><a href="#${ctx.anchor(p)}">${escapeHtml(p.author ?? p.id)}</a> (${escapeHtml(p.id)}): ${formatNumber(score)}</li>`;
    }
    html += '</ol>';
  }
  if (ctx.corrected.length > 0) {
    html += '<h3>Corrections</h3><ul class="review">';
    for (const passage of ctx.corrected) {
      const where = passage.target.kind === 'article' ? 'the article' : escapeHtml(ctx.postsById.get(passage.target.postId)?.author ?? passage.target.postId);
      const text = passage.target.text.length > 140 ? `${passage.target.text.slice(0, 139)}…` : passage.target.text;
      for (const post of new Set(passage.by.map(({ post: by }) => by))) {
        const notes = passage.by.filter((b) => b.post === post).map((b) => b.correction.note);
        html += `<li><a href="#${ctx.anchor(post)}">${escapeHtml(post.author ?? post.id)}</a> on <a href="#${passage.id}">${where}: “${escapeHtml(text)}”</a> — ${escapeHtml([...new Set(notes)].join(' / '))}</li>`;
      }
    }
    html += '</ul>';
  }
  return html;
}

function renderMessages(ctx: ReportContext): string {
  if (ctx.doc.messages.length === 0) return '';
  const items = ctx.doc.messages.map((m) => `<li><code>${escapeHtml(m.ruleId)}</code> ${escapeHtml(m.severity)}: ${escapeHtml(m.reason)}</li>`);
  return `<section class="messages"><h2>Notes on the input</h2><ul>${items.join('')}</ul></section>`;
}

/**
 * Renders a document (from `analyze`, or `parse` for a thread without labels) as one self-contained HTML
 * page: no scripts, no external resources, all text escaped, a strict Content-Security-Policy. Shows the
 * article with its claims and corrected passages (linked to the correcting posts), the thread as a tree
 * with per-post badges and evidence, and inline SVG charts of stance per target and sentiment per post.
 * Labels a post lacks are simply not shown. Deterministic: same document, same bytes.
 */
export function renderHtml(doc: ThreadDocument, options: RenderHtmlOptions = {}): string {
  const ctx = buildContext(doc);
  const heading = doc.article.title ?? doc.source.name ?? 'Untitled dump';
  const title = options.title ?? `threadlens: ${heading}`;
  const csp = `default-src 'none'; style-src ${styleHashOf()}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const sub = [doc.source.name, `${doc.source.style} dump`, `threadlens ${doc.version}`, `schema ${doc.schemaVersion}`].filter((x): x is string => !!x);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body><main>',
    `<header><h1>${escapeHtml(heading)}</h1><p class="sub">${escapeHtml(sub.join(' · '))}</p></header>`,
    `<section class="overview">${renderOverview(ctx, options.topModeration ?? 5)}</section>`,
    '<section class="charts-section"><h2>Charts</h2><div class="charts">',
    `<figure><figcaption>Stance per target: posts in favor and against${doc.targets?.[0]?.derived ? ` (the subject, derived from the title and lede: ${escapeHtml(doc.targets[0].name)})` : ''}</figcaption>${renderStanceChart(doc.thread.posts)}</figure>`,
    `<figure><figcaption>Sentiment per post, in thread order</figcaption>${renderSentimentChart(doc.thread.posts, ctx.order, ctx.anchor)}</figure>`,
    '</div></section>',
    renderArticle(ctx),
    `<section class="claims-section"><h2>Claims in the article</h2>${renderClaimTable(ctx)}</section>`,
    `<section class="thread-section"><h2>Comments</h2>${renderThread(ctx)}</section>`,
    renderMessages(ctx),
    `<footer>Generated by threadlens ${escapeHtml(doc.version)}. Scores are signals between 0 and 1, not probabilities; thresholds are yours to choose.</footer>`,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
