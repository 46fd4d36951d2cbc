/**
 * Tells open tabs when a settings change turns Termlight on or off for them (or changes how they
 * scan). Each tab is decided from its top-level page, and every frame of it gets the same state.
 */
import type { TabRequest } from '../shared/messages';
import { type PageSettings, pageStateFor, samePageState } from '../shared/settings';

/** The part of `browser.tabs` the push uses. */
export interface TabsApi {
  query(query: Record<string, never>): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, message: TabRequest): Promise<unknown>;
}

/** Sends the new state to every tab whose state the change from `previous` to `next` changes. */
export async function pushPageStates(
  tabs: TabsApi,
  next: PageSettings,
  previous: PageSettings,
): Promise<void> {
  const open = await tabs.query({});
  await Promise.all(
    open.map(async (tab) => {
      if (tab.id === undefined) return;
      const url = tab.url ?? '';
      const state = pageStateFor(next, url);
      if (samePageState(state, pageStateFor(previous, url))) return;
      // A tab without our content script (a browser page, one still loading) has nothing to stop.
      await tabs.sendMessage(tab.id, { type: 'pageState', state }).catch(() => undefined);
    }),
  );
}
