/**
 * Opens the popup for a tab: in Chromium the way a user does (the toolbar button, for the tab in
 * front); in Firefox, whose driver cannot open the action popup, as `popup.html?tabId=N` in a tab.
 */
import type { Page } from 'puppeteer-core';
import type { E2EContext } from './fixture';
import { openExtensionPage } from './library';

/** The switch every popup shows once it has read the settings. */
export const PAUSE_SWITCH = 'Pause Termlight everywhere';

/** Clicks the toolbar button for `page` and returns the popup that opens (Chromium only). */
export async function openPopup(ctx: E2EContext, page: Page, ready = `aria/${PAUSE_SWITCH}`): Promise<Page> {
  const [extension] = (await ctx.browser.browser.extensions()).values();
  if (!extension) throw new Error('extension not loaded');
  await page.bringToFront();
  await page.triggerExtensionAction(extension);
  const target = await ctx.browser.browser.waitForTarget(
    (t) => t.url() === `${ctx.browser.extensionUrl}popup.html`,
  );
  const popup = await target.asPage();
  await popup.waitForSelector(ready);
  return popup;
}

/** The id of the tab showing `page`, asked of the browser from an extension page. */
export async function tabIdOf(extensionPage: Page, page: Page): Promise<number> {
  // Asked of the document: over BiDi, page.url() can be stale.
  const url = await page.evaluate(() => location.href);
  const tabId = await extensionPage.evaluate(async (url: string) => {
    type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
    const g = globalThis as unknown as { browser?: { tabs: Tabs }; chrome: { tabs: Tabs } };
    return ((await (g.browser ?? g.chrome).tabs.query({})).find((t) => t.url === url)?.id ?? null) as
      | number
      | null;
  }, url);
  if (tabId === null) throw new Error(`no tab at ${url}`);
  return tabId;
}

/**
 * The popup for the tab showing `page`: the action popup in Chromium, `popup.html?tabId=N` in a
 * new tab in Firefox. Either way it acts on `page`'s tab; it is returned once `ready` is there.
 */
export async function openPopupFor(
  ctx: E2EContext,
  page: Page,
  ready = `aria/${PAUSE_SWITCH}`,
): Promise<Page> {
  if (ctx.browser.name === 'chromium') return openPopup(ctx, page, ready);
  const popup = await ctx.page();
  await openExtensionPage(popup, ctx.browser, 'popup.html');
  const tabId = await tabIdOf(popup, page);
  await openExtensionPage(popup, ctx.browser, `popup.html?tabId=${tabId}`);
  await popup.waitForSelector(ready, { timeout: 10_000 });
  return popup;
}

/** Closes a popup opened by `openPopupFor` (the Firefox one is a tab the fixture closes too). */
export async function closePopup(popup: Page): Promise<void> {
  await popup.close().catch(() => undefined);
}
