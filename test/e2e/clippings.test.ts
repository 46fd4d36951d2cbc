import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../harness/browsers';
import { highlightCenter, readHighlights, waitForScan } from '../harness/page-probe';
import { serveStatic } from '../harness/server';
import { findByRole, waitForRoleText } from './support/a11y';
import { dragSelect, passagePoints, waitForClipPass } from './support/clippings';
import { relayCommandFrom, sendCommand } from './support/commands';
import { finishedDownload } from './support/downloads';
import { type E2EContext, FIXTURES, useExtensionBrowser } from './support/fixture';
import { openLibrary } from './support/library';

const PASSAGE =
  'Operators must file their systems under MLPS and report incidents to the CAC within one hour.';
const CLIP = [{ name: 'termlight-clip', text: PASSAGE }];

/** Opens the article as it stands after `edit` (see the fixture's script), and waits for its clippings. */
async function openArticle(
  page: Page,
  url: string,
  edit: 'none' | 'insert' | 'remove' | 'late',
  passes = 1,
): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate((edit: string) => localStorage.setItem('article-edit', edit), edit);
  await page.reload({ waitUntil: 'load' });
  await waitForClipPass(page, passes);
}

/** Selects the passage with the mouse and saves it with the toolbar's button (Chromium reads its status). */
async function saveWithToolbar(page: Page): Promise<void> {
  await waitForScan(page);
  await dragSelect(page, '#quote', PASSAGE);
  const save = await page.waitForSelector('aria/Save clipping[role="button"]');
  await save?.click();
  await waitForRoleText(page, 'status', /Clipping saved/);
}

/**
 * Drags across the passage, pausing halfway with the button held, as a reader reading while
 * selecting does: nothing of Termlight's (the toolbar, a term's card) comes up during the pause,
 * where it would land under the pointer and take the rest of the drag; the toolbar comes once the
 * button is released, for the whole passage.
 */
async function pausedDrag(page: Page, browser: 'chromium' | 'firefox'): Promise<void> {
  const { from, to } = await passagePoints(page, '#quote', PASSAGE);
  // The pause is on a term of the passage, where a hover would open its card.
  const term = await passagePoints(page, '#quote', 'MLPS');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((term.from.x + term.to.x) / 2, term.from.y, { steps: 4 });
  // Well past the toolbar's settle time (150 ms) and a card's open delay (200 ms).
  await new Promise((resolve) => setTimeout(resolve, 800));
  // Run in the page: whether any of Termlight's UI hosts is shown.
  const uiShown = () =>
    [...document.querySelectorAll('[data-termlight-ui]')].some((host) => host.matches(':popover-open'));
  const shownMidDrag = await page.evaluate(uiShown);
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  // The control: the toolbar does come, once the drag is over.
  if (browser === 'chromium') await page.waitForSelector('aria/Save clipping[role="button"]');
  else await page.waitForFunction(uiShown);
  expect(shownMidDrag).toBe(false);
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(PASSAGE);
}

/**
 * Saves passages of a page whose blocks have no white space between them, then opens each
 * clipping's link from the library and checks the page opened scrolled to the passage. Page text
 * reads "consultation.Operators", "operators.Second", "义务。第二十二条": each link must be cut
 * where the blocks meet, or the browser finds nothing and stays at the top. Likewise, a passage
 * holding text the page hides must be linked without it.
 */
