/** A Chromium without the extension (for mark.js): same binary and flags, killable on a runaway page. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { browserPath, CHROMIUM_ARGS } from '../harness/browsers';

export interface PlainBrowser {
  browser: Browser;
  /** Closes the browser; `kill` skips the polite close (for a renderer stuck in a long script). */
  close(kill?: boolean): Promise<void>;
}

/** Starts headless Chromium with no extension. */
export async function launchPlain(): Promise<PlainBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'termlight-bench-plain-'));
  const browser = await puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless: true,
    pipe: true,
    userDataDir,
    args: CHROMIUM_ARGS,
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 600_000,
  });
  return {
    browser,
    close: async (kill = false) => {
      if (kill) browser.process()?.kill('SIGKILL');
      else await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
