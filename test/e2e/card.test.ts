import { describe, expect, it } from 'vitest';
import { highlightCenter, openScanned } from '../harness/page-probe';
import { waitForRole, waitForRoleText } from './support/a11y';
import { useExtensionBrowser } from './support/fixture';

describe('definition card in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('shows the definition of TC260 when the pointer rests on it', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    const { x, y } = await highlightCenter(page, 'TC260');
    await page.mouse.move(x, y);
    const text = await waitForRoleText(page, 'tooltip', /TC260/);
    expect(text).toMatch(/National Information Security Standardi[sz]ation Technical Committee/);
    expect(text).toMatch(/standard/i);
  });

  it('opens and closes the card on a page that stops pointer and key events at its window', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    await page.evaluate(() => {
      // As some pages do for their own widgets: nothing below the window hears these.
      for (const type of ['pointermove', 'pointerdown', 'keydown'])
        window.addEventListener(type, (event) => event.stopPropagation(), true);
    });
    const { x, y } = await highlightCenter(page, 'TC260');
    await page.mouse.move(x, y);
    expect(await waitForRoleText(page, 'tooltip', /TC260/)).toMatch(/TC260/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-termlight-ui]'), { timeout: 5_000 });
  });

  it('keeps the card text out of reach of page scripts', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    const { x, y } = await highlightCenter(page, 'MLPS');
    await page.mouse.move(x, y);
    await waitForRole(page, 'tooltip');
    const visible = await page.evaluate(() => {
      const host = document.querySelector('[data-termlight-ui]');
      return {
        hostFound: host !== null,
        shadow: host?.shadowRoot ?? null,
        text: document.documentElement.textContent,
      };
    });
    expect(visible.hostFound).toBe(true);
    expect(visible.shadow).toBeNull();
    expect(visible.text).not.toMatch(/Multi-Level Protection Scheme/);
    // Nor through a search that selects what it finds and reads the selection: the card's words
    // cannot be selected.
    const selected = await page.evaluate(() => {
      const select = (text: string) => {
        const selection = getSelection();
        selection?.removeAllRanges();
        (window as unknown as { find(s: string): boolean }).find(text);
        for (let i = 0; i < 5; i++) selection?.modify('extend', 'forward', 'word');
        return selection?.toString() ?? '';
      };
      return { pageWord: select('publishes'), cardWord: select('Protection Scheme') };
    });
    expect(selected.pageWord).toMatch(/^publishes the national/);
    expect(selected.cardWord).not.toMatch(/Protection Scheme/);
  });
});

// Firefox's BiDi accessibility locator does not enter closed shadow roots, so there the test can see
// only that a card host opens on hover and closes on Escape, not the card's text.
describe('definition card in firefox', () => {
  const ctx = useExtensionBrowser('firefox');

  it('opens a card when the pointer rests on a term and closes it on Escape', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    const { x, y } = await highlightCenter(page, 'TC260');
    await page.mouse.move(x, y);
    await page.waitForFunction(() => document.querySelector('[data-termlight-ui]') !== null, {
      timeout: 5_000,
    });
    expect(
      await page.evaluate(() => document.querySelector('[data-termlight-ui]')?.shadowRoot ?? null),
    ).toBeNull();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('[data-termlight-ui]') === null, {
      timeout: 5_000,
    });
  });
});
