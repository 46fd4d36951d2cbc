/** The selection toolbar: "Save clipping", then a note and tags for what was saved; or a clipping's note. */
import { useEffect, useRef } from 'preact/hooks';
import type { Clipping } from '../../shared/clippings/model';

export type ToolbarState =
  | { kind: 'ready'; reattach?: { exact: string } }
  | { kind: 'saving' }
  | { kind: 'saved'; clipping: Clipping; reattached: boolean }
  | { kind: 'note'; clipping: Clipping };

export interface ToolbarProps {
  state: ToolbarState;
  /** The outcome announced to screen readers (and shown). */
  status: { text: string; error?: boolean } | null;
  onSave(): void;
  onReattach(): void;
  onAddToGlossary(): void;
  onSaveNote(note: string, tags: string[]): void;
  onClose(): void;
}

/** Splits what the reader typed in "Tags" (commas, or the ideographic comma) into tags. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

// A mouse press on the toolbar must not take the reader's selection away before it is saved.
const keepSelection = (event: MouseEvent) => event.preventDefault();

/** Renders the toolbar. */
export function ToolbarView(props: ToolbarProps) {
  const { state, status } = props;
  return (
    <section class="bar" aria-label="Termlight">
      {state.kind === 'ready' || state.kind === 'saving' ? (
        <div class="row">
          <button
            type="button"
            class="primary"
            disabled={state.kind === 'saving'}
            onMouseDown={keepSelection}
            onClick={props.onSave}
          >
            Save clipping
          </button>
          <button
            type="button"
            disabled={state.kind === 'saving'}
            onMouseDown={keepSelection}
            onClick={props.onAddToGlossary}
          >
            Add to glossary
          </button>
          {state.kind === 'ready' && state.reattach && (
            <button type="button" onMouseDown={keepSelection} onClick={props.onReattach}>
              Re-attach clipping
            </button>
          )}
        </div>
      ) : state.kind === 'saved' ? (
        <NoteForm clipping={state.clipping} onSaveNote={props.onSaveNote} onClose={props.onClose} />
      ) : (
        <ClippingNote clipping={state.clipping} />
      )}
      <p role="status" class={status?.error ? 'status error' : 'status'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}

function NoteForm(props: {
  clipping: Clipping;
  onSaveNote(note: string, tags: string[]): void;
  onClose(): void;
}) {
  // The fields are read when the form is submitted, not as they change: no key or input event
  // typed here reaches a listener, ours or the page's (main-world/typing-guard.ts).
  const note = useRef<HTMLTextAreaElement>(null);
  const tags = useRef<HTMLInputElement>(null);
  useEffect(() => note.current?.focus({ preventScroll: true }), []);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        props.onSaveNote(note.current?.value ?? '', parseTags(tags.current?.value ?? ''));
      }}
    >
      <label>
        Note
        <textarea ref={note} defaultValue={props.clipping.note} />
      </label>
      <label>
        Tags
        <input
          type="text"
          ref={tags}
          defaultValue={props.clipping.tags.join(', ')}
          placeholder="comma, separated"
        />
      </label>
      <div class="row" style={{ marginTop: '6px' }}>
        <button type="submit" class="primary">
          Save note
        </button>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

/** A saved clipping's note and tags, shown when the pointer rests on the clipping. */
function ClippingNote({ clipping }: { clipping: Clipping }) {
  return (
    <div role="tooltip">
      <p class="note">{clipping.note || 'Saved clipping (no note)'}</p>
      {clipping.tags.length > 0 && <p class="tags">Tags: {clipping.tags.join(', ')}</p>}
    </div>
  );
}
