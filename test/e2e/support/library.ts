/** Drives the library page the way a user does: by role and accessible name. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../harness/browsers';
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
  'Show the number of terms on the toolbar icon',
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
  const handle = await theSwitch(page, name);
  const isOn = () => handle.evaluate((el) => el.checked);
  if ((await isOn()) !== on) await handle.click();
  // Polled from here: Firefox's BiDi cannot pass an element handle into waitForFunction.
  for (let tries = 0; (await isOn()) !== on; tries++) {
    if (tries > 100) throw new Error(`The switch "${name}" did not turn ${on ? 'on' : 'off'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Chooses `fixture` (a path under test/fixtures) in the "Import glossary" input; returns the status text. */
export async function importFile(page: Page, fixture: string, expect: RegExp): Promise<string> {
  return importPath(page, join(FIXTURES, fixture), expect);
}

/** Chooses the file at `path` (any path, such as a download) in the "Import glossary" input; returns the status text. */
export async function importPath(page: Page, path: string, expect: RegExp): Promise<string> {
  const input = await fileInputNamed(page, 'Import glossary');
  await input.uploadFile(path);
  return waitForStatus(page, expect);
}

/**
 * Waits until the library's `role="status"` text matches `expect`, and returns that text. With
 * `afterChange`, only once the region has changed since {@link clickAndAwaitStatus} marked it.
 */
export async function waitForStatus(
  page: Page,
  expect: RegExp,
  timeout = 20_000,
  afterChange = false,
): Promise<string> {
  const status = await page.waitForFunction(
    (source: string, flags: string, afterChange: boolean) => {
      if (afterChange && !(window as { termlightStatusChanged?: boolean }).termlightStatusChanged)
        return false;
      const text = document.querySelector('[role="status"]')?.textContent ?? '';
      return new RegExp(source, flags).test(text) ? text : false;
    },
    { timeout },
    expect.source,
    expect.flags,
    afterChange,
  );
  return (await status.jsonValue()) as string;
}

/**
 * Drops `fixture` (a path under test/fixtures) on the Glossaries tab as a file dragged from the
 * desktop arrives: dragenter and dragover (the drop zone must appear), then drop. Returns the
 * status text once it matches `expect`.
 */
export async function dropFile(page: Page, fixture: string, expect: RegExp): Promise<string> {
  const text = readFileSync(join(FIXTURES, fixture), 'utf8');
  await showTab(page, 'glossaries');
  const shown = await page.evaluate(
    (text: string, name: string) => {
      const target = document.querySelector('#panel-glossaries .glossaries');
      if (!target) throw new Error('No Glossaries tab to drop on');
      const data = new DataTransfer();
      data.items.add(new File([text], name));
      const fire = (type: string) =>
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      fire('dragenter');
      fire('dragover');
      return new Promise<boolean>((resolve) =>
        requestAnimationFrame(() => {
          const zone = document.querySelector<HTMLElement>('.drop-zone');
          const visible = zone !== null && zone.getBoundingClientRect().height > 0;
          fire('drop');
          resolve(visible);
        }),
      );
    },
    text,
    basename(fixture),
  );
  if (!shown)
    throw new Error('The drop zone did not appear while a file was dragged over the Glossaries tab');
  return waitForStatus(page, expect);
}

/** What the merge report shows: its heading, its text, the term ids it lists, and whether it has focus. */
export interface MergeReportText {
  heading: string;
  text: string;
  added: string[];
  changed: string[];
  removed: string[];
  focused: boolean;
}

/**
 * Waits for the merge report (the region with the "Replace glossary" button) and reads it. Term
 * ids are read from its lists, closed or open, as a user reads them after opening each list.
 */
export async function readMergeReport(page: Page): Promise<MergeReportText> {
  await page.waitForSelector('aria/Replace glossary[role="button"]', { timeout: 10_000 });
  return page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Replace glossary');
    const region = button?.closest<HTMLElement>('section[aria-labelledby]');
    if (!region) throw new Error('The "Replace glossary" button is not inside a labelled region');
    const ids = (label: string) =>
      [...region.querySelectorAll(`[aria-label="Terms ${label}"] code`)].map((c) => c.textContent ?? '');
    return {
      heading: document.getElementById(region.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
      text: region.textContent ?? '',
      added: ids('added'),
      changed: ids('changed'),
      removed: ids('removed'),
      focused: region.contains(document.activeElement),
    };
  });
}

