/** Opens the action popup the way a user does: the toolbar button, for the tab in front. */
import type { Page } from 'puppeteer-core';
import type { E2EContext } from './fixture';

/** Clicks the toolbar button for `page` and returns the popup that opens (Chromium only). */
export async function openPopup(ctx: E2EContext, page: Page): Promise<Page> {
  const [extension] = (await ctx.browser.browser.extensions()).values();
  if (!extension) throw new Error('extension not loaded');
  await page.bringToFront();
  await page.triggerExtensionAction(extension);
  const target = await ctx.browser.browser.waitForTarget(
    (t) => t.url() === `${ctx.browser.extensionUrl}popup.html`,
  );
  const popup = await target.asPage();
  await popup.waitForSelector('aria/Highlight on this site');
  return popup;
}