async function linksOpenAtPassages(ctx: E2EContext, browser: 'chromium' | 'firefox'): Promise<void> {
  const url = ctx.url('e2e/blocks.html');
  const cases = [
    { select: 'consultation.Operators must file', target: '#p2' },
    { select: 'for the operators.Second obligation', target: '#li2' },
    { select: '运营者应当履行安全保护义务', target: '#p3' },
    { select: 'Operators must file their systems with the regulator.', target: '#p2' },
    // Page text the page does not render (display: none) is left out of the link.
    {
      select: 'The filing note for editors onlydeadline is set by the regulator.',
      shown: 'The filing deadline is set by the regulator.',
      target: '#p5',
    },
  ];
  const page = await ctx.page();
  await page.goto(url, { waitUntil: 'load' });
  await waitForClipPass(page);
  // The article is below the first screen, where the mouse can reach it only once scrolled to.
  await page.evaluate(() => document.querySelector('#text')?.scrollIntoView({ block: 'center' }));
  const library = await ctx.page();
  await openLibrary(library, ctx.browser, 'clippings');
  await page.bringToFront();
  for (const [i, { select, shown }] of cases.entries()) {
    await dragSelect(page, '#text', select, { shown });
    if (browser === 'chromium') {
      await (await page.waitForSelector('aria/Save clipping[role="button"]'))?.click();
      await waitForRoleText(page, 'status', /Clipping saved/);
    } else {
      // Firefox: the command, relayed from an extension page (puppeteer cannot reach its background).
      await relayCommandFrom(library, url, 'save-clipping');
      await page.waitForFunction(
        (n: number) => (CSS.highlights.get('termlight-clip')?.size ?? 0) === n,
        { timeout: 10_000 },
        i + 1,
      );
    }
    // The toolbar goes, so it covers no text of the next selection.
    await page.keyboard.press('Escape');
  }
  // A fresh library, in front (a background tab's list is not kept drawn), lists every clipping.
  await library.close();
  const lister = await ctx.page();
  await openLibrary(lister, ctx.browser, 'clippings');
  const links = await lister.evaluate(
    (page: string) =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[href*="#:~:text="]')]
        .map((a) => a.href)
        .filter((href) => href.startsWith(page)),
    url,
  );
  expect(links).toHaveLength(cases.length);
  const failing: string[] = [];
  for (const [i, { select, target }] of cases.entries()) {
    // The library lists the newest first.
    const link = links[cases.length - 1 - i] ?? '';
    const reader = await ctx.page();
    await reader.goto(link, { waitUntil: 'load' });
    const shown = await reader
      .waitForFunction(
        (selector: string) => {
          const box = document.querySelector(selector)?.getBoundingClientRect();
          return box !== undefined && box.top >= 0 && box.bottom <= innerHeight;
        },
        { timeout: 3_000, polling: 50 },
        target,
      )
      .then(
        () => true,
        () => false,
      );
    if (!shown) failing.push(`${select}: ${decodeURIComponent(link.split('#')[1] ?? '')}`);
    await reader.close();
  }
  expect(failing).toEqual([]);
}

