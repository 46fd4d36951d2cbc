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

  it('"first occurrence only" moves a highlight to the next occurrence when the first one goes', async () => {
    ctx.server.route(
      '/first-goes.html',
      '<!doctype html><meta charset="utf-8"><body><p id="a">MLPS comes first.</p>' +
        '<p id="b">Then MLPS again, and TC260.</p><p id="c">TC260 once more.</p></body>',
    );
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    await setSwitch(library, 'Highlight only the first occurrence of each term', true);
    const page = await ctx.page();
    try {
      await openScanned(page, ctx.url('first-goes.html'));
      const where = () =>
        page.evaluate(() => {
          const found: string[] = [];
          for (const [name, highlight] of CSS.highlights)
            if (name.startsWith('termlight-term'))
              for (const r of highlight) found.push(`${r.startContainer.parentElement?.id}:${r.startOffset}`);
          return found.sort();
        });
      expect(await where()).toEqual(['a:0', 'b:21']);
      // The paragraph with the first MLPS goes, and TC260 is edited out of the other: the next
      // occurrence of each takes its place.
      await page.evaluate(() => {
        document.getElementById('a')?.remove();
        const b = document.getElementById('b')?.firstChild as Text;
        b.data = 'Then MLPS again.';
      });
      await page.waitForFunction(
        () =>
          [...(CSS.highlights.get('termlight-term') ?? [])].some(
            (r) => r.startContainer.parentElement?.id === 'c',
          ),
        { timeout: 10_000, polling: 50 },
      );
      expect(await where()).toEqual(['b:5', 'c:0']);
    } finally {
      await setSwitch(library, 'Highlight only the first occurrence of each term', false);
    }
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
