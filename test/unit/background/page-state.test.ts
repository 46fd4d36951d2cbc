import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { writePack } from '../../../src/background/glossaries';
import { createHandlers } from '../../../src/background/handlers';
import { createRouter } from '../../../src/background/router';
import { setSiteEnabled } from '../../../src/background/settings';
import { makePack, makeTerm } from '../support/packs';

const options = { extensionId: 'ext', extensionUrl: 'chrome-extension://ext/' };
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

/** A content script's sender: its frame's own URL, and its tab showing `top`. */
function frame(url: string, top: string, frameId = 3) {
  return { id: 'ext', url, frameId, tab: { id: 7, url: top } };
}

let db: TermlightDb;
let n = 0;
beforeEach(() => {
  db = openDb(`page-state-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

describe("a frame's state over the router, from its tab's top-level page", () => {
  it('is off in the about:blank, srcdoc, blob: and cross-origin frames of a switched-off site', async () => {
    const route = createRouter(createHandlers(db, Promise.resolve()), options);
    await setSiteEnabled(db, '127.0.0.1', false);
    const top = 'http://127.0.0.1:8000/article.html';
    const frames = [
      frame(top, top, 0),
      frame('about:blank', top),
      frame('about:srcdoc', top),
      frame('blob:http://127.0.0.1:8000/5a4c', top),
      frame('http://localhost:8000/widget.html', top),
    ];
    const failing: string[] = [];
    for (const sender of frames) {
      const answer = await route({ type: 'getPageState' }, sender);
      if (!answer.ok || (answer.value as { on: boolean }).on) failing.push(sender.url);
    }
    expect(failing).toEqual([]);
    // The same cross-origin frame inside a page of a site that is on runs.
    const elsewhere = await route(
      { type: 'getPageState' },
      frame('http://127.0.0.1:8000/widget.html', 'http://localhost:8000/'),
    );
    expect(elsewhere).toEqual({
      ok: true,
      value: { on: true, firstOccurrenceOnly: false, includeCode: false },
    });
  });

  it('answers a page with its own state only, never the settings', async () => {
    const route = createRouter(createHandlers(db, Promise.resolve()), options);
    await setSiteEnabled(db, 'news.example', false);
    const sender = frame('https://a.example/', 'https://a.example/', 0);
    expect(await route({ type: 'getSettings' }, sender)).toEqual({
      ok: false,
      error: '"getSettings" is not allowed from a web page',
    });
    expect(await route({ type: 'getPageState' }, sender)).toEqual({
      ok: true,
      value: { on: true, firstOccurrenceOnly: false, includeCode: false },
    });
  });
});

describe('term names for the popup', () => {
  it('come in one answer for many ids, leaving out unknown ones', async () => {
    await writePack(
      db,
      makePack('p', [makeTerm('mlps', 'Multi-Level Protection Scheme'), makeTerm('cac', 'CAC')]),
      'local',
    );
    const route = createRouter(createHandlers(db, Promise.resolve()), options);
    expect(await route({ type: 'getTermNames', ids: ['p/mlps', 'p/cac', 'p/none'] }, popup)).toEqual({
      ok: true,
      value: { 'p/mlps': 'Multi-Level Protection Scheme', 'p/cac': 'CAC' },
    });
    const fromPage = await route(
      { type: 'getTermNames', ids: ['p/mlps'] },
      frame('https://a.example/', 'https://a.example/'),
    );
    expect(fromPage.ok).toBe(false);
  });
});
