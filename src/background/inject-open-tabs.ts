/**
 * After an install or an update, Chromium runs the manifest's content scripts only in pages loaded
 * from then on: the pages already open keep the old version's orphaned script (which stops itself,
 * see src/content/orphan-watch.ts) or none. This puts the current content script into every frame
 * of those pages. Firefox injects the manifest's content scripts into open pages by itself, so it
 * is left alone there. A page that gets both keeps one: the content script checks.
 */
import browser, { type Runtime } from '../shared/browser';

/** Pages a content script may run in (the manifest's `<all_urls>` is these schemes). */
const SCRIPTABLE = /^(https?|file):/;

/** Injects `content.js` into the open tabs when the extension is installed or updated (Chromium only). */
export async function injectIntoOpenTabs(details: Runtime.OnInstalledDetailsType): Promise<void> {
  if (details.reason !== 'install' && details.reason !== 'update') return;
  if (!browser.runtime.getURL('').startsWith('chrome-extension:')) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && SCRIPTABLE.test(tab.url ?? ''))
      .map((tab) =>
        browser.scripting
          .executeScript({ target: { tabId: tab.id as number, allFrames: true }, files: ['content.js'] })
          // A tab the browser forbids (the web store, an error page) or one that closed meanwhile.
          .catch(() => undefined),
      ),
  );
}
