/**
 * The mutation storm: a page of about 100 000 nodes mutating thousands of times a second for five
 * seconds, with the default pack. From a trace of the storm and the quiet after it: the longest
 * stretch of Termlight script in any one main-thread task (its MutationObserver callbacks run inside
 * the page's own tasks, so a task is charged only with the extension's script in it), and whether
 * the highlights match the page's text once the storm is over.
 */
import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../harness/browsers';
import type { StaticServer } from '../harness/server';
import { recordTrace, SCRIPT_EVENTS, type TraceEvent, userTimingWindows } from '../harness/trace';
import { stormPage } from './hostile-pages';
import { launchPlain } from './plain-browser';

export interface StormResults {
  /** DOM nodes (elements and text) on the page before the storm. */
  nodes: number;
  mutations: number;
  stormMs: number;
  /**
   * Termlight's script per task, without the garbage collections that ran inside it: the longest,
   * and how many tasks ran over 50 ms of it.
   */
  longestExtensionMs: number;
  extensionOver50: number;
  /** The longest with its collections counted in, and the collections' total inside Termlight's script. */
  longestWithGcMs: number;
  gcInExtensionMs: number;
  extensionTasks: number;
  extensionBusyMs: number;
  /** The longest main-thread task of any kind (the page's own rendering included). */
  longestTaskMs: number;
  /** The same storm in a browser without the extension: the page's own longest task. */
  plainLongestTaskMs: number;
  plainMutations: number;
  /** `termlight:update` passes during the storm and until quiet. */
  updates: number;
  /** From the storm's end to the end of the last update pass (none came for a second after it). */
  settleMs: number;
  /** Highlights against the page's own list of its planted terms, after the storm. */
  expected: number;
  missing: number;
  extra: number;
}

const STORM_MS = 5_000;
const PER_SECOND = 5_000;
const QUIET_MS = 1_000;

const fromExtension = (url: unknown): boolean =>
  typeof url === 'string' && url.startsWith('chrome-extension://');

/** Garbage collections: the isolate's heap is shared by the page and every world in it. */
const GC_EVENTS = new Set(['MajorGC', 'MinorGC']);

/** The extension's script time in one main-thread task, with and without the collections inside it. */
export interface TaskScript {
  ms: number;
  gcMs: number;
}

/**
 * Per main-thread task, the time spent in the extension's script: the outermost script events whose
 * script is the extension's (a MutationObserver callback inside the page's task counts; the page's
 * timer around it does not), and the garbage collections that ran inside them. A collection runs
 * inside whatever script is running when the heap fills; on this page most of the garbage is the
 * page's own, so the target is judged on `ms - gcMs`.
 */
