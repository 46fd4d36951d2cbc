/** Whether Termlight's page-world script (page-hooks.js) runs in a page, seen from the page. */
import type { Page } from 'puppeteer-core';
import { SHADOW_ATTACHED_EVENT } from '../../../src/shared/page-hook-events';

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
