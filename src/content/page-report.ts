/** Tells the background which terms this frame holds, for the toolbar badge (see page-badges.ts). */
import { send } from '../shared/messages';
import type { HighlightStore } from './highlight-store';

/** Wait after the last commit before reporting: a scan commits a few times a second. */
const REPORT_DELAY_MS = 400;
const MAX_IDS = 10_000;

/** Reports the frame's distinct term ids after each scan pass or update, until `signal` aborts. */
export function initPageReport(store: HighlightStore, signal: AbortSignal): void {
  let sent = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = (ids: string[]) => {
    const key = ids.join('\n');
    if (key === sent) return;
    sent = key;
    send({ type: 'reportPageTerms', ids }).catch(() => undefined);
  };
  store.onCommit = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!signal.aborted) report(store.termIds().sort().slice(0, MAX_IDS));
    }, REPORT_DELAY_MS);
  };
  // A page back from the back/forward cache has a badge no more: it reports again.
  const onShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    sent = '';
    report(store.termIds().sort().slice(0, MAX_IDS));
  };
  window.addEventListener('pageshow', onShow, { signal });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    store.onCommit = null;
    // Termlight stopped on this page (the site switched off): its terms leave the badge.
    report([]);
  });
}
