import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightCenter, openScanned, readHighlights, scanMeasures } from '../harness/page-probe';
import { dragSelect } from './support/clippings';
import { FIXTURES, useExtensionBrowser } from './support/fixture';

describe.each(['chromium', 'firefox'] as const)('highlighting in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('highlights MLPS, TC260, the Global Initiative on Data Security and leading small group', async () => {
    const page = await ctx.page();
    const highlights = await openScanned(page, ctx.url('e2e/four-terms.html'));
    expect(highlights.map((h) => h.text)).toEqual([
      'MLPS',
      'TC260',
      'Global Initiative on Data Security',
      'leading small group',
    ]);
    expect(highlights.every((h) => h.name.startsWith('termlight-term'))).toBe(true);
  });

  it('ends the scan with a termlight:scan measure that counts what it read', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    const [measure] = await scanMeasures(page);
    expect(measure?.detail.matches).toBe(4);
    expect(measure?.detail.textNodes).toBeGreaterThanOrEqual(6);
    expect(measure?.detail.chars).toBeGreaterThan(200);
  });

  it('leaves the page DOM untouched while it scans, shows a card and offers to save a selection', async () => {
    // The page records its own DOM as it is parsed, before any content script, and every change
    // made to it after that; only Termlight's own UI host may come and go.
    const page = await ctx.page();
    ctx.server.route(
      '/watched.html',
      // Nothing after the script: the parser would add it to the body after the record.
      (await readFile(join(FIXTURES, 'e2e/four-terms.html'), 'utf8')).replace(
        /\s*<\/body>\s*<\/html>\s*$/,
        `<script>
          window.__parsed = document.documentElement.outerHTML;
          window.__changes = [];
          const own = (node) => node.nodeType === 1 && node.hasAttribute('data-termlight-ui');
          new MutationObserver((records) => {
            for (const r of records) {
              const nodes = [...r.addedNodes, ...r.removedNodes];
              if (own(r.target) || (nodes.length > 0 && nodes.every(own))) continue;
              window.__changes.push(r.type + ' ' + (r.target.id || r.target.nodeName) + ' ' + (r.attributeName || ''));
            }
          }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        </script></body></html>`,
      ),
    );
    await openScanned(page, ctx.url('watched.html'));
    const { x, y } = await highlightCenter(page, 'TC260');
    await page.mouse.move(x, y);
    await page.waitForFunction(() => document.querySelector('[data-termlight-ui]') !== null, {
      timeout: 10_000,
    });
    await page.keyboard.press('Escape');
    await dragSelect(page, '#gids', 'announced the Global Initiative');
    await page.waitForFunction(() => document.querySelector('[data-termlight-ui]') !== null, {
      timeout: 10_000,
    });
    // The positive control: a change of the page's own is recorded.
    await page.evaluate(() => document.getElementById('none')?.setAttribute('lang', 'en'));
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __parsed: string; __changes: string[] };
      const copy = document.documentElement.cloneNode(true) as Element;
      for (const host of copy.querySelectorAll('[data-termlight-ui]')) host.remove();
      copy.querySelector('#none')?.removeAttribute('lang');
      // The recording script itself is part of what was parsed.
      return { changes: w.__changes, same: copy.outerHTML === w.__parsed };
    });
    expect(seen).toEqual({ changes: ['attributes none lang'], same: true });
  });

  it('puts its highlights back after a page script clears CSS.highlights, leaving the page its own', async () => {
    const page = await ctx.page();
    const before = await openScanned(page, ctx.url('e2e/four-terms.html'));
    const kept = await page.evaluate(() => {
      const own = new Highlight();
      CSS.highlights.clear();
      CSS.highlights.delete('termlight-term');
      CSS.highlights.set('page-own', own);
      return CSS.highlights.get('page-own') === own;
    });
    expect(kept).toBe(true);
    // Put back after the page's script, not inside its call (see restore-pacer.ts).
    await page.waitForFunction(() => CSS.highlights.has('termlight-term'), { timeout: 5_000, polling: 20 });
    expect(await readHighlights(page)).toEqual(before);
    expect(await page.evaluate(() => CSS.highlights.has('page-own'))).toBe(true);
  });

  it('leaves a page alone when its body opts out with data-termlight="off"', async () => {
    // The frame inside is the positive control: the extension is at work on this very page.
    ctx.server.route(
      '/opted-out-with-frame.html',
      '<!doctype html><meta charset="utf-8"><body data-termlight="off">' +
        '<p>This page mentions MLPS and TC260 but asks not to be annotated.</p>' +
        '<iframe src="/e2e/four-terms.html"></iframe></body>',
    );
    const page = await ctx.page();
    await page.goto(ctx.url('opted-out-with-frame.html'), { waitUntil: 'load' });
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (!frame) throw new Error('no iframe');
    await frame.waitForFunction(() => performance.getEntriesByName('termlight:scan').length > 0, {
      timeout: 15_000,
      polling: 50,
    });
    expect((await readHighlights(frame)).map((h) => h.text)).toContain('MLPS');
    expect(await readHighlights(page)).toEqual([]);
    // Its pass ended at once, having read nothing.
    expect((await scanMeasures(page)).map((m) => m.detail)).toEqual([{ textNodes: 0, chars: 0, matches: 0 }]);
  });
});

describe('highlight colours in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('paints terms in the system colours for marked text under forced colours (high contrast)', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/four-terms.html'));
    const paint = () =>
      page.evaluate(() => {
        const style = getComputedStyle(
          document.getElementById('mlps') as Element,
          '::highlight(termlight-term)',
        );
        // What the system's Mark colours compute to here, read off an element of the page's own.
        const probe = document.createElement('span');
        probe.style.cssText = 'background-color: Mark; color: MarkText';
        document.body.append(probe);
        const mark = [getComputedStyle(probe).backgroundColor, getComputedStyle(probe).color];
        probe.remove();
        return { highlight: [style.backgroundColor, style.color], mark };
      });
    const normal = await paint();
    expect(normal.highlight[0]).toMatch(/^rgba\(.*, 0\.\d+\)$/);
    const session = await page.createCDPSession();
    await session.send('Emulation.setEmulatedMedia', {
      features: [{ name: 'forced-colors', value: 'active' }],
    });
    const forced = await paint();
    expect(forced.highlight).toEqual(forced.mark);
  });
});
