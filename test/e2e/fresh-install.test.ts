/**
 * Termlight installed while pages are open: neither browser runs a script registered at run time
 * (the page-world hooks) in pages already open, so the background puts it there itself, next to
 * the content script (which Firefox injects by itself, and Chromium gets from the background).
 */
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FIREFOX_ADDON_ID } from '../harness/browsers';
import { scanMeasures, waitForScan } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';
import { pageHooksInstalled } from './support/page-hooks';

const BUILDS = {
  chromium: resolve(import.meta.dirname, '../../dist/chrome'),
  firefox: resolve(import.meta.dirname, '../../dist/firefox'),
};

/** How many ranges the first colour's highlight holds. */
const termRanges = (page: Page) =>
  page.evaluate(() => (CSS.highlights.get('termlight-term') as Set<unknown> | undefined)?.size ?? 0);

describe.each(['chromium', 'firefox'] as const)('a fresh install with a page open in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('gives the page the page-world hooks as well as the content script', async () => {
    const id = name === 'firefox' ? FIREFOX_ADDON_ID : new URL(ctx.browser.extensionUrl).host;
    await ctx.browser.browser.uninstallExtension(id);
    const page = await ctx.page();
    await page.goto(ctx.url('e2e/four-terms.html'), { waitUntil: 'load' });
    // The control: nothing of Termlight's in the page before the install.
    expect(await pageHooksInstalled(page)).toBe(false);
    expect(await scanMeasures(page)).toEqual([]);

    await ctx.browser.browser.installExtension(BUILDS[name]);
    await waitForScan(page, 1, 20_000);
    expect(await termRanges(page)).toBe(4);
    expect(await pageHooksInstalled(page)).toBe(true);
    // What the hooks are for: a shadow root attached to an element already in the page makes no
    // mutation record, and only the hook's report gets it read.
    await page.evaluate(async () => {
      const host = document.createElement('div');
      document.body.append(host);
      await new Promise((r) => setTimeout(r, 300));
      host.attachShadow({ mode: 'open' }).innerHTML = '<p>The MLPS applies here too.</p>';
    });
    await page.waitForFunction(
      () => (CSS.highlights.get('termlight-term') as Set<unknown> | undefined)?.size === 5,
      { timeout: 10_000, polling: 50 },
    );
  });
});
