/** Drives the library page the way a user does: by role and accessible name. */
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../../scripts/lib/browsers';
import { FIXTURES } from './fixture';

/** Opens the library page in `page`. */
export async function openLibrary(page: Page, browser: ExtensionBrowser): Promise<void> {
  await page.goto(`${browser.extensionUrl}library.html`, { waitUntil: 'load' });
  await page.waitForSelector('aria/Import glossary');
}

/** Sets the switch named `name` to `on`. */
export async function setSwitch(page: Page, name: string, on: boolean): Promise<void> {
  const handle = (await page.waitForSelector(`aria/${name}`)) as ElementHandle<HTMLInputElement>;
  const checked = await handle.evaluate((el) => el.checked);
  if (checked !== on) await handle.click();
  await page.waitForFunction((el: HTMLInputElement, on: boolean) => el.checked === on, {}, handle, on);
}

/** Chooses `fixture` (a path under test/fixtures) in the "Import glossary" input; returns the status text. */
export async function importFile(page: Page, fixture: string, expect: RegExp): Promise<string> {
  const input = (await page.waitForSelector('aria/Import glossary')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(join(FIXTURES, fixture));
  const status = await page.waitForFunction(
    (source: string) => {
      const text = document.querySelector('[role="status"]')?.textContent ?? '';
      return new RegExp(source).test(text) ? text : false;
    },
    { timeout: 20_000 },
    expect.source,
  );
  return (await status.jsonValue()) as string;
}
