/** One browser with the extension and one fixture server per test file. */
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  type BrowserName,
  type ExtensionBrowser,
  type LaunchOptions,
  launchWithExtension,
} from '../../harness/browsers';
import { type StaticServer, serveStatic } from '../../harness/server';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export interface E2EContext {
  browser: ExtensionBrowser;
  server: StaticServer;
  /** A fresh tab; closed after the test. */
  page(): Promise<Page>;
  /** The URL of a fixture file under test/fixtures. */
  url(path: string): string;
}

/** Registers beforeAll/afterAll hooks that start `name` with the extension and a fixture server. */
export function useExtensionBrowser(name: BrowserName, options: LaunchOptions = {}): E2EContext {
  const ctx = {} as E2EContext;
  const pages: Page[] = [];
  beforeAll(async () => {
    ctx.server = await serveStatic(FIXTURES);
    ctx.browser = await launchWithExtension(name, options);
    ctx.url = (path: string) => `${ctx.server.origin}/${path.replace(/^\//, '')}`;
    ctx.page = async () => {
      const page = await ctx.browser.newPage();
      pages.push(page);
      return page;
    };
  });
  // Each test starts from a browser with no leftover tabs of earlier tests.
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}
