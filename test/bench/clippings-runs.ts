/**
 * Re-anchoring 500 saved clippings on the bench article: the `termlight:clips` pass time over fresh
 * page loads, and (from a Chromium trace, since the page's longtask observer does not see
 * content-script tasks) the longest Termlight task from the page load to the end of the pass.
 */
import type { Page } from 'puppeteer-core';
import type { AnchorStats } from '../../src/content/clippings/clip-anchoring';
import type { Clipping } from '../../src/shared/clippings/model';
import { openExtensionPage } from '../e2e/support/library';
import { type ExtensionBrowser, launchWithExtension, withPage } from '../harness/browsers';
import {
  describeTask,
  longestTask,
  recordTrace,
  type TraceEvent,
  type TraceTask,
  tasksIn,
  threadTasks,
  userTimingWindows,
} from '../harness/trace';
import {
  type BenchClipping,
  benchClippings,
  type ClippingMix,
  DEFAULT_MIX,
  type NodeAnchorTimes,
  timeAnchoring,
} from './clipping-fixtures';
import { median } from './stats';
import { summariseWindow, type WindowSummary } from './trace-summary';

export interface ClippingOptions {
  /** The bench article (the 1 MB page). */
  url: string;
  runs: number;
  log: (line: string) => void;
}

/** The page text as the content script reads it, read from the page's own world. */
export interface PageText {
  chars: number;
  textNodes: number;
  /** That reading, timed in a fresh page (main world, in one go), ms. */
  readMs: number;
  /** A bare SHOW_TEXT walk of the body: the same text when nothing in it is skipped. */
  bareChars: number;
  /** Elements under the body whose text the content script skips (script, style, Termlight UI, ...). */
  skippedElements: number;
  shadowHosts: number;
}

export interface ClipsPass {
  /** Duration of the `termlight:clips` measure, ms. */
  ms: number;
  /** Its start, ms after the page's time origin. */
  startMs: number;
  detail: AnchorStats;
  /** End of the first `termlight:scan` measure, ms after the time origin (null when none yet). */
  scanEndMs: number | null;
}

export interface ClipTask {
  ms: number;
  /** The task's thread (CPU) time, when the trace has it: far below `ms` means the thread was descheduled. */
  cpuMs: number | null;
  what: string;
  /** Start relative to the `termlight:clips` window's start, ms. */
  atMs: number;
  extension: boolean;
  /** Overlaps the `termlight:clips` window / the first `termlight:scan` window. */
  inClips: boolean;
  inScan: boolean;
}

export interface ClipsTrace {
  passMs: number;
  detail: AnchorStats | null;
  window: WindowSummary | null;
  /** Longest Termlight task from the start of the trace (the navigation) to the end of the pass. */
  longestExtension?: ClipTask;
  /** Longest Termlight task overlapping the pass. */
  longestExtensionInClips?: ClipTask;
  /** Longest task of any kind overlapping the pass. */
  longestInClips?: ClipTask;
  extensionTasks: number;
  extensionBusyMs: number;
  extensionOver50: number;
}

export interface ClippingResults {
  clippings: number;
  mix: ClippingMix;
  page: PageText;
  restored: number;
  /** anchorPassage over the same text in node, by the step that finds each clipping. */
  node: NodeAnchorTimes;
  passes: ClipsPass[];
  medianMs: number;
  /** Fewest anchored / most orphans in any measured pass. */
  minAnchored: number;
  maxOrphans: number;
  /** On the warm-up load: registered `termlight-clip` ranges found where node anchored them. */
  placement: { registered: number; asExpected: number } | null;
  trace: ClipsTrace;
}

// Page code is sent as text: tsx's keepNames would wrap named helpers in a `__name` the page lacks.
// The reading follows src/content/clippings/text-map.ts (the bench page has no shadow roots, which
// is checked: `shadowHosts`).
const READ_TEXT = `(() => {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'svg', 'SVG']);
  const root = document.body ?? document.documentElement;
  const t0 = performance.now();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (node) =>
    node.nodeType === Node.TEXT_NODE || !(skip.has(node.tagName) || node.hasAttribute('data-termlight-ui'))
      ? NodeFilter.FILTER_ACCEPT
      : NodeFilter.FILTER_REJECT);
  const parts = [];
  let shadowHosts = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.data);
    else if (node.shadowRoot) shadowHosts++;
  }
  const text = parts.join('');
  const readMs = performance.now() - t0;
  const bare = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let bareChars = 0;
  while (bare.nextNode()) bareChars += bare.currentNode.data.length;
  const skippedElements = root.querySelectorAll('script, style, noscript, template, title, svg, [data-termlight-ui]').length;
  return { text, textNodes: parts.length, readMs, bareChars, skippedElements, shadowHosts };
})()`;

