/** The inline form that edits a clipping's note and tags. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Clipping } from '../shared/clippings/model';
import { t } from '../shared/i18n';
import { send } from '../shared/messages';
import { parseTags } from './clipping-query';
import { errorText } from './error-text';
import { Field } from './field';
import type { StatusMessage } from './use-status';

/** Edits `clipping`'s note and tags; Save sends them to the background, Cancel or Escape drops them. */
export function ClippingEditForm(props: {
  clipping: Clipping;
  onSaved: (clipping: Clipping) => void;
  onCancel: () => void;
  announce: (status: StatusMessage) => void;
}) {
  const { clipping, onSaved, onCancel, announce } = props;
  const [note, setNote] = useState(clipping.note);
  const [tags, setTags] = useState(clipping.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const hintId = `tags-hint-${clipping.id}`;

  useEffect(() => noteField.current?.focus(), []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const saved = await send({ type: 'updateClipping', id: clipping.id, note, tags: parseTags(tags) });
      announce({ tone: 'ok', text: t('library_clippingSaved') });
      onSaved(saved);
    } catch (error) {
      // The form stays open with the reader's text, so nothing typed is lost.
      announce({ tone: 'error', text: t('library_clippingSaveFailed', errorText(error)) });
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };

  return (
    <form class="edit-clipping" onSubmit={save} onKeyDown={onKeyDown}>
      <Field id={`note-${clipping.id}`} label={t('library_note')}>
        <textarea
          id={`note-${clipping.id}`}
          aria-label={t('library_note')}
          ref={noteField}
          rows={3}
          value={note}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </Field>
      <Field id={`tags-${clipping.id}`} label={t('library_tags')}>
        <input
          id={`tags-${clipping.id}`}
          type="text"
          aria-label={t('library_tags')}
          aria-describedby={hintId}
          value={tags}
          onInput={(event) => setTags(event.currentTarget.value)}
        />
      </Field>
      <span id={hintId} class="muted">
        {t('library_tagsHint')}
      </span>
      <div class="actions">
        {/* Not disabled while saving: a disabled button would drop the focus it holds. */}
        <button type="submit">{t('library_save')}</button>
        <button type="button" onClick={onCancel}>
          {t('library_cancel')}
        </button>
      </div>
    </form>
  );
}
