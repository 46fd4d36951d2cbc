/** Opens a definition card when the pointer rests on a highlighted term; closes it when it leaves. */
import type { CardController } from './card/card-controller';
import type { HighlightStore } from './highlight-store';
import { termAt } from './hit-test';
import { OWN_UI_ATTRIBUTE } from './own-ui';
import { listenOnWindow } from './window-listen';

const OPEN_DELAY_MS = 200;
const CLOSE_GRACE_MS = 300;

/** Wires hover cards for the terms in `store`; everything stops when `signal` aborts. */
export function initHoverCard(
  doc: Document,
  store: HighlightStore,
  card: CardController,
  signal: AbortSignal,
): void {
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingFrame = 0;
  let lastX = 0;
  let lastY = 0;

  const cancelClose = () => {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  };

  const check = () => {
    pendingFrame = 0;
    const hit = termAt(doc, store, lastX, lastY);
    if (hit) {
      cancelClose();
      if (hit.entry.termId === card.termId) return;
      clearTimeout(openTimer);
      openTimer = setTimeout(() => {
        // The reader is writing in the selection toolbar (a clipping's note, just saved where the
        // pointer rests): a card opening there would cover the field being typed in.
        if (typingInOwnUi(doc, card)) return;
        card.open(hit.entry.termId, hit.rect, 'hover');
      }, OPEN_DELAY_MS);
      return;
    }
    clearTimeout(openTimer);
    // A card opened from the keyboard stays until Escape or its close button.
    if (card.openMode === 'hover' && !closeTimer) {
      closeTimer = setTimeout(() => {
        closeTimer = undefined;
        card.close();
      }, CLOSE_GRACE_MS);
    }
  };

  // Only the reader's own pointer and keys count: a page can dispatch look-alike events at will.
  const onPointer = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    if (card.isCard(event.target)) {
      cancelClose();
      return;
    }
    // A mouse moving with its button down is selecting text: no card opens in the middle of that.
    if (event.pointerType === 'mouse' && event.buttons !== 0) {
      clearTimeout(openTimer);
      return;
    }
    lastX = event.clientX;
    lastY = event.clientY;
    if (!pendingFrame) pendingFrame = requestAnimationFrame(check);
  };
  listenOnWindow(doc, 'pointermove', onPointer, { passive: true, signal });
  // A tap on a touch screen has no hover: it opens the card at once.
  listenOnWindow(
    doc,
    'pointerdown',
    (event) => {
      if (!event.isTrusted || event.pointerType !== 'touch' || card.isCard(event.target)) return;
      const hit = termAt(doc, store, event.clientX, event.clientY);
      if (hit) card.open(hit.entry.termId, hit.rect, 'hover');
      else if (card.openMode === 'hover') card.close();
    },
    { passive: true, signal },
  );
  listenOnWindow(
    doc,
    'keydown',
    (event) => {
      if (!event.isTrusted || event.key !== 'Escape' || !card.termId) return;
      // The page hears its Escape too, unless the key was meant for the card: it had the focus.
      const forCard = card.focused;
      card.close();
      if (forCard) event.stopPropagation();
    },
    { signal },
  );
  doc.defaultView?.addEventListener('scroll', () => card.openMode === 'hover' && card.close(), {
    passive: true,
    signal,
  });
  // A card stays inside the window when the window shrinks (a keyboard-opened one keeps its focus).
  doc.defaultView?.addEventListener('resize', () => card.reposition(), { passive: true, signal });
  signal.addEventListener('abort', () => {
    cancelAnimationFrame(pendingFrame);
    clearTimeout(openTimer);
    cancelClose();
    card.close();
  });
}

/** True when the focus is in Termlight's own UI other than the card (the selection toolbar). */
function typingInOwnUi(doc: Document, card: CardController): boolean {
  const active = doc.activeElement;
  return (active?.hasAttribute(OWN_UI_ATTRIBUTE) ?? false) && !card.isCard(active);
}
