/** Drives the library page the way a user does: by role and accessible name. */
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../../scripts/lib/browsers';
import { FIXTURES } from './fixture';

/** Opens the library page in `page`. */
export async function openLibrary(page: Page, browser: ExtensionBrowser): Promise<void> {
  await openExtensionPage(page, browser, 'library.html');
  await fileInputNamed(page, 'Import glossary');
  await page.waitForFunction(() => document.querySelector('.packs, .no-packs') !== null, { timeout: 10_000 });
}

/**
 * Navigates to an extension page. Over WebDriver BiDi, Firefox never reports the load of a
 * moz-extension: page to puppeteer, so there the navigation is started and the document polled.
 */
export async function openExtensionPage(page: Page, browser: ExtensionBrowser, path: string): Promise<void> {
  const url = `${browser.extensionUrl}${path}`;
  if (browser.name === 'chromium') {
    await page.goto(url, { waitUntil: 'load' });
    return;
  }
  page.goto(url, { timeout: 0 }).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await page.waitForFunction(
        (url: string) => location.href === url && document.readyState === 'complete',
        { timeout: Math.max(1, deadline - Date.now()), polling: 50 },
        url,
      );
      return;
    } catch (error) {
      // The poll runs in the document being replaced, whose realm can go away mid-wait ("Waiting
      // failed"): poll again in the new one until the deadline.
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * The file input whose accessible name is `name`. Chromium exposes a file input as the button inside
 * its user-agent shadow root, which puppeteer's `aria/` queries do not return, so the name is computed
 * here from `aria-label` or the enclosing label, as the accessible-name algorithm does.
 */
export async function fileInputNamed(page: Page, name: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (name: string) =>
      [...document.querySelectorAll<HTMLInputElement>('input[type="file"]')].find(
        (input) =>
          (input.getAttribute('aria-label') ?? input.closest('label')?.textContent ?? '').trim() === name,
      ) ?? false,
    { timeout: 10_000 },
    name,
  );
  return handle as ElementHandle<HTMLInputElement>;
}

/** Sets the switch named `name` to `on`. */
export async function setSwitch(page: Page, name: string, on: boolean): Promise<void> {
  // A background tab's accessibility tree is not kept up to date: act on the page a user would see.
  await page.bringToFront();
  // Firefox's accessibility tree may answer with the <label> that wraps the switch, so read the
  // state from the element or the input inside it.
  const handle = (await page.waitForSelector(`aria/${name}`)) as ElementHandle<HTMLElement>;
  const isOn = () =>
    handle.evaluate(
      (el) => (el instanceof HTMLInputElement ? el : el.querySelector('input'))?.checked ?? null,
    );
  if ((await isOn()) !== on) await handle.click();
  // Polled from here: Firefox's BiDi cannot pass an element handle into waitForFunction.
  for (let tries = 0; (await isOn()) !== on; tries++) {
    if (tries > 100) throw new Error(`The switch "${name}" did not turn ${on ? 'on' : 'off'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Chooses `fixture` (a path under test/fixtures) in the "Import glossary" input; returns the status text. */
export async function importFile(page: Page, fixture: string, expect: RegExp): Promise<string> {
  const input = await fileInputNamed(page, 'Import glossary');
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
