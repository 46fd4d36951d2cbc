import { describe, expect, it } from 'vitest';
import { openScanned } from '../../scripts/lib/page-probe';
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
