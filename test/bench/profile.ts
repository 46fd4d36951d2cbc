/**
 * `npm run bench:profile`: a quick look at where a full scan of the bench article goes. Imports the
 * 10 000-term pack, loads the article a few times (scan vs the bare walk, as in the bench), then
 * loads it once under the V8 CPU profiler and prints the content script's hottest functions by
 * self time. Build with TERMLIGHT_MINIFY=0 to see function names. Env: BENCH_RUNS (5),
 * PROFILE_PACK (10000: the default pack and the 10 000 terms; 1000 or 100: that pack alone),
 * PROFILE_OUT (a path: keep the .cpuprofile for DevTools), PROFILE_PAGE (the name of an ordinary page,
 * news-2 or wiki-1 say (gen-ordinary.ts), to profile that page instead of the article).
 * Also prints the profiled load's content-script work as a timeline (see timeline()): start-up,
 * unpacking the matcher and each chunk of the pass, and the gaps between them.
 */
import { writeFileSync } from 'node:fs';
import { launchWithExtension, withPage } from '../harness/browsers';
import { createFixtures } from './fixtures';
import { enableOnly, importPackFile, libraryPage } from './library-driver';
import { bareWalk, loadAndScan } from './page-measure';
import { runScript } from './run-script';
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

/**
 * Self time per function of the scripts whose URL contains `urlPart`, in ms, hottest first; from the
 * sample at index `from` on.
 */
function selfTimes(profile: Profile, urlPart: string, from = 0): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    if (i < from) return;
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
 * The profile's content-script work as a timeline: runs of samples in `urlPart` (a gap of over
 * 1 ms ends one), each with its offset from the first, wall and script ms, and the call paths (up
 * to three frames from the script's outermost) that took most of it. Start-up, unpacking and each
 * chunk of the pass show as runs of their own, and the gaps between them are time not spent in
 * Termlight's script. Consecutive tasks with no gap between them show as one run.
 */
function timeline(profile: Profile, urlPart: string): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const pathOf = (id: number): string | null => {
    const frames: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node?.callFrame.url.includes(urlPart)) frames.unshift(node.callFrame.functionName || '(anonymous)');
    }
    return frames.length > 0 ? frames.slice(0, 3).join(' > ') : null;
  };
  const runs: { start: number; end: number; ms: number; paths: Map<string, number> }[] = [];
  let t = 0;
  profile.samples.forEach((id, i) => {
    t += (profile.timeDeltas[i] ?? 0) / 1000;
    const path = pathOf(id);
    if (path === null) return;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let run = runs.at(-1);
    if (!run || t - run.end > 1) {
      run = { start: t, end: t, ms: 0, paths: new Map() };
      runs.push(run);
    }
    run.end = t + dt;
    run.ms += dt;
    run.paths.set(path, (run.paths.get(path) ?? 0) + dt);
  });
  const first = runs[0]?.start ?? 0;
  return runs.map((run) => {
    const top = [...run.paths]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([path, ms]) => `${path} ${ms.toFixed(1)}`)
      .join(' | ');
    return `+${(run.start - first).toFixed(1).padStart(7)} ms ${(run.end - run.start).toFixed(1).padStart(6)} wall ${run.ms.toFixed(1).padStart(6)} script  ${top}`;
  });
}

/** The index of the first sample with `functionName` on its stack (the samples' length if none). */
function firstSampleIn(profile: Profile, functionName: string): number {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const index = profile.samples.findIndex((id) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)?.callFrame.functionName === functionName) return true;
    return false;
  });
  return index < 0 ? profile.samples.length : index;
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
    const pageName = process.env.PROFILE_PAGE;
    const target = pageName ? fx.urls.ordinary.find((o) => o.name === pageName) : undefined;
    if (pageName && !target) throw new Error(`no ordinary page ${pageName}`);
    const url = target?.url ?? fx.urls.article;
    const optOut = target?.optOut ?? fx.urls.optOut;
    await withPage(browser, (page) => loadAndScan(page, url));
    const scans: number[] = [];
    const walks: number[] = [];
    for (let i = 0; i < runs; i++) {
      scans.push((await withPage(browser, (page) => loadAndScan(page, url))).duration);
      walks.push(
        await withPage(browser, async (page) => {
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

    const profile = await withPage(browser, async (page) => {
      const session = await page.createCDPSession();
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 100 });
      await session.send('Profiler.start');
      const measure = await loadAndScan(page, url);
      const { profile } = await session.send('Profiler.stop');
      console.log(`profiled scan ${measure.duration.toFixed(1)} ms`);
      return profile as unknown as Profile;
    });
    console.log('content script over the profiled load (runs of samples):');
    for (const line of timeline(profile, 'content.js')) console.log(`  ${line}`);
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    for (const [name, ms] of selfTimes(profile, 'content.js').slice(0, 40))
      console.log(`${ms.toFixed(2).padStart(9)} ms  ${name}`);
    const passStart = firstSampleIn(profile, 'fullScan');
    console.log('from the start of the pass on:');
    for (const [name, ms] of selfTimes(profile, 'content.js', passStart).slice(0, 30))
      console.log(`${ms.toFixed(2).padStart(9)} ms  ${name}`);
  } finally {
    await browser.close();
    await fx.dispose();
  }
}

runScript(main);
