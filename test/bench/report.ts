/** Turns the bench's measurements into rows: a console table, a markdown table and results.json. */
import type { ClippingResults } from './clippings-runs';
import type { HeapResults } from './heap-runs';
import { heapRows, stormRows } from './hostile-rows';
import type { ImportResults } from './import-runs';
import type { MarkSeries } from './markjs-runs';
import type { CompileResult, EdgeRuleCost, FindResult } from './node-matcher';
import type { PhaseResults } from './phases';
import {
  appendRows,
  clippingRows,
  importRows,
  info,
  markRow,
  ordinaryRows,
  phaseRows,
  type Row,
  searchRows,
  times,
  traceRows,
  verdict,
} from './report-rows';
import type { SearchBench } from './search-runs';
import { formatMb, formatMs } from './stats';
import type { StormResults } from './storm-runs';
import type { TermlightResults } from './termlight-runs';

export type { Row } from './report-rows';

export interface SizeLabel {
  key: string;
  label: string;
}

export interface ReportInput {
  /** Pack sizes, the big one (with the ≤ 3× walk target) first. */
  sizes: SizeLabel[];
  termlight: TermlightResults;
  mark: Record<string, MarkSeries>;
  plainHeap: number;
  compile: CompileResult;
  find: FindResult;
  /** findMatches with and without the CJK word-edge rule (absent: not measured). */
  edgeRule?: EdgeRuleCost;
  phases: PhaseResults | null;
  /** Re-anchoring saved clippings: null when not run (BENCH_CLIPPINGS=0 or an error, given here). */
  clippings: ClippingResults | null;
  clippingsError?: string;
  /** Importing the 10 000-term pack: null when not run (BENCH_IMPORT=0 or an error, given here). */
  importResults?: ImportResults | null;
  importError?: string;
  /** The popup search: null when not run (BENCH_SEARCH=0 or an error, given here). */
  search?: SearchBench | null;
  searchError?: string;
  /** The mutation storm and the web-component churn: null when not run (BENCH_STORM=0, BENCH_HEAP=0). */
  storm?: StormResults | null;
  stormError?: string;
  heap?: HeapResults | null;
  heapError?: string;
}

/** Every row of the results table. */
export function buildRows(input: ReportInput): Row[] {
  const { termlight: t, sizes } = input;
  const scanOf = (key: string | undefined) => (key ? (t.scans[key]?.median ?? Number.NaN) : Number.NaN);
  const bigScan = scanOf(sizes[0]?.key);
  // The floor is the walk a content script must do itself: from a fresh isolated world (DESIGN.md).
  const isolated = t.walk.isolatedMedian;
  const walk = `isolated-world walk ${formatMs(isolated)}`;
  const rows: Row[] = sizes.map((size, i) => {
    const ratio = scanOf(size.key) / isolated;
    if (i > 0) return info(`Full scan, ${size.label}`, formatMs(scanOf(size.key)), walk, times(ratio));
    const ok = Number.isFinite(ratio) ? ratio <= 3 : undefined;
    const metric = `Full scan, 1 MB article, ${size.label}`;
    return {
      metric,
      value: formatMs(bigScan),
      floor: walk,
      ratio: times(ratio),
      target: '≤ 3× walk',
      result: verdict(ok),
    };
  });
  rows.push(...ordinaryRows(t.ordinary));
  rows.push(
    info(
      "Bare TreeWalker from the page's own world (information)",
      formatMs(t.walk.median),
      walk,
      times(t.walk.median / isolated),
    ),
    info(
      'Content-script floor: that walk, then one StaticRange per match, registered',
      formatMs(t.walk.contentFloorMedian),
      `full scan ${formatMs(bigScan)}`,
      `scan ${times(bigScan / t.walk.contentFloorMedian)}`,
    ),
    info(
      'The isolated walk reading every unit once besides (cold JS, fresh isolated world)',
      formatMs(t.walk.unitsMedian),
      `isolated-world walk ${formatMs(t.walk.isolatedMedian)}`,
      `${times(t.walk.unitsMedian / t.walk.isolatedMedian)}: a floor for any matcher in a content script`,
    ),
  );
  for (const size of sizes) rows.push(markRow(size.label, scanOf(size.key), input.mark[size.key]));
  rows.push(...traceRows(t), ...appendRows(t));
  rows.push(...clippingRows(input.clippings, t.walk.median, input.clippingsError));

  const c = input.compile;
  const compileRatio = c.compileMs / c.floorMs;
  rows.push({
    metric: `Matcher compile, ${c.forms} forms (node)`,
    value: formatMs(c.compileMs),
    floor: `JSON.parse + NFKC ${formatMs(c.floorMs)}`,
    ratio: times(compileRatio),
    target: '≤ 2×',
    result: verdict(compileRatio <= 2),
  });
  const f = input.find;
  const share = `${((f.ms / bigScan) * 100).toFixed(0)}% of scan`;
  rows.push(
    info(
      'findMatches over the page text alone (node)',
      formatMs(f.ms),
      `full scan ${formatMs(bigScan)}`,
      share,
    ),
  );
  if (input.edgeRule) rows.push(...edgeRuleRows(input.edgeRule));
  rows.push(...importRows(input.importResults ?? null, input.importError));
  rows.push(...searchRows(input.search ?? null, input.searchError));
  rows.push(...stormRows(input.storm ?? null, input.stormError));
  rows.push(...heapRows(input.heap ?? null, input.heapError));
  rows.push(...phaseRows(input.phases, t.walk.median, c.compileMs));
  rows.push(
    info(
      'JS heap after scan (renderer isolate, after GC)',
      formatMb(t.heap.scanned),
      `no extension ${formatMb(input.plainHeap)}; opted-out page ${formatMb(t.heap.optOut)}`,
      `+${formatMb(t.heap.scanned - input.plainHeap)}`,
    ),
  );
  const hover = t.hover;
  rows.push(
    info(
      'Hover → card heading in the a11y tree, minus the 200 ms open delay',
      hover ? formatMs(hover.axMs - 200) : 'n/a',
      hover?.hostMs != null ? `card host in the DOM after ${formatMs(hover.hostMs - 200)}` : '',
    ),
  );
  return rows;
}

const HEAD = ['metric', 'value', 'floor / peer', 'ratio', 'target', 'result'];
const cells = (r: Row): string[] => [r.metric, r.value, r.floor, r.ratio, r.target, r.result];

/** A fixed-width table for the console. */
export function consoleTable(rows: Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((s, i) => s.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(HEAD), rule, ...rows.map((r) => line(cells(r)))].join('\n');
}

/** The same table in markdown, for the README. */
export function markdownTable(rows: Row[]): string {
  const line = (c: string[]) => `| ${c.map((s) => s.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(HEAD), `|${HEAD.map(() => '---').join('|')}|`, ...rows.map((r) => line(cells(r)))].join('\n');
}

/** The CJK word-edge rule's cost: findMatches with it against without it, on the article and a Chinese page. */
function edgeRuleRows(cost: EdgeRuleCost): Row[] {
  const row = (what: string, pair: { with: FindResult; without: FindResult }) =>
    info(
      `findMatches with the CJK word-edge rule, ${what} (node)`,
      formatMs(pair.with.ms),
      `without ${formatMs(pair.without.ms)}; ${pair.with.matches} vs ${pair.without.matches} matches`,
      times(pair.with.ms / pair.without.ms),
    );
  return [
    row('article, default pack + 10 000 terms', cost.article),
    row(`Chinese page of ${(cost.cjk.with.chars / 1000).toFixed(0)}k characters, default pack`, cost.cjk),
  ];
}
