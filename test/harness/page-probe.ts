/** What a test can see from the page's main world: `CSS.highlights` and the `termlight:scan` measures. */
import type { Frame, Page } from 'puppeteer-core';

/** What {@link installPageHelpers} gives a page, as `globalThis.termlightProbe`. */
export interface PageHelpers {
  /** A live Range over the same text as `range` (StaticRanges have no layout and no toString). */
  liveRange(range: AbstractRange): Range;
  /** The text a range covers. */
  rangeText(range: AbstractRange): string;
}

/** The helpers a page.evaluate body may use (it cannot close over test code): see PageHelpers. */
const PAGE_HELPERS = `if (!globalThis.termlightProbe) Object.defineProperty(globalThis, 'termlightProbe', {
  configurable: true,
  value: Object.freeze({
    liveRange(r) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range;
    },
    rangeText(r) {
      return globalThis.termlightProbe.liveRange(r).toString();
    },
  }),
});`;

/**
 * Defines the page helpers in `target`'s document (once: it does nothing where they are). The
 * probes below call it; a test that reads ranges in its own evaluate or waitForFunction body calls
 * it first, and there writes `(globalThis as unknown as { termlightProbe: PageHelpers }).termlightProbe`.
 */
export async function installPageHelpers(target: Page | Frame): Promise<void> {
  await target.evaluate(PAGE_HELPERS);
}

export interface HighlightedText {
  name: string;
  text: string;
}

/** Every range registered in `CSS.highlights` whose name starts with `prefix`, as text, in document order. */
export async function readHighlights(
  page: Page | Frame,
  prefix = 'termlight-term',
): Promise<HighlightedText[]> {
  await installPageHelpers(page);
  return page.evaluate((prefix: string) => {
    const { liveRange } = (globalThis as unknown as { termlightProbe: PageHelpers }).termlightProbe;
    const out: { name: string; text: string; range: Range }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith(prefix)) continue;
      for (const r of highlight) {
        const range = liveRange(r);
        out.push({ name, text: range.toString(), range });
      }
    }
    // Ranges in shadow trees cannot be compared with document ranges: order them by their hosts.
    // (No named inner functions here: tsx would wrap them in a helper the page does not have.)
    out.sort((a, b) => {
      if (a.range.startContainer.getRootNode() === b.range.startContainer.getRootNode()) {
        return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
      }
      const [x, y] = [a, b].map((item) => {
        let n: Node = item.range.startContainer;
        for (let root = n.getRootNode(); root instanceof ShadowRoot; root = n.getRootNode()) n = root.host;
        return n;
      }) as [Node, Node];
      const pos = x.compareDocumentPosition(y);
      return pos & Node.DOCUMENT_POSITION_FOLLOWING || pos & Node.DOCUMENT_POSITION_CONTAINED_BY ? -1 : 1;
    });
    return out.map(({ name, text }) => ({ name, text }));
  }, prefix);
}

export interface ScanMeasure {
  duration: number;
  /** When the pass started, ms from the page's navigation start. */
  startTime: number;
  detail: { textNodes: number; chars: number; matches: number };
}

/** The `termlight:scan` measures recorded so far. */
export async function scanMeasures(page: Page): Promise<ScanMeasure[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('termlight:scan').map((e) => ({
      duration: e.duration,
      startTime: e.startTime,
      detail: JSON.parse(JSON.stringify((e as PerformanceMeasure).detail)),
    })),
  );
}

/** Waits until at least `count` scan passes have finished in the page. */
export async function waitForScan(page: Page, count = 1, timeout = 15_000): Promise<ScanMeasure[]> {
  await page.waitForFunction(
    (n: number) => performance.getEntriesByName('termlight:scan').length >= n,
    { timeout, polling: 50 },
    count,
  );
  return scanMeasures(page);
}

/** Opens `url` and waits for the first full scan. */
export async function openScanned(page: Page, url: string): Promise<HighlightedText[]> {
  await page.goto(url, { waitUntil: 'load' });
  await waitForScan(page);
  return readHighlights(page);
}

/** The viewport centre of the first highlighted range whose text is `text`. */
export async function highlightCenter(
  page: Page,
  text: string,
  prefix = 'termlight-term',
): Promise<{ x: number; y: number }> {
  await installPageHelpers(page);
  const point = await page.evaluate(
    (text: string, prefix: string) => {
      const { liveRange } = (globalThis as unknown as { termlightProbe: PageHelpers }).termlightProbe;
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith(prefix)) continue;
        for (const r of highlight) {
          const range = liveRange(r);
          if (range.toString() !== text) continue;
          const rect = range.getClientRects()[0];
          if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    text,
    prefix,
  );
  if (!point) throw new Error(`"${text}" is not highlighted`);
  return point;
}
