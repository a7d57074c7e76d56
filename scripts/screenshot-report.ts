/**
 * Renders the HTML report of a fixture in headless Chromium (Debian's `chromium` package; never a browser
 * download) and saves two screenshots: the top of the page (overview, corrections, charts) and the
 * article passage containing `focus`, with its correction links, and the post that corrects it.
 *
 *   npm run screenshot
 *   npx tsx scripts/screenshot-report.ts [fixture-dir] [out.png] [focus text]
 *
 * Defaults: fixtures/seed-001, docs/report-seed-001.png (and docs/report-seed-001-correction.png), focus
 * "Trump himself" (the 2019 quote OssanAmerica corrects).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../src/analyze.js';
import { renderHtml } from '../src/report/html/render-html.js';
import { launchChromium } from '../test/lib/chromium.js';

const root = join(import.meta.dirname, '..');
const fixture = process.argv[2] ?? join(root, 'fixtures', 'seed-001');
const out = process.argv[3] ?? join(root, 'docs', 'report-seed-001.png');
const focus = process.argv[4] ?? 'Trump himself';

const input = readFileSync(join(fixture, 'input.txt'));
const html = renderHtml(analyze(input, { name: relative(root, join(fixture, 'input.txt')) }));
const dir = mkdtempSync(join(tmpdir(), 'threadlens-report-'));
const file = join(dir, 'report.html');
writeFileSync(file, html);
const { browser, close } = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1400 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(file).href);
  await page.screenshot({ path: out });
  console.log(`wrote ${relative(root, out)}`);
  const passage = page.locator('.article mark.corrected', { hasText: focus }).first();
  if ((await passage.count()) > 0) {
    const id = await passage.getAttribute('id');
    // The corrected passage with its links and the paragraphs around it (clip in page coordinates).
    const top = await passage.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const shot = out.replace(/\.png$/, '-correction.png');
    await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: Math.max(0, top - 110), width: 1200, height: 300 } });
    const post = page.locator(`a.badge.correction[href="#${id}"]`).first();
    const postCard = post.locator('xpath=ancestor::article[1]');
    await postCard.scrollIntoViewIfNeeded();
    await postCard.screenshot({ path: out.replace(/\.png$/, '-correcting-post.png') });
    console.log(`wrote ${relative(root, shot)} and the correcting post`);
  } else console.log(`no corrected article passage contains ${JSON.stringify(focus)}`);
  if (errors.length > 0) throw new Error(`console errors: ${errors.join('; ')}`);
} finally {
  await close();
  rmSync(dir, { recursive: true, force: true });
}
