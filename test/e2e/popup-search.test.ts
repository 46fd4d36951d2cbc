import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/fixture';
import { focusedName, openExtensionPage } from './support/library';
import { openPopup } from './support/popup';

const BOX = 'Search glossary and clippings';
const PACK = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../glossary/china-cyber-policy.json'), 'utf8'),
) as {
  terms: { id: string; term: string; definition: string }[];
};
const MLPS = PACK.terms.find((t) => t.id === 'mlps');

/** Empties the search box and types `query` into it, with the keyboard, as a reader does. */
async function typeQuery(popup: Page, query: string): Promise<void> {
  await popup.keyboard.down('Control');
  await popup.keyboard.press('a');
  await popup.keyboard.up('Control');
  await popup.keyboard.press('Backspace');
  await popup.keyboard.type(query);
}

/** The names of the results once those for `query` are shown (the status names the query they answer). */
async function resultsFor(popup: Page, query: string): Promise<string[]> {
  await popup.waitForFunction(
    (query: string) =>
      document.querySelector('.search-status')?.textContent?.endsWith(`for “${query}”`) ?? false,
    { timeout: 10_000, polling: 50 },
    query,
  );
  return popup.evaluate(() =>
    [...document.querySelectorAll('[aria-label="Results"] button')].map(
      (button) => document.getElementById(button.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
    ),
  );
}

/** Saves a clipping of the fixture page from an extension page, as an undo in the library would. */
async function storeClipping(extensionPage: Page, url: string): Promise<void> {
  const exact = 'publishes the national security standards.';
  const clipping = {
    id: 'popup-search-clip',
    url,
    site: new URL(url).hostname,
    title: 'Four terms',
    exact,
    selectors: [{ type: 'TextQuoteSelector', exact, prefix: 'The committee known as TC260 ', suffix: '' }],
    note: '',
    tags: [],
    termIds: [],
    createdAt: Date.now(),
    updatedAt: Date.now(),
    anchored: true,
  };
  const answer = await extensionPage.evaluate(
    (clipping) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
        }
      ).chrome.runtime.sendMessage({ type: 'restoreClippings', clippings: [clipping] }),
    clipping,
  );
  expect(answer.ok).toBe(true);
}

describe('searching from the action popup in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('finds terms by Chinese alias, acronym variant and with a typo, typed into the box focused on open', async () => {
    const page = await ctx.page();
    await page.goto(ctx.url('e2e/four-terms.html'));
    const popup = await openPopup(ctx, page);
    expect(await focusedName(popup)).toBe(BOX);

    const cases: [string, string][] = [
      ['等保', 'Multi-Level Protection Scheme'],
      ['tc 260', 'National Cybersecurity Standardization Technical Committee'],
      ['tc260', 'National Cybersecurity Standardization Technical Committee'],
      ['TC–260', 'National Cybersecurity Standardization Technical Committee'],
      ['网信办', 'Cyberspace Administration of China'],
      ['Global Initiative', 'Global Initiative on Data Security'],
    ];
    for (const [query, first] of cases) {
      await typeQuery(popup, query);
      expect((await resultsFor(popup, query))[0], query).toBe(first);
    }
    await typeQuery(popup, 'Cybersecurty Law');
    expect((await resultsFor(popup, 'Cybersecurty Law')).slice(0, 3)).toContain(
      "Cybersecurity Law of the People's Republic of China",
    );
  });

  it('moves to the first result with ArrowDown and opens the term in place with Enter', async () => {
    const page = await ctx.page();
    await page.goto(ctx.url('e2e/four-terms.html'));
    const popup = await openPopup(ctx, page);
    await popup.keyboard.type('等保');
    await resultsFor(popup, '等保');

    await popup.keyboard.press('ArrowDown');
    const first = await popup.evaluate(() => ({
      expanded: document.activeElement?.getAttribute('aria-expanded'),
      name: document.getElementById(document.activeElement?.getAttribute('aria-labelledby') ?? '')
        ?.textContent,
    }));
    expect(first).toEqual({ expanded: 'false', name: 'Multi-Level Protection Scheme' });

    await popup.keyboard.press('Enter');
    const details = await popup.waitForSelector('.hit-details .term-definition', { timeout: 10_000 });
    expect(await details?.evaluate((el) => el.textContent)).toBe(MLPS?.definition);
    const opened = await popup.evaluate(() => ({
      expanded: document.activeElement?.getAttribute('aria-expanded'),
      text: document.querySelector('.hit-details')?.textContent ?? '',
      links: [...document.querySelectorAll<HTMLAnchorElement>('.hit-details a')].map((a) => a.protocol),
    }));
    expect(opened.expanded).toBe('true');
    expect(opened.text).toContain('等级保护');
    expect(opened.links.length).toBeGreaterThan(0);
    expect(new Set(opened.links)).toEqual(new Set(['https:']));

    // ArrowUp from the first result goes back to the box, and typing goes on there.
    await popup.keyboard.press('ArrowUp');
    expect(await focusedName(popup)).toBe(BOX);
  });

  it('opens a clipping at its passage in a new tab with Enter', async () => {
    // The passage is far below the top: the new tab must open scrolled to it.
    ctx.server.route(
      '/far-passage.html',
      '<!doctype html><meta charset="utf-8"><title>Far passage</title><body>' +
        '<p style="height: 3000px">The top of the page.</p>' +
        '<p id="far">The committee known as TC260 publishes the national security standards.</p></body>',
    );
    const page = await ctx.page();
    const url = ctx.url('far-passage.html');
    await page.goto(url);
    const popup = await openPopup(ctx, page);
    await storeClipping(popup, url);

    await popup.keyboard.type('national security standards');
    const names = await resultsFor(popup, 'national security standards');
    expect(names[0]).toBe('publishes the national security standards.');
    await popup.keyboard.press('ArrowDown');
    // The popup closes once the tab is open: there is no popup left to release the key in.
    await popup.keyboard.down('Enter');
    const tab = await ctx.browser.browser.waitForTarget((t) => t.url().startsWith(`${url}#:~:text=`), {
      timeout: 10_000,
    });
    expect(decodeURIComponent(tab.url())).toContain('publishes the national security standards');
    const opened = await tab.page();
    if (!opened) throw new Error('no page in the new tab');
    await opened.waitForFunction(
      () => {
        const box = document.getElementById('far')?.getBoundingClientRect();
        return box !== undefined && scrollY > 0 && box.top >= 0 && box.bottom <= innerHeight;
      },
      { timeout: 10_000 },
    );
    await opened.close();
  });
});

describe('searching from popup.html in firefox', () => {
  const ctx = useExtensionBrowser('firefox');

  it('finds the Multi-Level Protection Scheme first for 等保', async () => {
    const page = await ctx.page();
    await openExtensionPage(page, ctx.browser, 'popup.html');
    await page.waitForSelector(`aria/${BOX}`, { timeout: 10_000 });
    expect(await focusedName(page)).toBe(BOX);
    await page.keyboard.type('等保');
    expect((await resultsFor(page, '等保'))[0]).toBe('Multi-Level Protection Scheme');
  });
});
