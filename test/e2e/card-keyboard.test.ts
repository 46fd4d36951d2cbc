import { describe, expect, it } from 'vitest';
import { highlightCenter, openScanned } from '../harness/page-probe';
import { escapeRegExp, findByRole, waitForRoleText } from './support/a11y';
import { sendCommand } from './support/commands';
import { drawnUiBox } from './support/drawn';
import { useExtensionBrowser } from './support/fixture';
import { openLibrary } from './support/library';

describe('definition cards from the keyboard in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('gives every command its suggested shortcut (Chromium leaves a key it reserves unassigned)', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    const commands = await library.evaluate(async () => {
      type Commands = { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
      const api = (globalThis as unknown as { chrome: { commands: Commands } }).chrome;
      return (await api.commands.getAll()).map(({ name, shortcut }) => `${name} ${shortcut ?? ''}`.trim());
    });
    // The popup's own command has no key: the toolbar button opens it.
    expect(commands?.sort()).toEqual([
      '_execute_action',
      'add-to-glossary Alt+Shift+G',
      'next-term Alt+Shift+J',
      'previous-term Alt+Shift+K',
      'save-clipping Alt+Shift+S',
    ]);
  });

  it('walks the terms in reading order, opens each card with focus, and Escape gives focus back', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'before';
      button.textContent = 'Before';
      document.body.prepend(button);
      button.focus();
    });
    await sendCommand(ctx.browser, page, 'next-term');
    expect(await waitForRoleText(page, 'dialog', /Multi-Level Protection Scheme/)).toMatch(/Multi-Level/);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-termlight-ui'))).toBe(true);

    await sendCommand(ctx.browser, page, 'next-term');
    await waitForRoleText(page, 'dialog', /TC260/);
    await sendCommand(ctx.browser, page, 'previous-term');
    await waitForRoleText(page, 'dialog', /Multi-Level Protection Scheme/);

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('[data-termlight-ui]') === null);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
  });

  it('passes over terms the reader cannot see: a hidden menu, a closed details, visibility: hidden', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    await page.evaluate(() => {
      const hidden = document.createElement('div');
      hidden.innerHTML = `<nav style="display: none"><p>Menu: the CAC</p></nav>
        <details><summary>More</summary><p>Folded away: the Ministry of State Security</p></details>
        <p style="visibility: hidden">Invisible: the Ministry of Industry and Information Technology</p>`;
      document.getElementById('tc260')?.before(hidden);
    });
    // The new ranges are registered once the update has run.
    await page.waitForFunction(() => performance.getEntriesByName('termlight:update').length > 0);
    expect(await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0))).toBe(7);
    // The card's text starts with its heading, the term's name.
    const tc260 = /^National Cybersecurity Standardization Technical Committee/;
    await sendCommand(ctx.browser, page, 'next-term');
    await waitForRoleText(page, 'dialog', /^Multi-Level Protection Scheme/);
    await sendCommand(ctx.browser, page, 'next-term');
    await waitForRoleText(page, 'dialog', tc260);
    await sendCommand(ctx.browser, page, 'previous-term');
    await waitForRoleText(page, 'dialog', /^Multi-Level Protection Scheme/);
  });

  it('switches the card to a related term when its link is activated', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    await sendCommand(ctx.browser, page, 'next-term');
    await waitForRoleText(page, 'dialog', /Multi-Level Protection Scheme/);
    const related = await page.waitForSelector('aria/Ministry of Public Security[role="button"]');
    await related?.click();
    await waitForRoleText(page, 'dialog', /^Ministry of Public Security/);
  });

  it('shows a correct card on a page with hostile CSS, and the page cannot read it', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/hostile.html'));
    await sendCommand(ctx.browser, page, 'next-term');
    const text = await waitForRoleText(page, 'dialog', /Standardi[sz]ation/);
    expect(text).toMatch(/TC260/);
    // Drawn, whole and beside its term, whatever the page's rules say (the page's CSS hides every
    // element it does not name, and lays a transparent overlay over everything).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const drawn = await drawnUiBox(page);
    const term = await highlightCenter(page, 'TC260');
    const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    expect({
      wide: !!drawn && drawn.right - drawn.left >= 400,
      tall: !!drawn && drawn.bottom - drawn.top >= 100,
      inView:
        !!drawn &&
        drawn.left >= 0 &&
        drawn.top >= 0 &&
        drawn.right <= view.width &&
        drawn.bottom <= view.height,
      nearTerm: !!drawn && Math.min(Math.abs(drawn.top - term.y), Math.abs(drawn.bottom - term.y)) < 60,
    }).toEqual({ wide: true, tall: true, inView: true, nearTerm: true });
    expect(await page.evaluate(() => (window as unknown as { __found: string[] }).__found)).toEqual([]);
    expect(await findByRole(page, 'dialog')).not.toBeNull();
  });

  it('"Edit in library" opens the library at that term', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    await sendCommand(ctx.browser, page, 'next-term');
    await waitForRoleText(page, 'dialog', /Multi-Level Protection Scheme/);
    const edit = await page.waitForSelector('aria/Edit in library[role="button"]');
    await edit?.click();
    const target = await ctx.browser.browser.waitForTarget((t) => t.url().includes('library.html#term='));
    expect(target.url()).toBe(`${ctx.browser.extensionUrl}library.html#term=china-cyber-policy%2Fmlps`);
    const library = await target.asPage();
    await library.waitForFunction(() => document.activeElement?.id === 'term-china-cyber-policy/mlps', {
      timeout: 10_000,
    });
    expect(await library.evaluate(() => document.activeElement?.textContent)).toMatch(
      /Multi-Level Protection Scheme/,
    );
    await library.close();
  });

  it('keeps the card inside the viewport at 200% zoom', async () => {
    const page = await ctx.page();
    // A 1280×900 window at 200% zoom: half the CSS pixels, twice the device pixels per CSS pixel.
    await page.setViewport({ width: 640, height: 450, deviceScaleFactor: 2 });
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    let last = '';
    const failing: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendCommand(ctx.browser, page, 'next-term');
      // Each step opens the next term's card: waited for until its text is not the last card's.
      const text = await waitForRoleText(
        page,
        'dialog',
        new RegExp(`^(?!${escapeRegExp(last)}$)[\\s\\S]*\\w`),
      );
      last = text;
      await new Promise((r) => setTimeout(r, 150));
      const layout = await (await page.waitForSelector('aria/[role="dialog"]'))?.boundingBox();
      const drawn = await drawnUiBox(page);
      const inside = drawn && drawn.left >= 0 && drawn.top >= 0 && drawn.right <= 640 && drawn.bottom <= 450;
      // Whole: drawn over all of its layout box (to the 4 px of the hit test), nothing of it clipped.
      const whole =
        drawn &&
        layout &&
        Math.abs(drawn.right - drawn.left - layout.width) <= 8 &&
        Math.abs(drawn.bottom - drawn.top - layout.height) <= 8;
      if (!inside || !whole)
        failing.push(
          `${text.slice(0, 40)}: drawn ${JSON.stringify(drawn)}, laid out ${JSON.stringify(layout)}`,
        );
    }
    expect(failing).toEqual([]);
  });
});
