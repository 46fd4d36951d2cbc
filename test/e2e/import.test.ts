import { describe, expect, it } from 'vitest';
import { openScanned } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';
import { importFile, openLibrary, setSwitch } from './support/library';

describe.each(['chromium', 'firefox'] as const)('importing a glossary in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('a malformed file is refused with its JSON path and changes nothing', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    const before = await library.$$eval('.pack', (packs) => packs.map((p) => p.textContent));
    const status = await importFile(library, 'e2e/broken-pack.json', /Import failed/);
    expect(status).toContain('$.terms[1].sources[0].url');
    expect(await library.$$eval('.pack', (packs) => packs.map((p) => p.textContent))).toEqual(before);
    await openLibrary(library, ctx.browser);
    expect(await library.$$eval('.pack', (packs) => packs.map((p) => p.textContent))).toEqual(before);
  });

  it('highlights only the imported pack once the default pack is switched off', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    const status = await importFile(library, 'e2e/team-pack.json', /imported|failed/);
    expect(status).toMatch(/Glossary "Team fruit words" imported: 2 terms\./);
    await library.waitForSelector('aria/Enable Team fruit words');

    // Both on: each pack's terms are highlighted in its own colour, under its own highlight name.
    const page = await ctx.page();
    const both = await openScanned(page, ctx.url('e2e/four-terms.html'));
    expect(both.filter((h) => h.name === 'termlight-term-2').map((h) => h.text)).toEqual([
      'audit season',
      'cacao',
    ]);
    expect(both.filter((h) => h.name === 'termlight-term').map((h) => h.text)).toEqual([
      'MLPS',
      'TC260',
      'Global Initiative on Data Security',
      'leading small group',
    ]);

    await setSwitch(library, 'Enable China cyber policy', false);
    const highlights = await openScanned(page, ctx.url('e2e/four-terms.html'));
    expect(highlights.map((h) => h.text)).toEqual(['audit season', 'cacao']);

    await setSwitch(library, 'Enable China cyber policy', true);
    await setSwitch(library, 'Enable Team fruit words', false);
    const again = await openScanned(page, ctx.url('e2e/four-terms.html'));
    expect(again.map((h) => h.text)).toEqual([
      'MLPS',
      'TC260',
      'Global Initiative on Data Security',
      'leading small group',
    ]);
  });

  it('reads a UTF-16 TBX from a termbase, and refuses a CSV saved in GBK at the line it breaks (after the others: it adds a pack)', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    const read = await importFile(library, 'e2e/termbase-utf16.tbx', /imported|failed/);
    expect(read).toMatch(/Glossary "Termbase export" imported: 1 term\./);
    const before = await library.$$eval('.pack', (packs) => packs.map((p) => p.textContent));
    const refused = await importFile(library, 'e2e/gbk-terms.csv', /Import failed/);
    expect(refused).toMatch(/line 2: not UTF-8 text/);
    expect(await library.$$eval('.pack', (packs) => packs.map((p) => p.textContent))).toEqual(before);
  });
});