describe('clippings in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('saves a passage selected with the mouse and highlights it again after a reload', async () => {
    const page = await ctx.page();
    await openArticle(page, ctx.url('e2e/article.html'), 'none');
    await saveWithToolbar(page);
    expect(await readHighlights(page, 'termlight-clip')).toEqual(CLIP);

    await page.reload({ waitUntil: 'load' });
    await waitForClipPass(page);
    expect(await readHighlights(page, 'termlight-clip')).toEqual(CLIP);

    // The same page reached through a link with tracking parameters and a fragment.
    await page.goto(`${ctx.url('e2e/article.html')}?utm_source=newsletter&utm_medium=email#comments`, {
      waitUntil: 'load',
    });
    await waitForClipPass(page);
    expect(await readHighlights(page, 'termlight-clip')).toEqual(CLIP);
  });

  it('finds the passage after a paragraph is inserted before it, and lists it as an orphan once it is removed', async () => {
    const page = await ctx.page();
    const url = ctx.url('e2e/article.html?case=orphan');
    await openArticle(page, url, 'none');
    await saveWithToolbar(page);

    await openArticle(page, url, 'insert');
    expect(await page.$eval('#added', (p) => p.textContent)).toMatch(/revised on Wednesday/);
    expect(await readHighlights(page, 'termlight-clip')).toEqual(CLIP);

    // Gone from the page: nothing is painted, and after the grace time the library lists an orphan.
    await openArticle(page, url, 'remove');
    expect(await readHighlights(page, 'termlight-clip')).toEqual([]);
    await waitForClipPass(page, 2);
    const library = await ctx.page();
    await openLibrary(library, ctx.browser, 'clippings');
    const orphans = await library.waitForFunction(
      (passage: string) => {
        const section = document.querySelector('.orphans');
        return section?.textContent?.includes(passage) ? section.textContent : false;
      },
      { timeout: 10_000 },
      PASSAGE,
    );
    expect(await orphans.jsonValue()).toMatch(/Orphans/);

    // Re-attach: the library opens the page, and the reader's new selection becomes the passage.
    await (await library.waitForSelector('aria/Re-attach[role="button"]'))?.click();
    const opened = await ctx.browser.browser.waitForTarget(
      (t) => t.type() === 'page' && t.url() === url && t !== page.target(),
    );
    const tab = await opened.page();
    if (!tab) throw new Error('Re-attach opened no page');
    await tab.bringToFront();
    await waitForClipPass(tab);
    const replacement = 'Smaller firms asked for more time';
    await dragSelect(tab, '#more', replacement);
    await (await tab.waitForSelector('aria/Re-attach clipping[role="button"]'))?.click();
    await waitForRoleText(tab, 'status', /Clipping re-attached/);
    await tab.reload({ waitUntil: 'load' });
    await waitForClipPass(tab);
    expect(await readHighlights(tab, 'termlight-clip')).toEqual([
      { name: 'termlight-clip', text: replacement },
    ]);
    await tab.close();
    await library.bringToFront();
    await openLibrary(library, ctx.browser, 'clippings');
    expect(await library.$('.orphans')).toBeNull();
  });

  it('anchors a passage that the page renders seconds after it loads, without orphaning it', async () => {
    const page = await ctx.page();
    const url = ctx.url('e2e/article.html?case=late');
    await openArticle(page, url, 'none');
    await saveWithToolbar(page);

    await openArticle(page, url, 'late');
    await page.waitForFunction(() => (CSS.highlights.get('termlight-clip')?.size ?? 0) === 1, {
      timeout: 10_000,
    });
    expect(await readHighlights(page, 'termlight-clip')).toEqual(CLIP);
    // Past the grace time an orphan would have been reported: the library lists none.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const library = await ctx.page();
    await openLibrary(library, ctx.browser, 'clippings');
    expect(await library.$eval('#panel-clippings', (p) => p.textContent)).toContain(PASSAGE);
    expect(await library.$('.orphans')).toBeNull();
  });

  it('shows nothing while a drag pauses with the button held, and the toolbar once it is released', async () => {
    const page = await ctx.page();
    await openArticle(page, ctx.url('e2e/article.html'), 'none');
    await pausedDrag(page, 'chromium');
  });

  it('opens no card over the toolbar while the reader writes a note, and does once the toolbar is gone', async () => {
    const page = await ctx.page();
    await openArticle(page, ctx.url('e2e/article.html?case=typing'), 'none');
    await saveWithToolbar(page);
    const note = await page.waitForSelector('aria/Note');
    await note?.type('Check');
    const { x, y } = await highlightCenter(page, 'MLPS');
    await page.mouse.move(x, y);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await findByRole(page, 'tooltip')).toBeNull();
    // The control: with the toolbar gone, the same pointer on the same term opens its card.
    await page.keyboard.press('Escape');
    await page.mouse.move(x, y - 200);
    await page.mouse.move(x, y);
    expect(await waitForRoleText(page, 'tooltip', /MLPS|Multi-Level/)).toMatch(/Multi-Level Protection/);
  });

  it('shows a clipping’s note when the pointer rests on it', async () => {
    const page = await ctx.page();
    const url = ctx.url('e2e/article.html?case=note');
    await openArticle(page, url, 'none');
    await saveWithToolbar(page);
    const note = await page.waitForSelector('aria/Note');
    await note?.type('Compare with the 2021 draft');
    await (await page.waitForSelector('aria/Save note[role="button"]'))?.click();
    await waitForRoleText(page, 'status', /Note saved/);
    await page.keyboard.press('Escape');

    await page.reload({ waitUntil: 'load' });
    await waitForClipPass(page);
    const { y } = await highlightCenter(page, PASSAGE, 'termlight-clip');
    // Over the clipping's own words, away from the terms inside it (their card would win there).
    const start = await page.evaluate(() => {
      const text = document.querySelector('#quote')?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 9);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    expect(Math.abs(start.y - y)).toBeLessThan(40);
    await page.mouse.move(start.x, start.y);
    expect(await waitForRoleText(page, 'tooltip', /Compare with the 2021 draft/)).toMatch(/2021 draft/);
  });

  it('opens the library’s term editor with the selected text from "Add to glossary"', async () => {
    const page = await ctx.page();
    await openArticle(page, ctx.url('e2e/article.html?case=add-term'), 'none');
    await waitForScan(page);
    await dragSelect(page, '#more', 'grace period');
    await (await page.waitForSelector('aria/Add to glossary[role="button"]'))?.click();
    const library = await ctx.browser.browser.waitForTarget((t) =>
      t.url().includes('library.html#new-term='),
    );
    expect(decodeURIComponent(new URL(library.url()).hash)).toBe('#new-term=grace period');
    await (await library.page())?.close();
  });

  it('opens the term editor from the add-to-glossary command, the keyboard path to the same action', async () => {
    const page = await ctx.page();
    await openArticle(page, ctx.url('e2e/article.html?case=add-term-command'), 'none');
    await waitForScan(page);
    await dragSelect(page, '#more', 'grace period');
    await page.waitForSelector('aria/Add to glossary[role="button"]');
    await sendCommand(ctx.browser, page, 'add-to-glossary');
    const library = await ctx.browser.browser.waitForTarget((t) =>
      t.url().includes('library.html#new-term='),
    );
    expect(decodeURIComponent(new URL(library.url()).hash)).toBe('#new-term=grace period');
    await (await library.page())?.close();
  });

  it('gives each clipping a link that opens its page scrolled to it, across blocks with no white space', () =>
    linksOpenAtPassages(ctx, 'chromium'));

  it('shows the toolbar for a keyboard selection and saves it with the save-clipping command', async () => {
    const page = await ctx.page();
    const url = ctx.url('e2e/article.html?case=keyboard');
    await openArticle(page, url, 'none');
    await waitForScan(page);
    // Select all, from the keyboard.
    await page.click('h1');
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    await page.waitForSelector('aria/Save clipping[role="button"]');
    await sendCommand(ctx.browser, page, 'save-clipping');
    await waitForRoleText(page, 'status', /Clipping saved/);
    const [clip, ...more] = await readHighlights(page, 'termlight-clip');
    expect(more).toEqual([]);
    expect(clip?.text).toMatch(/^New data rules take effect\s+Regulators published/);
    expect(clip?.text).toMatch(/before the end of the year\.$/);
  });

  it('saves passages inside an open shadow root and inside a same-origin frame, each on its own document', async () => {
    const page = await ctx.page();
    await page.goto(ctx.url('e2e/clip-shadow-frame.html'), { waitUntil: 'load' });
    await waitForClipPass(page);
    const inShadow = 'the CAC reviews data exports above the threshold';
    await dragSelect(page, '#inside', inShadow, { shadowHost: '#host' });
    await (await page.waitForSelector('aria/Save clipping[role="button"]'))?.click();
    await waitForRoleText(page, 'status', /Clipping saved/);
    // Dismissed, so the frame's toolbar is the only one.
    await page.keyboard.press('Escape');

    const frame = await (await page.$('#frame'))?.contentFrame();
    if (!frame) throw new Error('no frame');
    const inFrame = 'TC260 drafts the national standards';
    await dragSelect(page, '#framed', inFrame, { frame: '#frame' });
    // The frame has its own toolbar, in its own document.
    await (await frame.waitForSelector('aria/Save clipping[role="button"]'))?.click();
    await frame.waitForFunction(() => (CSS.highlights.get('termlight-clip')?.size ?? 0) === 1, {
      timeout: 10_000,
    });

    await page.reload({ waitUntil: 'load' });
    await waitForClipPass(page);
    const reloadedFrame = await (await page.$('#frame'))?.contentFrame();
    if (!reloadedFrame) throw new Error('no frame after reload');
    await waitForClipPass(reloadedFrame);
    expect(await readHighlights(page, 'termlight-clip')).toEqual([
      { name: 'termlight-clip', text: inShadow },
    ]);
    expect(await readHighlights(reloadedFrame, 'termlight-clip')).toEqual([
      { name: 'termlight-clip', text: inFrame },
    ]);
  });

  it('keeps a clipping saved while its service worker is stopped, and one saved just before a stop', async () => {
    const page = await ctx.page();
    const url = ctx.url('e2e/article.html?case=worker');
    await openArticle(page, url, 'none');
    const stopWorker = async () => {
      const target = await ctx.browser.browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(ctx.browser.extensionUrl),
      );
      await (await target.worker())?.close();
    };
    await stopWorker();
    await saveWithToolbar(page);
    await stopWorker();
    await page.reload({ waitUntil: 'load' });
    await waitForClipPass(page);
    expect(await readHighlights(page, 'termlight-clip')).toEqual(CLIP);
  });
});

