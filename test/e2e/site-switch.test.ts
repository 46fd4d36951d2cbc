import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { openScanned, readHighlights } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';
import { serveFramedPage, waitForFrames } from './support/frames';
import { setSwitch } from './support/library';
import { waitForPageHooks } from './support/page-hooks';
import { closePopup, openPopupFor } from './support/popup';

const SITE_SWITCH = 'Highlight on this site';

async function highlightCount(page: Page): Promise<number> {
  return (await readHighlights(page)).length;
}

for (const name of ['chromium', 'firefox'] as const) {
  describe(`the per-site switch in ${name}`, () => {
    const ctx = useExtensionBrowser(name);

    it('removes and restores highlights live, without a reload', async () => {
      const page = await ctx.page();
      await openScanned(page, ctx.url('e2e/four-terms.html'));
      expect(await highlightCount(page)).toBe(4);

      const popup = await openPopupFor(ctx, page);
      await setSwitch(popup, SITE_SWITCH, false);
      await page.bringToFront();
      await page.waitForFunction(
        () => ![...CSS.highlights.keys()].some((k) => k.startsWith('termlight-term')),
      );
      await closePopup(popup);

      // A fresh load of the same site stays off: it scans nothing, so no pass ends. The control:
      // the same page on another host, loaded after it, is scanned meanwhile.
      await page.reload({ waitUntil: 'load' });
      const control = await ctx.page();
      await openScanned(control, ctx.url('e2e/four-terms.html').replace('127.0.0.1', 'localhost'));
      expect({ control: await highlightCount(control), off: await highlightCount(page) }).toEqual({
        control: 4,
        off: 0,
      });
      await control.close();
      await page.bringToFront();

      const again = await openPopupFor(ctx, page);
      await setSwitch(again, SITE_SWITCH, true);
      await page.bringToFront();
      await page.waitForFunction(
        () => [...CSS.highlights.entries()].some(([k, h]) => k.startsWith('termlight-term') && h.size === 4),
        { timeout: 10_000 },
      );
      await closePopup(again);
    });

    it('switches off the srcdoc, about:blank and cross-origin frames of a switched-off page', async () => {
      const page = await ctx.page();
      await page.goto(serveFramedPage(ctx), { waitUntil: 'load' });
      // The positive control: every kind of frame highlights while the site is on.
      await waitForFrames(page, (n) => n > 0, 'highlighted');

      const popup = await openPopupFor(ctx, page);
      await setSwitch(popup, SITE_SWITCH, false);
      await page.bringToFront();
      expect(await waitForFrames(page, (n) => n === 0, 'switched off')).toEqual({
        top: 0,
        srcdoc: 0,
        blank: 0,
        'cross-origin': 0,
      });

      // Loaded afresh, each frame asks the background, which answers from the top-level page.
      await page.reload({ waitUntil: 'load' });
      // The frame's own site is on: only its top-level page switched it off. (Loaded after the
      // reload and scanned meanwhile, it is also the control for the wait below.)
      const alone = await ctx.page();
      await openScanned(alone, ctx.url('e2e/four-terms.html').replace('127.0.0.1', 'localhost'));
      expect(await highlightCount(alone)).toBe(4);
      expect(await waitForFrames(page, (n) => n === 0, 'off after a reload')).toEqual({
        top: 0,
        srcdoc: 0,
        blank: 0,
        'cross-origin': 0,
      });

      // (Chromium's action popup closed when the page came to the front.)
      await closePopup(popup);
      const again = await openPopupFor(ctx, page);
      await setSwitch(again, SITE_SWITCH, true);
      await page.bringToFront();
      await waitForFrames(page, (n) => n > 0, 'highlighted again');
      await closePopup(again);
    });

    it('does not install the page-world script on a switched-off site', async () => {
      const page = await ctx.page();
      await openScanned(page, ctx.url('e2e/four-terms.html'));
      // The positive control: on a site that is on, the hooks report a shadow root.
      await waitForPageHooks(page, true);

      const popup = await openPopupFor(ctx, page);
      await setSwitch(popup, SITE_SWITCH, false);
      await closePopup(popup);
      await waitForPageHooks(page, false);

      const again = await openPopupFor(ctx, page);
      await setSwitch(again, SITE_SWITCH, true);
      await closePopup(again);
      await waitForPageHooks(page, true);
    });
  });
}
