/** Rows of the results table for the hostile pages: the mutation storm and the web-component churn. */
import type { HeapResults } from './heap-runs';
import { info, type Row, verdict } from './report-rows';
import { formatMs } from './stats';
import type { StormResults } from './storm-runs';

const notRun = (metric: string, flag: string, target: string, error?: string): Row => ({
  metric,
  value: error ? `harness error: ${error}` : `not run (${flag}=0)`,
  floor: '',
  ratio: 'n/a',
  target,
  result: 'n/a',
});

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

/** The storm: Termlight's longest stretch of script in one task, and the highlights once it is over. */
export function stormRows(r: StormResults | null, error?: string): Row[] {
  const metric = 'Mutation storm: longest Termlight script in one task (without GC pauses)';
  if (!r) return [notRun(metric, 'BENCH_STORM', '≤ 50 ms', error)];
  const rate = Math.round(r.mutations / (r.stormMs / 1000));
  return [
    {
      metric,
      value: formatMs(r.longestExtensionMs),
      floor: `${r.nodes.toLocaleString('en')} nodes, ${r.mutations.toLocaleString('en')} mutations in ${formatMs(r.stormMs)} (${rate.toLocaleString('en')}/s)`,
      ratio: `${r.extensionOver50} tasks over 50 ms; ${formatMs(r.longestWithGcMs)} with GC (${formatMs(r.gcInExtensionMs)} of GC in all)`,
      target: '≤ 50 ms',
      result: verdict(r.extensionOver50 === 0 && r.longestExtensionMs <= 50),
    },
    {
      metric: 'Mutation storm: highlights after it (against the page’s own count)',
      value: `${r.missing} missing, ${r.extra} extra of ${r.expected}`,
      floor: `settled ${formatMs(r.settleMs)} after the storm, ${r.updates} update passes`,
      ratio: '',
      target: '0 missing, 0 extra',
      result: verdict(r.missing === 0 && r.extra === 0 && r.expected > 0),
    },
    info(
      'Mutation storm: longest main-thread task of any kind (the page’s own rendering)',
      formatMs(r.longestTaskMs),
      `same storm without the extension ${formatMs(r.plainLongestTaskMs)}`,
      `Termlight script ${formatMs(r.extensionBusyMs)} in ${r.extensionTasks} tasks`,
    ),
  ];
}

/** The churn: live DOM nodes and JS heap after a GC, before and after two rounds of it. */
export function heapRows(r: HeapResults | null, error?: string): Row[] {
  const metric = 'Web-component churn: DOM nodes kept after removal (after GC)';
  if (!r) return [notRun(metric, 'BENCH_HEAP', '0 kept', error)];
  const [n0, , n2] = r.extension.nodes;
  const [h0, h1, h2] = r.extension.heap;
  const [p0, p1, p2] = r.plain.heap;
  // A component is 4 nodes (the element, its shadow root, a paragraph, its text): keeping even a
  // tenth of them would show as thousands of nodes; the page's own noise is a handful.
  const kept = n2 - n0;
  const extra = h2 - h1 - (p2 - p1);
  return [
    {
      metric,
      value: `${kept} after ${(2 * r.components).toLocaleString('en')} components`,
      floor: `without the extension ${r.plain.nodes[2] - r.plain.nodes[0]}`,
      ratio: `peak ${r.peakShadowRanges} ranges in shadow trees; ${r.shadowRangesAfter} left, ${r.detachedRangesAfter} detached`,
      target: '≤ 100 kept, 0 ranges left',
      result: verdict(
        kept <= 100 && r.peakShadowRanges > 0 && r.shadowRangesAfter + r.detachedRangesAfter === 0,
      ),
    },
    {
      metric: 'Web-component churn: JS heap growth over the second 10 000 (after GC)',
      value: kb(h2 - h1),
      floor: `without the extension ${kb(p2 - p1)}; first round ${kb(h1 - h0)} (without ${kb(p1 - p0)})`,
      ratio: `${(extra / r.components).toFixed(0)} B per component over the plain page (${r.measuresAfter} termlight measures kept)`,
      target: '≤ 100 B per component',
      result: verdict(extra / r.components <= 100),
    },
  ];
}
