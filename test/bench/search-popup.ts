/**
 * Keystroke → results rendered in the real popup page, in Chromium: the bench pack imported and the
 * bench clippings stored through the background, `popup.html` opened as a page, each query typed one
 * key at a time, and each key timed in the page from its keydown (or, for a character sent as text,
 * its input event) to the moment its results are in the DOM, and to the animation frame after that.
 * The frame adds the wait for the display's next frame (0–16.7 ms at 60 Hz), which a keystroke pays
 * however fast its results come; what counts is whether the results make the first frame after the
 * key, which they do when they are in the DOM before it starts.
 */
import type { Page } from 'puppeteer-core';
import type { Clipping } from '../../src/shared/clippings/model';
import { openExtensionPage } from '../e2e/support/library';
import { launchWithExtension } from '../harness/browsers';
import { keystrokes } from './search-fixtures';
import { sleep } from './stats';

export interface PopupSearchOptions {
  packText: string;
  clippings: readonly Clipping[];
  queries: readonly string[];
  runs: number;
  log: (line: string) => void;
}

export interface PopupSearchResults {
  /** Keystroke → results in the DOM, ms, every timed keystroke of every run. */
  domMs: number[];
  /** Keystroke → the animation frame after the results are in the DOM, ms, same keystrokes. */
  frameMs: number[];
  /** How many of those keystrokes had their results painted in the first frame after the key. */
  inFirstFrame: number;
  /** From opening the popup to the first results shown (the background builds its index meanwhile). */
  firstResultsMs: number;
}

const BOX = 'input[type="search"]';
/** How many clippings one `restoreClippings` message carries. */
const CLIPPING_BATCH = 5_000;

type Answer = { ok: true; value: unknown } | { ok: false; error: string };

async function sendFrom(page: Page, message: unknown): Promise<unknown> {
  const answer = (await page.evaluate(
    (message) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(message),
    message as never,
  )) as Answer;
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

/** One keystroke's times, ms from the key, and whether its results made the first frame after it. */
interface KeyTimes {
  dom: number;
  frame: number;
  firstFrame: boolean;
}

/**
 * Records, in the page, the time from each keystroke to the moment the status line names the query
 * it answers (the status and the list are rendered together), and to the next animation frame.
 */
function instrument(page: Page): Promise<void> {
  return page.evaluate((boxSelector: string) => {
    const w = window as unknown as { searchLatencies: KeyTimes[] };
    w.searchLatencies = [];
    const box = document.querySelector<HTMLInputElement>(boxSelector);
    const status = document.querySelector('.search-status');
    if (!box || !status) throw new Error('no search box in the popup');
    let keyAt = -1;
    let pending: { query: string; at: number; framed: boolean } | null = null;
    box.addEventListener('keydown', (event) => {
      keyAt = event.timeStamp;
    });
    box.addEventListener('input', (event) => {
      // A character sent as text (Chinese) has no keydown: its input event is the keystroke.
      const at = keyAt >= 0 && event.timeStamp - keyAt < 50 ? keyAt : event.timeStamp;
      keyAt = -1;
      const key = { query: box.value.trim(), at, framed: false };
      pending = key;
      // The first frame after the key: results in the DOM before its callbacks run are painted in it.
      requestAnimationFrame(() => {
        key.framed = true;
      });
    });
    new MutationObserver(() => {
      if (!pending || !status.textContent?.endsWith(`for “${pending.query}”`)) return;
      const { at, framed } = pending;
      pending = null;
      const dom = performance.now() - at;
      requestAnimationFrame(() =>
        w.searchLatencies.push({ dom, frame: performance.now() - at, firstFrame: !framed }),
      );
    }).observe(status, { childList: true, characterData: true, subtree: true });
  }, BOX);
}

async function clearBox(page: Page): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => document.querySelector('.search-status')?.textContent === '', {
    timeout: 10_000,
  });
}

/** Types `query` one key at a time; returns how many keystrokes were timed (a trailing space is not). */
async function typeTimed(page: Page, query: string, timedSoFar: number): Promise<number> {
  let timed = timedSoFar;
  let shown = '';
  for (const prefix of keystrokes(query)) {
    await page.keyboard.type([...prefix].at(-1) as string);
    if (prefix.trim() === shown) {
      // Same query as before once trimmed: nothing new to show, so nothing to time.
      await sleep(50);
      continue;
    }
    shown = prefix.trim();
    timed++;
    await page.waitForFunction(
      (n: number) => (window as unknown as { searchLatencies: KeyTimes[] }).searchLatencies.length >= n,
      { timeout: 10_000, polling: 'raf' },
      timed,
    );
    // A reader types about ten keys a second; each key here has the page to itself.
    await sleep(30);
  }
  return timed;
}

/** Runs the popup search bench in a headless Chromium of its own. */
export async function runPopupSearch(opts: PopupSearchOptions): Promise<PopupSearchResults> {
  const { log } = opts;
  const browser = await launchWithExtension('chromium', { headless: true });
  try {
    const setup = await browser.newPage();
    await openExtensionPage(setup, browser, 'popup.html');
    await sendFrom(setup, { type: 'importGlossary', fileName: 'bench-search.json', text: opts.packText });
    for (let i = 0; i < opts.clippings.length; i += CLIPPING_BATCH) {
      await sendFrom(setup, {
        type: 'restoreClippings',
        clippings: opts.clippings.slice(i, i + CLIPPING_BATCH),
      });
    }
    await setup.close();
    log(`popup search: ${opts.clippings.length} clippings stored`);

    const page = await browser.newPage();
    const opened = Date.now();
    await openExtensionPage(page, browser, 'popup.html');
    await page.waitForSelector(BOX);
    await instrument(page);
    // The first query waits for the index the popup's opening asked the background to build.
    const first = opts.queries[0] ?? 'a';
    await page.keyboard.type(first);
    await page.waitForFunction(
      (q: string) => document.querySelector('.search-status')?.textContent?.endsWith(`for “${q}”`),
      { timeout: 120_000 },
      first.trim(),
    );
    const firstResultsMs = Date.now() - opened;
    await clearBox(page);

    const domMs: number[] = [];
    const frameMs: number[] = [];
    let inFirstFrame = 0;
    // Pass 0 warms up the worker's search code and the popup's rendering; it is not counted.
    for (let run = 0; run <= opts.runs; run++) {
      await page.evaluate(() => {
        (window as unknown as { searchLatencies: KeyTimes[] }).searchLatencies = [];
      });
      let timed = 0;
      for (const query of opts.queries) {
        timed = await typeTimed(page, query, timed);
        await clearBox(page);
      }
      const latencies = await page.evaluate(
        () => (window as unknown as { searchLatencies: KeyTimes[] }).searchLatencies,
      );
      log(`popup search ${run === 0 ? 'warm-up' : `run ${run}`}: ${latencies.length} keystrokes timed`);
      if (run === 0) continue;
      domMs.push(...latencies.map((t) => t.dom));
      frameMs.push(...latencies.map((t) => t.frame));
      inFirstFrame += latencies.filter((t) => t.firstFrame).length;
    }
    return { domMs, frameMs, inFirstFrame, firstResultsMs };
  } finally {
    await browser.close();
  }
}
