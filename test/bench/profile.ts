/**
 * `npm run bench:profile`: a quick look at where a full scan of the bench article goes. Imports the
 * 10 000-term pack, loads the article a few times (scan vs the bare walk, as in the bench), then
 * loads it once under the V8 CPU profiler and prints the content script's hottest functions by
 * self time. Build with TERMLIGHT_MINIFY=0 to see function names. Env: BENCH_RUNS (5),
 * PROFILE_PACK (10000: the default pack and the 10 000 terms; 1000 or 100: that pack alone),
 * PROFILE_OUT (a path: keep the .cpuprofile for DevTools), PROFILE_PAGE (the name of an ordinary page,
 * news-2 or wiki-1 say (gen-ordinary.ts), to profile that page instead of the article).
 * Also prints how the profiled load's Termlight time splits: start-up (until the scan starts:
 * snapshot, unpacking), the pass, and, within the pass, time the content script was not running.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../../scripts/lib/browsers';
import { createFixtures } from './fixtures';
import { enableOnly, importPackFile, libraryPage } from './library-driver';
import { bareWalk, loadAndScan } from './page-measure';
import { median } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function of the scripts whose URL contains `urlPart`, in ms, hottest first. */
function selfTimes(profile: Profile, urlPart: string): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = url.includes(urlPart)
      ? `${functionName || '(anonymous)'} :${lineNumber + 1}:${columnNumber + 1}`
      : url
        ? '(page or other script)'
        : `(${functionName || 'native'})`;
    totals.set(key, (totals.get(key) ?? 0) + dt);
    all += dt;
  });
  totals.set('= all samples', all);
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * Content-script sample time before and during a scan that started `-startFromEnd` ms before the
 * profile's end and lasted `scanMs`.
 */
function splitByScan(
  profile: Profile,
  urlPart: string,
  startFromEnd: number,
  scanMs: number,
): { before: number; during: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let t = 0;
  const stamps = profile.timeDeltas.map((dt) => {
    t += dt / 1000;
    return t;
  });
  // Off by the round trip of the call that read the clock after the profile stopped (a few ms).
  const start = t + startFromEnd;
  let before = 0;
  let during = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node?.callFrame.url.includes(urlPart)) return;
    const at = stamps[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (at < start) before += dt;
    else if (at <= start + scanMs) during += dt;
  });
  return { before, during };
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS) || 5;
  const fx = await createFixtures(1_000_000);
  const browser = await launchWithExtension('chromium', { headless: true });
  try {
    const size = Number(process.env.PROFILE_PACK) || 10_000;
    const pack = fx.packs.find((p) => p.size === size);
    if (!pack) throw new Error(`no pack of ${size} terms`);
    const library = await libraryPage(browser);
    await importPackFile(library, pack.file, pack.pack.name);
    const on = size === 10_000 ? [fx.defaultPack.name, pack.pack.name] : [pack.pack.name];
    await enableOnly(library, [fx.defaultPack.name, pack.pack.name], on);
    const withPage = async <T>(fn: (page: Page) => Promise<T>): Promise<T> => {
      const page = await browser.newPage();
      try {
        return await fn(page);
      } finally {
        await page.close();
      }
    };
    const pageName = process.env.PROFILE_PAGE;
    const target = pageName ? fx.urls.ordinary.find((o) => o.name === pageName) : undefined;
    if (pageName && !target) throw new Error(`no ordinary page ${pageName}`);
    const url = target?.url ?? fx.urls.article;
    const optOut = target?.optOut ?? fx.urls.optOut;
    await withPage((page) => loadAndScan(page, url));
    const scans: number[] = [];
    const walks: number[] = [];
    for (let i = 0; i < runs; i++) {
      scans.push((await withPage((page) => loadAndScan(page, url))).duration);
      walks.push(
        await withPage(async (page) => {
          await page.goto(optOut, { waitUntil: 'load' });
          await new Promise((r) => setTimeout(r, 300));
          return (await bareWalk(page)).ms;
        }),
      );
    }
    const scan = median(scans);
    const walk = median(walks);
    console.log(
      `scan ${scan.toFixed(1)} ms [${scans.map((s) => s.toFixed(0)).join(' ')}], walk ${walk.toFixed(1)} ms, ratio ${(scan / walk).toFixed(2)}x`,
    );

    const profiled = await withPage(async (page) => {
      const session = await page.createCDPSession();
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 100 });
      await session.send('Profiler.start');
      const measure = await loadAndScan(page, url);
      const { profile } = await session.send('Profiler.stop');
      // The measure's start on the profile's clock: the profile ends now, performance.now() after it.
      const [startAt, now] = await page.evaluate((): [number, number] => [
        performance.getEntriesByName('termlight:scan')[0]?.startTime ?? 0,
        performance.now(),
      ]);
      console.log(`profiled scan ${measure.duration.toFixed(1)} ms`);
      return { profile: profile as unknown as Profile, scanStart: startAt, scanMs: measure.duration, now };
    });
    const { profile, scanStart, scanMs, now } = profiled;
    const split = splitByScan(profile, 'content.js', scanStart - now, scanMs);
    console.log(
      `content.js: ${split.before.toFixed(1)} ms before the scan (start-up), ${split.during.toFixed(1)} ms in the pass of ${scanMs.toFixed(1)} ms (the rest of the pass: page, browser or waiting)`,
    );
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    for (const [name, ms] of selfTimes(profile, 'content.js').slice(0, 40))
      console.log(`${ms.toFixed(2).padStart(9)} ms  ${name}`);
  } finally {
    await browser.close();
    await fx.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
