/**
 * Clippings on a page: the selection toolbar ("Save clipping", then a note and tags), the
 * "save-clipping" command and context-menu item, this page's saved clippings anchored and painted,
 * and a clipping's note when the pointer rests on it.
 */
import browser from '../../shared/browser';
import { parseTabRequest, send } from '../../shared/messages';
import { newTermText } from '../../shared/new-term-text';
import type { Box } from '../card/position';
import { contentUi } from '../lazy-ui';
import { HIGHLIGHTS_CHANGED_EVENT } from '../main-world/hook-events';
import { onPageChange } from '../page-navigation';
import { whenTextAppears } from '../page-text';
import { RestorePacer } from '../restore-pacer';
import { listenOnWindow } from '../window-listen';
import { PageClippings } from './clip-anchoring';
import { ClipHighlights } from './clip-highlights';
import { saveSelection } from './save-clipping';
import { selectedRange } from './selection';
import type { ToolbarHost } from './toolbar-host';
import type { ToolbarProps, ToolbarState } from './toolbar-view';

/** Wait after the selection stops changing before the toolbar shows (a drag is still going on). */
const SELECTION_SETTLE_MS = 150;
const NOTE_OPEN_DELAY_MS = 300;

/**
 * Starts clippings on `doc`; `termAt` says whether a term is under a point (its card wins there).
 * Returns a getter of how many clippings are shown on the page.
 */
