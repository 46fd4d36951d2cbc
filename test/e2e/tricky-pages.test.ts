import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  highlightCenter,
  installPageHelpers,
  openScanned,
  type PageHelpers,
  readHighlights,
  scanMeasures,
  waitForScan,
} from '../harness/page-probe';
import { waitForRoleText } from './support/a11y';
import { drawnColours } from './support/drawn';
import { useExtensionBrowser } from './support/fixture';

async function textsIn(frame: Frame | Page): Promise<string[]> {
  return (await readHighlights(frame)).map((h) => h.text);
}

function textsOf(highlights: { text: string }[]): string[] {
  return highlights.map((h) => h.text);
}

/** The page helpers inside a page.evaluate body (see installPageHelpers). */
type WithHelpers = { termlightProbe: PageHelpers };

async function waitForText(page: Page, text: string): Promise<void> {
  await installPageHelpers(page);
  await page.waitForFunction(
    (text: string) => {
      const { rangeText } = (globalThis as unknown as WithHelpers).termlightProbe;
      for (const [, highlight] of CSS.highlights) {
        for (const r of highlight) if (rangeText(r) === text) return true;
      }
      return false;
    },
    { timeout: 10_000, polling: 50 },
    text,
  );
}

/** Opens `url` (tricky.html) and returns its srcdoc frame once that frame's own scan has ended. */
async function openTrickyFrame(page: Page, url: string): Promise<Frame> {
  await openScanned(page, url);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('no iframe');
  await frame.waitForFunction(() => performance.getEntriesByName('termlight:scan').length > 0, {
    timeout: 10_000,
  });
  return frame;
}

interface HighlightPoint {
  text: string;
  /** Just inside the top-left corner of the term's first box, above its letters. */
  term: { x: number; y: number };
  /** The same height, just before the term: the page's own background. */
  before: { x: number; y: number };
}

/**
 * A point on each term highlighted in `frame` (and its open shadow roots), in the top page's
 * viewport: `offset` is where the frame's content starts there.
 */
async function highlightPoints(frame: Frame | Page, offset = { x: 0, y: 0 }): Promise<HighlightPoint[]> {
  const points = await frame.evaluate(() => {
    const found: { text: string; left: number; top: number }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('termlight-term')) continue;
      for (const r of highlight) {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getClientRects()[0];
        if (box) found.push({ text: range.toString(), left: box.left, top: box.top });
      }
    }
    return found;
  });
  return points.map(({ text, left, top }) => ({
    text,
    term: { x: offset.x + left + 2, y: offset.y + top + 2 },
    before: { x: offset.x + left - 4, y: offset.y + top + 2 },
  }));
}

/**
 * The terms of `points` that are not drawn: where the colour on the term is the page's own (what is
 * drawn just before it), or that point is not the page's plain background.
 */
async function undrawn(page: Page, points: HighlightPoint[], background: string): Promise<string[]> {
  const colours = await drawnColours(
    page,
    points.flatMap((p) => [p.term, p.before]),
  );
  return points.flatMap((point, i) => {
    const [term, before] = [colours[2 * i], colours[2 * i + 1]];
    return term !== before && before === background
      ? []
      : [`${point.text}: ${term} on the term, ${before} before it`];
  });
}

