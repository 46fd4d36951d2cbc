/**
 * A page that replaces the DOM and JavaScript built-ins Termlight might call, in an inline head
 * script before anything of its own runs, and records every call's arguments: highlights, cards and
 * clippings still work, and none of the recorded arguments carries a definition, a pack name or the
 * extension's URL.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { highlightCenter, openScanned, readHighlights } from '../harness/page-probe';
import { waitForRoleText } from './support/a11y';
import { dragSelect } from './support/clippings';
import { relayCommandFrom } from './support/commands';
import { useExtensionBrowser } from './support/fixture';
import { openLibrary } from './support/library';

/** The built-ins the page replaces, as `owner.name` paths from `window`. */
const OVERRIDDEN = [
  'Node.prototype.appendChild',
  'Range.prototype.toString',
  'JSON.parse',
  'Array.prototype.push',
  'Element.prototype.attachShadow',
  'EventTarget.prototype.addEventListener',
  'window.getSelection',
];

// Each replacement logs its name and a text form of its arguments (a node as its name and text),
// then calls the original. The log is written by index: `push` is one of the replaced methods.
// Then the page uses each of them once itself, and builds a web component holding a term.
const OVERRIDES = `
(() => {
  const log = (window.__calls = []);
  const native = { apply: Reflect.apply, stringify: JSON.stringify, String };
  const text = (value) => {
    try {
      if (value instanceof Node) return value.nodeName + ':' + (value.textContent || '');
      if (typeof value === 'function') return 'function:' + native.String(value);
      if (typeof value === 'object' && value !== null) return native.stringify(value);
      return native.String(value);
    } catch (error) {
      return 'unreadable';
    }
  };
  for (const path of ${JSON.stringify(OVERRIDDEN)}) {
    const parts = path.split('.');
    const name = parts.pop();
    const owner = parts.reduce((o, key) => o[key], window);
    const original = owner[name];
    owner[name] = function (...args) {
      const entry = [path];
      for (let i = 0; i < args.length; i++) entry[entry.length] = text(args[i]);
      if (path === 'Range.prototype.toString') entry[entry.length] = 'this:' + text(this.cloneContents());
      log[log.length] = entry.join(' | ');
      return native.apply(original, this, args);
    };
  }
  document.addEventListener('DOMContentLoaded', () => {
    const note = document.createElement('p');
    note.textContent = 'Added by the page.';
    document.body.appendChild(note);
    const range = document.createRange();
    range.selectNodeContents(note);
    range.toString();
    JSON.parse('{"page":true}');
    [].push('page');
    window.getSelection();
    const host = document.getElementById('component');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Rules from the CAC apply in the component.</p>';
  });
})();`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Overrides</title>
<script>${OVERRIDES}</script></head><body><h1>A page that replaced the built-ins</h1>
<p id="mlps">Operators must file their systems under MLPS before the audit season begins.</p>
<p id="tc260">The committee known as TC260 publishes the national security standards.</p>
<div id="component"></div></body></html>`;

/** What must never reach the page: a definition's words, the pack's name, the extension's URL. */
const SECRET = /Standardi[sz]ation Technical Committee|drafts China|China cyber policy|-extension:\/\//i;

const PASSAGE = 'Operators must file their systems under MLPS before the audit season begins.';

const calls = (p: Page) => p.evaluate(() => (window as unknown as { __calls: string[] }).__calls.slice());

describe.each(['chromium', 'firefox'] as const)('a page that replaced the built-ins, in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('still gets highlights, cards and clippings, and learns nothing from its replacements', async () => {
    ctx.server.route('/hostile/overrides.html', PAGE);
    const url = ctx.url('/hostile/overrides.html');
    const p = await ctx.page();
    await openScanned(p, url);
    // The component's term is found too: the page's attachShadow still reaches the page-world hook.
    await p.waitForFunction(() => (CSS.highlights.get('termlight-term')?.size ?? 0) >= 3, {
      timeout: 10_000,
    });
    expect((await readHighlights(p)).map((h) => h.text).sort()).toEqual(['CAC', 'MLPS', 'TC260']);

    const { x, y } = await highlightCenter(p, 'TC260');
    await p.mouse.move(x, y);
    await p.waitForFunction(() => document.querySelector('[data-termlight-ui]') !== null, {
      timeout: 10_000,
    });
    if (name === 'chromium')
      expect(await waitForRoleText(p, 'tooltip', /Standardi[sz]ation/)).toMatch(/TC260/);
    await p.keyboard.press('Escape');

    await dragSelect(p, '#mlps', PASSAGE);
    if (name === 'chromium') {
      await (await p.waitForSelector('aria/Save clipping[role="button"]'))?.click();
      await waitForRoleText(p, 'status', /Clipping saved/);
    } else {
      // Firefox's accessibility queries do not enter closed shadow roots: the command saves it.
      const library = await ctx.page();
      await openLibrary(library, ctx.browser, 'clippings');
      await p.bringToFront();
      await relayCommandFrom(library, url, 'save-clipping');
    }
    await p.waitForFunction(() => (CSS.highlights.get('termlight-clip')?.size ?? 0) === 1, {
      timeout: 10_000,
    });
    expect(await readHighlights(p, 'termlight-clip')).toEqual([{ name: 'termlight-clip', text: PASSAGE }]);

    const recorded = await calls(p);
    // The replacements were live: each one recorded the page's own call to it.
    const unused = OVERRIDDEN.filter(
      (path) => !recorded.some((call) => call === path || call.startsWith(`${path} |`)),
    );
    expect(unused).toEqual([]);
    expect(recorded.filter((call) => SECRET.test(call))).toEqual([]);
  });
});
