/**
 * The terms of one pack, with "Edit <term>" and "Delete <term>" when the pack is editable;
 * `#term=<id>` in the URL scrolls to one and focuses it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send, type TermSummary } from '../shared/messages';
import { namedMessage } from '../shared/term-detail-parts';
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
      announce({ tone: 'error', text: t('library_termsReadFailed', String(error)) }),
    );
  }, [glossaryId, announce, version]);

  // Once: a list read again after an edit must not pull focus back to the term the page opened at.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (!terms || focusedOnce.current || !focusId?.startsWith(`${glossaryId}/`)) return;
    focusedOnce.current = true;
    if (focused.current) {
      focused.current.scrollIntoView({ block: 'center' });
      focused.current.focus();
    } else {
      // A link to a term since deleted or renamed: said, rather than an open list and no focus.
      announce({ tone: 'error', text: t('library_noSuchTerm', focusId) });
    }
  }, [terms, focusId, glossaryId, announce]);

  if (!terms) return <p class="muted">{t('library_loadingTerms')}</p>;
  const shown = editing ? terms.filter((term) => !editing.hidden.has(term.id)) : terms;
  if (shown.length === 0) return <p class="muted no-terms">{t('library_noTerms')}</p>;
  return (
    <ul class="terms" aria-label={t('library_terms')}>
      {shown.map((term) => (
        <li
          key={term.id}
          id={`term-${term.id}`}
          class={term.id === focusId ? 'term current' : 'term'}
          tabIndex={term.id === focusId ? -1 : undefined}
          ref={term.id === focusId ? focused : undefined}
        >
          <div class="name">
            {term.term}
            {term.status !== 'current' && (
              <span class="muted"> ({namedMessage('library_status_', term.status)})</span>
            )}
          </div>
          {term.aliases.length > 0 && <div class="muted">{term.aliases.join(' · ')}</div>}
          <p class="definition">{term.definition}</p>
          {editing?.editable && (
            <div class="term-actions">
              <button
                type="button"
                aria-label={t('library_editTerm', term.term)}
                data-edit-term={term.id}
                onClick={(event) => editing.onEdit(term, event.currentTarget)}
              >
                {t('library_edit')}
              </button>
              <button
                type="button"
                aria-label={t('library_deleteTerm', term.term)}
                onClick={() => editing.onDelete(term)}
              >
                {t('library_delete')}
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