// The registered `termlight-clip` ranges as offsets in the same page text.
const CLIP_OFFSETS = `(() => {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'svg', 'SVG']);
  const root = document.body ?? document.documentElement;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (node) =>
    node.nodeType === Node.TEXT_NODE || !(skip.has(node.tagName) || node.hasAttribute('data-termlight-ui'))
      ? NodeFilter.FILTER_ACCEPT
      : NodeFilter.FILTER_REJECT);
  const starts = new Map();
  let length = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.nodeType !== Node.TEXT_NODE) continue;
    starts.set(node, length);
    length += node.data.length;
  }
  const highlight = CSS.highlights.get('termlight-clip');
  if (!highlight) return [];
  const out = [];
  for (const r of highlight) {
    const s = starts.get(r.startContainer);
    const e = starts.get(r.endContainer);
    out.push([s === undefined ? -1 : s + r.startOffset, e === undefined ? -1 : e + r.endOffset]);
  }
  return out;
})()`;

/** The first `termlight:clips` measure of the page (and the first scan's end), waiting for it. */
async function waitForClips(page: Page, timeout = 120_000): Promise<ClipsPass> {
  await page.waitForFunction(() => performance.getEntriesByName('termlight:clips').length > 0, {
    timeout,
    polling: 50,
  });
  return page.evaluate(() => {
    const clips = performance.getEntriesByName('termlight:clips')[0] as PerformanceMeasure;
    const scan = performance.getEntriesByName('termlight:scan')[0];
    return {
      ms: clips.duration,
      startMs: clips.startTime,
      detail: JSON.parse(JSON.stringify(clips.detail)),
      scanEndMs: scan ? scan.startTime + scan.duration : null,
    };
  });
}

async function loadAndAnchor(page: Page, url: string): Promise<ClipsPass> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  return waitForClips(page);
}

/** Stores `clippings` in the extension's database from one of its own pages (the library). */
async function storeClippings(browser: ExtensionBrowser, clippings: readonly Clipping[]): Promise<number> {
  return withPage(browser, async (page) => {
    await openExtensionPage(page, browser, 'library.html');
    let restored = 0;
    for (let i = 0; i < clippings.length; i += 100) {
      const batch = clippings.slice(i, i + 100);
      const answer = (await page.evaluate(
        (batch: Clipping[]) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage({ type: 'restoreClippings', clippings: batch }),
        batch,
      )) as { ok: true; value: { restored: number } } | { ok: false; error: string } | undefined;
      if (!answer?.ok) throw new Error(`restoreClippings failed: ${answer ? answer.error : 'no answer'}`);
      restored += answer.value.restored;
    }
    return restored;
  });
}

const fromExtension = (url: string): boolean => url.startsWith('chrome-extension://');

/** The same rule as trace-summary.ts: extension script, or URL-less microtasks (the page has no scripts). */
const isExtension = (t: TraceTask): boolean =>
  t.scripts.some(fromExtension) || (t.ranScript && t.scripts.length === 0 && (t.work.RunMicrotasks ?? 0) > 0);

/** Reads the trace of one load: the pass window and the long tasks up to its end. */
export function summariseClipsTrace(events: readonly TraceEvent[], detail: AnchorStats | null): ClipsTrace {
  const clips = userTimingWindows(events, 'termlight:clips')[0];
  if (!clips) throw new Error('the trace has no termlight:clips measure');
  const scan = userTimingWindows(events, 'termlight:scan').find((w) => w.pid === clips.pid);
  const tasks = threadTasks(events, clips.pid, clips.tid);
  // Thread time of each task, by its start and length (threadTasks keeps wall time only).
  const key = (startUs: number, durUs: number) => `${Math.round(startUs)}/${Math.round(durUs)}`;
  const cpu = new Map<string, number>();
  for (const e of events) {
    const tdur = (e as { tdur?: unknown }).tdur;
    if (e.pid !== clips.pid || e.tid !== clips.tid || e.ph !== 'X' || typeof tdur !== 'number') continue;
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
      cpu.set(key(e.ts, e.dur ?? 0), tdur / 1000);
  }
  const overlaps = (t: TraceTask, w: { start: number; end: number } | undefined) =>
    w !== undefined && t.start < w.end && t.start + t.dur > w.start;
  const info = (t: TraceTask | undefined): ClipTask | undefined =>
    t && {
      ms: t.dur,
      cpuMs: cpu.get(key(t.start * 1000, t.dur * 1000)) ?? null,
      what: describeTask(t),
      atMs: t.start - clips.start,
      extension: isExtension(t),
      inClips: overlaps(t, clips),
      inScan: overlaps(t, scan),
    };
  const ext = tasks.filter((t) => t.start < clips.end && isExtension(t));
  const inClips = tasksIn(tasks, clips.start, clips.end);
  return {
    passMs: clips.end - clips.start,
    detail,
    window: summariseWindow(events, 'termlight:clips'),
    longestExtension: info(longestTask(ext)),
    longestExtensionInClips: info(longestTask(inClips.filter(isExtension))),
    longestInClips: info(longestTask(inClips)),
    extensionTasks: ext.length,
    extensionBusyMs: ext.reduce((n, t) => n + t.dur, 0),
    extensionOver50: ext.filter((t) => t.dur > 50).length,
  };
}

