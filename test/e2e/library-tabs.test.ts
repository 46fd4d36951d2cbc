import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/fixture';
import { openLibrary, openLibraryAt, showTab, waitForStatus } from './support/library';

/** The tab bar as a screen reader meets it: each tab's name, selection, tab stop, and the panel shown. */
async function tabState(page: Page) {
  return page.evaluate(() => {
    const tabs = [...document.querySelectorAll<HTMLElement>('[role="tablist"] [role="tab"]')];
    const selected = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
    const panels = [...document.querySelectorAll<HTMLElement>('[role="tabpanel"]')].filter((p) => !p.hidden);
    return {
      tabs: tabs.map((tab) => tab.textContent),
      selected: selected?.textContent ?? null,
      tabStops: tabs.filter((tab) => tab.tabIndex === 0).map((tab) => tab.textContent),
      focused:
        document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.textContent : null,
      shownPanel: panels.map(
        (p) => document.getElementById(p.getAttribute('aria-labelledby') ?? '')?.textContent,
      ),
      controlsShownPanel: selected?.getAttribute('aria-controls') === panels[0]?.id,
      hash: location.hash,
    };
  });
}

/** Waits until the Tab named `name` is the selected one. */
async function waitForSelected(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (name: string) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === name,
    { timeout: 10_000 },
    name,
  );
}

describe.each(['chromium', 'firefox'] as const)('library tabs in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('opens on Clippings, with the empty state, and the status region outside every panel', async () => {
    const page = await ctx.page();
    await openLibraryAt(page, ctx.browser, '');
    await page.waitForSelector('aria/Clippings[role="tab"]', { timeout: 10_000 });
    expect(await tabState(page)).toMatchObject({
      tabs: ['Clippings', 'Glossaries', 'Settings'],
      selected: 'Clippings',
      tabStops: ['Clippings'],
      shownPanel: ['Clippings'],
      controlsShownPanel: true,
    });
    const empty = await page.waitForFunction(
      () => document.querySelector('#panel-clippings .empty-clippings')?.textContent ?? false,
      { timeout: 10_000 },
    );
    expect(await empty.jsonValue()).toBe(
      'No clippings yet. Select text on any page and choose Save clipping.',
    );
    // The export buttons are there, and say there is nothing to export.
    await (await page.waitForSelector('aria/Export Markdown[role="button"]'))?.click();
    expect(await waitForStatus(page, /No clippings to export yet/)).toBe('No clippings to export yet.');
    expect(
      await page.$$eval('[role="status"]', (regions) => regions.map((r) => r.closest('[role="tabpanel"]'))),
    ).toEqual([null]);
  });

  it('arrow keys, Home and End move between tabs, and a click chooses one; the hash follows', async () => {
    const page = await ctx.page();
    await openLibrary(page, ctx.browser, 'clippings');
    const clippings = await page.waitForSelector('aria/Clippings[role="tab"]');
    await clippings?.focus();

    await page.keyboard.press('ArrowRight');
    await waitForSelected(page, 'Glossaries');
    expect(await tabState(page)).toMatchObject({
      selected: 'Glossaries',
      focused: 'Glossaries',
      tabStops: ['Glossaries'],
      shownPanel: ['Glossaries'],
      controlsShownPanel: true,
      hash: '#glossaries',
    });
    // The packs are in the accessibility tree only while their panel is shown.
    expect(await page.waitForSelector('aria/Enable China cyber policy', { timeout: 10_000 })).not.toBeNull();

    await page.keyboard.press('End');
    await waitForSelected(page, 'Settings');
    expect(await tabState(page)).toMatchObject({
      focused: 'Settings',
      shownPanel: ['Settings'],
      hash: '#settings',
    });

    await page.keyboard.press('ArrowRight');
    await waitForSelected(page, 'Clippings');
    expect(await tabState(page)).toMatchObject({ focused: 'Clippings', hash: '#clippings' });

    await page.keyboard.press('ArrowLeft');
    await waitForSelected(page, 'Settings');
    await page.keyboard.press('Home');
    await waitForSelected(page, 'Clippings');
    expect(await tabState(page)).toMatchObject({ focused: 'Clippings', shownPanel: ['Clippings'] });

    await showTab(page, 'glossaries');
    expect(await tabState(page)).toMatchObject({
      selected: 'Glossaries',
      shownPanel: ['Glossaries'],
      hash: '#glossaries',
    });
  });

  it('#settings opens the Settings tab with its switches', async () => {
    const page = await ctx.page();
    await openLibrary(page, ctx.browser, 'settings');
    expect(await tabState(page)).toMatchObject({ selected: 'Settings', shownPanel: ['Settings'] });
    expect(
      await page.waitForSelector('aria/Highlight only the first occurrence of each term'),
    ).not.toBeNull();
    expect(await page.waitForSelector('aria/Highlight terms inside code blocks')).not.toBeNull();
  });

  it('a changed hash chooses its tab', async () => {
    const page = await ctx.page();
    await openLibrary(page, ctx.browser, 'clippings');
    await page.evaluate(() => {
      location.hash = 'settings';
    });
    await waitForSelected(page, 'Settings');
    expect(await tabState(page)).toMatchObject({ shownPanel: ['Settings'], hash: '#settings' });
  });

  it('#term=china-cyber-policy/mlps opens Glossaries with that term focused', async () => {
    const page = await ctx.page();
    await openLibraryAt(page, ctx.browser, '#term=china-cyber-policy%2Fmlps');
    await page.waitForFunction(() => document.activeElement?.id === 'term-china-cyber-policy/mlps', {
      timeout: 10_000,
    });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(
      /Multi-Level Protection Scheme/,
    );
    expect(await tabState(page)).toMatchObject({ selected: 'Glossaries', shownPanel: ['Glossaries'] });
    expect(await page.$eval('[aria-controls="terms-china-cyber-policy"]', (b) => b.textContent)).toBe(
      'Hide terms',
    );
    // Every pack has one such button: its description names the pack it is for.
    expect(
      await page.$eval(
        '[aria-controls="terms-china-cyber-policy"]',
        (b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent,
      ),
    ).toBe('China cyber policy');
  });

  it('says so when #term= names a term or a glossary the library does not hold', async () => {
    const page = await ctx.page();
    for (const id of ['china-cyber-policy/no-such-term', 'no-such-pack/mlps']) {
      await openLibraryAt(page, ctx.browser, `#term=${encodeURIComponent(id)}`);
      expect(await waitForStatus(page, new RegExp(id))).toBe(
        `The link names a term this library does not hold: ${id}`,
      );
      await page.goto('about:blank');
    }
  });
});
