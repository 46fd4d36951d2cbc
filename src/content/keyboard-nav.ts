/** "Next term" / "previous term": walks the page's terms in reading order and opens each card. */
import browser from '../shared/browser';
import type { CardController } from './card/card-controller';
import type { HighlightStore, TermRange } from './highlight-store';

export type NavCommand = 'next-term' | 'previous-term';

/** Moves to the next or previous term from the current one and opens its card with focus. */
export function stepTerm(
  doc: Document,
  store: HighlightStore,
  card: CardController,
  current: TermRange | null,
  command: NavCommand,
): TermRange | null {
  const ranges = store.inDocumentOrder();
  if (ranges.length === 0) return null;
  const at = current ? ranges.indexOf(current) : -1;
  const index = command === 'next-term' ? (at + 1) % ranges.length : at <= 0 ? ranges.length - 1 : at - 1;
  const target = ranges[index] as TermRange;
  const live = doc.createRange();
  live.setStart(target.range.startContainer, target.range.startOffset);
  live.setEnd(target.range.endContainer, target.range.endOffset);
  const element = target.range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  const rect = live.getClientRects()[0] ?? live.getBoundingClientRect();
  card.open(target.termId, rect, 'keyboard');
  return target;
}

/** Listens for the extension's keyboard commands (relayed by the background) until `signal` aborts. */
export function initKeyboardNav(
  doc: Document,
  store: HighlightStore,
  card: CardController,
  signal: AbortSignal,
): void {
  let current: TermRange | null = null;
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only the background may drive this: it has no tab, and it is this extension.
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const command = (message as { command?: unknown } | null)?.command;
    if (command !== 'next-term' && command !== 'previous-term') return;
    if (doc.visibilityState !== 'visible' || (window !== window.top && !doc.hasFocus())) return;
    current = stepTerm(doc, store, card, current, command);
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}