describe.each(['chromium', 'firefox'] as const)('tricky pages in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('matches across inline elements, skips protected zones and avoids the acronym traps', async () => {
    const page = await ctx.page();
    const texts = (await openScanned(page, ctx.url('e2e/tricky.html'))).map((h) => h.text);
    expect(texts).toContain('Global Initiative on Data Security');
    // The only MLPS on the page outside skipped zones is the full-width one.
    expect(texts.filter((t) => t === 'MLPS')).toEqual([]);
    expect(texts).toContain('ＭＬＰＳ');
    /** How many highlighted ranges start inside the element with `id`. */
    const rangesIn = (id: string) =>
      page.evaluate((id: string) => {
        const scope = document.getElementById(id);
        let count = 0;
        for (const [, highlight] of CSS.highlights)
          for (const r of highlight) if (scope?.contains(r.startContainer)) count++;
        return count;
      }, id);
    // contenteditable="FALSE" is not editable (HTML's values are case-insensitive): read.
    expect(await rangesIn('not-editable')).toBe(1);
    for (const trap of ['cac', 'Mss', 'PLA', 'cacao']) expect(texts).not.toContain(trap);
    expect(await rangesIn('traps')).toBe(0);
    expect(texts).toEqual(expect.arrayContaining(['等保', '国家网信办', '網信辦', '等級保護']));
    // A footnote mark does not glue itself to the term before it; an ordinal's letters do join.
    await installPageHelpers(page);
    const notes = await page.evaluate(() => {
      const { rangeText } = (globalThis as unknown as WithHelpers).termlightProbe;
      const p = document.getElementById('notes');
      const found: string[] = [];
      for (const [, highlight] of CSS.highlights)
        for (const r of highlight) if (p?.contains(r.startContainer)) found.push(rangeText(r));
      return found.sort();
    });
    expect(notes).toEqual(['11th Bureau', 'Ministry of State Security']);
    // Ruby annotations over a term are passed over: the range runs from 网 to 办, across the pinyin.
    const ruby = await page.evaluate(() => {
      const p = document.getElementById('ruby');
      for (const [, highlight] of CSS.highlights)
        for (const r of highlight)
          if (p?.contains(r.startContainer))
            return [r.startContainer.textContent, r.startOffset, r.endContainer.textContent, r.endOffset];
      return null;
    });
    expect(ruby).toEqual(['网', 0, '办', 1]);
    // Soft hyphens and a zero-width space inside a term are read through, and highlighted with it.
    expect(texts).toEqual(
      expect.arrayContaining([
        'Glo\u00adbal Ini\u00adtia\u00adtive on Data Se\u00adcu\u00adri\u00adty',
        '国家网\u200b信办',
      ]),
    );
  });

  it('keeps the highlight styles when the page assigns its own adopted style sheets', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/tricky.html'));
    const styled = await page.evaluate(() => {
      const root = document.getElementById('host')?.shadowRoot;
      if (!root) return null;
      const ours = (r: Document | ShadowRoot) =>
        r.adoptedStyleSheets.some((s) =>
          [...s.cssRules].some((rule) => rule.cssText.includes('termlight-term')),
        );
      const before = [ours(document), ours(root)];
      const theirs = new CSSStyleSheet();
      theirs.replaceSync('p { color: black; }');
      // What a framework does when it renders: the whole list replaced.
      document.adoptedStyleSheets = [theirs];
      root.adoptedStyleSheets = [];
      return [...before, document.adoptedStyleSheets[0] === theirs];
    });
    expect(styled).toEqual([true, true, true]);
    // Put back after the page's script, not inside its assignment (see restore-pacer.ts).
    await page.waitForFunction(
      () => {
        const root = document.getElementById('host')?.shadowRoot;
        const ours = (r: Document | ShadowRoot) =>
          r.adoptedStyleSheets.some((s) =>
            [...s.cssRules].some((rule) => rule.cssText.includes('termlight-term')),
          );
        return (
          root &&
          ours(document) &&
          ours(root) &&
          document.adoptedStyleSheets[0]?.cssRules[0]?.cssText.startsWith('p')
        );
      },
      { timeout: 5_000, polling: 20 },
    );
  });

  it('highlights inside an open shadow root', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/tricky.html'));
    expect(await textsIn(page)).toContain('CAC');
    const inShadow = await page.evaluate(() => {
      const host = document.getElementById('host');
      for (const [, highlight] of CSS.highlights) {
        for (const r of highlight) if (host?.shadowRoot?.contains(r.startContainer)) return true;
      }
      return false;
    });
    expect(inShadow).toBe(true);
  });

  it('highlights inside the shadow root of a span in a paragraph of plain text', async () => {
    // The paragraph is read whole (its textContent), which does not include the shadow tree.
    ctx.server.route(
      '/span-host.html',
      `<!doctype html><meta charset="utf-8"><body><p>Before the host <span id="inline-host">light</span>
      and after it, the MLPS.</p><script>document.getElementById('inline-host').attachShadow({ mode: 'open' })
      .innerHTML = 'the <b>CAC</b> decides';</script></body>`,
    );
    const page = await ctx.page();
    const highlights = await openScanned(page, ctx.url('span-host.html'));
    expect(textsOf(highlights).sort()).toEqual(['CAC', 'MLPS']);
    const inShadow = await page.evaluate(() => {
      const root = document.getElementById('inline-host')?.shadowRoot;
      for (const [, highlight] of CSS.highlights)
        for (const r of highlight) if (root?.contains(r.startContainer)) return true;
      return false;
    });
    expect(inShadow).toBe(true);
  });

  it('opens the card for a term inside an open shadow root', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/tricky.html'));
    // Caret lookups stop at a shadow host unless told which roots to enter.
    const { x, y } = await highlightCenter(page, 'CAC');
    await page.mouse.move(x, y);
    await page.waitForFunction(() => document.querySelector('[data-termlight-ui]') !== null, {
      timeout: 5_000,
    });
    // Chromium's accessibility tree shows the card's closed shadow root; Firefox's BiDi locator does not.
    if (name === 'chromium') expect(await waitForRoleText(page, 'tooltip', /CAC/)).toMatch(/Cyberspace/);
  });

  it('highlights text that a script inserts or replaces after the first scan', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/tricky.html'));
    await waitForText(page, 'Ministry of State Security');
    await waitForText(page, 'TC260');
    const texts = await textsIn(page);
    expect(texts).toContain('MSS');
    expect(texts).not.toContain('placeholder');
  });

  it('drops highlights whose text is removed from the page', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/tricky.html'));
    await page.evaluate(() => document.getElementById('split')?.remove());
    await page.waitForFunction(
      () => {
        for (const [, highlight] of CSS.highlights) {
          for (const r of highlight) if (!r.startContainer.isConnected) return false;
        }
        return true;
      },
      { timeout: 5_000 },
    );
    expect(await textsIn(page)).not.toContain('Global Initiative on Data Security');
  });

  it('draws its highlights where they are registered: in the page, an open shadow root, a srcdoc iframe and a late shadow root', async () => {
    // The registry holding a range is not enough: each document and shadow root needs the styles.
    const page = await ctx.page();
    const frame = await openTrickyFrame(page, ctx.url('e2e/tricky.html'));
    // The page inserts a paragraph 400 ms after it loads, moving what is below it: measured after.
    await waitForText(page, 'MSS');
    await page.evaluate(() => {
      const host = document.createElement('span');
      // Just before the frame, so both are in view once the frame is scrolled to.
      document.getElementById('frame')?.before(host);
      // In an element: Firefox paints no ::highlight on text that is a shadow root's own child
      // (its highlight styles do not cross into the root: bugzilla.mozilla.org 1868009).
      host.attachShadow({ mode: 'open' }).innerHTML = '<b>Attached later: the MLPS rules.</b>';
    });
    await waitForText(page, 'MLPS');
    // The frame's content box in the page, where its viewport starts.
    const offset = await page.evaluate(() => {
      const element = document.getElementById('frame') as HTMLIFrameElement;
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      return { x: box.left + element.clientLeft, y: box.top + element.clientTop };
    });
    const inPage = await highlightPoints(page);
    const inFrame = await highlightPoints(frame, offset);
    const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    // Latin terms only: before a Chinese one stands a Chinese character, whose ink fills its box.
    const shown = [...inPage, ...inFrame].filter(
      (p) =>
        /^[\x20-\x7e]+$/.test(p.text) &&
        p.before.x > 0 &&
        p.term.y > 0 &&
        p.term.x < view.width &&
        p.term.y < view.height,
    );
    const texts = shown.map((p) => p.text);
    // Positive controls: the terms of each kind of root are among those looked at.
    expect(['CAC', 'TC260', 'MLPS'].filter((t) => !texts.includes(t))).toEqual([]);
    expect(inFrame.map((p) => p.text)).toEqual(['TC260']);
    // Looked at again for a while: a frame's highlights may reach the screen a frame later.
    let missing = await undrawn(page, shown, 'rgb(255, 255, 255)');
    for (let tries = 0; missing.length > 0 && tries < 10; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      missing = await undrawn(page, shown, 'rgb(255, 255, 255)');
    }
    expect(missing).toEqual([]);
  });

  it('highlights inside a srcdoc iframe', async () => {
    const page = await ctx.page();
    const frame = await openTrickyFrame(page, ctx.url('e2e/tricky.html'));
    expect(await textsIn(frame)).toEqual(['TC260']);
  });

  it('leaves an empty frame alone until text is written into it, then highlights it', async () => {
    const page = await ctx.page();
    await page.goto(ctx.url('e2e/late-frame.html'));
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (!frame) throw new Error('no iframe');
    const scans = () =>
      frame.evaluate(() =>
        performance.getEntriesByName('termlight:scan').map((m) => (m as PerformanceMeasure).detail),
      );
    // Empty, the frame ends a pass that read nothing, without asking for the glossary.
    await frame.waitForFunction(() => performance.getEntriesByName('termlight:scan').length > 0, {
      timeout: 10_000,
    });
    if ((await page.evaluate(() => document.body.dataset.written)) !== 'yes') {
      expect(await scans()).toEqual([{ textNodes: 0, chars: 0, matches: 0 }]);
    }
    await frame.waitForFunction(() => performance.getEntriesByName('termlight:scan').length > 1, {
      timeout: 10_000,
    });
    expect((await scans())[1]).toMatchObject({ matches: 1 });
    expect(await textsIn(frame)).toEqual(['TC260']);
  });

  it('highlights every term of a page that is one huge paragraph, or one huge text node', async () => {
    // No block boundary anywhere: the scanner must read and match it in parts, over many tasks,
    // and still find the terms that run across inline elements and across those parts.
    const count = 4000;
    const sentence = (i: number) =>
      `In ${i} the Data <b>Security</b> Law met <i>MLPS</i>, and 国家<b>网信办</b> said so. `;
    const html = Array.from({ length: count }, (_, i) => sentence(i)).join('');
    ctx.server.route('/one-block.html', `<!doctype html><meta charset="utf-8"><body><p>${html}</p></body>`);
    const plain = html.replace(/<[^>]*>/g, '');
    ctx.server.route('/one-node.html', `<!doctype html><meta charset="utf-8"><body><p>${plain}</p></body>`);
    for (const path of ['one-block.html', 'one-node.html']) {
      const page = await ctx.page();
      const texts = await textsOf(await openScanned(page, ctx.url(path)));
      const tally = new Map<string, number>();
      for (const text of texts) tally.set(text, (tally.get(text) ?? 0) + 1);
      expect(Object.fromEntries(tally)).toEqual({
        'Data Security Law': count,
        MLPS: count,
        国家网信办: count,
      });
    }
  });

  it('highlights inside open shadow roots attached after the scan, by a script or a late custom element', async () => {
    ctx.server.route(
      '/late-shadow.html',
      '<!doctype html><meta charset="utf-8"><body><p>Hosts: <span id="late"></span></p><late-card></late-card></body>',
    );
    const page = await ctx.page();
    await openScanned(page, ctx.url('late-shadow.html'));
    // Neither makes a mutation record the page's observers could see.
    await page.evaluate(() => {
      const late = document.getElementById('late');
      if (late) late.attachShadow({ mode: 'open' }).innerHTML = 'Attached later: the <b>CAC</b> decides.';
      customElements.define(
        'late-card',
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).innerHTML = '<p>Upgraded late: TC260 standards.</p>';
          }
        },
      );
    });
    await waitForText(page, 'CAC');
    await waitForText(page, 'TC260');
    // And a change inside such a root afterwards is seen too.
    await page.evaluate(() => {
      const root = document.querySelector('late-card')?.shadowRoot;
      root?.querySelector('p')?.append(' And the MLPS.');
    });
    await waitForText(page, 'MLPS');
  });

  it('rescans the page after single-page navigation (pushState, then back), not after replaceState or a new fragment', async () => {
    ctx.server.route(
      '/spa.html',
      '<!doctype html><meta charset="utf-8"><body><main id="app"><p>Home: the MLPS.</p></main></body>',
    );
    const page = await ctx.page();
    await openScanned(page, ctx.url('spa.html'));
    const scans = async () => (await scanMeasures(page)).length;
    const before = await scans();
    /** Goes to page `n` the way a single-page app does, and waits for its scan and its term. */
    const navigate = async (n: number, html: string, term: string) => {
      await page.evaluate(
        (n: number, html: string) => {
          history.pushState({ page: n }, '', `?page=${n}`);
          const app = document.getElementById('app');
          if (app) app.innerHTML = html;
        },
        n,
        html,
      );
      await waitForText(page, term);
    };
    await navigate(2, '<p>Page two: TC260 standards.</p>', 'TC260');
    await waitForScan(page, before + 1);
    await page.evaluate(() => history.back());
    await waitForScan(page, before + 2);
    // URL changes made while a page is read (scroll spies: replaceState, fragments) rescan nothing.
    await page.evaluate(async () => {
      for (let i = 0; i < 5; i++) {
        history.replaceState(null, '', `?at=${i}`);
        location.hash = `part-${i}`;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Positive control: a real navigation now is seen and scanned, and is the only scan since.
    await navigate(3, '<p>Page three: the CAC.</p>', 'CAC');
    await waitForScan(page, before + 3);
    expect(await scans()).toBe(before + 3);
  });

  it('drops and restores highlights as a region becomes hidden, editable or opted out, and back', async () => {
    ctx.server.route(
      '/zones.html',
      '<!doctype html><meta charset="utf-8"><body><div id="zone"><p>The MLPS in a region.</p></div>' +
        '<p>Data <span id="word">Security</span> Law, and the TC260.</p></body>',
    );
    const page = await ctx.page();
    const texts = async () => (await readHighlights(page)).map((h) => h.text).sort();
    const settle = async (expected: string[]) => {
      await installPageHelpers(page);
      await page.waitForFunction(
        (want: string) => {
          const { rangeText } = (globalThis as unknown as WithHelpers).termlightProbe;
          const out: string[] = [];
          for (const [, highlight] of CSS.highlights) {
            for (const r of highlight) out.push(rangeText(r));
          }
          return JSON.stringify(out.sort()) === want;
        },
        { timeout: 10_000, polling: 50 },
        JSON.stringify([...expected].sort()),
      );
      expect(await texts()).toEqual([...expected].sort());
    };
    await openScanned(page, ctx.url('zones.html'));
    const all = ['Data Security Law', 'MLPS', 'TC260'];
    await settle(all);
    for (const [name, value] of [
      ['aria-hidden', 'true'],
      ['hidden', ''],
      ['contenteditable', 'true'],
      ['data-termlight', 'off'],
    ] as const) {
      await page.evaluate(
        (n: string, v: string) => document.getElementById('zone')?.setAttribute(n, v),
        name,
        value,
      );
      await settle(['Data Security Law', 'TC260']);
      await page.evaluate((n: string) => document.getElementById('zone')?.removeAttribute(n), name);
      await settle(all);
    }
    // Hiding a word inside a sentence breaks the term that ran through it; showing it mends it.
    await page.evaluate(() => document.getElementById('word')?.setAttribute('aria-hidden', 'true'));
    await settle(['MLPS', 'TC260']);
    await page.evaluate(() => document.getElementById('word')?.removeAttribute('aria-hidden'));
    await settle(all);
    // A block that leaves the page takes its ranges out of the registry, though nothing is rescanned.
    await page.evaluate(() => document.querySelector('#zone p')?.remove());
    await settle(['Data Security Law', 'TC260']);
  });
});
