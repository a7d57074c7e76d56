import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { analyze } from '../src/analyze.js';
import { highlight } from '../src/report/html/highlight.js';
import { renderHtml } from '../src/report/html/render-html.js';
import { base64, sha256 } from '../src/report/html/sha256.js';
import type { Correction } from '../src/schema/classify.js';
import type { ThreadDocument } from '../src/schema/document.js';
import { launchChromium } from './lib/chromium.js';

const root = join(__dirname, '..');
const seed1Input = readFileSync(join(root, 'fixtures', 'seed-001', 'input.txt'), 'utf8');
const seed1 = analyze(seed1Input, { name: 'fixtures/seed-001/input.txt' });

/** Seed 001 with a hand-made correction of the article's 2019 Trump quote by OssanAmerica's first post. */
function withCorrection(doc: ThreadDocument): { doc: ThreadDocument; target: string; by: string } {
  const text = doc.source.text ?? seed1Input;
  const start = text.indexOf('saying in 2019 that');
  const end = text.indexOf('.', start) + 1;
  const post = doc.thread.posts.find((p) => p.author === 'OssanAmerica')!;
  const at = post.text.indexOf('2016 or so');
  const evStart = post.lines[0]!.span[0] + at;
  const correction: Correction = {
    kind: 'article',
    target: { kind: 'article', span: [start, end], text: text.slice(start, end) },
    evidence: [{ span: [evStart, evStart + 10], text: '2016 or so', cue: 'different-date' }],
    cue: 'different-date',
    detector: 'value-mismatch',
    note: '2016 here, 2019 in the article',
    confidence: 0.7,
  };
  // Only this correction (the analysis's own are left out), so that it is corrected-1.
  const posts = doc.thread.posts.map((p) => ({ ...p, corrections: p === post ? [correction] : [], concessions: [] }));
  return { doc: { ...doc, thread: { ...doc.thread, posts } }, target: correction.target.text, by: post.id };
}

/** A document whose author names and texts try to break out of the page. */
function hostile(doc: ThreadDocument): ThreadDocument {
  const posts = doc.thread.posts.map((p, i) =>
    i === 0 ? { ...p, author: '<script>alert("a")</script>', text: `</p><img src=x onerror=alert(1)> & "q" 'a'\0` } : p,
  );
  return { ...doc, article: { ...doc.article, title: '</title><script>alert(2)</script>' }, thread: { ...doc.thread, posts } };
}

describe('renderHtml', () => {
  it('writes one self-contained page with a strict CSP and no scripts or external resources', () => {
    const html = renderHtml(seed1);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(/i);
    expect(html).not.toMatch(/(?:src|href)="(?!#)/);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('allows exactly its style sheet through the CSP hash', () => {
    const html = renderHtml(seed1);
    const css = html.slice(html.indexOf('<style>') + 7, html.indexOf('</style>'));
    const hash = createHash('sha256').update(css).digest('base64');
    expect(html).toContain(`style-src 'sha256-${hash}'`);
  });

  it('escapes every text it shows', () => {
    const html = renderHtml(hostile(seed1));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;a&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;\uFFFD');
    expect(html).not.toContain('\0');
  });

  it('shows every post as a card in a tree, replies nested under their parents', () => {
    const html = renderHtml(seed1);
    for (const p of seed1.thread.posts) expect(html).toContain(`<li id="post-${p.index + 1}">`);
    // p17 replies to p15: its card sits inside p15's list item.
    const p15 = html.indexOf('<li id="post-15">');
    const p17 = html.indexOf('<li id="post-17">');
    expect(p17).toBeGreaterThan(p15);
    expect(html.slice(p15, p17)).toContain('<ul class="replies">');
  });

  it('marks the corrected article passage and links it both ways with the correcting post', () => {
    const { doc, target, by } = withCorrection(seed1);
    const html = renderHtml(doc);
    const post = doc.thread.posts.find((p) => p.id === by)!;
    expect(html).toMatch(/<mark class="corrected" id="corrected-1" title="2016 here, 2019 in the article">/);
    expect(html).toContain(`<sup class="corr-links" data-passage="corrected-1">corrected by <a class="corr-link" href="#post-${post.index + 1}"`);
    expect(html).toContain('<a class="badge correction" href="#corrected-1"');
    expect(html).toContain('<mark class="ev-correction" title="2016 here, 2019 in the article">2016 or so</mark>');
    expect(target).toContain('2019');
  });

  it('renders documents without labels (from parse) and empty documents', () => {
    const bare = analyze('');
    expect(renderHtml(bare)).toContain('No comments were found.');
    const unlabeled: ThreadDocument = {
      ...seed1,
      thread: { ...seed1.thread, posts: seed1.thread.posts.map(({ sentiment, acts, replyStance, moderation, stances, claims, corrections, concessions, ...p }) => p) },
    };
    const html = renderHtml(unlabeled);
    expect(html).toContain('No stance toward any target was found.');
    expect(html).toContain('No sentiment scores in this document.');
  });

  it('is deterministic', () => {
    expect(renderHtml(withCorrection(seed1).doc)).toBe(renderHtml(withCorrection(seed1).doc));
  });
});

describe('highlight', () => {
  const unescape = (s: string): string =>
    s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  it('keeps the text and writes balanced tags for any set of overlapping marks', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 45 }), fc.integer({ min: -5, max: 45 })), { maxLength: 6 }),
        (text, spans) => {
          const html = highlight(text.replace(/\0/g, ''), spans.map(([a, b], i) => ({ start: a, end: b, className: `m${i}` })));
          expect(unescape(html)).toBe(text.replace(/\0/g, ''));
          let depth = 0;
          for (const tag of html.match(/<\/?mark\b/g) ?? []) {
            depth += tag === '<mark' ? 1 : -1;
            expect(depth).toBeGreaterThanOrEqual(0);
          }
          expect(depth).toBe(0);
        },
      ),
    );
  });
});

