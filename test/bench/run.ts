/**
 * `npm run bench`: Termlight in headless Chromium on a generated 1 MB article with the default pack
 * plus 10 000 generated terms, against a bare TreeWalker (the floor) and mark.js (the peer).
 * Prints a table, a markdown copy of it, and writes bench/results.json. Exits 0 when a target is
 * missed (it is a report) and 1 on a harness error.
 * Env: BENCH_RUNS (page loads per median, 5), BENCH_MARK_TIMEOUT_S (120), BENCH_MARK_PROBE_S (45),
 * BENCH_PAGE_BYTES (1000000), BENCH_TRACE_OUT (a path: keep the page-load trace), BENCH_MARKJS=0 (skip
 * mark.js, for a quick run), BENCH_CLIPPINGS=0 (skip re-anchoring 500 saved clippings on the article),
 * BENCH_IMPORT=0 (skip importing the 10 000-term pack against a bare Dexie bulkPut), BENCH_SEARCH=0 (skip
 * the popup search over 10 000 terms + 10 000 clippings against plain Fuse.js), BENCH_ORDINARY=0 (skip the
 * 21 pages of ordinary size, scanned with the default pack and 1 000 terms), BENCH_STORM=0 (skip the
 * mutation storm on a 100 000-node page), BENCH_HEAP=0 (skip making and removing 20 000 web components).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { surfaceForms } from '../../src/shared/glossary/alias-rules';
import { type ClippingResults, runClippings } from './clippings-runs';
import { createFixtures } from './fixtures';
import { type HeapResults, runHeap } from './heap-runs';
import { type ImportResults, runImport } from './import-runs';
import { type MarkResults, runMarkJsSeries } from './markjs-runs';
import { benchCompile, benchEdgeRule, benchFind, htmlBlocks } from './node-matcher';
import { type PhaseResults, runPhases } from './phases';
import { buildRows, consoleTable, markdownTable, type SizeLabel } from './report';
import { runScript } from './run-script';
import { runSearch, type SearchBench } from './search-runs';
import { runStorm, type StormResults } from './storm-runs';
import { runTermlight } from './termlight-runs';

const ROOT = resolve(import.meta.dirname, '../..');
const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const log = (line: string) =>
  console.log(`[bench ${(performance.now() / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function main(): Promise<void> {
  const runs = Math.round(envNumber('BENCH_RUNS', 5));
  const fx = await createFixtures(envNumber('BENCH_PAGE_BYTES', 1_000_000));
  try {
    const [p10k, p1k, p100] = fx.packs;
    if (!p10k || !p1k || !p100) throw new Error('pack generation failed');
    const defaultName = fx.defaultPack.name;
    log(
      `article ${(Buffer.byteLength(fx.articleHtml) / 1e6).toFixed(2)} MB; default pack "${defaultName}" with ${fx.defaultPack.terms.length} terms; ${runs} runs`,
    );

    const compile = benchCompile(p10k.text);
    const bigTerms = [...fx.defaultPack.terms, ...p10k.pack.terms];
    const bigMatchTerms = bigTerms.map((t) => ({ id: t.id, forms: surfaceForms(t) }));
    const find = benchFind(bigMatchTerms, htmlBlocks(fx.articleHtml));
    log(
      `matcher: compile ${compile.compileMs.toFixed(1)} ms vs floor ${compile.floorMs.toFixed(1)} ms; find ${find.ms.toFixed(1)} ms`,
    );
    const defaultMatchTerms = fx.defaultPack.terms.map((t) => ({ id: t.id, forms: surfaceForms(t) }));
    const edgeRule = benchEdgeRule(bigMatchTerms, htmlBlocks(fx.articleHtml), defaultMatchTerms);
    const ratio = (pair: { with: { ms: number }; without: { ms: number } }) =>
      `${pair.with.ms.toFixed(1)} vs ${pair.without.ms.toFixed(1)} ms`;
    log(`CJK word-edge rule: article ${ratio(edgeRule.article)}; Chinese page ${ratio(edgeRule.cjk)}`);

    const sizes: SizeLabel[] = [
      { key: '10000', label: `default pack (${fx.defaultPack.terms.length}) + 10 000 terms` },
      { key: '1000', label: '1 000 terms' },
      { key: '100', label: '100 terms' },
    ];
    const termlight = await runTermlight({
      runs,
      urls: fx.urls,
      imports: fx.packs.map((p) => ({ file: p.file, name: p.pack.name })),
      allPacks: [defaultName, ...fx.packs.map((p) => p.pack.name)],
      configs: [
        { label: '10000', packs: [defaultName, p10k.pack.name] },
        { label: '1000', packs: [p1k.pack.name] },
        { label: '100', packs: [p100.pack.name] },
      ],
      appendHtml: fx.appendHtml,
      // Near the size of the packs readers use (the independent real-page check uses ~1 600 terms).
      ...(process.env.BENCH_ORDINARY === '0'
        ? {}
        : { ordinaryConfig: { label: `default pack + 1 000 terms`, packs: [defaultName, p1k.pack.name] } }),
      ...(process.env.BENCH_TRACE_OUT ? { traceOut: resolve(process.env.BENCH_TRACE_OUT) } : {}),
      log,
    });
    // Re-anchoring saved clippings, in a browser of its own (its database holds them, not packs).
    let clippings: ClippingResults | null = null;
    let clippingsError: string | undefined;
    if (process.env.BENCH_CLIPPINGS !== '0') {
      try {
        clippings = await runClippings({ url: fx.urls.article, runs, log });
      } catch (error) {
        clippingsError = error instanceof Error ? error.message : String(error);
        log(`clippings: harness error: ${clippingsError}`);
      }
    }
    // Importing the 10 000-term pack against a bare Dexie bulkPut, in a browser of its own.
    let importResults: ImportResults | null = null;
    let importError: string | undefined;
    if (process.env.BENCH_IMPORT !== '0') {
      try {
        importResults = await runImport({
          text: p10k.text,
          packId: p10k.pack.id,
          terms: p10k.pack.terms.length,
          runs,
          log,
        });
      } catch (error) {
        importError = error instanceof Error ? error.message : String(error);
        log(`import: harness error: ${importError}`);
      }
    }
    // The popup search: node against plain Fuse.js, then the popup page in a browser of its own.
    let search: SearchBench | null = null;
    let searchError: string | undefined;
    if (process.env.BENCH_SEARCH !== '0') {
      try {
        search = await runSearch({ pack: p10k.pack, packText: p10k.text, runs, log });
      } catch (error) {
        searchError = error instanceof Error ? error.message : String(error);
        log(`search: harness error: ${searchError}`);
      }
    }
    // Hostile pages, each in browsers of its own: the mutation storm, then the web-component churn.
    let storm: StormResults | null = null;
    let stormError: string | undefined;
    if (process.env.BENCH_STORM !== '0') {
      try {
        storm = await runStorm({ server: fx.server, nodes: 100_000, log });
        log(`storm: longest Termlight script in a task ${storm.longestExtensionMs.toFixed(1)} ms`);
      } catch (error) {
        stormError = error instanceof Error ? error.message : String(error);
        log(`storm: harness error: ${stormError}`);
      }
    }
    let heap: HeapResults | null = null;
    let heapError: string | undefined;
    if (process.env.BENCH_HEAP !== '0') {
      try {
        heap = await runHeap({ server: fx.server, log });
      } catch (error) {
        heapError = error instanceof Error ? error.message : String(error);
        log(`heap: harness error: ${heapError}`);
      }
    }
    let phases: PhaseResults | null = null;
    try {
      phases = await runPhases(fx.urls.article, bigMatchTerms, runs);
      log(`phases: ${JSON.stringify(phases.ms)}; compile in page ${phases.compileMs.toFixed(1)} ms`);
    } catch (error) {
      log(`phase breakdown unavailable: ${String(error)}`);
    }
    const mark: MarkResults =
      process.env.BENCH_MARKJS === '0'
        ? { series: {}, plainHeap: Number.NaN, version: 'mark.js skipped' }
        : await runMarkJsSeries({
            url: fx.urls.article,
            configs: [
              { label: '100', terms: p100.pack.terms },
              { label: '1000', terms: p1k.pack.terms },
              { label: '10000', terms: bigTerms },
            ],
            runs,
            timeoutMs: envNumber('BENCH_MARK_TIMEOUT_S', 120) * 1000,
            probeMs: envNumber('BENCH_MARK_PROBE_S', 45) * 1000,
            repeatBudgetMs: 60_000,
            log,
          });

    const rows = buildRows({
      sizes,
      termlight,
      mark: mark.series,
      plainHeap: mark.plainHeap,
      compile,
      find,
      edgeRule,
      phases,
      clippings,
      ...(clippingsError ? { clippingsError } : {}),
      importResults,
      ...(importError ? { importError } : {}),
      search,
      ...(searchError ? { searchError } : {}),
      storm,
      ...(stormError ? { stormError } : {}),
      heap,
      ...(heapError ? { heapError } : {}),
    });
    const scan = termlight.scans['10000']?.detail;
    const meta = {
      date: new Date().toISOString(),
      runs,
      cpus: cpus().length,
      node: process.version,
      browser: mark.version,
      pageBytes: Buffer.byteLength(fx.articleHtml),
      pageTextNodes: termlight.walk.textNodes,
      pageChars: termlight.walk.chars,
      scanned: scan,
      defaultPackTerms: fx.defaultPack.terms.length,
    };
    console.log(`\n${consoleTable(rows)}\n`);
    console.log(
      `Page: ${(meta.pageBytes / 1e6).toFixed(2)} MB, ${meta.pageTextNodes} text nodes, ${meta.pageChars} chars; scan saw ${scan?.textNodes} text nodes, ${scan?.matches} matches. ${meta.browser}, ${meta.cpus} CPUs, medians of ${runs} loads.\n`,
    );
    console.log(markdownTable(rows));
    const outDir = join(ROOT, 'bench');
    mkdirSync(outDir, { recursive: true });
    const raw = {
      termlight,
      mark,
      compile,
      find,
      edgeRule,
      phases,
      clippings: clippings ?? (clippingsError ? { error: clippingsError } : null),
      import: importResults ?? (importError ? { error: importError } : null),
      search: search ?? (searchError ? { error: searchError } : null),
      storm: storm ?? (stormError ? { error: stormError } : null),
      heap: heap ?? (heapError ? { error: heapError } : null),
    };
    writeFileSync(join(outDir, 'results.json'), `${JSON.stringify({ meta, rows, raw }, null, 2)}\n`);
    log(`wrote ${join('bench', 'results.json')}`);
  } finally {
    await fx.dispose();
  }
}

runScript(main, 'bench: harness error:');
