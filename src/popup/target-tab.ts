/** The tab the popup is about: the one named by `?tabId=N`, else the active tab of its window. */
import browser from '../shared/browser';

/** A tab's id and, where the browser tells it, its top-level page. */
export interface TargetTab {
  id: number;
  url?: string;
}

/**
 * The tab id in a popup URL's query (`?tabId=N`), or null. Firefox's test driver cannot open the
 * action popup, so there the popup is opened as a page in a tab, naming the tab it is about.
 */
export function tabIdParam(search: string): number | null {
  const param = new URLSearchParams(search).get('tabId');
  if (!param || !/^\d{1,9}$/.test(param)) return null;
  return Number(param);
}

/** The target tab, or undefined when there is none (no window in front). */
export async function targetTab(search = location.search): Promise<TargetTab | undefined> {
  const named = tabIdParam(search);
  const tab =
    named === null
      ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
      : await browser.tabs.get(named);
  if (tab?.id === undefined) return undefined;
  return tab.url ? { id: tab.id, url: tab.url } : { id: tab.id };
}
