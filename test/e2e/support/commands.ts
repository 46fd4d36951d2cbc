/** Delivers an extension keyboard command the way the background relays `commands.onCommand`. */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../harness/browsers';

/**
 * Headless Chromium does not route synthetic key events to extension shortcuts, so the test sends
 * the relayed message from the service worker itself, to the tab of `page`.
 */
export async function sendCommand(browser: ExtensionBrowser, page: Page, command: string): Promise<void> {
  const target = await browser.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(browser.extensionUrl),
  );
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  const url = page.url();
  await worker.evaluate(
    async (url: string, command: string) => {
      type Tabs = {
        query(q: { url: string }): Promise<{ id?: number }[]>;
        sendMessage(id: number, message: unknown): Promise<unknown>;
      };
      const api = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      const [tab] = await api.tabs.query({ url });
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      await api.tabs.sendMessage(tab.id, { type: 'command', command });
    },
    url,
    command,
  );
}

/**
 * Delivers a command from an extension page (the library, open in `extensionPage`) to every frame
 * of the tab showing `url`, as the background relays a shortcut. It works in both browsers, where
 * puppeteer cannot reach Firefox's background page.
 */
export async function relayCommandFrom(extensionPage: Page, url: string, command: string): Promise<void> {
  await extensionPage.evaluate(
    async (url: string, command: string) => {
      type Tabs = {
        query(q: object): Promise<{ id?: number; url?: string }[]>;
        sendMessage(id: number, message: unknown): Promise<unknown>;
      };
      const g = globalThis as unknown as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } };
      const tabs = (g.browser ?? g.chrome)?.tabs;
      if (!tabs) throw new Error('not an extension page');
      // Firefox's match patterns take no port, so the tab is found by its URL here.
      const tab = (await tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      await tabs.sendMessage(tab.id, { type: 'command', command }).catch(() => undefined);
    },
    url,
    command,
  );
}
