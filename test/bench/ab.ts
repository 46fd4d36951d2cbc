/**
 * `npm run bench:ab`: two builds of the extension compared on the 21 ordinary pages, the way a
 * change to the scan is judged here. Whole bench runs move by ±15% with the machine; this loads
 * each page in both builds alternately (in two browsers, which order swaps every run), so both see
 * the same noise, and prints each page's median pass / isolated walk and time to highlights.
 * The browser launched first tends to read a few ms slower: run it in both orders.
 * Env: AB_A and AB_B (directories of built Chromium extensions, e.g. copies of dist/chrome made
 * before and after a change), BENCH_RUNS (loads per page and build, 5), AB_PAGES (comma-separated
 * names of ordinary pages, all by default).
 */
import { type ExtensionBrowser, launchChromium, withPage } from '../harness/browsers';
import { createFixtures } from './fixtures';
import { enableOnly, importPackFile, libraryPage } from './library-driver';
import { bareWalkIsolated, loadAndScan, openOptedOut } from './page-measure';
import { runScript } from './run-script';
import { median } from './stats';

async function main(): Promise<void> {
  const dirs = [process.env.AB_A, process.env.AB_B];
  if (!dirs[0] || !dirs[1]) throw new Error('set AB_A and AB_B to two built extension directories');
  const runs = Number(process.env.BENCH_RUNS) || 5;
  const only = process.env.AB_PAGES?.split(',');
  const fx = await createFixtures(1_000_000);
  const pack = fx.packs.find((p) => p.size === 1_000);
  if (!pack) throw new Error('no pack of 1 000 terms');
  const browsers: ExtensionBrowser[] = [];
  try {
    for (const dir of dirs) {
      const browser = await launchChromium(dir as string, { headless: true });
      browsers.push(browser);
      const library = await libraryPage(browser);
      await importPackFile(library, pack.file, pack.pack.name);
      const packs = [fx.defaultPack.name, pack.pack.name];
      await enableOnly(library, packs, packs);
      await library.close();
    }
    const ratios: number[][] = [[], []];
    const ready: number[][] = [[], []];
    for (const target of fx.urls.ordinary.filter((t) => !only || only.includes(t.name))) {
      const passes: number[][] = [[], []];
      const highlighted: number[][] = [[], []];
      const walks: number[] = [];
      for (const browser of browsers) await withPage(browser, (page) => loadAndScan(page, target.url));
      for (let i = 0; i < runs; i++) {
        for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
          const measure = await withPage(browsers[k] as ExtensionBrowser, (page) =>
            loadAndScan(page, target.url),
          );
          passes[k]?.push(measure.duration);
          highlighted[k]?.push(measure.startTime + measure.duration);
        }
        walks.push(
          await withPage(browsers[0] as ExtensionBrowser, async (page) => {
            await openOptedOut(page, target.optOut);
            return (await bareWalkIsolated(page, 0)).walkMs;
          }),
        );
      }
      const walk = median(walks);
      const line = [0, 1].map((k) => {
        const pass = median(passes[k] ?? []);
        ratios[k]?.push(pass / walk);
        ready[k]?.push(median(highlighted[k] ?? []));
        return `${'AB'[k]} ${pass.toFixed(1)} ms (${(pass / walk).toFixed(1)}×, highlighted at ${median(highlighted[k] ?? []).toFixed(0)} ms)`;
      });
      console.log(`${target.name.padEnd(8)} walk ${walk.toFixed(2)} ms  ${line.join('  ')}`);
    }
    console.log(
      [0, 1]
        .map(
          (k) =>
            `${'AB'[k]}: median ${median(ratios[k] ?? []).toFixed(2)}×, highlighted at ${median(ready[k] ?? []).toFixed(1)} ms`,
        )
        .join('; '),
    );
  } finally {
    for (const browser of browsers) await browser.close();
    await fx.dispose();
  }
}

runScript(main);
