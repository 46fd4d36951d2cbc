/** One clipping in the library: its passage, note, tags, terms and date, and what the reader can do with it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Clipping } from '../shared/clippings/model';
import { quoteSelector } from '../shared/clippings/model';
import { clippingFragmentLink } from '../shared/clippings/text-fragment';
import { t } from '../shared/i18n';
import { safeHttpUrl } from '../shared/safe-url';
import { shorten } from '../shared/shorten';
import { ClippingEditForm } from './clipping-edit-form';
import { termName } from './clipping-query';
import { formatDateTime } from './locale';
import type { StatusMessage } from './use-status';

/** What the list does when the reader acts on a clipping. */
export interface ClippingActions {
  onSaved: (clipping: Clipping) => void;
  onDelete: (clipping: Clipping) => void;
  onReattach: (clipping: Clipping) => void;
  announce: (status: StatusMessage) => void;
}

/**
 * A clipping as a list item. An orphan (its passage was not found on the page's last visit) shows the
 * text around the passage and its page, and offers "Re-attach" instead of "Open passage".
 */
export function ClippingItem(props: {
  clipping: Clipping;
  termNames: Readonly<Record<string, string>>;
  /** Takes focus when set (the clipping an "Undo" brought back). */
  focused: boolean;
  actions: ClippingActions;
}) {
  const { clipping, termNames, focused, actions } = props;
  const [editing, setEditing] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  // Set when the form closes, so focus goes back to "Edit note" rather than to the page's start.
  const refocusEdit = useRef(false);
  const orphan = !clipping.anchored;
  const pageUrl = safeHttpUrl(clipping.url);

  useEffect(() => {
    if (focused) item.current?.focus();
  }, [focused]);
  useEffect(() => {
    if (editing || !refocusEdit.current) return;
    refocusEdit.current = false;
    editButton.current?.focus();
  }, [editing]);
  const closeForm = () => {
    refocusEdit.current = true;
    setEditing(false);
  };

  return (
    <li class={orphan ? 'clipping orphan' : 'clipping'} ref={item} tabIndex={-1}>
      {orphan ? (
        <OrphanPassage clipping={clipping} />
      ) : (
        <blockquote class="passage" cite={pageUrl ?? undefined}>
          {clipping.exact}
        </blockquote>
      )}
      {orphan && (
        <p class="muted page-of-orphan">
          {clipping.title || clipping.url}
          {pageUrl && (
            <>
              {' · '}
              <a href={pageUrl} target="_blank" rel="noopener noreferrer">
                {clipping.site}
              </a>
            </>
          )}
        </p>
      )}
      {editing ? (
        <ClippingEditForm
          clipping={clipping}
          announce={actions.announce}
          onCancel={closeForm}
          onSaved={(saved) => {
            actions.onSaved(saved);
            closeForm();
          }}
        />
      ) : (
        <>
          {clipping.note && <p class="note">{clipping.note}</p>}
          <ClippingFacts clipping={clipping} termNames={termNames} />
          <div class="actions">
            {orphan ? (
              <button type="button" onClick={() => actions.onReattach(clipping)}>
                {t('library_reattach')}
              </button>
            ) : (
              pageUrl && (
                <a
                  class="button"
                  href={clippingFragmentLink(clipping, pageUrl)}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {t('library_openPassage')}
                </a>
              )
            )}
            {/* Every clipping has these: the passage's first words tell them apart in a list of buttons. */}
            <span id={`clip-words-${clipping.id}`} class="visually-hidden">
              {shorten(clipping.exact, 60)}
            </span>
            <button
              type="button"
              ref={editButton}
              aria-describedby={`clip-words-${clipping.id}`}
              onClick={() => setEditing(true)}
            >
              {t('library_editNote')}
            </button>
            <button
              type="button"
              aria-describedby={`clip-words-${clipping.id}`}
              onClick={() => actions.onDelete(clipping)}
            >
              {t('library_deleteClipping')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

/** An orphan's passage with the text that stood before and after it, dimmed, to help find it again. */
function OrphanPassage({ clipping }: { clipping: Clipping }) {
  const quote = quoteSelector(clipping);
  return (
    <blockquote class="passage">
      {quote.prefix && <span class="context">…{quote.prefix}</span>}
      <mark>{quote.exact}</mark>
      {quote.suffix && <span class="context">{quote.suffix}…</span>}
    </blockquote>
  );
}

/** The date, terms and tags of a clipping. */
function ClippingFacts({
  clipping,
  termNames,
}: {
  clipping: Clipping;
  termNames: Readonly<Record<string, string>>;
}) {
  return (
    <p class="facts muted">
      <time dateTime={new Date(clipping.createdAt).toISOString()}>{formatDateTime(clipping.createdAt)}</time>
      {clipping.termIds.length > 0 && (
        <span>
          {t('library_clippingTerms', clipping.termIds.map((id) => termName(id, termNames)).join(', '))}
        </span>
      )}
      {clipping.tags.length > 0 && <span>{t('library_clippingTags', clipping.tags.join(', '))}</span>}
    </p>
  );
}