/** Clicks the merge report's "Replace glossary" or "Cancel" and waits until the status matches `expect`. */
export async function answerMergeReport(
  page: Page,
  answer: 'Replace glossary' | 'Cancel',
  expect: RegExp,
): Promise<string> {
  await page.waitForSelector('aria/Replace glossary[role="button"]', { timeout: 10_000 });
  // Scoped to the report: other panels (a term editor, say) may have a "Cancel" of their own.
  const button = (await page.evaluateHandle((answer: string) => {
    const replace = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Replace glossary',
    );
    const region = replace?.closest('section[aria-labelledby]');
    return [...(region?.querySelectorAll('button') ?? [])].find((b) => b.textContent === answer) ?? null;
  }, answer)) as ElementHandle<HTMLButtonElement>;
  if (!(await button.evaluate((b) => b instanceof HTMLButtonElement))) {
    throw new Error(`No "${answer}" button in the merge report`);
  }
  await button.click();
  return waitForStatus(page, expect);
}

/** Each pack's name and term count as the Glossaries tab lists them. */
export async function listedPacks(page: Page): Promise<string[]> {
  return page.$$eval('.pack .about', (packs) =>
    packs.map(
      (p) =>
        `${p.querySelector('.name')?.textContent}: ${p.querySelector('.muted')?.textContent?.split(' · ')[0]}`,
    ),
  );
}

/**
 * Clicks `button` ("Export JSON", …) in the export group of the pack named `pack`, and returns the
 * announcement of that export (the status text once it changes and names an export).
 */
export async function exportPack(page: Page, pack: string, button: string): Promise<string> {
  await showTab(page, 'glossaries');
  const group = await page.waitForSelector(`aria/Export ${pack}[role="group"]`, { timeout: 10_000 });
  const target = await group?.waitForSelector(`aria/${button}[role="button"]`, { timeout: 10_000 });
  if (!target) throw new Error(`No "${button}" in the group "Export ${pack}"`);
  const before = await page.$eval('[role="status"]', (s) => s.textContent ?? '');
  await target.click();
  const status = await page.waitForFunction(
    (before: string) => {
      const text = document.querySelector('[role="status"]')?.textContent ?? '';
      return text !== before && /Export(ed| of) "/.test(text) ? text : false;
    },
    { timeout: 10_000 },
    before,
  );
  return (await status.jsonValue()) as string;
}

/**
 * Clicks `button` and returns the library's status text once it has changed since the click and
 * matches `expect`. A change is watched for (not compared with the text before), so an announcement
 * that repeats the previous one ("… is up to date." twice) is still seen as new.
 */
