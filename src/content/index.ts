/** Content-script entry: starts every in-page feature under one AbortSignal. */
import { HighlightStore } from './highlight-store';
import { initHoverCard } from './hover-card';
import { initTermHighlighter } from './term-highlighter';

function start(): void {
  // A frame without the Custom Highlight API gets no highlights rather than a broken page.
  if (typeof Highlight === 'undefined' || !CSS.highlights) return;
  const controller = new AbortController();
  const store = new HighlightStore(document);
  initTermHighlighter(document, store, controller.signal);
  initHoverCard(document, store, controller.signal);
  // A page kept in the back/forward cache keeps its highlights; one being unloaded stops everything.
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) controller.abort();
  });
}

start();
