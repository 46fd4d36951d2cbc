/**
 * Runs a long job as a series of short tasks so the page never sees a long task from us. Between
 * two tasks it yields to the page (input, rendering, its own tasks) but never waits for an idle
 * period or a frame: a pass's wall time stays close to its CPU time.
 */

/** Default slice of work per task; well under the 50 ms long-task threshold. */
export const CHUNK_MS = 8;

type Yield = () => Promise<void>;

interface SchedulerLike {
  yield?: () => Promise<void>;
  postTask?: (cb: () => void, options?: { priority?: string }) => Promise<void>;
}

/** What {@link taskYielder} looks for in a global scope. */
export interface YieldScope {
  scheduler?: SchedulerLike;
  MessageChannel?: typeof MessageChannel;
}

/**
 * The quickest way `scope` has to resume in a task of its own: `scheduler.yield()` (Chromium 129),
 * whose continuation runs before other queued tasks of its priority; `scheduler.postTask`; else a
 * `MessageChannel` message (Firefox), which unlike `setTimeout` is not clamped after a few nestings.
 */
export function taskYielder(scope: YieldScope): Yield {
  const scheduler = scope.scheduler;
  if (scheduler?.yield) return scheduler.yield.bind(scheduler);
  if (scheduler?.postTask) {
    const postTask = scheduler.postTask.bind(scheduler);
    // 'user-visible' (not 'background'): input and rendering still come first between chunks, but
    // a busy page cannot starve the scan for seconds.
    return () => postTask(() => undefined, { priority: 'user-visible' });
  }
  if (scope.MessageChannel) {
    const channel = new scope.MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise((resolve) => setTimeout(resolve, 0));
}

let yielder: Yield | null = null;
const yieldToPage: Yield = () => {
  yielder ??= taskYielder(globalThis as YieldScope);
  return yielder();
};

/** Resolves in a later task, so the work before and after it are two tasks (two short ones). */
export function nextTask(): Promise<void> {
  return yieldToPage();
}

/**
 * Calls `step` until it returns false, yielding to the page every `budgetMs`. Resolves false when
 * `signal` aborted the job before it finished.
 */
export async function runInChunks(
  step: () => boolean,
  signal: AbortSignal,
  budgetMs = CHUNK_MS,
): Promise<boolean> {
  for (;;) {
    if (signal.aborted) return false;
    const deadline = performance.now() + budgetMs;
    // Every task makes progress, however late it starts.
    do if (!step()) return true;
    while (performance.now() < deadline);
    await yieldToPage();
  }
}

/**
 * Runs `callback` once the browser has rendered the next frame, so the page lays out and paints
 * its own change before Termlight looks at it (and the two costs are not stacked in one frame).
 */
export function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => setTimeout(callback, 0));
}
