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

  it('runs content.js in every frame of the open web pages on install and on update', async () => {
    vi.spyOn(browser.tabs, 'query').mockResolvedValue(OPEN_TABS);
    for (const reason of ['install', 'update'] as const)
      await injectIntoOpenTabs({ reason, temporary: false });
    const injected = (tabId: number) => ({ target: { tabId, allFrames: true }, files: ['content.js'] });
    expect(calls.injections).toEqual([injected(1), injected(3), injected(1), injected(3)]);
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
  });
});
