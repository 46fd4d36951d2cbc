import { describe, expect, it } from 'vitest';
import { readHighlights, waitForScan } from '../../scripts/lib/page-probe';
import { waitForRoleText } from './support/a11y';
import { dragSelect, waitForClipPass } from './support/clippings';
import { useExtensionBrowser } from './support/fixture';

const PASSAGE =
  'Operators must file their systems under MLPS and report incidents to the CAC within one hour.';

describe('clippings in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('saves a passage selected with the mouse and highlights it again after a reload', async () => {
    const page = await ctx.page();
    await page.goto(ctx.url('e2e/article.html'), { waitUntil: 'load' });
    await waitForScan(page);
    await dragSelect(page, '#quote', PASSAGE);
    const save = await page.waitForSelector('aria/Save clipping[role="button"]');
    await save?.click();
    expect(await waitForRoleText(page, 'status', /Clipping saved/)).toMatch(/Clipping saved/);
    expect(await readHighlights(page, 'termlight-clip')).toEqual([{ name: 'termlight-clip', text: PASSAGE }]);

    await page.reload({ waitUntil: 'load' });
    await waitForClipPass(page);
    expect(await readHighlights(page, 'termlight-clip')).toEqual([{ name: 'termlight-clip', text: PASSAGE }]);
  });
});
