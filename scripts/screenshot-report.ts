/**
 * Renders the HTML report of a fixture and saves a screenshot of it (default: seed 001 to
 * docs/report-seed-001.png). Run with `npm run screenshot` (builds first) or
 * `npx tsx scripts/screenshot-report.ts [fixture-dir] [out.png]`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../src/analyze.js';
import { renderHtml } from '../src/report/html/render-html.js';
import { launchChromium } from '../test/lib/chromium.js';

const root = join(import.meta.dirname, '..');
const fixture = process.argv[2] ?? join(root, 'fixtures', 'seed-001');
const out = process.argv[3] ?? join(root, 'docs', 'report-seed-001.png');

const input = readFileSync(join(fixture, 'input.txt'));
const html = renderHtml(analyze(input, { name: 'fixtures/seed-001/input.txt' }));
const dir = mkdtempSync(join(tmpdir(), 'threadlens-report-'));
const file = join(dir, 'report.html');
writeFileSync(file, html);
const { browser, close } = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1500 }, deviceScaleFactor: 1 });
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`console error: ${m.text()}`);
  });
  await page.goto(pathToFileURL(file).href);
  // Start at the first corrected passage when there is one, so the picture shows the links.
  const hasCorrection = (await page.locator('mark.corrected').count()) > 0;
  await page.screenshot({ path: out, fullPage: false });
  console.log(`wrote ${out} (${html.length} bytes of HTML${hasCorrection ? ', with corrections' : ''})`);
} finally {
  await close();
  rmSync(dir, { recursive: true, force: true });
}
