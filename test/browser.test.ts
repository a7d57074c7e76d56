import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../src/index.js';
import { launchChromium } from './lib/chromium.js';

// The core (src/index.ts and everything it imports) must run in browsers and edge runtimes: no Node
// built-ins. esbuild with platform 'browser' and no polyfills fails on any `node:` import, and running the
// bundle in Chromium catches Node globals (process, Buffer) on the paths analyze takes.
const root = join(__dirname, '..');

async function bundle(entry: string, globalName: string) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName,
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

describe('browser build of the core', () => {
  let core: Awaited<ReturnType<typeof bundle>>;
  let browser: Browser;
  let close: () => Promise<void>;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    core = await bundle('src/index.ts', 'threadlens');
    ({ browser, close } = await launchChromium());
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.setContent('<!DOCTYPE html><title>threadlens</title>');
    await page.addScriptTag({ content: core.code });
  }, 60_000);
  afterAll(async () => {
    await close?.();
  });

  it('bundles for platform browser with no Node built-ins and no fast-check', () => {
    expect(core.inputs.filter((f) => f.startsWith('node:') || /^(fs|path|os|util|child_process|worker_threads)$/.test(f))).toEqual([]);
    expect(core.inputs.some((f) => f.includes('node_modules/fast-check'))).toBe(false);
    expect(core.inputs.some((f) => f.startsWith('src/cli/'))).toBe(false);
    console.log(`browser bundle of the core: ${(core.code.length / 1024).toFixed(0)} kB unminified, ${core.inputs.length} modules`);
  });

  it('runs analyze in Chromium with the same result as in Node', async () => {
    const input = readFileSync(join(root, 'fixtures', 'seed-001', 'input.txt'), 'utf8');
    const inBrowser = await page.evaluate((text) => {
      const t = (globalThis as unknown as { threadlens: { analyze: (s: string, o: object) => unknown } }).threadlens;
      return JSON.stringify(t.analyze(text, { name: 'seed-001' }));
    }, input);
    expect(errors).toEqual([]);
    expect(JSON.parse(inBrowser)).toEqual(JSON.parse(JSON.stringify(analyze(input, { name: 'seed-001' }))));
  });

  it('runs parse on bytes (Uint8Array) and on JSON input in Chromium', async () => {
    const result = await page.evaluate(() => {
      const t = (globalThis as unknown as { threadlens: { parse: (s: string | Uint8Array) => { thread: { posts: unknown[] }; source: { style: string } } } }).threadlens;
      const json = JSON.stringify({
        article: { title: 'Bridge', text: 'The bridge reopened.' },
        comments: [{ id: 1, author: 'ana', text: 'Finally!', parentId: null, timestamp: null }],
      });
      const fromBytes = t.parse(new TextEncoder().encode('Title: Bridge\n\nThe bridge reopened.\n'));
      const fromJson = t.parse(json);
      return { bytes: fromBytes.thread.posts.length, json: fromJson.thread.posts.length, style: fromJson.source.style };
    });
    expect(errors).toEqual([]);
    expect(result).toEqual({ bytes: 0, json: 1, style: 'json' });
  });

  it('the check bites: the CLI, which reads files, does not bundle for the browser', async () => {
    await expect(bundle('src/cli/main.ts', 'cli')).rejects.toThrow(/Could not resolve "node:/);
  });

  it('the testing kit bundles for the browser too (fast-check included)', async () => {
    const testing = await bundle('src/testing/index.ts', 'threadlensTesting');
    expect(testing.inputs.filter((f) => f.startsWith('node:'))).toEqual([]);
    expect(testing.inputs.some((f) => f.includes('node_modules/fast-check'))).toBe(true);
  });
});
