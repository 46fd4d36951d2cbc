import { describe, expect, it } from 'vitest';
import { openScanned } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';
import { openLibrary, setSwitch } from './support/library';

describe.each(['chromium', 'firefox'] as const)('page settings in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('"first occurrence only" and "inside code blocks" change what pages highlight', async () => {
    const page = await ctx.page();
    expect((await openScanned(page, ctx.url('e2e/repeated.html'))).map((h) => h.text)).toEqual([
      'MLPS',
      'MLPS',
      'MLPS',
      'TC260',
      'TC260',
    ]);

    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    await setSwitch(library, 'Highlight only the first occurrence of each term', true);
    await setSwitch(library, 'Highlight terms inside code blocks', true);
    await page.bringToFront();
    expect((await openScanned(page, ctx.url('e2e/repeated.html'))).map((h) => h.text)).toEqual([
      'MLPS',
      'TC260',
    ]);

    await setSwitch(library, 'Highlight only the first occurrence of each term', false);
    await page.bringToFront();
    expect((await openScanned(page, ctx.url('e2e/repeated.html'))).map((h) => h.text)).toEqual([
      'MLPS',
      'MLPS',
      'MLPS',
      'TC260',
      'TC260',
      'MLPS',
    ]);
    await setSwitch(library, 'Highlight terms inside code blocks', false);
  });
});

describe.each(['chromium', 'firefox'] as const)('the subscription refresh interval in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('reschedules the background refresh when the reader picks another interval', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser, 'settings');
    const period = () =>
      library.evaluate(async () => {
        const g = globalThis as unknown as {
          browser?: { alarms: { get(n: string): Promise<{ periodInMinutes?: number } | undefined> } };
          chrome?: { alarms: { get(n: string): Promise<{ periodInMinutes?: number } | undefined> } };
        };
        return (await (g.browser ?? g.chrome)?.alarms.get('refresh-subscriptions'))?.periodInMinutes ?? null;
      });
    await library.waitForFunction(() =>
      document.querySelector('select[aria-label="Refresh subscribed glossaries"]'),
    );
    expect(await period()).toBe(1440);
    await library.select('select[aria-label="Refresh subscribed glossaries"]', '6');
    await library.waitForFunction(
      () => /refreshed every 6 hours/.test(document.querySelector('[role="status"]')?.textContent ?? ''),
      { timeout: 10_000 },
    );
    expect(await period()).toBe(360);
  });
});
