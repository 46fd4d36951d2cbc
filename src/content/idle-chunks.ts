/** Runs a long job as a series of short tasks so the page never sees a long task from us. */

/** Default slice of work per task; well under the 50 ms long-task threshold. */
export const CHUNK_MS = 8;

type Yield = () => Promise<void>;

interface SchedulerLike {
  postTask?: (cb: () => void, options?: { priority?: string }) => Promise<void>;
}

function pickYield(): Yield {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.postTask) {
    const postTask = scheduler.postTask.bind(scheduler);
    // 'user-visible' (not 'background'): input and rendering still come first between chunks, but
    // a busy page cannot starve the scan for seconds.
    return () => postTask(() => undefined, { priority: 'user-visible' });
  }
  if (typeof requestIdleCallback === 'function') {
    return () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 200 }));
  }
  return () => new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves in a later task, so the work before and after it are two tasks (two short ones). */
export function nextTask(): Promise<void> {
  return pickYield()();
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
  const yieldToPage = pickYield();
  for (;;) {
    if (signal.aborted) return false;
    const deadline = performance.now() + budgetMs;
    while (performance.now() < deadline) {
      if (!step()) return true;
    }
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