describe('clippings survive a restart of chromium on the same profile', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'termlight-profile-'));
  afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

  it('shows a clipping saved before the restart', async () => {
    const server = await serveStatic(FIXTURES);
    let browser: ExtensionBrowser | undefined;
    try {
      const url = `${server.origin}/e2e/article.html`;
      browser = await launchWithExtension('chromium', { profileDir });
      const page = await browser.newPage();
      await openArticle(page, url, 'none');
      await saveWithToolbar(page);
      await browser.close();

      browser = await launchWithExtension('chromium', { profileDir });
      const again = await browser.newPage();
      await again.goto(url, { waitUntil: 'load' });
      await waitForClipPass(again);
      expect(await readHighlights(again, 'termlight-clip')).toEqual(CLIP);
    } finally {
      await browser?.close();
      await server.close();
    }
  });
});

describe.each(['chromium', 'firefox'] as const)('exporting clippings in %s', (browserName) => {
  const downloadDir = mkdtempSync(join(tmpdir(), 'termlight-downloads-'));
  const ctx = useExtensionBrowser(browserName, { downloadDir });
  afterAll(() => rmSync(downloadDir, { recursive: true, force: true }));

  /** Waits for a finished download whose name matches `pattern` and returns its text. */
  async function downloaded(pattern: RegExp): Promise<string> {
    return readFileSync(await finishedDownload(downloadDir, (name) => pattern.test(name)), 'utf8');
  }

  it('downloads Markdown, CSV, JSON and Web Annotations that link back to the passage', async () => {
    const page = await ctx.page();
    const url = ctx.url('e2e/article.html?case=export');
    await openArticle(page, url, 'none');
    let library: Page;
    if (browserName === 'chromium') {
      await saveWithToolbar(page);
      library = await ctx.page();
    } else {
      library = await ctx.page();
      // Firefox's accessibility locator does not enter the toolbar's closed root: the command.
      await waitForScan(page);
      await dragSelect(page, '#quote', PASSAGE);
      await openLibrary(library, ctx.browser, 'clippings');
      await page.bringToFront();
      await relayCommandFrom(library, url, 'save-clipping');
      await page.waitForFunction(() => (CSS.highlights.get('termlight-clip')?.size ?? 0) === 1, {
        timeout: 10_000,
      });
      await library.bringToFront();
    }
    await openLibrary(library, ctx.browser, 'clippings');
    for (const name of ['Export Markdown', 'Export CSV', 'Export JSON', 'Export Web Annotations']) {
      const button = await library.waitForSelector(`aria/${name}[role="button"]`);
      await button?.click();
      await library.waitForFunction(
        () => /Exported/.test(document.querySelector('[role="status"]')?.textContent ?? ''),
        { timeout: 10_000 },
      );
    }
    const fragment = '#:~:text=';
    const markdown = await downloaded(/\.md$/);
    expect(markdown).toContain(`> ${PASSAGE}`);
    expect(markdown).toContain(`${url}${fragment}`);

    const csv = await downloaded(/\.csv$/);
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFF?id,url,title,exact/);
    expect(csv).toContain(PASSAGE);

    const json = JSON.parse(await downloaded(/^termlight-clippings-\d{4}-\d{2}-\d{2}.*\.json$/));
    expect(json.clippings.map((c: { exact: string }) => c.exact)).toEqual([PASSAGE]);

    const annotations = JSON.parse(await downloaded(/\.jsonld$/));
    const text = JSON.stringify(annotations);
    expect(text).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(text).toContain('"TextQuoteSelector"');
    expect(text).toContain('"TextPositionSelector"');
    expect(text).toContain(`"source":"${url}"`);
  });
});

