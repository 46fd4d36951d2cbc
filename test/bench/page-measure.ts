/**
 * What the bench measures inside one loaded page: the scan measure, a bare text walk, the JS heap,
 * an append of new content, and hover-to-card. Page functions define no named helpers (tsx's
 * keepNames would make them call a `__name` that the page does not have).
 */
import type { Page } from 'puppeteer-core';
import { installPageHelpers, type PageHelpers, type ScanMeasure, waitForScan } from '../harness/page-probe';

/**
 * Opens an opted-out page and waits for the content script to finish there before a walk is
 * measured: it stops at the opt-out at once and ends its pass with an empty measure.
 */
export async function openOptedOut(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await waitForScan(page, 1, 10_000);
}

/** Opens `url` in `page` and returns the first `termlight:scan` measure. */
export async function loadAndScan(page: Page, url: string, timeout = 120_000): Promise<ScanMeasure> {
  await page.goto(url, { waitUntil: 'load', timeout });
  const measures = await waitForScan(page, 1, timeout);
  const first = measures[0];
  if (!first) throw new Error(`no termlight:scan measure on ${url}`);
  return first;
}

export interface WalkResult {
  ms: number;
  textNodes: number;
  chars: number;
}

/** A cold TreeWalker over every text node of the body, reading `.data` (the floor for touching text). */
export function bareWalk(page: Page): Promise<WalkResult> {
  return page.evaluate(() => {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let textNodes = 0;
    let chars = 0;
    while (walker.nextNode()) {
      textNodes++;
      chars += (walker.currentNode as Text).data.length;
    }
    return { ms: performance.now() - t0, textNodes, chars };
  });
}

/** What the same walk costs from an isolated world, alone and with the ranges a scan must make. */
export interface IsolatedWalk {
  walkMs: number;
  /** The walk, then one StaticRange per match registered in one highlight. */
  floorMs: number;
}

/**
 * Evaluates `expression` (which returns JSON-safe data) in a new isolated world of the page's main
 * frame: a world of its own, so every DOM wrapper it needs is made cold, as in a content script.
 */
async function evaluateInFreshWorld(page: Page, worldName: string, expression: string): Promise<unknown> {
  const session = await page.createCDPSession();
  try {
    const { frameTree } = await session.send('Page.getFrameTree');
    const { executionContextId } = await session.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName,
    });
    const { result } = await session.send('Runtime.evaluate', {
      contextId: executionContextId,
      returnByValue: true,
      expression,
    });
    return result.value;
  } finally {
    await session.detach();
  }
}

/**
 * The same bare walk run from an isolated world, as a content script's code runs: every node it
 * touches needs a wrapper of that world, looked up apart from the page's own. Then, timed on top,
 * what any highlighter in a content script must do besides reading: make `ranges` StaticRanges
 * (one per match, spread over the text nodes) and register them. Both are floors for an extension
 * (informational; the target is set against the page's own walk).
 */
export async function bareWalkIsolated(page: Page, ranges: number): Promise<IsolatedWalk> {
  const value = await evaluateInFreshWorld(
    page,
    'termlight-bench-walk',
    `((ranges) => {
        const t0 = performance.now();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let chars = 0;
        while (walker.nextNode()) {
          const node = walker.currentNode;
          chars += node.data.length;
          if (node.length > 1) nodes.push(node);
        }
        const t1 = performance.now();
        const made = [];
        for (let i = 0; i < ranges && nodes.length > 0; i++) {
          const node = nodes[Math.floor((i * nodes.length) / ranges)];
          made.push(new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 1 }));
        }
        CSS.highlights.set('termlight-bench-floor', new Highlight(...made));
        return [t1 - t0, performance.now() - t0];
      })(${Math.max(0, Math.round(ranges))})`,
  );
  const [walkMs, floorMs] = value as [number, number];
  return { walkMs, floorMs };
}

/**
 * The walk of {@link bareWalkIsolated}, from another fresh isolated world, that also reads every
 * unit of the text once, as any matcher written in JavaScript must: a table lookup per ASCII unit,
 * counting where words start. Nothing else a matcher does (tries, folding, edges, ranges) is in
 * it, so it is a floor for matching in a content script's cold code, not an estimate of it.
 */
export async function unitLoopIsolated(page: Page): Promise<number> {
  const value = await evaluateInFreshWorld(
    page,
    'termlight-bench-units',
    `(() => {
        const t0 = performance.now();
        const word = new Uint8Array(128);
        for (let c = 48; c < 123; c++) word[c] = /[0-9A-Za-z]/.test(String.fromCharCode(c)) ? 1 : 0;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let starts = 0;
        while (walker.nextNode()) {
          const text = walker.currentNode.data;
          let inWord = 0;
          for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            const isWord = code < 128 ? word[code] : 1;
            if (isWord > inWord) starts++;
            inWord = isWord;
          }
        }
        return [performance.now() - t0, starts];
      })()`,
  );
  const [ms] = value as [number, number];
  return ms;
}

/** Used JS heap of the page's renderer isolate (main world and content-script worlds) after a GC. */
export async function heapUsed(page: Page): Promise<number> {
  const session = await page.createCDPSession();
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await session.detach();
  }
}

export interface AppendResult {
  /** How the end was seen: a measure the content script emitted, the expected range count, or nothing. */
  via: 'measure' | 'highlights' | 'none';
  /** The measure's name when `via` is `measure` (`termlight:update` for an incremental flush). */
  measure?: string;
  /** From the append to the end of highlighting, ms (NaN for `none`). */
  ms: number;
  /** Duration of that measure itself, ms. */
  measureMs?: number;
  /** What the measure says it scanned. */
  detail?: { textNodes: number; chars: number; matches: number };
  /** Highlight ranges added. */
  added: number;
}

