import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { openScanned, readHighlights } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';
import { setSwitch } from './support/library';
import { waitForPageHooks } from './support/page-hooks';
import { closePopup, openPopupFor, PAUSE_SWITCH } from './support/popup';

/** Waits until `page` shows `count` term highlights (read in its main world). */
async function waitForTerms(page: Page, count: number): Promise<void> {
  const end = Date.now() + 15_000;
  let last = -1;
  while (Date.now() < end) {
    last = (await readHighlights(page)).length;
    if (last === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${last} term highlights, not ${count}`);
}

for (const name of ['chromium', 'firefox'] as const) {
  describe(`pausing Termlight everywhere in ${name}`, () => {
    const ctx = useExtensionBrowser(name);

    it('clears every open tab live, stops watching, and resumes with a rescan', async () => {
      const page = await ctx.page();
      const other = await ctx.page();
      await openScanned(other, ctx.url('e2e/four-terms.html').replace('127.0.0.1', 'localhost'));
      await openScanned(page, ctx.url('e2e/four-terms.html'));
      // The positive control: both sites are highlighted before the pause.
      expect((await readHighlights(page)).length).toBe(4);
      expect((await readHighlights(other)).length).toBe(4);

      const popup = await openPopupFor(ctx, page);
      await setSwitch(popup, PAUSE_SWITCH, true);
      await closePopup(popup);
      await page.bringToFront();
      await waitForTerms(page, 0);
      await waitForTerms(other, 0);

      // Text added while paused is not watched for; it is found once Termlight resumes.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Added while paused: the Cyberspace Administration of China.';
        document.body.append(p);
      });
      // A page loaded while paused gets no page-world script either.
      const fresh = await ctx.page();
      await fresh.goto(ctx.url('e2e/four-terms.html'), { waitUntil: 'load' });
      await waitForPageHooks(fresh, false);
      expect((await readHighlights(page)).length).toBe(0);

      const again = await openPopupFor(ctx, page);
      await setSwitch(again, PAUSE_SWITCH, false);
      await closePopup(again);
      await page.bringToFront();
      await waitForTerms(page, 5);
      await other.bringToFront();
      await waitForTerms(other, 4);
      await fresh.bringToFront();
      await waitForTerms(fresh, 4);
      await waitForPageHooks(fresh, true);
    });
  });
}
