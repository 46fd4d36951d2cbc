/** The Termlight half of the bench: one Chromium with the built extension, packs imported once. */
import { writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { type ExtensionBrowser, launchWithExtension, withPage } from '../harness/browsers';
import type { ScanMeasure } from '../harness/page-probe';
import { recordTrace } from '../harness/trace';
import { enableOnly, importPackFile, libraryPage } from './library-driver';
import { type OrdinaryResults, type OrdinaryUrl, runOrdinary } from './ordinary-runs';
import {
  type AppendResult,
  appendAndWait,
  bareWalk,
  bareWalkIsolated,
  type HoverResult,
  heapUsed,
  hoverToCard,
  type IsolatedWalk,
  loadAndScan,
  openOptedOut,
  unitLoopIsolated,
  type WalkResult,
} from './page-measure';
import { median } from './stats';
import { summariseTrace, summariseWindow, type TraceSummary, type WindowSummary } from './trace-summary';

export interface BenchUrls {
  article: string;
  /** The same article, opted out with data-termlight="off" (for the bare walk). */
  optOut: string;
  /** Only the paragraphs the append test adds. */
  alone: string;
  /** Pages built to be hard on a scanner, by label: each is loaded once under a trace. */
  hard: Record<string, string>;
  /** Pages of ordinary size and varied shape (gen-ordinary.ts). */
  ordinary: OrdinaryUrl[];
}

/** One pack configuration: the packs switched on, by name. */
export interface PackConfig {
  label: string;
  packs: string[];
}

export interface ScanSeries {
  ms: number[];
  median: number;
  detail: ScanMeasure['detail'];
}

export interface TermlightResults {
  scans: Record<string, ScanSeries>;
  walk: {
    ms: number[];
    median: number;
    textNodes: number;
    chars: number;
    isolatedMedian: number;
    /** The isolated walk plus one registered StaticRange per match (see bareWalkIsolated). */
    contentFloorMedian: number;
    /** The isolated walk reading every unit once besides (see unitLoopIsolated). */
    unitsMedian: number;
  };
  trace: TraceSummary;
  alone: ScanSeries;
  append: { results: AppendResult[]; medianMs: number; trace: WindowSummary | null };
  heap: { scanned: number; optOut: number };
  hover: HoverResult | null;
  /** The hard pages: their scan, and the longest Termlight task of their load and scan. */
  hard: HardPageResult[];
  /** The ordinary pages, under {@link TermlightOptions.ordinaryConfig}; null when not run. */
  ordinary: OrdinaryResults | null;
}

export interface HardPageResult {
  label: string;
  scanMs: number;
  detail: ScanMeasure['detail'];
  trace: TraceSummary;
}

export interface TermlightOptions {
  runs: number;
  urls: BenchUrls;
  /** Pack files to import and their names. */
  imports: { file: string; name: string }[];
  /** Every pack name in the library (default pack included). */
  allPacks: string[];
  /** The big configuration first: it gets the walk, trace, append, heap and hover measurements. */
  configs: PackConfig[];
  appendHtml: string;
  /** The packs the ordinary pages are scanned with; none: they are not run. */
  ordinaryConfig?: PackConfig;
  /** Where to write the raw trace (for chrome://tracing or Perfetto), if anywhere. */
  traceOut?: string;
  log: (line: string) => void;
}

async function scanSeries(
  browser: ExtensionBrowser,
  url: string,
  runs: number,
  between?: (last: ScanMeasure) => Promise<void>,
) {
  await withPage(browser, (page) => loadAndScan(page, url)); // warm-up: snapshot build, caches
  const measures: ScanMeasure[] = [];
  for (let i = 0; i < runs; i++) {
    const measure = await withPage(browser, (page) => loadAndScan(page, url));
    measures.push(measure);
    await between?.(measure);
  }
  const ms = measures.map((m) => m.duration);
  const detail = measures[0]?.detail ?? { textNodes: 0, chars: 0, matches: 0 };
  return { ms, median: median(ms), detail };
}

/** Runs every Termlight measurement; throws on a harness error. */
export async function runTermlight(opts: TermlightOptions): Promise<TermlightResults> {
  const { runs, urls, log } = opts;
  const browser = await launchWithExtension('chromium', { headless: true });
  try {
    const library = await libraryPage(browser);
    for (const { file, name } of opts.imports) {
      const t0 = performance.now();
      await importPackFile(library, file, name);
      log(`imported ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const [big, ...rest] = opts.configs;
    if (!big) throw new Error('no pack configuration');
    await enableOnly(library, opts.allPacks, big.packs);

    const walks: WalkResult[] = [];
    const isolatedWalks: IsolatedWalk[] = [];
    const unitWalks: number[] = [];
    // Each on a fresh page: a walk before it would have made the page's wrappers, not its world's.
    const onOptOut = <T>(measure: (page: Page) => Promise<T>): Promise<T> =>
      withPage(browser, async (page) => {
        await openOptedOut(page, urls.optOut);
        return measure(page);
      });
    const scans: Record<string, ScanSeries> = {};
    scans[big.label] = await scanSeries(browser, urls.article, runs, async (last) => {
      // Interleaved with the scans, so both see the same machine noise.
      walks.push(await onOptOut(bareWalk));
      isolatedWalks.push(await onOptOut((page) => bareWalkIsolated(page, last.detail.matches)));
      unitWalks.push(await onOptOut(unitLoopIsolated));
    });
    log(
      `${big.label}: scan ${median(scans[big.label]?.ms ?? []).toFixed(1)} ms, walk ${median(walks.map((w) => w.ms)).toFixed(1)} ms`,
    );

    const heap = {
      scanned: await withPage(browser, async (page) => {
        await loadAndScan(page, urls.article);
        return heapUsed(page);
      }),
      optOut: await onOptOut(heapUsed),
    };
    const hover = await withPage(browser, async (page) => {
      await loadAndScan(page, urls.article);
      return hoverToCard(page);
    });
    const trace = await withPage(browser, async (page) => {
      const events = await recordTrace(page, async () => void (await loadAndScan(page, urls.article)));
      if (opts.traceOut) writeFileSync(opts.traceOut, JSON.stringify({ traceEvents: events }));
      return summariseTrace(events);
    });
    log(
      `trace: longest task in scan ${trace.longestInScan?.ms.toFixed(1)} ms, longest extension task ${trace.longestExtension?.ms.toFixed(1)} ms`,
    );

    const hard: HardPageResult[] = [];
    for (const [label, url] of Object.entries(urls.hard)) {
      const result = await withPage(browser, async (page) => {
        const measures: ScanMeasure[] = [];
        const events = await recordTrace(page, async () => {
          measures.push(await loadAndScan(page, url));
        });
        const [measure] = measures;
        if (!measure) throw new Error(`no scan measure on ${url}`);
        return { label, scanMs: measure.duration, detail: measure.detail, trace: summariseTrace(events) };
      });
      hard.push(result);
      log(
        `${label}: scan ${result.scanMs.toFixed(1)} ms, longest extension task ${result.trace.longestExtension?.ms.toFixed(1)} ms`,
      );
    }

    const alone = await scanSeries(browser, urls.alone, runs);
    const appendResults: AppendResult[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await withPage(browser, async (page) => {
        await loadAndScan(page, urls.article);
        return appendAndWait(page, opts.appendHtml, alone.detail.matches, 10_000);
      });
      appendResults.push(result);
      log(
        `append run ${i + 1}: ${result.measure ?? result.via} ${result.ms.toFixed(1)} ms, ${result.added} ranges added, detail ${JSON.stringify(result.detail ?? null)}`,
      );
      if (result.via === 'none') break;
    }

    // One more append under a trace: where the main thread's time goes while the update runs.
    const appendTrace =
      appendResults[0]?.via === 'measure'
        ? await withPage(browser, async (page) => {
            await loadAndScan(page, urls.article);
            const events = await recordTrace(page, async () => {
              await appendAndWait(page, opts.appendHtml, alone.detail.matches, 10_000);
            });
            return summariseWindow(events, appendResults[0]?.measure ?? 'termlight:update');
          })
        : null;

    for (const config of rest) {
      await enableOnly(library, opts.allPacks, config.packs);
      scans[config.label] = await scanSeries(browser, urls.article, runs);
      log(`${config.label}: scan ${scans[config.label]?.median.toFixed(1)} ms`);
    }
    let ordinary: OrdinaryResults | null = null;
    const ordinaryConfig = opts.ordinaryConfig;
    if (ordinaryConfig && urls.ordinary.length > 0) {
      await enableOnly(library, opts.allPacks, ordinaryConfig.packs);
      ordinary = await runOrdinary(browser, urls.ordinary, runs, ordinaryConfig.label, log);
      log(
        `ordinary pages: median scan ${ordinary.medianScanMs.toFixed(1)} ms, median ratio ${ordinary.medianRatio.toFixed(2)}× the isolated walk`,
      );
    }
    const first = walks[0];
    return {
      scans,
      walk: {
        ms: walks.map((w) => w.ms),
        median: median(walks.map((w) => w.ms)),
        textNodes: first?.textNodes ?? 0,
        chars: first?.chars ?? 0,
        isolatedMedian: median(isolatedWalks.map((w) => w.walkMs)),
        contentFloorMedian: median(isolatedWalks.map((w) => w.floorMs)),
        unitsMedian: median(unitWalks),
      },
      trace,
      alone,
      append: {
        results: appendResults,
        medianMs: median(appendResults.map((r) => r.ms)),
        trace: appendTrace,
      },
      heap,
      hover,
      hard,
      ordinary,
    };
  } finally {
    await browser.close();
  }
}
