/** Opens, switches and closes the one definition card of a page, in hover or keyboard mode. */
import { send } from '../../shared/messages';
import { getDefinition } from '../definitions-client';
import { contentUi } from '../lazy-ui';
import type { CardHost } from './card-host';
import type { CardState } from './card-view';
import type { Box } from './position';

export type CardMode = 'hover' | 'keyboard';

/** Owns the card host; the hover and keyboard features both open cards through it. */
export class CardController {
  /** Made when the first card opens: its code is loaded then (see lazy-ui.ts). */
  private host: CardHost | null = null;
  /** The newest state asked for while the card's code loads: only it is shown once it has. */
  private pending: CardState | null = null;
  private shownId: string | null = null;
  private mode: CardMode = 'hover';
  private anchor: Box | null = null;
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly doc: Document) {}

  /** The term whose card is open, if any. */
  get termId(): string | null {
    return this.shownId;
  }

  get openMode(): CardMode | null {
    return this.shownId ? this.mode : null;
  }

  /** True when the focus is in the open card. */
  get focused(): boolean {
    return this.shownId !== null && (this.host?.focused ?? false);
  }

  /** True when `target` is the card (events from the closed shadow root are retargeted to its host). */
  isCard(target: EventTarget | null): boolean {
    return this.host?.contains(target) ?? false;
  }

  /** Opens the card of `termId` next to `anchor`; a keyboard-opened card takes focus. */
  open(termId: string, anchor: Box, mode: CardMode): void {
    if (mode === 'keyboard' && this.openMode !== 'keyboard') {
      const active = this.doc.activeElement;
      this.returnFocus = active instanceof HTMLElement && !this.isCard(active) ? active : null;
    }
    this.shownId = termId;
    this.mode = mode;
    this.anchor = anchor;
    this.render({ kind: 'loading', termId });
    getDefinition(termId).then(
      (detail) =>
        this.render(
          detail
            ? { kind: 'ready', detail }
            : { kind: 'error', termId, message: 'not in any enabled glossary' },
        ),
      (error: unknown) =>
        this.render({
          kind: 'error',
          termId,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  }

  private render(state: CardState): void {
    const id = state.kind === 'ready' ? state.detail.id : state.termId;
    if (id !== this.shownId || !this.anchor) return;
    const host = this.host;
    if (!host) {
      const loadStarted = this.pending !== null;
      this.pending = state;
      if (loadStarted) return;
      contentUi().then(
        (ui) => {
          this.host ??= new ui.CardHost(this.doc);
          const newest = this.pending;
          this.pending = null;
          if (newest) this.render(newest);
        },
        (error: unknown) => {
          this.pending = null;
          console.warn('Termlight: could not show the card:', error);
        },
      );
      return;
    }
    const mode = this.mode;
    host.show(
      {
        state,
        mode,
        onShowTerm: (next) =>
          this.anchor && this.open(next, this.anchor, mode === 'keyboard' ? 'keyboard' : 'hover'),
        onClose: () => this.close(),
        onEdit: (termId) => {
          send({ type: 'openLibrary', termId }).catch((error: unknown) =>
            this.render({
              kind: 'error',
              termId,
              message: error instanceof Error ? error.message : String(error),
            }),
          );
        },
      },
      this.anchor,
    );
    if (mode === 'keyboard' && state.kind !== 'loading') host.card()?.focus();
  }

  /** Places the open card again inside the viewport (after the window changed size). */
  reposition(): void {
    if (this.shownId) this.host?.reposition();
  }

  /** Closes the card; a keyboard-opened card gives focus back to where it was. */
  close(): void {
    const wasKeyboard = this.openMode === 'keyboard';
    this.shownId = null;
    this.anchor = null;
    this.host?.hide();
    if (wasKeyboard) this.returnFocus?.focus({ preventScroll: true });
    this.returnFocus = null;
  }
}
