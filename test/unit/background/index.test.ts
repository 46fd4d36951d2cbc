import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import browser from '../../../src/shared/browser';
import { calls } from '../fakes/browser';

describe('what the background makes on install', () => {
  it('makes the Save clipping menu item (relayed to the frame holding the selection) and the refresh alarm', async () => {
    await import('../../../src/background/index');
    const fake = browser as unknown as {
      runtime: { onInstalled: { listeners: Set<(d: { reason: string }) => void> } };
      contextMenus: {
        onClicked: {
          listeners: Set<(i: { menuItemId: string; frameId?: number }, t?: { id?: number }) => void>;
        };
      };
    };
    expect(calls.menus).toEqual([]);
    for (const listener of fake.runtime.onInstalled.listeners) listener({ reason: 'install' });
    expect(calls.menus).toEqual([
      { id: 'save-clipping', title: 'menuSaveClipping', contexts: ['selection'] },
    ]);
    for (const listener of fake.contextMenus.onClicked.listeners)
      listener({ menuItemId: 'save-clipping', frameId: 3 }, { id: 9 });
    for (const listener of fake.contextMenus.onClicked.listeners)
      listener({ menuItemId: 'something-else', frameId: 0 }, { id: 9 });
    expect(calls.tabMessages).toEqual([
      { tabId: 9, message: { type: 'command', command: 'save-clipping' }, options: { frameId: 3 } },
    ]);
    // And the refresh of subscribed glossaries, daily unless the reader chose otherwise.
    await vi.waitFor(() =>
      expect(calls.alarms).toEqual([{ name: 'refresh-subscriptions', info: { periodInMinutes: 1440 } }]),
    );
  });
});
