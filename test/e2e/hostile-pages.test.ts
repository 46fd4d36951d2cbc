/**
 * Pages that attack Termlight or get in its way: they define its old card element name, replace
 * built-ins before anything runs, capture stacks around the page-world hooks, fight over
 * `CSS.highlights`, forge its events, log every key typed, and serve a strict Content-Security-Policy.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { highlightCenter, openScanned, readHighlights, waitForScan } from '../harness/page-probe';
import { waitForRoleText } from './support/a11y';
import { dragSelect } from './support/clippings';
import { relayCommandFrom, sendCommand } from './support/commands';
import { drawnColours, drawnUiBox } from './support/drawn';
import { useExtensionBrowser } from './support/fixture';
import { openLibrary } from './support/library';

const TERMS = `
  <p id="mlps">Operators must file their systems under MLPS before the audit season begins.</p>
  <p id="tc260">The committee known as TC260 publishes the national security standards.</p>`;

/** A page whose `head` runs `script` before any Termlight content script (page-hooks aside). */
function page(script: string, body = TERMS): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
<script>${script}</script></head><body><h1>Hostile page</h1>${body}</body></html>`;
}

/** Waits for the card host to open, and tells whether its :host styles apply (it is fixed, on top). */
async function cardHostStyled(p: Page): Promise<{ position: string; zIndex: string }> {
  await p.waitForFunction(() => document.querySelector('[data-termlight-ui]') !== null, { timeout: 10_000 });
  return p.evaluate(() => {
    const style = getComputedStyle(document.querySelector('[data-termlight-ui]') as Element);
    return { position: style.position, zIndex: style.zIndex };
  });
}

const EXTENSION_FRAME = /-extension:\/\/|page-hooks/;

describe.each(['chromium', 'firefox'] as const)('hostile pages in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('keeps the card private from a page that defined termlight-ui to grab its shadow root', async () => {
    ctx.server.route(
      '/hostile/define.html',
      page(`
        window.__grabbed = [];
        customElements.define('termlight-ui', class extends HTMLElement {
          constructor() {
            super();
            window.__grabbed.push('constructed');
            try { window.__grabbed.push(this.attachInternals().shadowRoot); } catch (e) {}
            try { this.attachShadow({ mode: 'open' }); } catch (e) {}
          }
        });`),
    );
    const p = await ctx.page();
    await openScanned(p, ctx.url('/hostile/define.html'));
    const { x, y } = await highlightCenter(p, 'TC260');
    await p.mouse.move(x, y);
    expect(await cardHostStyled(p)).toEqual({ position: 'fixed', zIndex: '2147483647' });
    if (name === 'chromium')
      expect(await waitForRoleText(p, 'tooltip', /Standardi[sz]ation/)).toMatch(/TC260/);
    const seen = await p.evaluate(() => ({
      grabbed: (window as unknown as { __grabbed: unknown[] }).__grabbed.length,
      host: document.querySelector('[data-termlight-ui]')?.localName,
      shadow: document.querySelector('[data-termlight-ui]')?.shadowRoot ?? null,
      text: document.documentElement.textContent,
    }));
    expect(seen).toMatchObject({ grabbed: 0, host: 'div', shadow: null });
    expect(seen.text).not.toMatch(/Standardi[sz]ation/);
  });

  it('gives a page no extension frame in any stack it captures around the page-world hooks', async () => {
    ctx.server.route('/hostile/stacks.html', page('window.__stacks = [];'));
    const p = await ctx.page();
    await openScanned(p, ctx.url('/hostile/stacks.html'));
    const found = await p.evaluate(async () => {
      const stacks: string[] = [];
      const heard: string[] = [];
      const grab = (label: string, run: () => unknown) => {
        try {
          run();
          stacks.push(`${label}: did not throw`);
        } catch (error) {
          stacks.push(`${label}: ${(error as Error).stack}`);
        }
      };
      for (const type of [
        'termlight-shadow-attached',
        'termlight-highlights-changed',
        'termlight-sheets-set',
      ])
        window.addEventListener(
          type,
          () => {
            heard.push(type);
            stacks.push(`${type} listener: ${new Error().stack}`);
          },
          true,
        );
      grab('attachShadow on an input', () => document.createElement('input').attachShadow({ mode: 'open' }));
      grab('attachShadow with a bad mode', () =>
        document.createElement('div').attachShadow({ mode: 'sideways' } as unknown as ShadowRootInit),
      );
      const host = document.createElement('div');
      document.body.append(host);
      host.attachShadow({
        get mode() {
          stacks.push(`init getter: ${new Error().stack}`);
          return 'open' as const;
        },
      }).innerHTML = 'MLPS';
      grab('highlights.set of a non-highlight', () => CSS.highlights.set('x', {} as Highlight));
      grab('adoptedStyleSheets of a non-sheet', () => {
        document.adoptedStyleSheets = [{} as CSSStyleSheet];
      });
      document.adoptedStyleSheets = [];
      CSS.highlights.delete('nothing');
      await new Promise((r) => setTimeout(r, 200));
      const sources = [
        Element.prototype.attachShadow,
        HighlightRegistry.prototype.set,
        HighlightRegistry.prototype.delete,
        HighlightRegistry.prototype.clear,
      ].map((f) => [
        f.name,
        f.length,
        /^function \w+\(\) \{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(f)),
      ]);
      return { stacks, heard: [...new Set(heard)].sort(), sources };
    });
    // The positive controls: the hooks did report (their events were heard) and the natives threw.
    expect(found.heard).toEqual([
      'termlight-highlights-changed',
      'termlight-shadow-attached',
      'termlight-sheets-set',
    ]);
    expect(found.stacks.filter((s) => s.includes('did not throw'))).toEqual([]);
    expect(found.stacks.length).toBeGreaterThanOrEqual(8);
    expect(found.stacks.filter((s) => EXTENSION_FRAME.test(s))).toEqual([]);
    expect(found.sources).toEqual([
      ['attachShadow', 1, true],
      ['set', 2, true],
      ['delete', 1, true],
      ['clear', 0, true],
    ]);
    // The late shadow root was read all the same.
    await p.waitForFunction(
      () => {
        for (const [, h] of CSS.highlights)
          for (const r of h) if (r.startContainer.getRootNode() !== document) return true;
        return false;
      },
      { timeout: 10_000 },
    );
  });

  it('keeps working after the page replaces Event, dispatchEvent, apply, call and Reflect.apply', async () => {
    ctx.server.route(
      '/hostile/builtins.html',
      page('window.__errors = []; addEventListener("error", (e) => __errors.push(String(e.message)));'),
    );
    const p = await ctx.page();
    const before = await openScanned(p, ctx.url('/hostile/builtins.html'));
    const restored = await p.evaluate(async () => {
      const broken = () => {
        throw new Error('replaced by the page');
      };
      const w = window as unknown as Record<string, unknown>;
      const saved = {
        Event: w.Event,
        CustomEvent: w.CustomEvent,
        queueMicrotask: w.queueMicrotask,
        dispatchEvent: EventTarget.prototype.dispatchEvent,
        apply: Function.prototype.apply,
        call: Function.prototype.call,
        bind: Function.prototype.bind,
        reflectApply: Reflect.apply,
      };
      w.Event = broken;
      w.CustomEvent = broken;
      w.queueMicrotask = broken;
      EventTarget.prototype.dispatchEvent = broken;
      Function.prototype.apply = broken;
      Function.prototype.call = broken;
      Function.prototype.bind = broken;
      Reflect.apply = broken;
      CSS.highlights.clear();
      let back = false;
      for (let waited = 0; waited < 5_000 && !back; waited += 20) {
        await new Promise((r) => setTimeout(r, 20));
        back = CSS.highlights.has('termlight-term');
      }
      // The test driver needs them back to go on reading the page.
      Object.assign(w, {
        Event: saved.Event,
        CustomEvent: saved.CustomEvent,
        queueMicrotask: saved.queueMicrotask,
      });
      EventTarget.prototype.dispatchEvent = saved.dispatchEvent;
      Function.prototype.apply = saved.apply;
      Function.prototype.call = saved.call;
      Function.prototype.bind = saved.bind;
      Reflect.apply = saved.reflectApply;
      return back;
    });
    expect(restored).toBe(true);
    expect(await readHighlights(p)).toEqual(before);
    expect(await p.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
  });

  it('lets a page empty CSS.highlights in a loop, then puts its highlights back', async () => {
    const p = await ctx.page();
    const before = await openScanned(p, ctx.url('e2e/four-terms.html'));
    const ended = await p.evaluate(() => {
      let rounds = 0;
      while (CSS.highlights.size > 0 && rounds < 100_000) {
        CSS.highlights.delete(CSS.highlights.keys().next().value as string);
        rounds++;
      }
      let sheetRounds = 0;
      const theirs = new CSSStyleSheet();
      while (
        !(document.adoptedStyleSheets.length === 1 && document.adoptedStyleSheets[0] === theirs) &&
        sheetRounds < 100_000
      ) {
        document.adoptedStyleSheets = [theirs];
        sheetRounds++;
      }
      return { rounds, sheetRounds, left: CSS.highlights.size };
    });
    expect(ended.left).toBe(0);
    expect(ended.rounds).toBeLessThan(10);
    expect(ended.sheetRounds).toBe(1);
    await p.waitForFunction(
      () =>
        CSS.highlights.has('termlight-term') &&
        document.adoptedStyleSheets.some((s) =>
          [...s.cssRules].some((r) => r.cssText.includes('termlight-term')),
        ),
      { timeout: 5_000, polling: 20 },
    );
    expect(await readHighlights(p)).toEqual(before);
  });

  it('backs off from a page that deletes its highlights every microtask', async () => {
    const p = await ctx.page();
    await openScanned(p, ctx.url('e2e/four-terms.html'));
    const fought = await p.evaluate(async () => {
      let restores = 0;
      const end = performance.now() + 3_000;
      while (performance.now() < end) {
        if (CSS.highlights.has('termlight-term')) restores++;
        CSS.highlights.delete('termlight-term');
        await new Promise((r) => setTimeout(r, 1));
      }
      return restores;
    });
    // Back-off: a few restores in three seconds, not one per turn.
    expect(fought).toBeGreaterThan(1);
    expect(fought).toBeLessThan(30);
    await p.waitForFunction(() => CSS.highlights.has('termlight-term'), { timeout: 5_000, polling: 50 });
  });

  it('drops the ranges of a web component removed from the page', async () => {
    ctx.server.route(
      '/hostile/component.html',
      page(
        '',
        `${TERMS}<div id="host"></div>
      <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>The CAC rules.</p>';</script>`,
      ),
    );
    const p = await ctx.page();
    const inShadow = () =>
      p.evaluate(() => {
        let n = 0;
        for (const [, h] of CSS.highlights)
          for (const r of h) if (r.startContainer.getRootNode() !== document) n++;
        return n;
      });
    await openScanned(p, ctx.url('/hostile/component.html'));
    expect(await inShadow()).toBe(1);
    await p.evaluate(() => document.getElementById('host')?.remove());
    await p.waitForFunction(
      () => {
        for (const [, h] of CSS.highlights)
          for (const r of h) if (r.startContainer.getRootNode() !== document) return false;
        return true;
      },
      { timeout: 5_000, polling: 50 },
    );
    expect((await readHighlights(p)).map((h) => h.text)).toEqual(['MLPS', 'TC260']);
  });

  it('opens no card for a pointer event the page made up, and lets the page have its Escape', async () => {
    ctx.server.route(
      '/hostile/events.html',
      page(
        'window.__escapes = 0; document.addEventListener("keydown", (e) => { if (e.key === "Escape") window.__escapes++; });',
      ),
    );
    const p = await ctx.page();
    await openScanned(p, ctx.url('/hostile/events.html'));
    const { x, y } = await highlightCenter(p, 'TC260');
    await p.evaluate(
      (x: number, y: number) => {
        const target = document.elementFromPoint(x, y) as Element;
        for (const type of ['pointermove', 'pointerover', 'mousemove'])
          target.dispatchEvent(
            new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true }),
          );
        target.dispatchEvent(
          new PointerEvent('pointerdown', { clientX: x, clientY: y, pointerType: 'touch', bubbles: true }),
        );
      },
      x,
      y,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await p.evaluate(() => document.querySelector('[data-termlight-ui]'))).toBeNull();
    // The positive control: the reader's own pointer opens it.
    await p.mouse.move(x, y);
    await cardHostStyled(p);
    // A made-up Escape does not close it; the reader's does, and the page hears it too.
    await p.evaluate(() =>
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await p.evaluate(() => document.querySelector('[data-termlight-ui]') !== null)).toBe(true);
    await p.keyboard.press('Escape');
    await p.waitForFunction(() => document.querySelector('[data-termlight-ui]') === null, { timeout: 5_000 });
    expect(await p.evaluate(() => (window as unknown as { __escapes: number }).__escapes)).toBe(2);
  });

  it('shrugs off forged Termlight events and messages: no card, no focus taken, no reply', async () => {
    const p = await ctx.page();

    const before = await openScanned(p, ctx.url('e2e/four-terms.html'));
    await p.evaluate(() => {
      const w = window as unknown as { __replies: string[] };
      w.__replies = [];
      // Every message but the page's own forgeries: an answer would be one.
      window.addEventListener('message', (event) => {
        const data = event.data;
        const forged = data === 'termlight' || data?.type === 'getSnapshot' || data?.type === 'command';
        if (!forged) w.__replies.push(JSON.stringify(data));
      });
      for (let i = 0; i < 2_000; i++) {
        for (const type of [
          'termlight-shadow-attached',
          'termlight-highlights-changed',
          'termlight-sheets-set',
        ]) {
          document.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
          document.body.dispatchEvent(new CustomEvent(type, { bubbles: true, detail: { termId: 'x' } }));
        }
        window.postMessage({ type: 'getSnapshot' }, '*');
        window.postMessage({ type: 'command', command: 'next-term' }, '*');
        window.postMessage('termlight', '*');
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    const state = () =>
      p.evaluate(() => ({
        card: document.querySelector('[data-termlight-ui]') !== null,
        focus: document.activeElement?.localName,
        replies: (window as unknown as { __replies: string[] }).__replies,
      }));
    expect({ highlights: await readHighlights(p), ...(await state()) }).toEqual({
      highlights: before,
      card: false,
      focus: 'body',
      replies: [],
    });
    // The control: the real command, sent by the background, opens the card and focuses it.
    // (Puppeteer cannot reach Firefox's background, and a command from an extension page is
    // refused as it would be from a tab: there the pointer opens the card instead.)
    if (name === 'chromium') {
      await sendCommand(ctx.browser, p, 'next-term');
      await p.waitForFunction(() => document.activeElement?.hasAttribute('data-termlight-ui'), {
        timeout: 10_000,
      });
    } else {
      const { x, y } = await highlightCenter(p, 'MLPS');
      await p.mouse.move(x, y);
      await cardHostStyled(p);
    }
    expect(await state()).toEqual({ card: true, focus: name === 'chromium' ? 'div' : 'body', replies: [] });
  });

  it('draws no backdrop or outline of its own over a page that styles every popover', async () => {
    // The card is a popover in the top layer (shadow-ui-host.ts); the page's rules for its own
    // popovers and backdrops must not paint over the page around it.
    ctx.server.route(
      '/hostile/popovers.html',
      page(
        '',
        `${TERMS}<div id="own" popover>The page's own popover</div>
        <style>::backdrop { background: rgb(255, 0, 0) !important; }
        [popover], :popover-open { outline: 60px solid rgb(255, 0, 0) !important; }</style>`,
      ),
    );
    const p = await ctx.page();
    await openScanned(p, ctx.url('/hostile/popovers.html'));
    const corner = { x: 1200, y: 850 };
    // A positive control: the page's rules do paint its own popover's backdrop and outline.
    await p.evaluate(() => document.getElementById('own')?.showPopover());
    const [pagePopover] = await drawnColours(p, [corner]);
    await p.evaluate(() => document.getElementById('own')?.hidePopover());
    const { x, y } = await highlightCenter(p, 'TC260');
    await p.mouse.move(x, y);
    await cardHostStyled(p);
    const open = await p.evaluate(() =>
      document.querySelector('[data-termlight-ui]')?.matches(':popover-open'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const card = await drawnUiBox(p);
    if (!card) throw new Error('the card is drawn nowhere');
    // Far from the card, at the host's own corner, and past the card's shadow on three sides.
    const around = [
      corner,
      { x: 10, y: 10 },
      { x: card.left - 50, y: (card.top + card.bottom) / 2 },
      { x: card.right + 50, y: (card.top + card.bottom) / 2 },
      { x: (card.left + card.right) / 2, y: card.bottom + 50 },
    ];
    expect({ pagePopover, open, around: await drawnColours(p, around) }).toEqual({
      pagePopover: 'rgb(255, 0, 0)',
      open: true,
      around: around.map(() => 'rgb(255, 255, 255)'),
    });
  });

  it('lets a page that logs every key and input hear none of a clipping note typed in the toolbar', async () => {
    // Listeners on the window and the document, capture and bubble, added by the page's first
    // script: what a key logger or a session recorder does.
    ctx.server.route(
      '/hostile/keylogger.html',
      page(
        `
        window.__heard = [];
        // Whether Termlight's page-world script ran before this one (it hooks attachShadow).
        window.__after = typeof Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow').get;
        const types = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'compositionupdate', 'paste'];
        for (const type of types)
          for (const where of [window, document])
            for (const capture of [true, false])
              where.addEventListener(type, (e) => window.__heard.push(type + ':' + (e.key ?? e.data ?? '')), capture);`,
        `${TERMS}<p id="quote">Network operators shall keep logs for at least six months.</p><textarea id="own"></textarea>`,
      ),
    );
    const p = await ctx.page();
    const url = ctx.url('/hostile/keylogger.html');
    // The page-world script is registered as the extension starts: the first page of a new
    // profile can come before it. Loaded until it runs first, as it does from then on.
    for (let tries = 0; ; tries++) {
      await openScanned(p, url);
      if (await p.evaluate(() => (window as unknown as { __after: string }).__after === 'function')) break;
      if (tries > 10) throw new Error('the page-world script never ran before the page');
    }
    // The positive control: the page does hear what is typed in its own field.
    await p.focus('#own');
    await p.keyboard.type('ab');
    const control = await p.evaluate(() => (window as unknown as { __heard: string[] }).__heard.splice(0));
    await dragSelect(p, '#quote', 'keep logs for at least six months');
    const library = await ctx.page();
    await openLibrary(library, ctx.browser, 'clippings');
    await p.bringToFront();
    await relayCommandFrom(library, url, 'save-clipping');
    // The toolbar's note field takes the focus once the clipping is saved.
    await p.waitForFunction(() => document.activeElement?.hasAttribute('data-termlight-ui'), {
      timeout: 10_000,
    });
    await p.keyboard.type('private remark');
    await p.keyboard.press('Tab');
    await p.keyboard.type('secret-tag');
    await p.keyboard.press('Enter');
    // What the note says reaches the library: the keys did their work.
    await library.bringToFront();
    await openLibrary(library, ctx.browser, 'clippings');
    await library.waitForFunction(
      () => /private remark/.test(document.querySelector('#panel-clippings')?.textContent ?? ''),
      { timeout: 10_000 },
    );
    const heard = await p.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect({ control: control.includes('keydown:a') && control.includes('input:b'), heard }).toEqual({
      control: true,
      heard: [],
    });
    expect(await library.$eval('#panel-clippings', (panel) => panel.textContent)).toContain('secret-tag');
  });

  it('styles the card under a strict Content-Security-Policy', async () => {
    ctx.server.route(
      '/hostile/csp.html',
      page('', TERMS).replace(/<script>.*?<\/script>/s, ''),
      'text/html; charset=utf-8',
      {
        'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'",
      },
    );
    const p = await ctx.page();
    await p.goto(ctx.url('/hostile/csp.html'), { waitUntil: 'load' });
    await waitForScan(p);
    const { x, y } = await highlightCenter(p, 'TC260');
    await p.mouse.move(x, y);
    expect(await cardHostStyled(p)).toEqual({ position: 'fixed', zIndex: '2147483647' });
  });
});