export function extensionTimePerTask(events: readonly TraceEvent[], pid: number, tid: number): TaskScript[] {
  const own = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const perTask: TaskScript[] = [];
  let taskEnd = -1;
  let extEnd = -1;
  let gcEnd = -1;
  for (const e of own) {
    const end = e.ts + (e.dur ?? 0);
    const task = perTask[perTask.length - 1];
    if ((e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= taskEnd) {
      perTask.push({ ms: 0, gcMs: 0 });
      taskEnd = end;
      extEnd = -1;
      continue;
    }
    if (!task || e.ts >= taskEnd) continue;
    if (e.ts < extEnd) {
      if (GC_EVENTS.has(e.name) && e.ts >= gcEnd) {
        task.gcMs += (e.dur ?? 0) / 1000;
        gcEnd = end;
      }
      continue;
    }
    if (!SCRIPT_EVENTS.has(e.name)) continue;
    const data = e.args?.data;
    if (!fromExtension(data?.url ?? data?.scriptName)) continue;
    task.ms += (e.dur ?? 0) / 1000;
    extEnd = end;
  }
  return perTask;
}

function longestTaskMs(events: readonly TraceEvent[], pid: number, tid: number): number {
  let longest = 0;
  for (const e of events)
    if (e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask')
      longest = Math.max(longest, (e.dur ?? 0) / 1000);
  return longest;
}

interface StormEnd {
  made: number;
  /** The page's `performance.now()` when the storm ended. */
  end: number;
}

/** Starts the page's storm and resolves once it is over. */
const storm = (page: Page): Promise<StormEnd> =>
  page.evaluate(
    (ms: number, rate: number) =>
      (window as unknown as { startStorm(ms: number, r: number): Promise<StormEnd> }).startStorm(ms, rate),
    STORM_MS,
    PER_SECOND,
  );

/** The storm in a browser without the extension: the page's own longest task and mutation count. */
async function plainStorm(url: string): Promise<{ longestTaskMs: number; mutations: number }> {
  const plain = await launchPlain();
  try {
    const page = await plain.browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    let mutations = 0;
    const events = await recordTrace(page, async () => {
      await page.evaluate(() => performance.mark('storm-start'));
      mutations = (await storm(page)).made;
      await new Promise((r) => setTimeout(r, QUIET_MS));
    });
    const mark = events.find((e) => e.name === 'storm-start');
    if (!mark) throw new Error('the plain storm trace has no mark');
    return { longestTaskMs: longestTaskMs(events, mark.pid, mark.tid), mutations };
  } finally {
    await plain.close();
  }
}

/** Runs the storm in a browser with the extension, then in one without it for comparison. */
export async function runStorm(options: {
  server: StaticServer;
  nodes: number;
  log: (line: string) => void;
}): Promise<StormResults> {
  options.server.route('/storm.html', stormPage(options.nodes));
  const browser = await launchWithExtension('chromium', { headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${options.server.origin}/storm.html`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('termlight:scan').length > 0, {
      timeout: 120_000,
      polling: 100,
    });
    const nodes = await page.evaluate(() => {
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
      let n = 0;
      while (w.nextNode()) n++;
      return n;
    });
    options.log(`storm: ${nodes} nodes, first scan done; mutating for ${STORM_MS} ms`);
    let mutations = 0;
    let settleMs = 0;
    const events = await recordTrace(page, async () => {
      const { made, end } = await storm(page);
      mutations = made;
      // Quiet: an update pass ended after the storm, and none for a second since.
      const lastEnd = await page.waitForFunction(
        (quiet: number, stormEnd: number) => {
          const last = performance.getEntriesByName('termlight:update').at(-1);
          const lastEnd = last ? last.startTime + last.duration : 0;
          return lastEnd > stormEnd && performance.now() - lastEnd > quiet && lastEnd;
        },
        { timeout: 60_000, polling: 100 },
        QUIET_MS,
        end,
      );
      settleMs = ((await lastEnd.jsonValue()) as number) - end;
    });
    const check = await page.evaluate(() => {
      const w = window as unknown as { expectedTerms(): string[]; highlightedTerms(): string[] };
      const expected = w.expectedTerms();
      const actual = w.highlightedTerms();
      const left = [...actual];
      let missing = 0;
      for (const item of expected) {
        const at = left.indexOf(item);
        if (at < 0) missing++;
        else left.splice(at, 1);
      }
      return { expected: expected.length, missing, extra: left.length };
    });
    const updates = await page.evaluate(() => performance.getEntriesByName('termlight:update').length);
    const thread =
      userTimingWindows(events, 'termlight:update')[0] ?? userTimingWindows(events, 'termlight:scan')[0];
    if (!thread) throw new Error('the storm trace has no Termlight measure');
    const perTask = extensionTimePerTask(events, thread.pid, thread.tid).filter((t) => t.ms > 0);
    const scriptMs = perTask.map((t) => t.ms - t.gcMs);
    await browser.close();
    const plain = await plainStorm(`${options.server.origin}/storm.html`);
    return {
      nodes,
      mutations,
      stormMs: STORM_MS,
      longestExtensionMs: Math.max(0, ...scriptMs),
      extensionOver50: scriptMs.filter((ms) => ms > 50).length,
      longestWithGcMs: Math.max(0, ...perTask.map((t) => t.ms)),
      gcInExtensionMs: perTask.reduce((sum, t) => sum + t.gcMs, 0),
      extensionTasks: perTask.length,
      extensionBusyMs: scriptMs.reduce((a, b) => a + b, 0),
      longestTaskMs: longestTaskMs(events, thread.pid, thread.tid),
      plainLongestTaskMs: plain.longestTaskMs,
      plainMutations: plain.mutations,
      updates,
      settleMs,
      ...check,
    };
  } finally {
    await browser.close();
  }
}
