/** "Next term" / "previous term": walks the page's terms in reading order and opens each card. */
import browser from '../shared/browser';
import { type FramePageTerms, type FrameTerm, parseTabRequest } from '../shared/messages';
import type { CardController } from './card/card-controller';
import { compareStarts, type HighlightStore, liveRange, type TermRange } from './highlight-store';

export type NavCommand = 'next-term' | 'previous-term';

/**
 * Moves to the next or previous term from the current one and opens its card with focus; with
 * `only`, to the next or previous occurrence of that term.
 */
export function stepTerm(
  doc: Document,
  store: HighlightStore,
  card: CardController,
  current: TermRange | null,
  command: NavCommand,
  only?: string,
): TermRange | null {
  const all = store.inDocumentOrder();
  const ranges = only === undefined ? all : all.filter((r) => r.termId === only);
  if (ranges.length === 0) return null;
  const forward = command === 'next-term';
  const from = forward ? nextIndex(ranges, current) : previousIndex(ranges, current);
  // Terms in what the reader cannot see (a closed menu or <details>, a hidden tab) are passed
  // over: the card would open on nothing, at the corner of the page.
  const n = ranges.length;
  for (let k = 0; k < n; k++) {
    const target = ranges[(((from + (forward ? k : -k)) % n) + n) % n] as TermRange;
    const live = liveRange(doc, target.range);
    if (!isShown(target, live)) continue;
    const element = target.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    const rect = live.getClientRects()[0] ?? live.getBoundingClientRect();
    card.open(target.termId, rect, 'keyboard');
    return target;
  }
  return current;
}

/** True when the term is rendered and not hidden by `visibility` (it may be scrolled out of view). */
function isShown(term: TermRange, live: Range): boolean {
  if (live.getClientRects().length === 0) return false;
  const element = term.range.startContainer.parentElement;
  return element?.checkVisibility?.({ visibilityProperty: true }) ?? true;
}

/**
 * Where the walk goes from `current`. Ranges are replaced when their text is rescanned, so the
 * position is found by document order rather than by identity.
 */
function nextIndex(ranges: readonly TermRange[], current: TermRange | null): number {
  if (!current) return 0;
  const after = ranges.findIndex((r) => compareStarts(r.range, current.range) > 0);
  return after === -1 ? 0 : after;
}

function previousIndex(ranges: readonly TermRange[], current: TermRange | null): number {
  if (!current) return ranges.length - 1;
  for (let i = ranges.length - 1; i >= 0; i--) {
    if (compareStarts((ranges[i] as TermRange).range, current.range) < 0) return i;
  }
  return ranges.length - 1;
}

/** This frame's terms, each with its count and the index of its first occurrence in reading order. */
export function pageTerms(store: HighlightStore, clippings: number): FramePageTerms {
  const byId = new Map<string, FrameTerm>();
  store.inDocumentOrder().forEach((r, index) => {
    const term = byId.get(r.termId);
    if (term) term.count++;
    else byId.set(r.termId, { id: r.termId, count: 1, first: index });
  });
  return { terms: [...byId.values()], clippings };
}

/**
 * Answers the extension's tab requests (relayed keyboard commands, the popup's "On this page")
 * until `signal` aborts. `clippings` counts the clippings shown in this frame.
 */
export function initKeyboardNav(
  doc: Document,
  store: HighlightStore,
  card: CardController,
  clippings: () => number,
  signal: AbortSignal,
): void {
  let current: TermRange | null = null;
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only this extension may ask: its background or its own pages (tabs.sendMessage cannot be
    // called from a web page). The popup may be open as a page in a tab (Firefox, popup.html?tabId).
    if (sender.id !== browser.runtime.id) return;
    const request = parseTabRequest(message);
    if (!request) return;
    if (request.type === 'pageTerms') return Promise.resolve(pageTerms(store, clippings()));
    if (request.type === 'showTerm') {
      const shown = stepTerm(doc, store, card, current, 'next-term', request.id);
      if (shown?.termId === request.id) current = shown;
      return Promise.resolve({ shown: shown?.termId === request.id });
    }
    if (request.type !== 'command') return;
    // Keyboard commands come from the background only: it has no tab.
    const command = request.command;
    if (sender.tab || (command !== 'next-term' && command !== 'previous-term')) return;
    if (doc.visibilityState !== 'visible' || (window !== window.top && !doc.hasFocus())) return;
    current = stepTerm(doc, store, card, current, command);
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}
