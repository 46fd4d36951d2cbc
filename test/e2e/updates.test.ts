/**
 * The extension is updated or removed while a page stays open: the old content script stops, the
 * new one takes the page over, and a page never runs two live copies. Chromium only: the injection
 * into open tabs is Chromium's, and Firefox's driver cannot load an add-on again in place.
 */
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  highlightCenter,
  openScanned,
  readHighlights,
  scanMeasures,
  waitForScan,
} from '../harness/page-probe';
import { waitForRoleText } from './support/a11y';
import { useExtensionBrowser } from './support/fixture';

const CHROME_BUILD = resolve(import.meta.dirname, '../../dist/chrome');
/** Long enough for a second copy's card, which would open on the same pointer move, to show. */
const SECOND_CARD_WAIT_MS = 800;

/** The termlight highlights with ranges in them, as [name, size] pairs. */
const registered = (page: Page) =>
  page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name, h]) => name.startsWith('termlight-') && h.size > 0)
      .map(([name, h]) => [name, h.size]),
  );

const cardHosts = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('[data-termlight-ui]').length);

/**
 * Listeners for `type` on the document, per world of the extension (an orphaned copy keeps its
 * world): CDP reports a node's listeners only to the world that asks.
 */
async function extensionListeners(page: Page, type: string): Promise<number[]> {
  const session = await page.createCDPSession();
  try {
    const worlds: number[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin.startsWith('chrome-extension://')) worlds.push(context.id);
    });
    await session.send('Runtime.enable');
    const counts: number[] = [];
    for (const contextId of worlds) {
      const found = await session
        .send('Runtime.evaluate', { expression: 'document', contextId })
        .catch(() => null);
      if (!found?.result.objectId) continue;
      const { listeners } = await session.send('DOMDebugger.getEventListeners', {
        objectId: found.result.objectId,
      });
      counts.push(listeners.filter((l) => l.type === type).length);
    }
    return counts;
  } finally {
    await session.detach();
  }
}

/** Rests the pointer on `term` (coming from elsewhere) and returns the card's text. */
async function hoverCard(page: Page, term: string, text: RegExp): Promise<string> {
  const { x, y } = await highlightCenter(page, term);
  await page.mouse.move(x + 300, y + 300);
  await page.mouse.move(x, y, { steps: 5 });
  return waitForRoleText(page, 'tooltip', text);
}

describe('extension update in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  /** Runs `content.js` once more in the page's frames, as the update injection does. */
  async function injectAgain(pageUrl: string): Promise<void> {
    const target = await ctx.browser.browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(ctx.browser.extensionUrl),
    );
    const worker = await target.worker();
    await worker?.evaluate(async (url: string) => {
      type Api = {
        tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
        scripting: { executeScript(i: { target: object; files: string[] }): Promise<unknown> };
      };
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const [tab] = await api.tabs.query({ url });
      await api.scripting.executeScript({
        target: { tabId: tab?.id ?? -1, allFrames: true },
        files: ['content.js'],
      });
    }, pageUrl);
  }

  it('keeps one live copy when the content script runs twice in a page', async () => {
    const page = await ctx.page();
    const url = ctx.url('e2e/four-terms.html');
    const before = await openScanned(page, url);
    const scans = (await scanMeasures(page)).length;
    await injectAgain(url);
    await waitForScan(page, scans + 1);
    expect(await readHighlights(page)).toEqual(before);
    expect(await registered(page)).toEqual([['termlight-term', 4]]);
    expect(await hoverCard(page, 'TC260', /Standardi[sz]ation/)).toMatch(/TC260/);
    await new Promise((r) => setTimeout(r, SECOND_CARD_WAIT_MS));
    expect(await cardHosts(page)).toBe(1);
  });

  it('hands an open page to the new version after an update: one set of highlights, one working card', async () => {
    const page = await ctx.page();
    const before = await openScanned(page, ctx.url('e2e/four-terms.html'));
    // The old copy has loaded its card code: were it still live, it would open a card of its own.
    await hoverCard(page, 'MLPS', /Multi-Level Protection/);
    const scans = (await scanMeasures(page)).length;
    // Loading the unpacked extension again is how Chromium updates it: same id, new scripts.
    await ctx.browser.browser.installExtension(CHROME_BUILD);
    // The new version scans the open page (its own termlight:scan measure).
    await waitForScan(page, scans + 1, 20_000);
    // The old copy has stopped before the reader touches anything: only the new one still watches.
    expect((await extensionListeners(page, 'pointerover')).sort()).toEqual([0, 1]);
    expect(await readHighlights(page)).toEqual(before);
    expect(await registered(page)).toEqual([['termlight-term', 4]]);
    const text = await hoverCard(page, 'TC260', /Standardi[sz]ation/);
    expect(text).toMatch(/TC260/);
    await new Promise((r) => setTimeout(r, SECOND_CARD_WAIT_MS));
    expect(await cardHosts(page)).toBe(1);
    expect(await waitForRoleText(page, 'tooltip', /TC260/)).not.toMatch(/invalidated/i);
  });

  // Last: the extension is gone for the rest of the file.
  it('takes its highlights off an open page once the extension is removed', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    expect(await registered(page)).toEqual([['termlight-term', 4]]);
    const id = new URL(ctx.browser.extensionUrl).host;
    await ctx.browser.browser.uninstallExtension(id);
    await page.mouse.move(10, 10);
    await page.mouse.move(400, 300, { steps: 5 });
    await page.waitForFunction(
      () => ![...CSS.highlights].some(([name, h]) => name.startsWith('termlight-') && h.size > 0),
      { timeout: 5_000, polling: 50 },
    );
  });
});
