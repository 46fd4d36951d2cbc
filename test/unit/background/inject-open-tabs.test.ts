import { afterEach, describe, expect, it, vi } from 'vitest';
import { injectIntoOpenTabs } from '../../../src/background/inject-open-tabs';
import browser, { type Tabs } from '../../../src/shared/browser';
import { calls } from '../fakes/browser';

/** Open tabs, with only the fields the injection reads. */
const OPEN_TABS = [
  { id: 1, url: 'https://example.org/article' },
  { id: 2, url: 'chrome://settings/' },
  { id: 3, url: 'file:///home/reader/notes.html' },
  { id: 4, url: 'chrome-extension://termlight-test-id/library.html' },
  { url: 'https://example.org/no-id' },
] as Tabs.Tab[];

describe('injecting the content script into open tabs', () => {
  afterEach(() => {
    calls.injections.length = 0;
    vi.restoreAllMocks();
  });

  it('runs the page hooks (on install) and content.js (on install and update) in every frame of the open web pages', async () => {
    vi.spyOn(browser.tabs, 'query').mockResolvedValue(OPEN_TABS);
    const hooks = (tabId: number) => ({
      target: { tabId, allFrames: true },
      files: ['page-hooks.js'],
      world: 'MAIN',
    });
    const content = (tabId: number) => ({ target: { tabId, allFrames: true }, files: ['content.js'] });
    await injectIntoOpenTabs({ reason: 'install', temporary: false });
    expect(calls.injections).toEqual([hooks(1), hooks(3), content(1), content(3)]);
    calls.injections.length = 0;
    // An update leaves the old hooks in place: only the content script is new.
    await injectIntoOpenTabs({ reason: 'update', temporary: false });
    expect(calls.injections).toEqual([content(1), content(3)]);
  });

  it('in Firefox, which runs the manifest content script in open pages itself, injects only the hooks, on install', async () => {
    vi.spyOn(browser.tabs, 'query').mockResolvedValue(OPEN_TABS);
    vi.spyOn(browser.runtime, 'getURL').mockImplementation(
      (path) => `moz-extension://termlight-test-id/${path}`,
    );
    await injectIntoOpenTabs({ reason: 'update', temporary: false });
    expect(calls.injections).toEqual([]);
    await injectIntoOpenTabs({ reason: 'install', temporary: false });
    expect(calls.injections).toEqual([
      { target: { tabId: 1, allFrames: true }, files: ['page-hooks.js'], world: 'MAIN' },
      { target: { tabId: 3, allFrames: true }, files: ['page-hooks.js'], world: 'MAIN' },
    ]);
  });

  it('leaves the tabs alone when only the browser was updated', async () => {
    vi.spyOn(browser.tabs, 'query').mockResolvedValue(OPEN_TABS);
    await injectIntoOpenTabs({ reason: 'browser_update', temporary: false });
    expect(calls.injections).toEqual([]);
  });

  it('goes on to the other tabs when the browser refuses one', async () => {
    vi.spyOn(browser.tabs, 'query').mockResolvedValue(OPEN_TABS);
    const executeScript = vi.spyOn(browser.scripting, 'executeScript');
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    await injectIntoOpenTabs({ reason: 'update', temporary: false });
    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(calls.injections).toEqual([{ target: { tabId: 3, allFrames: true }, files: ['content.js'] }]);
  });
});
