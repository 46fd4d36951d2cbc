/**
 * Whether Termlight runs in this frame: the background decides it from the tab's top-level page
 * and the global pause, and tells the frame again whenever a setting changes that.
 */
import browser from '../shared/browser';
import { parseTabRequest, send } from '../shared/messages';
import type { PageState } from '../shared/settings';

/** Calls `apply` with this frame's state now and after every change, until `signal` aborts. */
export function watchPageState(apply: (state: PageState) => void, signal: AbortSignal): void {
  // Counts the background's pushes: an answer asked for before a push arrived may be older than it.
  let pushes = 0;
  const ask = () => {
    const before = pushes;
    send({ type: 'getPageState' }).then(
      (state) => {
        if (!signal.aborted && pushes === before) apply(state);
      },
      (error: unknown) => console.warn('Termlight could not learn whether it runs on this page:', error),
    );
  };
  const onMessage = (message: unknown, sender: { id?: string }) => {
    // tabs.sendMessage is the extension's alone: a page script cannot reach this listener.
    if (sender.id !== browser.runtime.id) return;
    const request = parseTabRequest(message);
    if (request?.type !== 'pageState') return;
    pushes++;
    if (!signal.aborted) apply(request.state);
  };
  browser.runtime.onMessage.addListener(onMessage);
  // A page back from the back/forward cache may have missed a change while it was away.
  window.addEventListener('pageshow', (event) => event.persisted && ask(), { signal });
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  ask();
}
