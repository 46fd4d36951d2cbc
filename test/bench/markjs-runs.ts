/** The mark.js half of the bench: the same article in a Chromium without Termlight. */
import type { Term } from '../../src/shared/glossary/model';
import { keywordGroups, type MarkResult, runMarkJs } from './markjs';
import { heapUsed } from './page-measure';
import { launchPlain, type PlainBrowser } from './plain-browser';
import { median, sleep } from './stats';

export interface MarkSeries {
  ms: number[];
  median: number;
  timedOut: boolean;
  /** Time limit of the runs, ms. */
  limitMs: number;
  /** For a timed-out run: its time scaled up to every keyword (a lower estimate: mark.js slows as marks pile up). */
  estimateMs?: number;
  keywordsDone: number;
  keywordsTotal: number;
  marks: number;
  error?: string;
}

export interface MarkOptions {
  url: string;
  /** Ascending sizes; the terms mark.js is given for each. */
  configs: { label: string; terms: Term[] }[];
  runs: number;
  timeoutMs: number;
  /** Once a smaller size timed out, a larger one only gets this long (it is a lower bound either way). */
  probeMs: number;
  /** Stop repeating a size once its runs took this long in total. */
  repeatBudgetMs: number;
  log: (line: string) => void;
}

export interface MarkResults {
  series: Record<string, MarkSeries>;
  /** Used JS heap of the article in a browser without the extension. */
  plainHeap: number;
  version: string;
}

/** One mark.js run in a fresh tab; on a renderer that ignores the time limit, kills the browser. */
async function oneRun(
  plain: PlainBrowser,
  url: string,
  terms: Term[],
  limitMs: number,
): Promise<MarkResult | 'killed'> {
  const page = await plain.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const run = runMarkJs(page, keywordGroups(terms), limitMs);
  const hardLimit = sleep(limitMs + 60_000).then(() => 'killed' as const);
  const result = await Promise.race([run, hardLimit]);
  if (result !== 'killed') await page.close();
  return result;
}

/** mark.js timings per configuration, and the plain page's heap (no extension) as a baseline. */
export async function runMarkJsSeries(opts: MarkOptions): Promise<MarkResults> {
  let plain = await launchPlain();
  const series: Record<string, MarkSeries> = {};
  try {
    const version = await plain.browser.version();
    const heapPage = await plain.browser.newPage();
    await heapPage.goto(opts.url, { waitUntil: 'load' });
    const plainHeap = await heapUsed(heapPage);
    await heapPage.close();
    let anyTimedOut = false;
    for (const { label, terms } of opts.configs) {
      const limitMs = anyTimedOut ? Math.min(opts.probeMs, opts.timeoutMs) : opts.timeoutMs;
      const results: MarkResult[] = [];
      let spent = 0;
      while (results.length < opts.runs && spent < opts.repeatBudgetMs) {
        let result = await oneRun(plain, opts.url, terms, limitMs);
        if (result === 'killed') {
          // One batch outran the limit by a minute: count it as timed out, with nothing known done.
          await plain.close(true);
          plain = await launchPlain();
          result = { ms: limitMs + 60_000, timedOut: true, keywordsDone: 0, keywordsTotal: 0, marks: 0 };
        }
        results.push(result);
        spent += result.ms;
        opts.log(
          `mark.js ${label} run ${results.length}: ${(result.ms / 1000).toFixed(1)} s${result.timedOut ? ' (timed out)' : ''}, ${result.keywordsDone}/${result.keywordsTotal} keywords${result.error ? `, ${result.error}` : ''}`,
        );
        if (result.timedOut || result.error) break;
      }
      const last = results[results.length - 1] as MarkResult;
      const timedOut = results.some((r) => r.timedOut);
      anyTimedOut ||= timedOut;
      series[label] = {
        ms: results.map((r) => r.ms),
        median: median(results.map((r) => r.ms)),
        timedOut,
        limitMs,
        ...(timedOut && last.keywordsDone > 0
          ? { estimateMs: (last.ms * last.keywordsTotal) / last.keywordsDone }
          : {}),
        keywordsDone: last.keywordsDone,
        keywordsTotal: last.keywordsTotal,
        marks: last.marks,
        ...(last.error ? { error: last.error } : {}),
      };
    }
    return { series, plainHeap, version };
  } finally {
    await plain.close();
  }
}
