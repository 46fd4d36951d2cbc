/**
 * Content-script entry: starts every in-page feature under one AbortSignal, and stops or restarts
 * them live when the per-site switch or a page setting changes.
 */
import browser from '../shared/browser';
import { isSiteDisabled, type PageSettings, readSettings, SETTINGS_KEY } from '../shared/settings';
import { CardController } from './card/card-controller';
import { initClippings } from './clippings/clippings-feature';
import { HighlightStore } from './highlight-store';
import { termAt } from './hit-test';
import { initHoverCard } from './hover-card';
import { initKeyboardNav } from './keyboard-nav';
import { watchForOrphaning } from './orphan-watch';
import { initPageReport } from './page-report';
import { OPT_OUT_SELECTOR } from './skip-rules';
import { initTermHighlighter } from './term-highlighter';

let running: AbortController | null = null;
let applied = '';

function startFeatures(settings: PageSettings): void {
  // Another site's switch changes the stored settings too; only what applies here restarts the page.
  const disabled = isSiteDisabled(settings, location.href);
  const key = JSON.stringify([disabled, settings.firstOccurrenceOnly, settings.includeCode]);
  if (key === applied) return;
  applied = key;
  running?.abort();
  running = null;
  if (disabled) return;
  const controller = new AbortController();
  running = controller;
  const store = new HighlightStore(document);
  initPageReport(store, controller.signal);
  initTermHighlighter(document, store, settings, controller.signal);
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
  // A page that opts out as a whole costs nothing: no snapshot, no matcher, no observer.
  if (optedOut(document.documentElement) || optedOut(document.body)) return;
  const page = new AbortController();
  const stopAll = () => {
    page.abort();
    running?.abort();
    running = null;
  };
  // A copy orphaned by an update or removal of the extension stops, and so does an older copy here.
  watchForOrphaning(document, stopAll);
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  if (page.signal.aborted) return;
  startFeatures(readSettings(stored[SETTINGS_KEY]));
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change) startFeatures(readSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(onChange);
  page.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChange));
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
