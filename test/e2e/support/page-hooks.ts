/** Whether Termlight's page-world script (page-hooks.js) runs in a page, seen from the page. */
import type { Page } from 'puppeteer-core';
import { SHADOW_ATTACHED_EVENT } from '../../../src/content/main-world/hook-events';

/**
 * Whether the page-world script runs in `page`: it reports an open shadow root attached by the
 * page with an event the page can hear too. Waits long enough for a report sent from a task.
 */
export async function pageHooksInstalled(page: Page): Promise<boolean> {
  return page.evaluate(async (event: string) => {
    let heard = false;
    document.addEventListener(event, () => (heard = true), { capture: true });
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' });
    await new Promise((r) => setTimeout(r, 200));
    host.remove();
    return heard;
  }, SHADOW_ATTACHED_EVENT);
}

/**
 * Reloads `page` until the page-world script is (or is not) installed in it, as `installed` says.
 * A registration change reaches the browser's renderers shortly after the API call returns, so a
 * load right after it may still see the old one; the old build never reaches the other state.
 */
export async function waitForPageHooks(page: Page, installed: boolean, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    await page.reload({ waitUntil: 'load' });
    if ((await pageHooksInstalled(page)) === installed) return;
    if (Date.now() > end) throw new Error(`page-hooks.js is ${installed ? 'not ' : ''}installed`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
