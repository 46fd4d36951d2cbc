/** Storage the reader can see: usage, quota and persistence in Settings, and an emptied database. */
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/fixture';
import { importFile, listedPacks, openLibrary } from './support/library';

describe.each(['chromium', 'firefox'] as const)('the storage section of Settings in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('shows how much is used of what is available, and whether the browser keeps it', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser, 'settings');
    const section = await library.waitForFunction(
      () => {
        const text = document.querySelector('section[aria-labelledby="storage-heading"]')?.textContent ?? '';
        return /Used: [\d.]+ (B|kB|MB|GB)/.test(text) ? text : false;
      },
      { timeout: 10_000 },
    );
    const text = (await section.jsonValue()) as string;
    expect(text).toMatch(/^Storage/);
    expect(text).toMatch(/Available to Termlight: [\d.]+ (kB|MB|GB|TB)/);
    expect(text).toMatch(/The browser (keeps|may clear) Termlight's data when the disk runs low\./);
  });
});

describe('an emptied database in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('is noticed at the next start: the built-in pack is back and the reader is told what was lost', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    await importFile(library, 'e2e/team-pack.csv', /imported:/);
    expect(await library.$('aria/Storage problems[role="heading"]')).toBeNull();

    // What the browser does under storage pressure: the database goes, storage.local stays.
    const target = await ctx.browser.browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(ctx.browser.extensionUrl),
    );
    const worker = await target.worker();
    await worker?.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('termlight');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    await worker?.close();

    await openLibrary(library, ctx.browser);
    const alert = await library.waitForSelector('aria/Storage problems[role="heading"]', { timeout: 10_000 });
    expect(alert).not.toBeNull();
    const text = await library.$eval('.storage-problems [role="alert"]', (list) => list.textContent ?? '');
    expect(text).toContain(
      "The browser emptied Termlight's database; the built-in glossary was installed again",
    );
    expect(text).toContain('Your own glossaries lost: 1.');
    expect((await listedPacks(library)).length).toBe(1);

    await (await library.waitForSelector('aria/Dismiss[role="button"]'))?.click();
    await library.waitForFunction(() => !document.querySelector('.storage-problems'), { timeout: 5_000 });
  });
});
