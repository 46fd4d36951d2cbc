import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import browser from '../../../src/shared/browser';
import { calls } from '../fakes/browser';

describe('what the background makes on install', () => {
  it("makes the Save clipping (relayed to the selection's frame) and Add to glossary menu items, and the refresh alarm", async () => {
    await import('../../../src/background/index');
    const fake = browser as unknown as {
      runtime: { onInstalled: { listeners: Set<(d: { reason: string }) => void> } };
      contextMenus: {
        onClicked: {
          listeners: Set<
            (i: { menuItemId: string; frameId?: number; selectionText?: string }, t?: { id?: number }) => void
          >;
        };
      };
    };
    expect(calls.menus).toEqual([]);
    for (const listener of fake.runtime.onInstalled.listeners) listener({ reason: 'install' });
    expect(calls.menus).toEqual([
      { id: 'save-clipping', title: 'menuSaveClipping', contexts: ['selection'] },
      { id: 'add-to-glossary', title: 'menuAddToGlossary', contexts: ['selection'] },
    ]);
    for (const listener of fake.contextMenus.onClicked.listeners)
      listener({ menuItemId: 'save-clipping', frameId: 3 }, { id: 9 });
    for (const listener of fake.contextMenus.onClicked.listeners)
      listener({ menuItemId: 'something-else', frameId: 0 }, { id: 9 });
    expect(calls.tabMessages).toEqual([
      { tabId: 9, message: { type: 'command', command: 'save-clipping' }, options: { frameId: 3 } },
    ]);
    // "Add to glossary" opens the term editor named after the selection, in one line.
    for (const listener of fake.contextMenus.onClicked.listeners)
      listener(
        { menuItemId: 'add-to-glossary', frameId: 3, selectionText: '  Data\n security  law ' },
        { id: 9 },
      );
    await vi.waitFor(() =>
      expect(calls.tabsCreated).toEqual([
        { url: expect.stringMatching(/library\.html#new-term=Data%20security%20law$/) },
      ]),
    );
    // And the refresh of subscribed glossaries, daily unless the reader chose otherwise.
    await vi.waitFor(() =>
      expect(calls.alarms).toEqual([{ name: 'refresh-subscriptions', info: { periodInMinutes: 1440 } }]),
    );
  });
});
