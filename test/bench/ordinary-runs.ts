/**
 * Termlight on pages of ordinary size: each page's full scan against the cold isolated-world walk of
 * the same page (opted out, so nothing else runs), interleaved so both see the same machine noise.
 * On such pages per-page fixed costs (start-up, unpacking the matcher, cold code, waits) weigh most.
 */
import type { Page } from 'puppeteer-core';
import { type ExtensionBrowser, withPage } from '../harness/browsers';
import type { ScanMeasure } from '../harness/page-probe';
import { bareWalkIsolated, loadAndScan, openOptedOut, unitLoopIsolated } from './page-measure';
import { median } from './stats';

export interface OrdinaryUrl {
  name: string;
  url: string;
  /** The same page opted out with data-termlight="off" (for the walk). */
  optOut: string;
}

export interface OrdinaryPageResult {
  name: string;
  detail: ScanMeasure['detail'];
  scanMs: number[];
  walkMs: number[];
  floorMs: number[];
  /** The isolated walk reading every unit once besides (see unitLoopIsolated), each from a fresh page. */
  unitsMs: number[];
  /**
   * From navigation start to the end of the pass: what a reader waits for highlights, start-up
   * included, so that work moved out of the pass still shows.
   */
  readyMs: number[];
  /** Median scan / median isolated walk. */
  ratio: number;
  /** Median scan / median content-script floor. */
  floorRatio: number;
  /** Median unit-reading walk / median isolated walk. */
  unitsRatio: number;
}

export interface OrdinaryResults {
  /** The packs switched on, as a label. */
  packs: string;
  pages: OrdinaryPageResult[];
  /** Medians over the pages. */
  medianRatio: number;
  medianFloorRatio: number;
  medianUnitsRatio: number;
  medianScanMs: number;
  medianWalkMs: number;
  medianReadyMs: number;
}

/** Median over pages of what `pick` says of each. */
const overPages = (pages: OrdinaryPageResult[], pick: (p: OrdinaryPageResult) => number): number =>
  median(pages.map(pick));

/**
 * Loads each page `runs` times (after one warm-up load) with Termlight, and as many times opted out
 * for the isolated walk; the packs must already be switched on.
 */
export async function runOrdinary(
  browser: ExtensionBrowser,
  pages: OrdinaryUrl[],
  runs: number,
  packs: string,
  log: (line: string) => void,
): Promise<OrdinaryResults> {
  const results: OrdinaryPageResult[] = [];
  for (const { name, url, optOut } of pages) {
    await withPage(browser, (page) => loadAndScan(page, url));
    const scans: ScanMeasure[] = [];
    const walks: { walkMs: number; floorMs: number }[] = [];
    const units: number[] = [];
    const onOptOut = <T>(measure: (page: Page) => Promise<T>): Promise<T> =>
      withPage(browser, async (page) => {
        await openOptedOut(page, optOut);
        return measure(page);
      });
    for (let i = 0; i < runs; i++) {
      scans.push(await withPage(browser, (page) => loadAndScan(page, url)));
      walks.push(await onOptOut((page) => bareWalkIsolated(page, scans[0]?.detail.matches ?? 0)));
      units.push(await onOptOut(unitLoopIsolated));
    }
    const scanMs = scans.map((s) => s.duration);
    const walkMs = walks.map((w) => w.walkMs);
    const floorMs = walks.map((w) => w.floorMs);
    const readyMs = scans.map((s) => s.startTime + s.duration);
    const result: OrdinaryPageResult = {
      name,
      detail: scans[0]?.detail ?? { textNodes: 0, chars: 0, matches: 0 },
      scanMs,
      walkMs,
      floorMs,
      unitsMs: units,
      readyMs,
      ratio: median(scanMs) / median(walkMs),
      floorRatio: median(scanMs) / median(floorMs),
      unitsRatio: median(units) / median(walkMs),
    };
    results.push(result);
    log(
      `ordinary ${name}: ${result.detail.textNodes} text nodes, ${result.detail.matches} matches; scan ${median(scanMs).toFixed(1)} ms, isolated walk ${median(walkMs).toFixed(2)} ms, ${result.ratio.toFixed(1)}×; highlighted ${median(readyMs).toFixed(0)} ms after navigation start`,
    );
  }
  return {
    packs,
    pages: results,
    medianRatio: overPages(results, (p) => p.ratio),
    medianFloorRatio: overPages(results, (p) => p.floorRatio),
    medianUnitsRatio: overPages(results, (p) => p.unitsRatio),
    medianScanMs: overPages(results, (p) => median(p.scanMs)),
    medianWalkMs: overPages(results, (p) => median(p.walkMs)),
    medianReadyMs: overPages(results, (p) => median(p.readyMs)),
  };
}
