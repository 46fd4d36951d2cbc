/**
 * Chromium traces for benchmarks: record one around a page action, then read the renderer main
 * thread's tasks (the unit a long task is judged by) and who ran script in them.
 */
import type { Page } from 'puppeteer-core';

/** The trace categories that carry main-thread tasks, their script/rendering children and user timings. */
export const TASK_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'blink.user_timing',
  'v8.execute',
];

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  /** Microseconds. */
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; [key: string]: unknown };
}

/** Records a trace of everything `action` makes the browser do. */
export async function recordTrace(page: Page, action: () => Promise<void>): Promise<TraceEvent[]> {
  await page.tracing.start({ categories: TASK_CATEGORIES });
  try {
    await action();
  } catch (error) {
    await page.tracing.stop().catch(() => undefined);
    throw error;
  }
  const buffer = await page.tracing.stop();
  return buffer ? parseTrace(new TextDecoder().decode(buffer)) : [];
}

/** The events of a JSON trace (either `{traceEvents: [...]}` or a bare array). */
export function parseTrace(json: string): TraceEvent[] {
  const data = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(data) ? data : (data.traceEvents ?? []);
}

/** A time window on one thread, in milliseconds of trace time. */
export interface TraceWindow {
  pid: number;
  tid: number;
  start: number;
  end: number;
}

/** Every `performance.measure(name)` in the trace, on the thread that recorded it. */
export function userTimingWindows(events: readonly TraceEvent[], name: string): TraceWindow[] {
  const open = new Map<string, TraceEvent>();
  const out: TraceWindow[] = [];
  for (const e of events) {
    if (e.name !== name || !e.cat.includes('blink.user_timing')) continue;
    const key = `${e.pid}/${JSON.stringify((e as { id2?: unknown }).id2 ?? (e as { id?: unknown }).id)}`;
    if (e.ph === 'b') open.set(key, e);
    else if (e.ph === 'e') {
      const begin = open.get(key);
      if (begin) out.push({ pid: e.pid, tid: begin.tid, start: begin.ts / 1000, end: e.ts / 1000 });
      open.delete(key);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** One top-level task on a thread. */
export interface TraceTask {
  /** Milliseconds of trace time. */
  start: number;
  dur: number;
  /** Script URLs that ran inside the task. */
  scripts: string[];
  /** True when any script ran in it (with or without a URL: microtasks carry none). */
  ranScript: boolean;
  /** Milliseconds of each kind of work directly inside the task (FunctionCall, Layout, Paint, ...). */
  work: Record<string, number>;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Events that run script; the ones with a URL name the script. */
export const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'v8.compile',
  'v8.run',
  'v8.callFunction',
]);

function scriptUrl(e: TraceEvent): string | undefined {
  if (!SCRIPT_EVENTS.has(e.name)) return undefined;
  const data = e.args?.data;
  const url = data?.url ?? data?.scriptName ?? (e.args as { fileName?: unknown } | undefined)?.fileName;
  return typeof url === 'string' && url !== '' ? url : undefined;
}

/** The top-level tasks of thread `pid/tid`, in order, each with the script URLs and work inside it. */
export function threadTasks(events: readonly TraceEvent[], pid: number, tid: number): TraceTask[] {
  const own = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TraceTask[] = [];
  let current: TraceTask | null = null;
  let currentEnd = -1;
  let childEnd = -1;
  for (const e of own) {
    const end = e.ts + (e.dur ?? 0);
    if (TASK_NAMES.has(e.name) && e.ts >= currentEnd) {
      current = { start: e.ts / 1000, dur: (e.dur ?? 0) / 1000, scripts: [], ranScript: false, work: {} };
      currentEnd = end;
      childEnd = -1;
      tasks.push(current);
      continue;
    }
    if (!current || e.ts >= currentEnd || TASK_NAMES.has(e.name)) continue;
    if (SCRIPT_EVENTS.has(e.name)) current.ranScript = true;
    const url = scriptUrl(e);
    if (url && !current.scripts.includes(url)) current.scripts.push(url);
    // Count only the outermost work events, so nested ones are not counted twice.
    if (e.ts >= childEnd && !e.cat.startsWith('toplevel')) {
      current.work[e.name] = (current.work[e.name] ?? 0) + (e.dur ?? 0) / 1000;
      childEnd = end;
    }
  }
  return tasks;
}

/** The tasks that overlap `[start, end]` (milliseconds). */
export function tasksIn(tasks: readonly TraceTask[], start: number, end: number): TraceTask[] {
  return tasks.filter((t) => t.start < end && t.start + t.dur > start);
}

/** The longest of `tasks`, or undefined for none. */
export function longestTask(tasks: readonly TraceTask[]): TraceTask | undefined {
  let best: TraceTask | undefined;
  for (const t of tasks) if (!best || t.dur > best.dur) best = t;
  return best;
}

/** The work kind that took most of a task, e.g. `FunctionCall 41.2 ms` (`untraced` for the rest). */
export function describeTask(task: TraceTask): string {
  const traced = Object.values(task.work).reduce((sum, ms) => sum + ms, 0);
  const kinds = Object.entries(task.work).concat([['untraced', task.dur - traced]]);
  const top = kinds.sort((a, b) => b[1] - a[1])[0];
  return top ? `${top[0]} ${top[1].toFixed(1)} ms` : 'no detail';
}