describe('sha256', () => {
  it('matches node:crypto', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 130 }), (s) => {
        expect(base64(sha256(s))).toBe(createHash('sha256').update(s).digest('base64'));
      }),
      { numRuns: 40 },
    );
  });
});

describe('HTML report in headless Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
    dir = mkdtempSync(join(tmpdir(), 'threadlens-report-test-'));
  }, 30_000);
  afterAll(async () => {
    await close?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Loads a page from a file (as a user opening report.html would) and collects console errors. */
  async function open(name: string, html: string) {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) errors.push(`request to ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
    return { page, errors };
  }

  it('loads the seed 001 report with no console errors and shows every post', async () => {
    const { page, errors } = await open('seed-001.html', renderHtml(seed1));
    expect(errors).toEqual([]);
    expect(await page.locator('li[id^="post-"] > article.card').count()).toBe(seed1.thread.posts.length);
    await expect(page.locator('#post-6 .author').first().textContent()).resolves.toBe('OssanAmerica');
    expect(await page.locator('svg.chart').count()).toBe(2);
    // The style sheet applied (the CSP hash matched): cards have a border radius.
    const radius = await page.locator('#post-1 > article.card').evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
    expect(radius).toBe('8px');
    await page.close();
  });

  it('seed 001: OssanAmerica’s corrections are linked to the Trump quote', async () => {
    const { page, errors } = await open('seed-001-corrections.html', renderHtml(seed1));
    expect(errors).toEqual([]);
    const quote = page.locator('.article mark.corrected', { hasText: 'saying in 2019 that "if Japan is attacked' });
    expect(await quote.count()).toBe(1);
    expect(await quote.isVisible()).toBe(true);
    const id = await quote.getAttribute('id');
    const p6 = seed1.thread.posts.find((p) => p.author === 'OssanAmerica' && (p.corrections ?? []).length > 0)!;
    // The link after the quote goes to OssanAmerica's post, and the post's badge comes back to the quote.
    const link = page.locator(`sup.corr-links[data-passage="${id}"] a`, { hasText: 'OssanAmerica' });
    await link.click();
    expect(new URL(page.url()).hash).toBe(`#post-${p6.index + 1}`);
    await page.locator(`#post-${p6.index + 1} a.badge.correction[href="#${id}"]`).click();
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    await page.close();
  });

  it('a corrected passage links to the correcting post and back', async () => {
    const { doc, by } = withCorrection(seed1);
    const post = doc.thread.posts.find((p) => p.id === by)!;
    const { page, errors } = await open('corrected.html', renderHtml(doc));
    expect(errors).toEqual([]);
    const mark = page.locator('mark.corrected#corrected-1');
    expect(await mark.isVisible()).toBe(true);
    await page.locator('sup[data-passage="corrected-1"] a.corr-link').click();
    expect(new URL(page.url()).hash).toBe(`#post-${post.index + 1}`);
    await page.locator(`#post-${post.index + 1} a.badge.correction`).click();
    expect(new URL(page.url()).hash).toBe('#corrected-1');
    await page.close();
  });

  it('a hostile document runs no script', async () => {
    const { page, errors } = await open('hostile.html', renderHtml(hostile(seed1)));
    expect(errors).toEqual([]);
    expect(await page.locator('script, img').count()).toBe(0);
    await expect(page.locator('#post-1 .author').textContent()).resolves.toBe('<script>alert("a")</script>');
    await page.close();
  });
});