export function initClippings(
  doc: Document,
  termAt: (x: number, y: number) => boolean,
  signal: AbortSignal,
): () => number {
  // A frame with no address of its own (about:blank, srcdoc, data:, blob:) keeps no clippings.
  if (!/^(https?|file):$/.test(doc.location?.protocol ?? '')) return () => 0;
  const highlights = new ClipHighlights(doc);
  const clippings = new PageClippings(doc, highlights, signal);
  // Made when the toolbar first shows: its code is loaded then (see lazy-ui.ts).
  let toolbar: ToolbarHost | null = null;
  let state: ToolbarState | null = null;
  let status: ToolbarProps['status'] = null;
  let selection: AbstractRange | null = null;
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  let noteTimer: ReturnType<typeof setTimeout> | undefined;

  const render = (anchor?: Box) => {
    if (!state) {
      toolbar?.hide();
      return;
    }
    if (!toolbar) {
      contentUi().then(
        (ui) => {
          toolbar ??= new ui.ToolbarHost(doc);
          render(anchor);
        },
        (error: unknown) => console.warn('Termlight: could not show the selection toolbar:', error),
      );
      return;
    }
    toolbar.show(
      {
        state,
        status,
        onSave: () => void save(),
        onReattach: () => void save(clippings.reattach?.id),
        onAddToGlossary: () => void addToGlossary(),
        onSaveNote: (note, tags) => void saveNote(note, tags),
        onClose: close,
      },
      anchor,
    );
  };
  const close = () => {
    state = null;
    status = null;
    render();
  };

  const save = async (reattachId?: string) => {
    const range = selectedRange(doc) ?? selection;
    if (!range || state?.kind === 'saving') return;
    const anchor = anchorOf(doc);
    state = { kind: 'saving' };
    status = { text: 'Saving…' };
    render(anchor ?? undefined);
    try {
      const saved = await saveSelection(doc, range, reattachId);
      highlights.add({ clipping: saved.clipping, range: saved.range });
      clippings.remember(saved.clipping);
      state = { kind: 'saved', clipping: saved.clipping, reattached: saved.reattached };
      // Announced only now: the background answers once the database has committed the clipping.
      status = { text: saved.reattached ? 'Clipping re-attached' : 'Clipping saved' };
    } catch (error) {
      state = { kind: 'ready', reattach: clippings.reattach };
      status = { text: `Could not save the clipping: ${message(error)}`, error: true };
    }
    render();
  };

  // Opens the library's term editor with the selected text as the new term's name.
  const addToGlossary = async () => {
    const text = newTermText(doc.getSelection()?.toString() ?? '');
    if (!text) return;
    try {
      await send({ type: 'openLibrary', newTerm: text });
      close();
    } catch (error) {
      status = { text: `Could not open the library: ${message(error)}`, error: true };
      render();
    }
  };

  const saveNote = async (note: string, tags: string[]) => {
    if (state?.kind !== 'saved') return;
    const { clipping } = state;
    try {
      const updated = await send({ type: 'updateClipping', id: clipping.id, note, tags });
      highlights.update(updated);
      clippings.remember(updated);
      state = { kind: 'saved', clipping: updated, reattached: false };
      status = { text: 'Note saved' };
    } catch (error) {
      status = { text: `Could not save the note: ${message(error)}`, error: true };
    }
    render();
  };

  // Whether the reader's button is down: a drag that pauses is still going on, and a toolbar
  // shown then would come up under the pointer and take the rest of the drag.
  let dragging = false;
  const onSelectionChange = () => {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(() => {
      // The reader is writing a note: a selection elsewhere does not take the toolbar away.
      if (dragging || toolbar?.focused || state?.kind === 'saving') return;
      const range = selectedRange(doc);
      selection = range;
      if (range) {
        state = { kind: 'ready', reattach: clippings.reattach };
        status = null;
        render(anchorOf(doc) ?? undefined);
      } else if (state?.kind === 'ready') {
        close();
      }
    }, SELECTION_SETTLE_MS);
  };
  doc.addEventListener('selectionchange', onSelectionChange, { signal });
  listenOnWindow(
    doc,
    'pointerdown',
    (event) => {
      if (event.isTrusted && event.button === 0 && !toolbar?.contains(event.target)) dragging = true;
    },
    { signal },
  );
  const dropped = (event: PointerEvent) => {
    if (!dragging || !event.isTrusted) return;
    dragging = false;
    // The selection is the drag's now: it settles from here.
    onSelectionChange();
  };
  listenOnWindow(doc, 'pointerup', dropped, { signal });
  listenOnWindow(doc, 'pointercancel', dropped, { signal });

  listenOnWindow(
    doc,
    'keydown',
    (event) => {
      // Only the reader's own key: a page can dispatch a look-alike Escape at will.
      if (event.isTrusted && event.key === 'Escape' && state && state.kind !== 'saving') {
        const hadFocus = toolbar?.focused ?? false;
        close();
        if (hadFocus) event.stopPropagation();
      }
    },
    { signal },
  );

  // A clipping's note on hover, where no term's card takes the point.
  listenOnWindow(
    doc,
    'pointermove',
    (event) => {
      // No button held: a release outside the window, which sent no pointerup here.
      if (dragging && event.isTrusted && event.buttons === 0) dropped(event);
      if (!event.isTrusted || toolbar?.contains(event.target) || (state && state.kind !== 'note')) return;
      clearTimeout(noteTimer);
      const { clientX: x, clientY: y } = event;
      noteTimer = setTimeout(() => {
        // The toolbar may have opened meanwhile (a selection, a save): it is not replaced by a note.
        if (state && state.kind !== 'note') return;
        const hit = highlights.shown.length > 0 && !termAt(x, y) ? highlights.at(x, y) : null;
        if (hit && (state?.kind !== 'note' || state.clipping.id !== hit.clipping.id)) {
          state = { kind: 'note', clipping: hit.clipping };
          status = null;
          render(hit.rect);
        } else if (!hit && state?.kind === 'note') {
          close();
        }
      }, NOTE_OPEN_DELAY_MS);
    },
    { passive: true, signal },
  );

  // The "save-clipping" command and context-menu item, and the "add-to-glossary" command, relayed
  // by the background. A command goes to every frame of the tab: the one holding a selection acts.
  const onMessage = (message: unknown, sender: { id?: string; url?: string }) => {
    // Only this extension can message a content script through tabs.sendMessage: its background
    // or one of its own pages (a page script cannot reach this listener at all).
    if (sender.id !== browser.runtime.id) return;
    const request = parseTabRequest(message);
    if (request?.type !== 'command' || !selectedRange(doc)) return;
    if (request.command === 'save-clipping') void save();
    if (request.command === 'add-to-glossary') void addToGlossary();
  };
  browser.runtime.onMessage.addListener(onMessage);

  const pacer = new RestorePacer(() => highlights.restore(), signal);
  doc.addEventListener(HIGHLIGHTS_CHANGED_EVENT, () => pacer.request(), { signal });
  const load = () => void clippings.load().catch(report);
  const view = doc.defaultView;
  if (view) onPageChange(view, load, signal);
  whenTextAppears(doc, signal, load);
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(onMessage);
    clearTimeout(selectionTimer);
    clearTimeout(noteTimer);
    toolbar?.hide();
  });
  return () => highlights.shown.length;
}

/** The box the toolbar goes next to: the last line of the selection. */
function anchorOf(doc: Document): Box | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const rects = selection.getRangeAt(0).getClientRects();
  const last = rects[rects.length - 1] ?? selection.getRangeAt(0).getBoundingClientRect();
  return { left: last.left, top: last.top, width: last.width, height: last.height };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function report(error: unknown): void {
  console.warn("Termlight: could not load this page's clippings:", error);
}
