/**
 * Notices when this content script has been orphaned: the extension was reloaded, updated or
 * removed while the page stayed open. Its API is gone then (`runtime.id` is undefined, every
 * message fails with "Extension context invalidated"), but its listeners and highlights are not:
 * it must stop itself, or a reader meets stale highlights and cards that cannot load.
 */
import browser from '../shared/browser';
import { HIGHLIGHTS_CHANGED_EVENT } from './main-world/hook-events';

/**
 * The isolated world's global under which the running copy leaves its stop function. Two copies
 * share a world when the background injects the script into a page that loads it anyway (and in
 * browsers that run a reloaded extension's scripts in the orphaned ones' world): the newer stops
 * the older, so one runs, never two.
 */
const STOP_KEY = '__termlightStop';

/**
 * The events after which an orphaned copy would act: a pointer or key, the page coming back into
 * view, and the hint a newer copy fires when it starts (see {@link watchForOrphaning}).
 */
const WAKE_EVENTS = ['pointerover', 'keydown', 'focusin', 'visibilitychange', HIGHLIGHTS_CHANGED_EVENT];

/** True while the extension this script belongs to is still there. */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    // Firefox's wrappers of an unloaded extension throw ("dead object") rather than go undefined.
    return false;
  }
}

/**
 * Stops a copy that started before this one in the same world, wakes one left in another world (a
 * reloaded extension's scripts get a new world in Chromium: it checks and finds itself orphaned),
 * and calls `stop` once when this copy is found orphaned (checked at each of {@link WAKE_EVENTS})
 * or when a newer copy starts here.
 */
export function watchForOrphaning(doc: Document, stop: () => void): void {
  const world = globalThis as Record<string, unknown>;
  (world[STOP_KEY] as (() => void) | undefined)?.();
  // A page may fire this hint too: it only makes a copy check whether it is still wanted.
  doc.dispatchEvent(new Event(HIGHLIGHTS_CHANGED_EVENT));
  const controller = new AbortController();
  const stopOnce = () => {
    if (controller.signal.aborted) return;
    controller.abort();
    stop();
  };
  world[STOP_KEY] = stopOnce;
  const check = () => extensionAlive() || stopOnce();
  for (const type of WAKE_EVENTS)
    doc.addEventListener(type, check, { capture: true, passive: true, signal: controller.signal });
}