async function clickAndAwaitStatus(
  page: Page,
  button: ElementHandle<Element>,
  expect: RegExp,
  timeout = 20_000,
): Promise<string> {
  await page.evaluate(() => {
    const status = document.querySelector('[role="status"]');
    if (!status) throw new Error('No role="status" region in the library');
    const marked = window as { termlightStatusChanged?: boolean };
    marked.termlightStatusChanged = false;
    new MutationObserver((_, observer) => {
      marked.termlightStatusChanged = true;
      observer.disconnect();
    }).observe(status, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await button.click();
  return waitForStatus(page, expect, timeout, true);
}

/**
 * Types `url` into the Glossaries tab's "Glossary URL" field, presses "Subscribe", and returns the
 * status text once it matches `expect`. `names` are the field's and the button's in another
 * language (then the Glossaries tab must be open already: showTab finds it by its English name).
 */
export async function subscribeTo(
  page: Page,
  url: string,
  expect: RegExp,
  names = { field: 'Glossary URL', button: 'Subscribe' },
): Promise<string> {
  await page.bringToFront();
  await showTab(page, 'glossaries');
  // Firefox's accessibility tree may answer with the <label> that wraps the field: a click on
  // either focuses the field. Three clicks select what is there, so typing replaces it.
  const field = await page.waitForSelector(`aria/${names.field}`, { timeout: 10_000 });
  if (!field) throw new Error(`No "${names.field}" field on the Glossaries tab`);
  await field.click({ count: 3 });
  await page.keyboard.type(url);
  const button = await page.waitForSelector(`aria/${names.button}[role="button"]`, { timeout: 10_000 });
  if (!button) throw new Error(`No "${names.button}" button on the Glossaries tab`);
  return clickAndAwaitStatus(page, button, expect);
}

/**
 * Clicks `button` ("Refresh now", "Copy to local pack") in the group "Subscription <pack>" of the
 * Glossaries tab, and returns the status text once it has changed and matches `expect`.
 */
export async function subscriptionAction(
  page: Page,
  pack: string,
  button: 'Refresh now' | 'Copy to local pack',
  expect: RegExp,
): Promise<string> {
  await page.bringToFront();
  await showTab(page, 'glossaries');
  const group = await page.waitForSelector(`aria/Subscription ${pack}[role="group"]`, { timeout: 10_000 });
  const target = await group?.waitForSelector(`aria/${button}[role="button"]`, { timeout: 10_000 });
  if (!target) throw new Error(`No "${button}" in the group "Subscription ${pack}"`);
  return clickAndAwaitStatus(page, target, expect);
}

/** The text the Glossaries tab shows with the pack named `pack` (its card, subscription details included). */
export async function packText(page: Page, pack: string): Promise<string> {
  return page.evaluate((pack: string) => {
    const card = [...document.querySelectorAll('.pack')].find(
      (p) => p.querySelector('.name')?.textContent === pack,
    );
    return card?.textContent ?? '';
  }, pack);
}

/** Where a control is looked for: the whole page, or inside a group (an alias row, a pack's actions). */
type Scope = Page | ElementHandle<Element>;

/** The control named `name` (by its accessible name, and `role` when given) inside `scope`. */
export async function control(scope: Scope, name: string, role?: string): Promise<ElementHandle<Element>> {
  const handle = await scope.waitForSelector(`aria/${name}${role ? `[role="${role}"]` : ''}`, {
    timeout: 10_000,
  });
  if (!handle) throw new Error(`No control named "${name}"`);
  return handle;
}

/** The group (a fieldset with a name) named `name`: "Manage <pack>", "Alias 1", "Source 1". */
export function group(scope: Scope, name: string): Promise<ElementHandle<Element>> {
  return control(scope, name, 'group');
}

/** Clicks the button named `name` inside `scope`. */
export async function pressButton(scope: Scope, name: string): Promise<void> {
  await (await control(scope, name, 'button')).click();
}

/** Replaces the text of the field named `name` the way a user does: select all of it, then type. */
export async function fillField(page: Page, name: string, value: string, scope: Scope = page): Promise<void> {
  const field = await control(scope, name);
  await field.evaluate((el) => {
    const input = el as HTMLInputElement | HTMLTextAreaElement;
    input.focus();
    input.select();
  });
  if (value) await page.keyboard.type(value);
  else await page.keyboard.press('Backspace');
}

/** Chooses the option with `value` in the select named `name`. */
export async function chooseOption(name: string, value: string, scope: Scope): Promise<void> {
  const select = (await control(scope, name)) as ElementHandle<HTMLSelectElement>;
  await select.select(value);
}

/** What a form control shows and tells a screen reader: its value, aria-invalid, and its description. */
export interface ControlState {
  value: string;
  /** The text of the chosen option, for a select. */
  option: string | null;
  invalid: boolean;
  description: string;
  disabled: boolean;
}

export async function controlState(scope: Scope, name: string, role?: string): Promise<ControlState> {
  return (await control(scope, name, role)).evaluate((el) => {
    const input = el as HTMLInputElement;
    const described = (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    return {
      value: input.value ?? '',
      option: el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? null) : null,
      invalid: el.getAttribute('aria-invalid') === 'true',
      description: described,
      disabled: input.disabled === true,
    };
  });
}

/** Waits until `check` holds for the control named `name` (it is re-read every 50 ms), and returns its state. */
export async function waitForControl(
  scope: Scope,
  name: string,
  check: (state: ControlState) => boolean,
  role?: string,
): Promise<ControlState> {
  const until = Date.now() + 10_000;
  for (;;) {
    const state = await controlState(scope, name, role);
    if (check(state)) return state;
    if (Date.now() > until)
      throw new Error(`"${name}" did not reach the expected state: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The accessible name of the focused element (its aria-label, or its text), or null. */
export async function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? null;
  });
}

/** The open term editor (a modal dialog): its heading and whether focus is inside it. */
export async function waitForTermEditor(page: Page): Promise<{ heading: string; focusInside: boolean }> {
  const dialog = await page.waitForSelector('dialog.term-editor[open]', { timeout: 10_000 });
  if (!dialog) throw new Error('The term editor did not open');
  return dialog.evaluate((d) => ({
    heading: document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
    focusInside: d.contains(document.activeElement),
  }));
}

/** Waits until the term editor has closed. */
export async function waitForTermEditorClosed(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('dialog.term-editor'), { timeout: 10_000 });
}

/**
 * Clicks the button named `name` inside `scope` and returns the status text once it has changed
 * since the click and matches `expect` (an announcement equal to the last one still counts).
 */
export async function pressForStatus(
  page: Page,
  name: string,
  expect: RegExp,
  scope: Scope = page,
): Promise<string> {
  const button = await control(scope, name, 'button');
  await page.evaluate(() => {
    const status = document.querySelector('[role="status"]');
    if (!status) throw new Error('No role="status" region in the library');
    const marked = window as { termlightEditStatus?: boolean };
    marked.termlightEditStatus = false;
    new MutationObserver((_, observer) => {
      marked.termlightEditStatus = true;
      observer.disconnect();
    }).observe(status, { childList: true, subtree: true, characterData: true });
  });
  await button.click();
  const status = await page.waitForFunction(
    (source: string, flags: string) => {
      if (!(window as { termlightEditStatus?: boolean }).termlightEditStatus) return false;
      const text = document.querySelector('[role="status"]')?.textContent ?? '';
      return new RegExp(source, flags).test(text) ? text : false;
    },
    { timeout: 20_000 },
    expect.source,
    expect.flags,
  );
  return (await status.jsonValue()) as string;
}

/** Shows the term list of the pack named `pack` ("Show terms"), unless it is shown. */
export async function showTerms(page: Page, pack: string): Promise<void> {
  await showTab(page, 'glossaries');
  await page.waitForFunction(
    (pack: string) => {
      const item = [...document.querySelectorAll('.pack-item')].find(
        (p) => p.querySelector('.pack .name')?.textContent === pack,
      );
      const toggle = item?.querySelector<HTMLButtonElement>('button[aria-controls^="terms-"]');
      if (!toggle) return false;
      if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
      return item?.querySelector('.terms, .no-terms') !== null;
    },
    { timeout: 10_000, polling: 100 },
    pack,
  );
}

/** The names of the buttons in the term list of the pack named `pack` (it must be shown). */
export async function termListButtons(page: Page, pack: string): Promise<string[]> {
  return page.evaluate((pack: string) => {
    const item = [...document.querySelectorAll('.pack-item')].find(
      (p) => p.querySelector('.pack .name')?.textContent === pack,
    );
    return [...(item?.querySelectorAll('.terms button, .no-terms button') ?? [])].map(
      (b) => b.getAttribute('aria-label') ?? b.textContent ?? '',
    );
  }, pack);
}

/** Waits until the focused element's accessible name (aria-label, or text) is `name`. */
export async function waitForFocus(page: Page, name: string): Promise<void> {
  try {
    await page.waitForFunction(
      (name: string) => {
        const el = document.activeElement;
        return (el?.getAttribute('aria-label') ?? el?.textContent?.trim()) === name;
      },
      { timeout: 5_000, polling: 50 },
      name,
    );
  } catch {
    throw new Error(`Focus is on "${await focusedName(page)}", not on "${name}"`);
  }
}

/**
 * The switch named `name`, as a reader or a checker finds it by name alone: the first match must be
 * the control itself, a checkbox with role switch (not, say, a <label> Firefox names like it).
 */
async function theSwitch(page: Page, name: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await control(page, name);
  const what = await handle.evaluate((el) => `${el.tagName.toLowerCase()}[role=${el.getAttribute('role')}]`);
  if (what !== 'input[role=switch]') throw new Error(`"${name}" is first found on a ${what}, not a switch`);
  return handle as ElementHandle<HTMLInputElement>;
}

/** Whether the switch named `name` is on. */
export async function switchIsOn(page: Page, name: string): Promise<boolean> {
  return (await theSwitch(page, name)).evaluate((el) => el.checked);
}
