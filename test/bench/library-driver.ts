/** Drives the extension's library page by accessible name: import bench packs, choose enabled packs. */
import type { Page } from 'puppeteer-core';
import { fileInputNamed, openLibrary, setSwitch } from '../e2e/support/library';
import type { ExtensionBrowser } from '../harness/browsers';

/** An open library page. */
export async function libraryPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.newPage();
  await openLibrary(page, browser);
  return page;
}

/** Chooses `file` in the "Import glossary" input and waits until the status says it was imported. */
export async function importPackFile(
  page: Page,
  file: string,
  packName: string,
  timeout = 180_000,
): Promise<void> {
  const input = await fileInputNamed(page, 'Import glossary');
  await input.uploadFile(file);
  const status = await page.waitForFunction(
    () => {
      const text = document.querySelector('[role="status"]')?.textContent ?? '';
      return /imported|replaced|failed/i.test(text) && !/Importing/.test(text) ? text : false;
    },
    { timeout, polling: 200 },
  );
  const text = String(await status.jsonValue());
  if (!/imported|replaced/.test(text) || /failed/i.test(text))
    throw new Error(`Importing ${file} failed: ${text}`);
  await page.waitForSelector(`aria/Enable ${packName}`, { timeout: 30_000 });
}

/** Turns on exactly the packs named in `on` among `all` (pack names, as shown in the library). */
export async function enableOnly(page: Page, all: readonly string[], on: readonly string[]): Promise<void> {
  for (const name of all) await setSwitch(page, `Enable ${name}`, on.includes(name));
  // The background bumps the snapshot version after the switch; give it a moment to settle.
  await new Promise((resolve) => setTimeout(resolve, 500));
}