describe('clippings in firefox', () => {
  const ctx = useExtensionBrowser('firefox');

  it('saves a mouse selection through the save-clipping command and finds it after an edit and a reload', async () => {
    const page = await ctx.page();
    const url = ctx.url('e2e/article.html');
    await openArticle(page, url, 'none');
    await waitForScan(page);
    await dragSelect(page, '#quote', PASSAGE);
    const library = await ctx.page();
    await openLibrary(library, ctx.browser, 'clippings');
    await page.bringToFront();
    await relayCommandFrom(library, url, 'save-clipping');
    await page.waitForFunction(() => [...(CSS.highlights.get('termlight-clip') ?? [])].length === 1, {
      timeout: 10_000,
    });
    expect(await readHighlights(page, 'termlight-clip')).toEqual(CLIP);

    await openArticle(page, url, 'insert');
    expect(await readHighlights(page, 'termlight-clip')).toEqual(CLIP);
  });
  it('gives each clipping a link that opens its page scrolled to it, across blocks with no white space', () =>
    linksOpenAtPassages(ctx, 'firefox'));

  it('shows nothing while a drag pauses with the button held, and the toolbar once it is released', async () => {
    const page = await ctx.page();
    await openArticle(page, ctx.url('e2e/article.html'), 'none');
    await pausedDrag(page, 'firefox');
  });
});
