/** Reads a page-load trace: the scan window, the longest tasks, and which of them ran Termlight code. */
import {
  describeTask,
  longestTask,
  type TraceEvent,
  type TraceTask,
  tasksIn,
  threadTasks,
  userTimingWindows,
} from '../harness/trace';

export interface TaskInfo {
  ms: number;
  /** Main kind of work in it, e.g. `FunctionCall 41.2 ms`. */
  what: string;
  /** Start relative to the scan measure's start, ms. */
  atMs: number;
  extension: boolean;
  /** How much of it ran before the scan measure started (snapshot, matcher compile), ms. */
  beforeScanMs: number;
}

/** The main thread during one measure's window. */
export interface WindowSummary {
  ms: number;
  /** Tasks overlapping the window, their total time and the longest. */
  tasks: number;
  busyMs: number;
  longestMs: number;
  /** Time by kind of work (RunMicrotasks = Termlight's script, PrePaint, Layout, ...). */
  work: Record<string, number>;
}

export interface TraceSummary {
  scan: WindowSummary;
  longestInScan?: TaskInfo;
  longestExtension?: TaskInfo;
  longestOverall?: TaskInfo;
  /** Tasks that ran extension script, and their total time, over the whole trace. */
  extensionTasks: number;
  extensionBusyMs: number;
  extensionOver50: number;
}

const fromExtension = (url: string): boolean => url.startsWith('chrome-extension://');

/**
 * A task ran Termlight code when it ran a script of the extension, or ran script with no URL at all
 * (promise continuations, e.g. the content script resuming after a message) and nothing else: the
 * bench pages have no scripts of their own.
 */
const isExtension = (t: TraceTask): boolean =>
  t.scripts.some(fromExtension) || (t.ranScript && t.scripts.length === 0 && (t.work.RunMicrotasks ?? 0) > 0);

function windowOf(tasks: readonly TraceTask[], start: number, end: number): WindowSummary {
  const inside = tasksIn(tasks, start, end);
  const work: Record<string, number> = {};
  for (const t of inside)
    for (const [kind, ms] of Object.entries(t.work)) work[kind] = (work[kind] ?? 0) + ms;
  return {
    ms: end - start,
    tasks: inside.length,
    busyMs: inside.reduce((n, t) => n + t.dur, 0),
    longestMs: longestTask(inside)?.dur ?? 0,
    work,
  };
}

/** The main thread during the first `name` measure of the trace, or null when there is none. */
export function summariseWindow(events: readonly TraceEvent[], name: string): WindowSummary | null {
  const w = userTimingWindows(events, name)[0];
  return w ? windowOf(threadTasks(events, w.pid, w.tid), w.start, w.end) : null;
}

/** Summarises the renderer main thread that recorded the first `termlight:scan` measure. */
export function summariseTrace(events: readonly TraceEvent[]): TraceSummary {
  const scan = userTimingWindows(events, 'termlight:scan')[0];
  if (!scan) throw new Error('the trace has no termlight:scan measure');
  const tasks = threadTasks(events, scan.pid, scan.tid);
  const info = (t: TraceTask | undefined): TaskInfo | undefined =>
    t && {
      ms: t.dur,
      what: describeTask(t),
      atMs: t.start - scan.start,
      extension: isExtension(t),
      beforeScanMs: Math.max(0, Math.min(scan.start, t.start + t.dur) - t.start),
    };
  const ext = tasks.filter(isExtension);
  return {
    scan: windowOf(tasks, scan.start, scan.end),
    longestInScan: info(longestTask(tasksIn(tasks, scan.start, scan.end))),
    longestExtension: info(longestTask(ext)),
    longestOverall: info(longestTask(tasks)),
    extensionTasks: ext.length,
    extensionBusyMs: ext.reduce((n, t) => n + t.dur, 0),
    extensionOver50: ext.filter((t) => t.dur > 50).length,
  };
}
