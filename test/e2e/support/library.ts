/** Drives the library page the way a user does: by role and accessible name. */
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../../scripts/lib/browsers';
import { FIXTURES } from './fixture';

/** The library's tabs, by the id used in its URL hash (`library.html#settings`). */
export type LibraryTab = 'clippings' | 'glossaries' | 'settings';

const TAB_NAMES: Record<LibraryTab, string> = {
  clippings: 'Clippings',
  glossaries: 'Glossaries',
  settings: 'Settings',
};

/** A selector for what each tab shows once its data has loaded. */
const LOADED: Record<LibraryTab, string> = {
  clippings: '#panel-clippings :is(.filters, .empty-clippings)',
  glossaries: '#panel-glossaries :is(.packs, .no-packs)',
  settings: '#panel-settings input[type="checkbox"]',
};

/**
 * Opens the library page in `page` at `tab` (`library.html#<tab>`) and waits until that tab has
 * loaded. Always a fresh document, even when `page` already shows the library, so a test that opens
 * it again sees what was stored rather than what the old page remembered.
 */
export async function openLibrary(
  page: Page,
  browser: ExtensionBrowser,
  tab: LibraryTab = 'glossaries',
): Promise<void> {
  await openLibraryAt(page, browser, `#${tab}`);
  await page.waitForSelector(LOADED[tab], { timeout: 10_000 });
}

/**
 * Opens `library.html<hash>` as a new document. From the library itself that takes a reload: a
 * navigation that changes only the fragment keeps the document.
 */
export async function openLibraryAt(page: Page, browser: ExtensionBrowser, hash: string): Promise<void> {
  const library = `${browser.extensionUrl}library.html`;
  const current = await page.evaluate(() => location.href).catch(() => '');
  if (current.split('#')[0] !== library) {
    await openExtensionPage(page, browser, `library.html${hash}`);
    return;
  }
  await page.evaluate((url: string) => {
    (window as { termlightStale?: true }).termlightStale = true;
    history.replaceState(null, '', url);
    location.reload();
  }, `${library}${hash}`);
  await pollDocument(page, () => !('termlightStale' in window) && document.readyState === 'complete');
}

/** Chooses the library tab `tab` the way a user does (a click), unless it is already chosen. */
export async function showTab(page: Page, tab: LibraryTab): Promise<void> {
  const selected = `#tab-${tab}[role="tab"][aria-selected="true"]`;
  if (await page.$(selected)) return;
  const button = await page.waitForSelector(`aria/${TAB_NAMES[tab]}[role="tab"]`, { timeout: 10_000 });
  await button?.click();
  await page.waitForSelector(selected, { timeout: 10_000 });
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
  await pollDocument(page, (url: string) => location.href === url && document.readyState === 'complete', url);
}

/** Waits until `ready` holds in the page's current document, across documents that replace each other. */
async function pollDocument(page: Page, ready: (arg: string) => boolean, arg = ''): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await page.waitForFunction(ready, { timeout: Math.max(1, deadline - Date.now()), polling: 50 }, arg);
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

/** The settings' switches; every other switch ("Enable <pack>") is on the Glossaries tab. */
const SETTINGS_SWITCHES = new Set([
  'Highlight only the first occurrence of each term',
  'Highlight terms inside code blocks',
]);

/** Sets the switch named `name` to `on`; in the library, it chooses the tab the switch is on first. */
export async function setSwitch(page: Page, name: string, on: boolean): Promise<void> {
  // A background tab's accessibility tree is not kept up to date: act on the page a user would see.
  await page.bringToFront();
  // The popup has switches too, and no tabs. (Asked of the document: over BiDi, Firefox does not
  // tell puppeteer about moz-extension: navigations, so page.url() can be stale.)
  if (await page.evaluate(() => location.pathname.endsWith('/library.html'))) {
    await showTab(page, SETTINGS_SWITCHES.has(name) ? 'settings' : 'glossaries');
  }
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
