/**
 * The terms of one pack, with "Edit <term>" and "Delete <term>" when the pack is editable;
 * `#term=<id>` in the URL scrolls to one and focuses it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { send, type TermSummary } from '../shared/messages';
import type { StatusMessage } from './use-status';
import type { TermListEditing } from './use-term-edits';

/** Lists a pack's terms; `focusId` is scrolled into view and focused once loaded. */
export function TermList(props: {
  glossaryId: string;
  focusId: string | null;
  announce: (s: StatusMessage) => void;
  /** Editing controls (see use-term-edits.tsx); without them the list is read-only. */
  editing?: TermListEditing;
}) {
  const { glossaryId, focusId, announce, editing } = props;
  const version = editing?.version ?? 0;
  const [terms, setTerms] = useState<TermSummary[] | null>(null);
  const focused = useRef<HTMLLIElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes after each edit, to read the terms again.
  useEffect(() => {
    send({ type: 'listTerms', glossaryId }).then(setTerms, (error: unknown) =>
      announce({ tone: 'error', text: `Could not read the terms: ${String(error)}` }),
    );
  }, [glossaryId, announce, version]);

  // Once: a list read again after an edit must not pull focus back to the term the page opened at.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (terms && focused.current && !focusedOnce.current) {
      focusedOnce.current = true;
      focused.current.scrollIntoView({ block: 'center' });
      focused.current.focus();
    }
  }, [terms]);

  if (!terms) return <p class="muted">Loading terms…</p>;
  const shown = editing ? terms.filter((t) => !editing.hidden.has(t.id)) : terms;
  if (shown.length === 0) return <p class="muted no-terms">No terms yet.</p>;
  return (
    <ul class="terms" aria-label="Terms">
      {shown.map((t) => (
        <li
          key={t.id}
          id={`term-${t.id}`}
          class={t.id === focusId ? 'term current' : 'term'}
          tabIndex={t.id === focusId ? -1 : undefined}
          ref={t.id === focusId ? focused : undefined}
        >
          <div class="name">
            {t.term}
            {t.status !== 'current' && <span class="muted"> ({t.status})</span>}
          </div>
          {t.aliases.length > 0 && <div class="muted">{t.aliases.join(' · ')}</div>}
          <p class="definition">{t.definition}</p>
          {editing?.editable && (
            <div class="term-actions">
              <button
                type="button"
                aria-label={`Edit ${t.term}`}
                data-edit-term={t.id}
                onClick={(event) => editing.onEdit(t, event.currentTarget)}
              >
                Edit
              </button>
              <button type="button" aria-label={`Delete ${t.term}`} onClick={() => editing.onDelete(t)}>
                Delete
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
