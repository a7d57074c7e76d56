import type { Evidence } from '../../schema/common.js';
import type { Post } from '../../schema/document.js';
import type { ReportContext } from './context.js';
import { correctionLinks } from './article.js';
import { escapeHtml, formatNumber } from './escape.js';
import { highlight, postLocalMapper, type Mark } from './highlight.js';
import { replyStancePhrase } from '../format-text.js';

const MODERATION_KEYS = ['toxicity', 'insult', 'profanity', 'identityAttack', 'threat'] as const;
const MODERATION_NAMES = { toxicity: 'toxicity', insult: 'insult', profanity: 'profanity', identityAttack: 'identity attack', threat: 'threat' } as const;
/** Moderation scores below this are not shown as badges (they stay in the evidence list). */
const BADGE_MIN_SCORE = 0.1;
/** Moderation evidence is highlighted in the post text only from this score (it stays in the evidence list). */
const HIGHLIGHT_MIN_SCORE = 0.3;
/** Evidence rows shown per post, so that a huge post cannot blow up the page. */
const MAX_EVIDENCE_ROWS = 40;

const badge = (cls: string, text: string, title?: string): string =>
  `<span class="badge ${cls}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(text)}</span>`;

const level = (score: number): string => (score >= 0.7 ? 'high' : score >= 0.4 ? 'mid' : 'low');

/** Highest moderation score of a post (0 without moderation). */
export function maxModeration(post: Post): number {
  return post.moderation ? Math.max(...MODERATION_KEYS.map((k) => post.moderation![k].score)) : 0;
}

function renderBadges(post: Post, ctx: ReportContext): string {
  const out: string[] = [];
  if (post.sentiment) {
    const s = post.sentiment;
    out.push(badge(`sent sent-${s.label}`, `${s.label} ${formatNumber(s.score)}`, `sentiment score ${formatNumber(s.score, 4)} (-1..1)`));
    if (s.sarcasm.length > 0) {
      const p = s.sarcasmProbability === undefined ? '' : `, probability ${formatNumber(s.sarcasmProbability)}`;
      const possible = s.sarcasmLevel === 'possible';
      out.push(badge('sarcasm', possible ? 'possibly sarcastic' : 'sarcastic', `sarcasm cues: ${s.sarcasm.map((e) => `“${e.text}” (${e.cue})`).join(' / ')}${p}; ${possible ? 'positive words damped' : 'positive words read as ironic'}`));
    }
  }
  if (post.replyStance && post.replyStance.label !== 'comment') {
    const r = post.replyStance;
    out.push(badge(`rs rs-${r.label}`, replyStancePhrase(r.label), `reply stance ${r.label}, confidence ${formatNumber(r.confidence)}`));
  }
  for (const act of post.acts ?? []) out.push(badge('act', act.act, `“${act.evidence.text}” (${act.evidence.cue}), confidence ${formatNumber(act.confidence)}`));
  const neutral: string[] = [];
  for (const s of post.stances ?? []) {
    if (s.label === 'neutral') neutral.push(s.target);
    else out.push(badge(`stance stance-${s.label}`, `${s.label === 'favor' ? '▲' : '▼'} ${s.target}`, `${s.label} ${s.target}${s.implicit ? ' (implicit: the post does not name it)' : ''}, confidence ${formatNumber(s.confidence)}`));
  }
  if (neutral.length > 0) out.push(badge('stance stance-neutral', `○ ${neutral.join(', ')}`, 'mentioned without a clear stance'));
  for (const claim of post.claims ?? []) out.push(badge('claim-badge', `claim: ${claim.kind}`, `${claim.text} (check-worthiness ${formatNumber(claim.checkworthiness)})`));
  if (post.moderation) {
    for (const key of MODERATION_KEYS) {
      const score = post.moderation[key].score;
      if (score >= BADGE_MIN_SCORE) out.push(badge(`mod mod-${level(score)}`, `${MODERATION_NAMES[key]} ${formatNumber(score)}`, `${MODERATION_NAMES[key]} score (0..1: the share of raters the model expects to see it)`));
    }
  }
  let html = out.join(' ');
  // One badge per corrected passage; a passage corrected on several grounds lists them all in the tooltip.
  const byPassage = new Map<string, { whom: string; notes: string[] }>();
  for (const correction of post.corrections ?? []) {
    const id = ctx.passageOf(correction)?.id ?? '';
    const target = correction.target.kind === 'post' ? ctx.postsById.get(correction.target.postId) : undefined;
    const whom = correction.kind === 'article' ? 'the article' : correction.kind === 'self' ? 'themself' : (target?.author ?? 'a post');
    const entry = byPassage.get(id) ?? { whom, notes: [] };
    entry.notes.push(`${correction.note} (${correction.cue}, confidence ${formatNumber(correction.confidence)})`);
    byPassage.set(id, entry);
  }
  for (const [id, { whom, notes }] of byPassage) {
    html += ` <a class="badge correction" href="#${id}" title="${escapeHtml(notes.join(' / '))}">${escapeHtml(`✎ corrects ${whom}`)}</a>`;
  }
  for (const c of post.concessions ?? []) {
    const to = ctx.postsById.get(c.postId);
    html += ` <a class="badge concession" href="#${to ? ctx.anchor(to) : ''}" title="${escapeHtml(c.evidence.text)}">concedes to ${escapeHtml(to?.author ?? c.postId)}</a>`;
  }
  return html;
}

