/**
 * After an install or an update, Chromium runs the manifest's content scripts only in pages loaded
 * from then on: the pages already open keep the old version's orphaned script (which stops itself,
 * see src/content/orphan-watch.ts) or none. This puts the current content script into every frame
 * of those pages. Firefox injects the manifest's content scripts into open pages by itself, so it
 * is left alone there. A page that gets both keeps one: the content script checks.
 *
 * Neither browser runs a script registered at run time (`page-hooks.js`, see
 * page-hooks-registration.ts) in pages already open, so a fresh install puts it there too, in both.
 * Late, it cannot see what a page did before it came (shadow roots attached earlier are found by
 * the content script's own walk), and it takes the page's built-ins as they are by then; an update
 * leaves the old version's hooks in place, which report to whichever content script listens.
 */
import browser, { type Runtime } from '../shared/browser';

/** Pages a content script may run in (the manifest's `<all_urls>` is these schemes). */
const SCRIPTABLE = /^(https?|file):/;

/**
 * Injects `page-hooks.js` (on install) and, in Chromium, `content.js` (on install and update)
 * into every frame of the open tabs.
 */
export async function injectIntoOpenTabs(details: Runtime.OnInstalledDetailsType): Promise<void> {
  const install = details.reason === 'install';
  if (!install && details.reason !== 'update') return;
  const chromium = browser.runtime.getURL('').startsWith('chrome-extension:');
  if (!install && !chromium) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && SCRIPTABLE.test(tab.url ?? ''))
      .map(async (tab) => {
        const target = { tabId: tab.id as number, allFrames: true };
        // A tab the browser forbids (the web store, an error page) or one that closed meanwhile.
        const refused = () => undefined;
        // The hooks first: the content script starts listening to them as it starts.
        if (install)
          await browser.scripting
            .executeScript({ target, files: ['page-hooks.js'], world: 'MAIN' })
            .catch(refused);
        if (chromium) await browser.scripting.executeScript({ target, files: ['content.js'] }).catch(refused);
      }),
  );
}
