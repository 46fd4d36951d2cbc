import { describe, expect, it } from 'vitest';
import { readHighlights, waitForScan } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';
import { serveReactPage } from './support/react-page';

describe.each(['chromium', 'firefox'] as const)('a hydrated React page in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('hydrates without error, stays interactive and keeps its DOM identical', async () => {
    const url = await serveReactPage(ctx.server);
    const page = await ctx.page();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(url, { waitUntil: 'load' });
    await waitForScan(page);
    await page.waitForFunction(() => window.__hydrated === true);
    const texts = (await readHighlights(page)).map((h) => h.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Cyberspace Administration of China',
        'CAC',
        'MLPS',
        'TC260',
        'leading small group',
      ]),
    );
    const state = await page.evaluate(() => ({
      same: document.body.innerHTML === (window as { __before?: string }).__before,
      errors: window.__hydrationErrors,
    }));
    expect(state.errors).toEqual([]);
    expect(state.same).toBe(true);
    expect(consoleErrors.filter((e) => /hydrat/i.test(e))).toEqual([]);

    const button = await page.waitForSelector('aria/Clicked 0 times');
    await button?.click();
    await page.waitForSelector('aria/Clicked 1 times');
  });
});