interface Row {
  what: string;
  evidence: Evidence;
}

function evidenceRows(post: Post): Row[] {
  const rows: Row[] = [];
  for (const c of post.corrections ?? []) {
    for (const e of c.evidence) rows.push({ what: `correction (${c.cue}): ${c.note}`, evidence: e });
  }
  if (post.moderation) {
    for (const key of MODERATION_KEYS) for (const e of post.moderation[key].evidence) rows.push({ what: `${MODERATION_NAMES[key]} ${formatNumber(post.moderation[key].score)}`, evidence: e });
  }
  for (const s of post.stances ?? []) for (const e of s.evidence) rows.push({ what: `stance ${s.label}: ${s.target}`, evidence: e });
  for (const a of post.acts ?? []) rows.push({ what: `act: ${a.act}`, evidence: a.evidence });
  if (post.replyStance) for (const e of post.replyStance.evidence) rows.push({ what: `reply stance: ${post.replyStance.label}`, evidence: e });
  if (post.sentiment) {
    for (const e of post.sentiment.evidence) rows.push({ what: `sentiment ${post.sentiment.label}`, evidence: e });
    for (const e of post.sentiment.sarcasm) rows.push({ what: `sarcasm (${e.cue.replace(/^sarcasm:/, '')})`, evidence: e });
  }
  for (const c of post.claims ?? []) if (c.hedge) rows.push({ what: `hedged claim (${c.kind})`, evidence: c.hedge });
  return rows;
}

function renderEvidence(post: Post): string {
  const rows = evidenceRows(post);
  if (rows.length === 0) return '';
  const shown = rows.slice(0, MAX_EVIDENCE_ROWS);
  const items = shown.map((r) => `<li><span class="why-what">${escapeHtml(r.what)}</span> <q>${escapeHtml(r.evidence.text)}</q> <code>${escapeHtml(r.evidence.cue)}</code></li>`);
  if (rows.length > shown.length) items.push(`<li class="more">and ${rows.length - shown.length} more</li>`);
  return `<details class="why"><summary>Evidence (${rows.length})</summary><ul>${items.join('')}</ul></details>`;
}

