/** One builder per group of rows in the results table. */
import type { ClippingResults, ClipTask } from './clippings-runs';
import type { ImportResults } from './import-runs';
import type { MarkSeries } from './markjs-runs';
import type { OrdinaryResults } from './ordinary-runs';
import type { PhaseResults } from './phases';
import type { SearchBench } from './search-runs';
import { formatMs, median } from './stats';
import type { TermlightResults } from './termlight-runs';
import type { TaskInfo, WindowSummary } from './trace-summary';

export type Verdict = 'pass' | 'FAIL' | 'info' | 'n/a';

export interface Row {
  metric: string;
  value: string;
  floor: string;
  ratio: string;
  target: string;
  result: Verdict;
}

export const times = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(r < 10 ? 2 : 1)}×` : 'n/a');
export const verdict = (ok: boolean | undefined): Verdict =>
  ok === undefined ? 'n/a' : ok ? 'pass' : 'FAIL';

/** A row with no target. */
export const info = (metric: string, value: string, floor = '', ratio = ''): Row => ({
  metric,
  value,
  floor,
  ratio,
  target: '(info)',
  result: 'info',
});

/** `PrePaint 330 ms, RunMicrotasks 113 ms, Layout 99.5 ms`: where a window's time went. */
export function topWork(work: Record<string, number>, n = 4): string {
  return Object.entries(work)
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([kind, ms]) => `${kind} ${formatMs(ms)}`)
    .join(', ');
}

const windowText = (w: WindowSummary): string =>
  `window ${formatMs(w.ms)}: ${w.tasks} tasks, ${formatMs(w.busyMs)} busy (${topWork(w.work)})`;

const task = (t: TaskInfo | undefined): string => {
  if (!t) return 'n/a';
  const before =
    t.beforeScanMs > 0 && t.atMs < 0 ? `, ${formatMs(t.beforeScanMs)} of it before the scan starts` : '';
  const at = `${t.atMs >= 0 ? '+' : ''}${formatMs(t.atMs)} from scan start`;
  return `${formatMs(t.ms)} (${t.extension ? 'Termlight, ' : ''}${t.what}, at ${at}${before})`;
};

/** Termlight's scan against mark.js on the same page and terms. */
export function markRow(label: string, scanMs: number, mark: MarkSeries | undefined): Row {
  const row = (floor: string, ratio: number | null, prefix = ''): Row => ({
    metric: `Termlight vs mark.js, ${label}`,
    value: formatMs(scanMs),
    floor,
    ratio: ratio === null ? 'n/a' : `${prefix}${times(ratio)}`,
    target: '≥ 10× faster',
    result: ratio === null ? 'n/a' : verdict(ratio >= 10),
  });
  if (!mark) return row('not run', null);
  if (mark.error && !mark.timedOut) return row(`mark.js error: ${mark.error}`, null);
  if (mark.timedOut) {
    // mark.js had not finished when it was stopped, so its elapsed time is a lower bound.
    const est = mark.estimateMs ? `, est. ${formatMs(mark.estimateMs)}` : '';
    const stopped = `stopped at the ${formatMs(mark.limitMs)} limit after ${mark.keywordsDone}/${mark.keywordsTotal} keywords${est}`;
    return row(`mark.js > ${formatMs(mark.median)} (${stopped})`, mark.median / scanMs, '> ');
  }
  const runs = `${mark.ms.length} run${mark.ms.length === 1 ? '' : 's'}`;
  return row(
    `mark.js ${formatMs(mark.median)} (${mark.keywordsTotal} keywords, ${runs})`,
    mark.median / scanMs,
  );
}

/** Long tasks from the page-load trace. */
export function traceRows(t: TermlightResults): Row[] {
  const tr = t.trace;
  return [
    {
      metric: 'Longest main-thread task during the scan (trace)',
      value: task(tr.longestInScan),
      floor: `scan ${windowText(tr.scan)}`,
      ratio: '',
      target: '≤ 50 ms',
      result: verdict(tr.longestInScan ? tr.longestInScan.ms <= 50 : undefined),
    },
    {
      metric: 'Longest Termlight task, load + scan (trace)',
      value: task(tr.longestExtension),
      floor: `${tr.extensionTasks} Termlight tasks, ${formatMs(tr.extensionBusyMs)} in all, ${tr.extensionOver50} over 50 ms`,
      ratio: '',
      target: '≤ 50 ms',
      result: verdict(tr.longestExtension ? tr.longestExtension.ms <= 50 : undefined),
    },
    info('Longest task overall, load + scan (trace)', task(tr.longestOverall)),
    ...t.hard.map((h) => ({
      metric: `Longest Termlight task, ${h.label} (trace)`,
      value: task(h.trace.longestExtension),
      floor: `scan ${formatMs(h.scanMs)}: ${h.detail.textNodes} text nodes, ${h.detail.matches} matches`,
      ratio: '',
      target: '≤ 50 ms',
      result: verdict(h.trace.longestExtension ? h.trace.longestExtension.ms <= 50 : undefined),
    })),
  ];
}

/** Appending 1 000 paragraphs to a scanned page, against scanning them alone. */
export function appendRows(t: TermlightResults): Row[] {
  const metric = 'Append 1 000 paragraphs → highlighted';
  const appended = t.append.results;
  const alone = t.alone.median;
  const floor = `scan of them alone ${formatMs(alone)} (${t.alone.detail.textNodes} text nodes)`;
  const first = appended[0];
  if (!first || appended.some((r) => r.via === 'none')) {
    const added = first?.added ?? 0;
    const value =
      added > 0
        ? `incomplete (${added}/${t.alone.detail.matches} ranges in 10 s)`
        : 'not implemented (nothing highlighted in 10 s)';
    return [{ metric, value, floor, ratio: 'n/a', target: '≤ 2×', result: 'n/a' }];
  }
  // Like with like: the update's own measure against the measure of scanning the same nodes alone.
  // The time from the append to the end of the update also holds the page laying out and painting
  // its new content, which no extension can avoid; it is shown as information.
  const ownMs = median(appended.map((r) => r.measureMs ?? r.ms));
  const ratio = ownMs / alone;
  const how =
    first.via === 'measure'
      ? `${first.measure} measure${first.detail ? `, rescanned ${first.detail.textNodes} text nodes` : ''}`
      : 'CSS.highlights count';
  const rows: Row[] = [
    {
      metric,
      value: `${formatMs(ownMs)} (${how})`,
      floor,
      ratio: times(ratio),
      target: '≤ 2×',
      result: verdict(ratio <= 2),
    },
    info(
      'Append: from the append() call to highlighted',
      formatMs(t.append.medianMs),
      'includes the page laying out and painting the new paragraphs',
    ),
  ];
  const w = t.append.trace;
  if (w) rows.push(info('Append: main thread during the update (trace)', formatMs(w.busyMs), windowText(w)));
  return rows;
}

/** The scan code's phases run in a page without the extension (walk; + match; + ranges). */
export function phaseRows(p: PhaseResults | null, walkMs: number, nodeCompileMs: number): Row[] {
  if (!p) return [info('Scan phases in a page', 'unavailable')];
  const { walk, match, ranges, late } = p.ms;
  const rangesAlone = ranges >= match ? formatMs(ranges - match) : 'within noise';
  return [
    info(
      'Phase 1: textBlocks walk (scan code in a page, sync)',
      formatMs(walk),
      `bare TreeWalker ${formatMs(walkMs)}`,
      times(walk / walkMs),
    ),
    info(
      'Phase 2: + findMatches',
      formatMs(match),
      `matching alone ≈ ${formatMs(match - walk)}`,
      times(match / walkMs),
    ),
    info(
      'Phase 3: + StaticRange + HighlightStore.add',
      formatMs(ranges),
      `ranges alone ≈ ${rangesAlone}; registered after: ${formatMs(late)}`,
      times(ranges / walkMs),
    ),
    info(
      'Matcher compile in a cold page (what each frame saves: the background compiles it once)',
      formatMs(p.compileMs),
      `in node ${formatMs(nodeCompileMs)}`,
      times(p.compileMs / nodeCompileMs),
    ),
  ];
}

const clipTask = (t: ClipTask | undefined): string => {
  if (!t) return 'n/a';
  const cpu = t.cpuMs === null ? '' : `, ${formatMs(t.cpuMs)} CPU`;
  const where = t.inClips
    ? `${t.atMs >= 0 ? '+' : ''}${formatMs(t.atMs)} into the pass`
    : `${formatMs(-t.atMs)} before the pass`;
  const scan = t.inScan ? ', during the term scan' : '';
  return `${formatMs(t.ms)} (${t.extension ? 'Termlight, ' : ''}${t.what}${cpu}, at ${where}${scan})`;
};

/**
 * Re-anchoring saved clippings on the article (`null` when not run; `error` when the run failed):
 * the pass time, and the longest Termlight task from the page load to the end of the pass.
 */
export function clippingRows(c: ClippingResults | null, walkMs: number, error?: string): Row[] {
  const metric = 'Re-anchoring saved clippings';
  if (!c) {
    const why = error ? `harness error: ${error}` : 'not run (BENCH_CLIPPINGS=0)';
    return [{ metric, value: why, floor: '', ratio: 'n/a', target: '', result: 'n/a' }];
  }
  const { mix, clippings: n, trace: tr, node } = c;
  const allFound = c.minAnchored === n && c.maxOrphans === 0;
  const placed =
    c.placement && c.placement.asExpected < n
      ? `; only ${c.placement.asExpected}/${n} ranges where node anchored them`
      : '';
  const w = tr.window;
  const window = w
    ? `pass ${formatMs(tr.passMs)} under trace: ${w.tasks} tasks, ${formatMs(w.busyMs)} busy (${topWork(w.work)})`
    : `pass ${formatMs(tr.passMs)} under trace`;
  const byMethod = (['position', 'quote', 'fuzzy'] as const)
    .map((m) => {
      const s = node.byMethod[m];
      return `${s.count} by ${m} ${formatMs(s.totalMs)} (max ${formatMs(s.maxMs)})`;
    })
    .join(', ');
  return [
    {
      metric: `Re-anchoring ${n} clippings (${mix.position} in place, ${mix.quote} moved, ${mix.fuzzy} edited), termlight:clips pass`,
      value: formatMs(c.medianMs),
      floor: `${c.minAnchored}/${n} anchored, ${c.maxOrphans} orphans${placed}; bare TreeWalker ${formatMs(walkMs)}`,
      ratio: times(c.medianMs / walkMs),
      target: `all ${n} anchored`,
      result: verdict(allFound),
    },
    {
      metric: `Longest Termlight task while re-anchoring ${n} clippings, load + pass (trace)`,
      value: clipTask(tr.longestExtension),
      floor: `${window}; longest task in the pass ${clipTask(tr.longestInClips)}; ${tr.extensionTasks} Termlight tasks, ${tr.extensionOver50} over 50 ms`,
      ratio: '',
      target: '≤ 50 ms',
      result: verdict(tr.longestExtension ? tr.longestExtension.ms <= 50 : undefined),
    },
    info(
      `anchorPassage for the same ${n} clippings in node (${c.page.chars} chars of page text)`,
      formatMs(node.totalMs),
      byMethod,
      `slowest ${formatMs(node.slowest.ms)} (${node.slowest.method}, ${node.slowest.chars} chars)`,
    ),
  ];
}

/**
 * Importing a 10 000-term pack (library page → background, send to answer) against a bare Dexie
 * `bulkPut` of the same rows from an extension page, and our import split into parse + validate
 * (timed in node) and the rest (the write, the message and the snapshot bump).
 */
export function importRows(r: ImportResults | null, error?: string): Row[] {
  const metric = 'Import 10 000 terms (library → background: parse, validate, write)';
  if (!r) {
    const why = error ? `harness error: ${error}` : 'not run (BENCH_IMPORT=0)';
    return [{ metric, value: why, floor: '', ratio: 'n/a', target: '≤ 2×', result: 'n/a' }];
  }
  const ratio = r.importMedian / r.floorMedian;
  const rest = r.importMedian - r.parseMedian;
  return [
    {
      metric: r.terms === 10_000 ? metric : metric.replace('10 000', r.terms.toLocaleString('en')),
      value: formatMs(r.importMedian),
      floor: `bare Dexie bulkPut of the same rows ${formatMs(r.floorMedian)}`,
      ratio: times(ratio),
      target: '≤ 2×',
      result: verdict(Number.isFinite(ratio) ? ratio <= 2 : undefined),
    },
    info(
      'Import split: parseGlossaryFile (JSON.parse + validatePack, node) | the rest (message, write, snapshot bump)',
      `${formatMs(r.parseMedian)} | ${formatMs(rest)}`,
      `${(r.bytes / 1e6).toFixed(2)} MB file; bare bulkPut ${formatMs(r.floorMedian)}`,
      `rest ${times(rest / r.floorMedian)} floor`,
    ),
  ];
}

/** `0.005× (200× faster)`: a ratio far below 1 still says how far. */
const speedup = (ratio: number): string =>
  Number.isFinite(ratio) && ratio > 0 && ratio < 1
    ? `${ratio.toPrecision(2)}× (${(1 / ratio).toFixed(0)}× faster)`
    : times(ratio);

/**
 * The popup search over 10 000 terms + 10 000 clippings, per keystroke: ours against plain Fuse.js in
 * node (same process, same data), and keystroke → results in the real popup page in Chromium.
 */
export function searchRows(r: SearchBench | null, error?: string): Row[] {
  const metric = 'Popup search per keystroke, 10 000 terms + 10 000 clippings (node)';
  if (!r) {
    const why = error ? `harness error: ${error}` : 'not run (BENCH_SEARCH=0)';
    return [{ metric, value: why, floor: '', ratio: 'n/a', target: '≤ 1× plain Fuse.js', result: 'n/a' }];
  }
  const pair = (p: { p50: number; p95: number }) => `p50 ${formatMs(p.p50)} / p95 ${formatMs(p.p95)}`;
  const keys = `${r.keystrokes} keystrokes × ${r.runs} runs`;
  const ratio = r.ours.p95 / r.fuse.p95;
  const rows: Row[] = [
    {
      metric,
      value: pair(r.ours),
      floor: `plain Fuse.js ${pair(r.fuse)} (${keys})`,
      ratio: `p95 ${speedup(ratio)}, p50 ${speedup(r.ours.p50 / r.fuse.p50)}`,
      target: '≤ 1× plain Fuse.js',
      result: verdict(Number.isFinite(ratio) ? ratio <= 1 : undefined),
    },
    {
      metric: 'Popup search per keystroke, p95 (node)',
      value: formatMs(r.ours.p95),
      floor: `max ${formatMs(Math.max(...r.oursMs))}`,
      ratio: '',
      target: '≤ 16 ms',
      result: verdict(Number.isFinite(r.ours.p95) ? r.ours.p95 <= 16 : undefined),
    },
    info(
      'Popup search index build (node): ours | plain Fuse.js',
      `${formatMs(r.buildMs.ours)} | ${formatMs(r.buildMs.fuse)}`,
      `${r.vocabulary} distinct words for the typo pass`,
    ),
  ];
  const popupMetric = 'Popup keystroke → results in the DOM (Chromium, popup.html, background search)';
  if (!r.popup) {
    rows.push({
      metric: popupMetric,
      value: `harness error: ${r.popupError ?? 'unknown'}`,
      floor: '',
      ratio: 'n/a',
      target: '≤ 16 ms',
      result: 'n/a',
    });
    return rows;
  }
  const p = r.popup;
  rows.push(
    {
      metric: popupMetric,
      value: pair(p.dom),
      floor: `${p.domMs.length} keystrokes; node search alone p95 ${formatMs(r.ours.p95)}`,
      ratio: '',
      target: '≤ 16 ms',
      result: verdict(Number.isFinite(p.dom.p95) ? p.dom.p95 <= 16 : undefined),
    },
    info(
      'Popup keystroke → next animation frame after the results (includes the wait for the frame)',
      pair(p.frame),
      `results in the first frame after the key for ${p.inFirstFrame}/${p.frameMs.length} keystrokes`,
      `${((p.inFirstFrame / p.frameMs.length) * 100).toFixed(0)}%`,
    ),
    info(
      'Popup opened → first results (the background builds its index meanwhile)',
      formatMs(p.firstResultsMs),
    ),
  );
  return rows;
}

/**
 * The ordinary pages: the median over them of each page's scan / its isolated-world walk (the
 * target), and of scan / the content-script floor; the spread of the ratios as information.
 */
export function ordinaryRows(o: OrdinaryResults | null): Row[] {
  const metric = 'Full scan, median over ordinary pages';
  if (!o || o.pages.length === 0)
    return [
      {
        metric,
        value: 'not run (BENCH_ORDINARY=0)',
        floor: '',
        ratio: 'n/a',
        target: '≤ 3× walk',
        result: 'n/a',
      },
    ];
  const ratios = o.pages.map((p) => p.ratio).sort((a, b) => a - b);
  const nodes = o.pages.map((p) => p.detail.textNodes);
  return [
    {
      metric: `${metric} (${o.pages.length} pages, ${Math.min(...nodes)}–${Math.max(...nodes)} text nodes, ${o.packs})`,
      value: formatMs(o.medianScanMs),
      floor: `isolated-world walk ${formatMs(o.medianWalkMs)}`,
      ratio: times(o.medianRatio),
      target: '≤ 3× walk',
      result: verdict(Number.isFinite(o.medianRatio) ? o.medianRatio <= 3 : undefined),
    },
    info(
      'Ordinary pages: scan / content-script floor (walk + ranges), median',
      times(o.medianFloorRatio),
      `per-page scan / walk from ${times(ratios[0] ?? Number.NaN)} to ${times(ratios.at(-1) ?? Number.NaN)}`,
      `worst: ${o.pages.reduce((a, b) => (b.ratio > a.ratio ? b : a)).name}`,
    ),
    info(
      'Ordinary pages: the walk reading every unit once besides (cold JS, fresh isolated world), median',
      times(o.medianUnitsRatio),
      'a floor for any matcher in a content script: one table lookup per unit, no matching',
      '',
    ),
    info(
      'Ordinary pages: navigation start → highlights (end of the pass), median',
      formatMs(o.medianReadyMs),
      'start-up, waiting for the background and the pass: what a reader waits',
      '',
    ),
  ];
}
