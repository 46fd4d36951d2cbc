/**
 * Content-script entry: starts every in-page feature under one AbortSignal, and stops or restarts
 * them live when the background says Termlight is off here (paused, or the site switched off) or
 * a page setting changes.
 */
import type { PageState } from '../shared/settings';
import { CardController } from './card/card-controller';
import { initClippings } from './clippings/clippings-feature';
import { HighlightStore } from './highlight-store';
import { termAt } from './hit-test';
import { initHoverCard } from './hover-card';
import { initKeyboardNav } from './keyboard-nav';
import { watchForOrphaning } from './orphan-watch';
import { initPageReport } from './page-report';
import { measureEmptyPass } from './page-scanner';
import { watchPageState } from './page-state';
import { OPT_OUT_SELECTOR } from './skip-rules';
import { initTermHighlighter } from './term-highlighter';

let running: AbortController | null = null;
let applied = '';

function startFeatures(state: PageState): void {
  const key = JSON.stringify(state.on ? [state.firstOccurrenceOnly, state.includeCode] : 'off');
  if (key === applied) return;
  applied = key;
  running?.abort();
  running = null;
  if (!state.on) return;
  const controller = new AbortController();
  running = controller;
  const store = new HighlightStore(document);
  initPageReport(store, controller.signal);
  initTermHighlighter(document, store, state, controller.signal);
  const card = new CardController(document);
  initHoverCard(document, store, card, controller.signal);
  const clippings = initClippings(
    document,
    (x, y) => termAt(document, store, x, y) !== null,
    controller.signal,
  );
  initKeyboardNav(document, store, card, clippings, controller.signal);
}

function optedOut(el: Element | null): boolean {
  return el?.matches(OPT_OUT_SELECTOR) ?? false;
}

async function main(): Promise<void> {
  // A frame without the Custom Highlight API gets no highlights rather than a broken page.
  if (typeof Highlight === 'undefined' || !CSS.highlights) return;
  // A page that opts out as a whole costs nothing: no snapshot, no matcher, no observer. Its pass
  // ends at once, having read nothing, as a page without text does.
  if (optedOut(document.documentElement) || optedOut(document.body)) {
    measureEmptyPass();
    return;
  }
  const page = new AbortController();
  const stopAll = () => {
    page.abort();
    running?.abort();
    running = null;
  };
  // A copy orphaned by an update or removal of the extension stops, and so does an older copy here.
  watchForOrphaning(document, stopAll);
  watchPageState(startFeatures, page.signal);
  // A page kept in the back/forward cache keeps its highlights; one being unloaded stops everything.
  window.addEventListener(
    'pagehide',
    (event) => {
      if (!event.persisted) stopAll();
    },
    { signal: page.signal },
  );
}

main().catch((error: unknown) => console.warn('Termlight could not start on this page:', error));
