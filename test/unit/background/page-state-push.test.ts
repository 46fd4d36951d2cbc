import { describe, expect, it } from 'vitest';
import { pushPageStates, type TabsApi } from '../../../src/background/page-state-push';
import type { TabRequest } from '../../../src/shared/messages';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

function fakeTabs(tabs: { id?: number; url?: string }[]) {
  const sent: { tabId: number; message: TabRequest }[] = [];
  const api: TabsApi = {
    query: async () => tabs,
    sendMessage: async (tabId, message) => {
      sent.push({ tabId, message });
      if (tabId === 99) throw new Error('Could not establish connection');
    },
  };
  return { api, sent };
}

const TABS = [
  { id: 1, url: 'https://news.example/a' },
  { id: 2, url: 'https://other.example/' },
  { id: 3, url: 'about:blank' },
  { id: 99, url: 'https://news.example/b' },
  { url: 'https://news.example/c' },
];

describe('telling open tabs about a settings change', () => {
  it('switching a site off tells only the tabs showing that site', async () => {
    const { api, sent } = fakeTabs(TABS);
    const next = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
    await pushPageStates(api, next, DEFAULT_SETTINGS);
    const off = { type: 'pageState', state: { on: false, firstOccurrenceOnly: false, includeCode: false } };
    expect(sent).toEqual([
      { tabId: 1, message: off },
      { tabId: 99, message: off },
    ]);
  });

  it('pausing tells every tab, resuming tells them again, and the badge setting tells none', async () => {
    const { api, sent } = fakeTabs(TABS);
    const paused = { ...DEFAULT_SETTINGS, paused: true };
    await pushPageStates(api, paused, DEFAULT_SETTINGS);
    expect(sent.map((s) => s.tabId)).toEqual([1, 2, 3, 99]);
    sent.length = 0;
    await pushPageStates(api, DEFAULT_SETTINGS, paused);
    expect(sent.map((s) => [s.tabId, s.message.type === 'pageState' && s.message.state.on])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [99, true],
    ]);
    sent.length = 0;
    await pushPageStates(api, { ...DEFAULT_SETTINGS, showBadge: false }, DEFAULT_SETTINGS);
    expect(sent).toEqual([]);
  });
});
