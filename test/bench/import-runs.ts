/**
 * Importing a 10 000-term pack, the real path and its floor, in one browser and one origin (the
 * extension's): the library page sends `importGlossary` to the background (parse, validate, write,
 * snapshot bump) and is timed from the send to the answer; a bench-only extension page times a bare
 * Dexie `bulkPut` of the same term rows into a fresh database. Runs alternate, so drift hits both.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { Page } from 'puppeteer-core';
import { parseGlossaryFile } from '../../src/shared/formats/glossary-file';
import { openExtensionPage } from '../e2e/support/library';
import { type ExtensionBrowser, launchWithExtension } from '../harness/browsers';
import type { FloorRun } from './floor/dexie-floor';
import { median, sleep, timeRuns } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROME_DIR = join(ROOT, 'dist', 'chrome');
const FLOOR_PAGE = 'bench-floor.html';

export interface ImportOptions {
  /** The pack file's text (a `termlight-glossary` JSON) and its term count. */
  text: string;
  packId: string;
  terms: number;
  runs: number;
  log: (line: string) => void;
}

export interface ImportResults {
  terms: number;
  bytes: number;
  /** Send → answer of `importGlossary` from the library page, ms per run. */
  importMs: number[];
  importMedian: number;
  /** Bare `bulkPut` of the same rows from an extension page, ms per run. */
  floorMs: number[];
  floorMedian: number;
  /** `parseGlossaryFile` on the same text in node (JSON.parse + validatePack), ms per run. */
  parseMs: number[];
  parseMedian: number;
}

/**
 * Bundles the floor page into dist/chrome. `npm run build` empties dist first, so it never ships; it
 * must be written before the browser loads the extension.
 */
export async function buildFloorPage(): Promise<void> {
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/bench/floor/dexie-floor.ts')],
    outfile: join(CHROME_DIR, 'bench-floor.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  // Extension pages run packaged scripts only (no inline script under the default CSP).
  writeFileSync(
    join(CHROME_DIR, FLOOR_PAGE),
    '<!doctype html>\n<meta charset="utf-8">\n<title>bench floor</title>\n<script src="bench-floor.js"></script>\n',
  );
}

type Answer =
  | { ok: true; value: { ok: boolean; termCount?: number; errors?: unknown } }
  | { ok: false; error: string };

/** Imports the pack under a fresh id from the library page; returns the send → answer time. */
async function importOnce(page: Page, packId: string, freshId: string, terms: number): Promise<number> {
  const { ms, answer } = await page.evaluate(
    async (from: string, to: string) => {
      const w = globalThis as unknown as {
        benchText: string;
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      // Only the pack's own id comes before the terms in the file.
      const text = w.benchText.replace(`"id":${JSON.stringify(from)}`, `"id":${JSON.stringify(to)}`);
      const message = { type: 'importGlossary', fileName: `${to}.json`, text };
      const t0 = performance.now();
      const answer = await w.chrome.runtime.sendMessage(message);
      return { ms: performance.now() - t0, answer };
    },
    packId,
    freshId,
  );
  const a = answer as Answer;
  if (!a.ok) throw new Error(`importGlossary failed: ${a.error}`);
  if (!a.value.ok || a.value.termCount !== terms)
    throw new Error(`importGlossary refused the pack: ${JSON.stringify(a.value).slice(0, 500)}`);
  return ms;
}

/** Deletes the imported pack again (untimed), so every run writes into the same database. */
async function deleteOnce(page: Page, id: string): Promise<void> {
  const answer = (await page.evaluate(
    (id: string) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime
        .sendMessage({ type: 'deletePack', id })
        .then((a) => ({ ok: (a as { ok: boolean }).ok, error: (a as { error?: string }).error })),
    id,
  )) as { ok: boolean; error?: string };
  if (!answer.ok) throw new Error(`deletePack failed: ${answer.error}`);
}

async function floorOnce(page: Page, run: number, terms: number): Promise<number> {
  const result = (await page.evaluate(
    (run: number) =>
      (
        globalThis as unknown as {
          benchText: string;
          termlightBenchFloor(text: string, run: number): Promise<FloorRun>;
        }
      ).termlightBenchFloor((globalThis as unknown as { benchText: string }).benchText, run),
    run,
  )) as FloorRun;
  if (result.rows !== terms) throw new Error(`the floor wrote ${result.rows} of ${terms} rows`);
  return result.ms;
}

async function pageWithText(browser: ExtensionBrowser, path: string, text: string): Promise<Page> {
  const page = await browser.newPage();
  await openExtensionPage(page, browser, path);
  await page.evaluate((text: string) => {
    (globalThis as unknown as { benchText: string }).benchText = text;
  }, text);
  return page;
}

/** Builds the floor page, then measures import and floor alternately in a browser of their own. */
export async function runImport(opts: ImportOptions): Promise<ImportResults> {
  const { text, packId, terms, runs, log } = opts;
  const parsed = parseGlossaryFile(`${packId}.json`, text);
  if (!parsed.ok) throw new Error(`the bench pack does not validate: ${JSON.stringify(parsed.errors[0])}`);
  const parseMs = timeRuns(() => parseGlossaryFile(`${packId}.json`, text), runs, 2);

  await buildFloorPage();
  const browser = await launchWithExtension('chromium', { headless: true });
  try {
    const library = await pageWithText(browser, 'library.html', text);
    const floor = await pageWithText(browser, FLOOR_PAGE, text);
    await floor.waitForFunction(() => 'termlightBenchFloor' in globalThis, { timeout: 10_000 });
    const stamp = Date.now().toString(36);
    const importMs: number[] = [];
    const floorMs: number[] = [];
    // Run 0 warms up the worker, the database and both pages; it is not counted.
    for (let i = 0; i <= runs; i++) {
      const id = `bench-import-${stamp}-${i}`;
      const ms = await importOnce(library, packId, id, terms);
      await deleteOnce(library, id);
      await sleep(300);
      const floorRun = await floorOnce(floor, i, terms);
      await sleep(300);
      log(
        `import ${i === 0 ? 'warm-up' : `run ${i}`}: ${ms.toFixed(1)} ms; bare bulkPut ${floorRun.toFixed(1)} ms`,
      );
      if (i === 0) continue;
      importMs.push(ms);
      floorMs.push(floorRun);
    }
    await Promise.all([library.close(), floor.close()]);
    return {
      terms,
      bytes: Buffer.byteLength(text),
      importMs,
      importMedian: median(importMs),
      floorMs,
      floorMedian: median(floorMs),
      parseMs,
      parseMedian: median(parseMs),
    };
  } finally {
    await browser.close();
  }
}