const f1 = (ms: number | undefined): string => (ms === undefined ? 'n/a' : ms.toFixed(1));

/** Runs the re-anchoring measurements in a browser of its own; throws on a harness error. */
export async function runClippings(opts: ClippingOptions): Promise<ClippingResults> {
  const { url, runs, log } = opts;
  const browser = await launchWithExtension('chromium', { headless: true });
  try {
    const { text, ...page } = await withPage(browser, async (p) => {
      await p.goto(url, { waitUntil: 'load', timeout: 120_000 });
      return (await p.evaluate(READ_TEXT)) as PageText & { text: string };
    });
    page.chars = text.length;
    if (page.shadowHosts > 0 || (page.skippedElements === 0 && page.bareChars !== page.chars))
      log(
        `clippings: page text ${page.chars} chars, bare walk ${page.bareChars}, ${page.shadowHosts} shadow hosts: the bench reading may differ from the content script's`,
      );

    const mix = DEFAULT_MIX;
    const made: BenchClipping[] = benchClippings(text, url, mix);
    const node = timeAnchoring(text, made);
    log(
      `clippings: page text ${page.chars} chars in ${page.textNodes} nodes (read in ${page.readMs.toFixed(1)} ms); anchorPassage in node ${node.totalMs.toFixed(1)} ms (fuzzy ${node.byMethod.fuzzy.totalMs.toFixed(1)} ms, slowest ${node.slowest.ms.toFixed(1)} ms ${node.slowest.method})`,
    );
    const restored = await storeClippings(
      browser,
      made.map((m) => m.clipping),
    );
    if (restored !== made.length) throw new Error(`stored ${restored} of ${made.length} clippings`);

    // Warm-up (caches, the background's database), and a check that each range is where node put it.
    const placement = await withPage(browser, async (p) => {
      const pass = await loadAndAnchor(p, url);
      const ranges = (await p.evaluate(CLIP_OFFSETS)) as [number, number][];
      const expected = new Set(made.map((m) => `${m.start}-${m.end}`));
      const asExpected = ranges.filter(([s, e]) => expected.has(`${s}-${e}`)).length;
      log(
        `clippings warm-up: ${pass.ms.toFixed(1)} ms, ${JSON.stringify(pass.detail)}; ${asExpected}/${ranges.length} ranges where expected`,
      );
      return { registered: ranges.length, asExpected };
    });

    const passes: ClipsPass[] = [];
    for (let i = 0; i < runs; i++) {
      const pass = await withPage(browser, (p) => loadAndAnchor(p, url));
      passes.push(pass);
      const lead = pass.scanEndMs === null ? Number.NaN : pass.startMs - pass.scanEndMs;
      const order = Number.isNaN(lead)
        ? 'no scan measure yet'
        : `started ${Math.abs(lead).toFixed(0)} ms ${lead >= 0 ? 'after' : 'before'} the term scan ended`;
      log(`clippings run ${i + 1}: ${pass.ms.toFixed(1)} ms, ${JSON.stringify(pass.detail)} (${order})`);
    }

    const trace = await withPage(browser, async (p) => {
      const seen: ClipsPass[] = [];
      const events = await recordTrace(p, async () => {
        seen.push(await loadAndAnchor(p, url));
      });
      return summariseClipsTrace(events, seen[0]?.detail ?? null);
    });
    log(
      `clippings trace: pass ${trace.passMs.toFixed(1)} ms; longest Termlight task ${f1(trace.longestExtension?.ms)} ms (${trace.longestExtension?.what}, at ${f1(trace.longestExtension?.atMs)} ms from the pass start); longest task in the pass ${f1(trace.longestInClips?.ms)} ms`,
    );

    return {
      clippings: made.length,
      mix,
      page,
      restored,
      node,
      passes,
      medianMs: median(passes.map((p) => p.ms)),
      minAnchored: Math.min(...passes.map((p) => p.detail.anchored)),
      maxOrphans: Math.max(...passes.map((p) => p.detail.orphans)),
      placement,
      trace,
    };
  } finally {
    await browser.close();
  }
}
