/**
 * Web-component churn: a page makes 10 000 custom elements, each with an open shadow root holding
 * terms, and removes them again, a hundred at a time. Termlight scans each batch (the peak count of
 * ranges inside shadow trees shows it did) and must let every one go: the renderer's JS heap and its
 * live DOM node count after a GC, against the same churn in a browser without the extension.
 */
import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../harness/browsers';
import type { StaticServer } from '../harness/server';
import { componentsPage } from './hostile-pages';
import { launchPlain } from './plain-browser';

/**
 * Counters after a GC: before the churn, after a first round of it (which also warms up code and
 * caches), and after a second round (what a page that keeps churning costs).
 */
export interface HeapSide {
  /** JS heap of the renderer isolate (page and content-script worlds), bytes. */
  heap: [number, number, number];
  /** Live DOM nodes (detached ones kept alive count too). */
  nodes: [number, number, number];
}

export interface HeapResults {
  components: number;
  extension: HeapSide;
  plain: HeapSide;
  /** Most term ranges inside shadow trees at once during the churn (0: Termlight never saw them). */
  peakShadowRanges: number;
  /** After the churn: ranges left in shadow trees, and ranges whose text left the page. */
  shadowRangesAfter: number;
  detachedRangesAfter: number;
  /** `termlight:*` measures in the page's timeline after the churn (kept by the browser, by design). */
  measuresAfter: number;
}

const TOTAL = 10_000;
const PER_BATCH = 100;

interface Counters {
  heap: number;
  nodes: number;
}

async function counters(page: Page): Promise<Counters> {
  const session = await page.createCDPSession();
  try {
    // Twice: what one collection frees (wrappers, weak references) can free more in the next.
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    const { nodes } = await session.send('Memory.getDOMCounters');
    return { heap: usedSize, nodes };
  } finally {
    await session.detach();
  }
}

const churnOnce = (page: Page, peek: boolean): Promise<number> =>
  page.evaluate(
    (total: number, perBatch: number, peek: boolean) =>
      (window as unknown as { churn(t: number, b: number, peek: boolean): Promise<number> }).churn(
        total,
        perBatch,
        peek,
      ),
    TOTAL,
    PER_BATCH,
    peek,
  );

/** Runs two rounds of churn in `page` (loaded, idle) and reads the counters around them. */
async function churn(page: Page, peek: boolean): Promise<HeapSide & { peak: number }> {
  const at = [await counters(page)];
  let peak = 0;
  for (let round = 0; round < 2; round++) {
    peak = Math.max(peak, await churnOnce(page, peek));
    // Termlight's flush of the last removals runs after a paint or two.
    await new Promise((r) => setTimeout(r, 1_000));
    at.push(await counters(page));
  }
  const [a, b, c] = at as [Counters, Counters, Counters];
  return { heap: [a.heap, b.heap, c.heap], nodes: [a.nodes, b.nodes, c.nodes], peak };
}

/** Runs the churn with the extension, then without it. */
export async function runHeap(options: {
  server: StaticServer;
  log: (line: string) => void;
}): Promise<HeapResults> {
  options.server.route('/components.html', componentsPage());
  const url = `${options.server.origin}/components.html`;
  const browser = await launchWithExtension('chromium', { headless: true });
  let extension: HeapSide & { peak: number };
  let after: { shadow: number; detached: number; measures: number };
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('termlight:scan').length > 0, {
      timeout: 60_000,
    });
    extension = await churn(page, true);
    after = await page.evaluate(() => {
      let shadow = 0;
      let detached = 0;
      for (const [, h] of CSS.highlights)
        for (const r of h) {
          if (!r.startContainer.isConnected) detached++;
          else if (r.startContainer.getRootNode() !== document) shadow++;
        }
      const measures = performance.getEntriesByType('measure').length;
      return { shadow, detached, measures };
    });
  } finally {
    await browser.close();
  }
  options.log(`heap: ${TOTAL} components with the extension done; now without it`);
  const plainBrowser = await launchPlain();
  let plain: HeapSide;
  try {
    const page = await plainBrowser.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const { peak: _unused, ...side } = await churn(page, false);
    plain = side;
  } finally {
    await plainBrowser.close();
  }
  const { peak, ...side } = extension;
  return {
    components: TOTAL,
    extension: side,
    plain,
    peakShadowRanges: peak,
    shadowRangesAfter: after.shadow,
    detachedRangesAfter: after.detached,
    measuresAfter: after.measures,
  };
}