function postMarks(post: Post, ctx: ReportContext): Mark[] {
  const local = postLocalMapper(post);
  if (!local) return [];
  const marks: Mark[] = [];
  for (const claim of post.claims ?? []) {
    const s = local(claim.span);
    if (s) marks.push({ start: s[0], end: s[1], className: `claim claim-${claim.kind}`, title: `claim: ${claim.kind}` });
  }
  for (const c of post.corrections ?? []) {
    for (const e of c.evidence) {
      const s = local(e.span);
      if (s) marks.push({ start: s[0], end: s[1], className: 'ev-correction', title: c.note });
    }
  }
  if (post.moderation) {
    // The phrases the span model marks (what a moderator should look at); older documents without
    // `spans` fall back to the evidence of the attributes that reach HIGHLIGHT_MIN_SCORE.
    const spans = post.moderation.spans as typeof post.moderation.spans | undefined;
    if (spans) {
      for (const m of spans) {
        const s = local(m.span);
        if (s) marks.push({ start: s[0], end: s[1], className: `ev-flag ev-flag-${m.attribute}`, title: `${MODERATION_NAMES[m.attribute]} ${formatNumber(m.score)}` });
      }
    } else {
      for (const key of MODERATION_KEYS) {
        if (post.moderation[key].score < HIGHLIGHT_MIN_SCORE) continue;
        for (const e of post.moderation[key].evidence) {
          const s = local(e.span);
          if (s) marks.push({ start: s[0], end: s[1], className: 'ev-flag', title: MODERATION_NAMES[key] });
        }
      }
    }
  }
  // Passages of this post that later posts correct.
  for (const passage of ctx.corrected) {
    if (passage.target.kind !== 'post' || passage.target.postId !== post.id) continue;
    const s = local(passage.target.span);
    if (s) marks.push({ start: s[0], end: s[1], className: 'corrected', id: passage.id, title: passage.by.map((b) => b.correction.note).join(' / '), after: correctionLinks(ctx, passage.id) });
  }
  return marks;
}

function renderPost(post: Post, ctx: ReportContext): string {
  const parent = post.parentId !== null ? ctx.postsById.get(post.parentId) : undefined;
  const head = [`<span class="author">${escapeHtml(post.author ?? 'anonymous')}</span>`];
  if (post.isOP) head.push('<span class="badge op">OP</span>');
  head.push(`<a class="pid" href="#${ctx.anchor(post)}">${escapeHtml(post.id)}</a>`);
  const meta = [post.meta.timestamp, post.meta.likes !== null ? `${formatNumber(post.meta.likes)} likes` : null].filter((x): x is string => !!x);
  if (meta.length > 0) head.push(`<span class="meta">${escapeHtml(meta.join(' · '))}</span>`);
  if (parent) head.push(`<span class="meta">reply to <a href="#${ctx.anchor(parent)}">${escapeHtml(parent.author ?? parent.id)}</a></span>`);
  const flagged = maxModeration(post) >= 0.7 ? ' flagged' : '';
  const body = post.removed && post.text.trim() === '' ? '<p class="text removed-text">[removed]</p>' : `<p class="text">${highlight(post.text, postMarks(post, ctx))}</p>`;
  const badges = renderBadges(post, ctx);
  return `<article class="card${post.removed ? ' removed' : ''}${flagged}"><header>${head.join(' ')}</header>${badges ? `<div class="badges">${badges}</div>` : ''}${body}${renderEvidence(post)}</article>`;
}

/** The thread as nested lists: replies under their parents, each post a card with badges and evidence. */
export function renderThread(ctx: ReportContext): string {
  const posts = ctx.order;
  if (posts.length === 0) return '<p class="empty">No comments were found.</p>';
  const level = new Map<Post, number>();
  let html = '<ul class="thread">';
  let open = 0; // depth of the currently open <li>, -1 when none
  posts.forEach((post, i) => {
    const parent = post.parentId !== null ? ctx.postsById.get(post.parentId) : undefined;
    // Depth first order puts a reply right after its parent's subtree opens; the clamp keeps the HTML
    // well-formed even for odd parent links.
    const d = Math.min(parent && level.has(parent) ? level.get(parent)! + 1 : 0, i === 0 ? 0 : open + 1);
    level.set(post, d);
    if (i > 0) {
      if (d > open) html += `<ul class="replies${d > 8 ? ' flat' : ''}">`;
      else {
        html += '</li>';
        for (let k = open; k > d; k--) html += '</ul></li>';
      }
    }
    html += `<li id="${ctx.anchor(post)}">${renderPost(post, ctx)}`;
    open = d;
  });
  html += '</li>';
  for (let k = open; k > 0; k--) html += '</ul></li>';
  return `${html}</ul>`;
}
