/**
 * A glossary file too large for one message: parsed in the library's worker, streamed to the
 * background in batches over the import port with its progress in the status region, and then
 * highlighted on a page like any other pack.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openScanned } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';
import {
  answerMergeReport,
  fileInputNamed,
  listedPacks,
  openLibrary,
  readMergeReport,
  waitForStatus,
} from './support/library';

const TERM_COUNT = 60_000;
/** STREAMED_IMPORT_BYTES in src/library/import-stream.ts: files above it are streamed. */
const STREAMED_IMPORT_BYTES = 8_000_000;

const dir = mkdtempSync(join(tmpdir(), 'termlight-big-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a 60 000-term pack whose first term, "audit season", is on the four-terms fixture page. */
function writeBigPack(): string {
  const terms = Array.from({ length: TERM_COUNT }, (_, i) =>
    i === 0
      ? { id: 'audit-season', term: 'audit season', definition: 'The weeks when auditors visit.' }
      : {
          id: `synthetic-${i}`,
          term: `synthetic term ${i}`,
          definition: `Synthetic term number ${i}, one of many that make this glossary larger than one message.`,
        },
  );
  const path = join(dir, 'big-pack.json');
  writeFileSync(
    path,
    JSON.stringify({ format: 'termlight-glossary', version: 1, id: 'big-pack', name: 'Big pack', terms }),
  );
  return path;
}

/** Starts keeping every text the library's status region shows, in order. */
async function recordStatusTexts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const status = document.querySelector('[role="status"]');
    if (!status) throw new Error('No role="status" region in the library');
    const log: string[] = [];
    (window as { termlightStatusLog?: string[] }).termlightStatusLog = log;
    new MutationObserver(() => log.push(status.textContent ?? '')).observe(status, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
}

async function statusTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as { termlightStatusLog?: string[] }).termlightStatusLog ?? []);
}

describe.each(['chromium', 'firefox'] as const)('importing a large glossary in %s', (name) => {
  const ctx = useExtensionBrowser(name);
  const path = writeBigPack();

  it('streams a 60 000-term pack with progress, highlights its terms, and previews it again against the stored pack', async () => {
    // Positive control: the file is above the threshold, so the streamed path is the one taken.
    expect(statSync(path).size).toBeGreaterThan(STREAMED_IMPORT_BYTES);
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    await recordStatusTexts(library);

    await (await fileInputNamed(library, 'Import glossary')).uploadFile(path);
    const status = await waitForStatus(library, /imported:|failed|did not finish/, 60_000);
    expect(status).toBe('Glossary "Big pack" imported: 60000 terms.');
    const shown = await statusTexts(library);
    expect(shown).toContainEqual(expect.stringMatching(/^Importing "Big pack": [\d,]+ of 60,000 terms…$/));
    expect(shown).toContain('Checking the 60,000 terms of "Big pack"…');
    await library.waitForSelector('aria/Enable Big pack');
    expect(await listedPacks(library)).toContain('Big pack: 60000 terms');

    const page = await ctx.page();
    const highlights = await openScanned(page, ctx.url('e2e/four-terms.html'));
    expect(highlights.map((h) => h.text)).toContain('audit season');

    // The same file again: the background compares it with the stored pack, and the reader's
    // "Cancel" drops what it received.
    await library.bringToFront();
    await (await fileInputNamed(library, 'Import glossary')).uploadFile(path);
    const report = await readMergeReport(library);
    expect(report.heading).toBe('Replace "Big pack"?');
    expect(report.text).toContain('0 terms added');
    expect(report.text).toContain('0 terms removed');
    expect(await answerMergeReport(library, 'Cancel', /cancelled/)).toBe(
      'Import cancelled, nothing was changed.',
    );
  });
});
