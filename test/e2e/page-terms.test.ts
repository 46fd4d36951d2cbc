import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { openScanned } from '../harness/page-probe';
import { waitForRoleText } from './support/a11y';
import { useExtensionBrowser } from './support/fixture';
import { openLibrary, setSwitch } from './support/library';
import { openPopup, openPopupFor } from './support/popup';

const BADGE_SETTING = 'Show the number of terms on the toolbar icon';

describe('the popup lists the terms on this page in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('shows the terms with their counts in order of first appearance, and the clippings', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/repeated.html'));
    const popup = await openPopup(ctx, page);
    await popup.waitForSelector('aria/On this page');
    await popup.waitForSelector('.page-terms button');
    const items = await popup.$$eval('.page-terms button', (buttons) => buttons.map((b) => b.textContent));
    expect(items).toEqual([
      expect.stringMatching(/^Multi-Level Protection Scheme.* \(3\)$/),
      expect.stringMatching(/\(2\)$/),
    ]);
    expect(items[1]).toMatch(/Standardi[sz]ation/);
    expect(await popup.$eval('section[aria-labelledby="on-this-page"]', (s) => s.textContent)).toMatch(
      /0 clippings on this page/,
    );
  });

  it('activating a term scrolls to it and opens its card', async () => {
    // The term is far below the top, so reaching it takes a scroll.
    ctx.server.route(
      '/far-term.html',
      '<!doctype html><meta charset="utf-8"><body><p>Operators must file under MLPS.</p>' +
        '<p style="height: 3000px">A long page.</p>' +
        '<p id="far">The committee known as TC260 publishes the national security standards.</p></body>',
    );
    const page = await ctx.page();
    await openScanned(page, ctx.url('far-term.html'));
    const popup = await openPopup(ctx, page);
    const button = await popup.waitForSelector('.page-terms li:nth-child(2) button');
    expect(await button?.evaluate((b) => b.textContent)).toMatch(/Standardi[sz]ation.*\(1\)$/);
    await button?.click();
    expect(await waitForRoleText(page, 'dialog', /^National Cybersecurity Standardi[sz]ation/)).toMatch(
      /TC260/,
    );
    const shown = await page.evaluate(() => {
      const box = document.getElementById('far')?.getBoundingClientRect();
      return { scrolled: scrollY > 0, inView: !!box && box.top >= 0 && box.bottom <= innerHeight };
    });
    expect(shown).toEqual({ scrolled: true, inView: true });
  });
});

/** The badge text of the tab showing `page`, read in the service worker. */
async function badgeOf(ctx: ReturnType<typeof useExtensionBrowser>, page: Page): Promise<string> {
  const target = await ctx.browser.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(ctx.browser.extensionUrl),
  );
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return worker.evaluate(async (url: string) => {
    type Api = {
      tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
      action: { getBadgeText(d: { tabId: number }): Promise<string> };
    };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const [tab] = await api.tabs.query({ url });
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    return api.action.getBadgeText({ tabId: tab.id });
  }, page.url());
}

async function waitForBadge(ctx: ReturnType<typeof useExtensionBrowser>, page: Page, text: string) {
  const end = Date.now() + 10_000;
  let last = '';
  while (Date.now() < end) {
    last = await badgeOf(ctx, page);
    if (last === text) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`badge is "${last}", not "${text}"`);
}

describe('the toolbar badge in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('shows the number of distinct terms on the page, and the setting turns it off', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/repeated.html'));
    await waitForBadge(ctx, page, '2');
    const other = await ctx.page();
    await openScanned(other, ctx.url('e2e/four-terms.html'));
    await waitForBadge(ctx, other, '4');
    await waitForBadge(ctx, page, '2');

    const library = await ctx.page();
    await openLibrary(library, ctx.browser, 'settings');
    const setBadge = (on: boolean) => setSwitch(library, BADGE_SETTING, on);
    await setBadge(false);
    await waitForBadge(ctx, page, '');
    await waitForBadge(ctx, other, '');
    await setBadge(true);
    await waitForBadge(ctx, other, '4');
  });
});

describe('the terms on a tab from popup.html?tabId=N in firefox', () => {
  const ctx = useExtensionBrowser('firefox');

  it('lists the terms of the tab named in the query, with their counts', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/repeated.html'));
    const popup = await openPopupFor(ctx, page);
    await popup.waitForSelector('.page-terms button', { timeout: 10_000 });
    const items = await popup.$$eval('.page-terms button', (buttons) => buttons.map((b) => b.textContent));
    expect(items).toEqual([
      expect.stringMatching(/^Multi-Level Protection Scheme.* \(3\)$/),
      expect.stringMatching(/\(2\)$/),
    ]);
  });
});
