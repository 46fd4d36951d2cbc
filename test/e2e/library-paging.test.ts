import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/fixture';
import { openLibrary } from './support/library';

/** Stores `count` anchored clippings of one page, numbered from `from`, as the library's undo would. */
async function storeClippings(library: Page, from: number, count: number): Promise<void> {
  const now = Date.now();
  const clippings = Array.from({ length: count }, (_, i) => {
    const exact = `Passage number ${from + i} of the paging page.`;
    return {
      id: `paging-${from + i}`,
      url: 'http://127.0.0.1/paging.html',
      site: '127.0.0.1',
      title: 'Paging',
      exact,
      selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }],
      note: '',
      tags: [],
      termIds: [],
      createdAt: now - from - i,
      updatedAt: now - from - i,
      anchored: true,
    };
  });
  const answer = await library.evaluate(
    (clippings) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
        }
      ).chrome.runtime.sendMessage({ type: 'restoreClippings', clippings }),
    clippings,
  );
  expect(answer.ok).toBe(true);
}

/** The names of the buttons that show more clippings. */
function moreButtons(library: Page): Promise<string[]> {
  return library.evaluate(() =>
    [...document.querySelectorAll('#panel-clippings button')]
      .map((button) => button.textContent ?? '')
      .filter((name) => name.startsWith('Show ')),
  );
}

describe('the library shows clippings a hundred at a time in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('names what the next page holds, in the singular for one', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser, 'clippings');
    const seen: Record<number, string[]> = {};
    let stored = 0;
    for (const total of [101, 150, 250]) {
      await storeClippings(library, stored, total - stored);
      stored = total;
      await openLibrary(library, ctx.browser, 'clippings');
      seen[total] = await moreButtons(library);
    }
    expect(seen).toEqual({
      101: ['Show 1 more clipping'],
      150: ['Show 50 more clippings'],
      250: ['Show 100 more clippings'],
    });
  });
});
