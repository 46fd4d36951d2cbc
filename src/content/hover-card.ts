/** Opens a definition card when the pointer rests on a highlighted term; closes it when it leaves. */
import { CardHost } from './card/card-host';
import type { CardState } from './card/card-view';
import { getDefinition } from './definitions-client';
import type { HighlightStore } from './highlight-store';
import { termAt } from './hit-test';

const OPEN_DELAY_MS = 200;
const CLOSE_GRACE_MS = 300;

/** Wires hover cards for the terms in `store`; everything stops when `signal` aborts. */
export function initHoverCard(doc: Document, store: HighlightStore, signal: AbortSignal): void {
  const host = new CardHost(doc);
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingFrame = 0;
  let shownId: string | null = null;
  let lastX = 0;
  let lastY = 0;

  const showTerm = (termId: string, anchor: DOMRect) => {
    shownId = termId;
    const render = (state: CardState) => {
      if (shownId !== termId && state.kind !== 'loading') return;
      host.show({ state, mode: 'hover', onShowTerm: (id) => showTerm(id, anchor), onClose: close }, anchor);
    };
    render({ kind: 'loading', termId });
    getDefinition(termId).then(
      (detail) =>
        render(
          detail
            ? { kind: 'ready', detail }
            : { kind: 'error', termId, message: 'not in any enabled glossary' },
        ),
      (error: unknown) =>
        render({ kind: 'error', termId, message: error instanceof Error ? error.message : String(error) }),
    );
  };

  const close = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    closeTimer = undefined;
    shownId = null;
    host.hide();
  };

  const check = () => {
    pendingFrame = 0;
    const hit = termAt(doc, store, lastX, lastY);
    if (hit) {
      clearTimeout(closeTimer);
      closeTimer = undefined;
      if (hit.entry.termId === shownId) return;
      clearTimeout(openTimer);
      openTimer = setTimeout(() => showTerm(hit.entry.termId, hit.rect), OPEN_DELAY_MS);
      return;
    }
    clearTimeout(openTimer);
    if (shownId && !closeTimer) {
      closeTimer = setTimeout(() => {
        closeTimer = undefined;
        close();
      }, CLOSE_GRACE_MS);
    }
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (host.contains(event.target)) {
        // Moving inside the card keeps it open.
        clearTimeout(closeTimer);
        closeTimer = undefined;
        return;
      }
      lastX = event.clientX;
      lastY = event.clientY;
      if (!pendingFrame) pendingFrame = requestAnimationFrame(check);
    },
    { passive: true, capture: true, signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && host.visible) close();
    },
    { capture: true, signal },
  );
  doc.defaultView?.addEventListener('scroll', () => host.visible && close(), { passive: true, signal });
  signal.addEventListener('abort', () => {
    cancelAnimationFrame(pendingFrame);
    close();
  });
}
