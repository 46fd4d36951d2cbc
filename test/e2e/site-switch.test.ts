import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { openScanned, readHighlights } from '../../scripts/lib/page-probe';
import { useExtensionBrowser } from './support/fixture';
import { setSwitch } from './support/library';
import { openPopup } from './support/popup';

async function highlightCount(page: Page): Promise<number> {
  return (await readHighlights(page)).length;
}

describe('the per-site switch in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('removes and restores highlights live, without a reload', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    expect(await highlightCount(page)).toBe(4);

    const popup = await openPopup(ctx, page);
    await setSwitch(popup, 'Highlight on this site', false);
    await page.waitForFunction(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('termlight-term')));
    await popup.close();

    // A fresh load of the same site stays off.
    await page.reload();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await highlightCount(page)).toBe(0);

    const again = await openPopup(ctx, page);
    await setSwitch(again, 'Highlight on this site', true);
    await page.waitForFunction(
      () => [...CSS.highlights.entries()].some(([k, h]) => k.startsWith('termlight-term') && h.size === 4),
      { timeout: 10_000 },
    );
    await again.close();
  });
});
