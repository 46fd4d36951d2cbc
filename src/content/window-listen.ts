/** The in-page UI's pointer and key listeners, where a page cannot cut them off. */

/** The events those listeners take (typed through the window's event map). */
type WindowInput = 'pointermove' | 'pointerdown' | 'pointerup' | 'pointercancel' | 'keydown';

/**
 * Listens for `type` on `doc`'s window in the capture phase: the first stop of every event, so a
 * page that stops pointer or key events at its window (as some do, for their own widgets) still
 * lets these by, unless a listener of its own added earlier calls stopImmediatePropagation.
 */
export function listenOnWindow<K extends WindowInput>(
  doc: Document,
  type: K,
  listener: (event: WindowEventMap[K]) => void,
  options: { passive?: boolean; signal: AbortSignal },
): void {
  (doc.defaultView ?? doc).addEventListener(type, listener as EventListener, { ...options, capture: true });
}