/** Measures the content script emits when it has (re)scanned something. */
const SCAN_MEASURES = ['termlight:update', 'termlight:scan'];

/**
 * Appends `html` (parsed beforehand) to `#article` in one go, then waits until the extension has
 * highlighted it: the next `termlight:update` / `termlight:scan` measure, or else (if the content
 * script emits none) `expected` more ranges in `CSS.highlights`.
 */
export async function appendAndWait(
  page: Page,
  html: string,
  expected: number,
  timeoutMs: number,
): Promise<AppendResult> {
  await page.evaluate((html: string) => {
    (window as unknown as { benchFragment: DocumentFragment }).benchFragment = document
      .createRange()
      .createContextualFragment(html);
  }, html);
  return page.evaluate(
    (expected: number, timeoutMs: number, names: string[]) =>
      new Promise<AppendResult>((resolve) => {
        // Object methods, not named arrows: see the note at the top of the file.
        const probe = {
          ranges(): number {
            let n = 0;
            for (const [name, highlight] of CSS.highlights)
              if (name.startsWith('termlight-term')) n += highlight.size;
            return n;
          },
          measureAfter(t: number): PerformanceMeasure | undefined {
            const all = names.flatMap((name) => performance.getEntriesByName(name, 'measure'));
            return all.filter((e) => e.startTime >= t).sort((a, b) => a.startTime - b.startTime)[0] as
              | PerformanceMeasure
              | undefined;
          },
        };
        const before = probe.ranges();
        const fragment = (window as unknown as { benchFragment: DocumentFragment }).benchFragment;
        const t0 = performance.now();
        document.getElementById('article')?.append(fragment);
        const timer = setInterval(() => {
          const measure = probe.measureAfter(t0);
          const added = probe.ranges() - before;
          if (measure) {
            clearInterval(timer);
            resolve({
              via: 'measure',
              measure: measure.name,
              ms: measure.startTime + measure.duration - t0,
              measureMs: measure.duration,
              detail: JSON.parse(JSON.stringify(measure.detail ?? null)),
              added,
            });
          } else if (added >= expected) {
            clearInterval(timer);
            resolve({ via: 'highlights', ms: performance.now() - t0, added });
          } else if (performance.now() - t0 > timeoutMs) {
            clearInterval(timer);
            resolve({ via: 'none', ms: Number.NaN, added });
          }
        }, 1);
      }),
    expected,
    timeoutMs,
    SCAN_MEASURES,
  );
}

/** The centre of the first highlighted range inside the viewport, if any. */
async function firstVisibleHighlight(page: Page): Promise<{ x: number; y: number } | null> {
  await installPageHelpers(page);
  return page.evaluate(() => {
    const { liveRange } = (globalThis as unknown as { termlightProbe: PageHelpers }).termlightProbe;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('termlight-term')) continue;
      for (const r of highlight) {
        const rect = liveRange(r).getClientRects()[0];
        if (rect && rect.top > 40 && rect.bottom < innerHeight - 40 && rect.width > 4) {
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
    }
    return null;
  });
}

export interface HoverResult {
  /** From the pointer move to the card host entering the DOM, ms (the open delay included). */
  hostMs: number | null;
  /** From the pointer move to the card's heading being in the accessibility tree, ms. */
  axMs: number;
}

/**
 * Rests the pointer on a highlighted term and times the card: its host entering the DOM (seen from
 * the page) and its heading reaching the accessibility tree (the card is in a closed shadow root, so
 * only the a11y tree shows its contents). Null when no term is in view or no card came.
 */
export async function hoverToCard(page: Page, timeoutMs = 10_000): Promise<HoverResult | null> {
  const point = await firstVisibleHighlight(page);
  if (!point) return null;
  const session = await page.createCDPSession();
  try {
    // Build the page's accessibility tree first: on a 1 MB page that alone takes seconds.
    await session.send('Accessibility.enable');
    const { result: body } = await session.send('Runtime.evaluate', { expression: 'document.body' });
    if (body.objectId)
      await session.send('Accessibility.queryAXTree', { objectId: body.objectId, role: 'heading' });
    await page.evaluate(() => {
      const marks = { move: Number.NaN, host: Number.NaN };
      (window as unknown as { benchHover: typeof marks }).benchHover = marks;
      addEventListener(
        'pointermove',
        (event) => {
          marks.move = event.timeStamp;
        },
        {
          capture: true,
          once: true,
        },
      );
      new MutationObserver((records, observer) => {
        // The host is a plain div marked data-termlight-ui (see shadow-ui-host.ts).
        const added = records.flatMap((r) => [...r.addedNodes]);
        if (added.some((n) => n instanceof Element && n.hasAttribute('data-termlight-ui'))) {
          marks.host = performance.now();
          observer.disconnect();
        }
      }).observe(document.documentElement, { childList: true });
    });
    await page.mouse.move(point.x, point.y);
    const t0 = performance.now();
    while (performance.now() - t0 < timeoutMs) {
      // Object ids belong to the session that made them, so the host is looked up in this one.
      const { result } = await session.send('Runtime.evaluate', {
        expression: "document.querySelector('[data-termlight-ui]')",
      });
      if (result.objectId) {
        const { nodes } = await session.send('Accessibility.queryAXTree', {
          objectId: result.objectId,
          role: 'heading',
        });
        if (nodes.length > 0) {
          const axMs = performance.now() - t0;
          const marks = await page.evaluate(
            () => (window as unknown as { benchHover: { move: number; host: number } }).benchHover,
          );
          const hostMs = marks.host - marks.move;
          return { hostMs: Number.isFinite(hostMs) ? hostMs : null, axMs };
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return null;
  } finally {
    await session.detach();
  }
}
