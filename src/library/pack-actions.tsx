/**
 * A pack's own actions, grouped under "Manage <pack name>": "Add term" and "Delete glossary" for a
 * pack the reader may edit, "Copy to local pack" for the built-in one. A subscribed pack is
 * read-only too; its "Copy to local pack" is with its other subscription controls.
 */
import { t } from '../shared/i18n';
import type { GlossarySummary } from '../shared/messages';

/** Whether the reader may edit the pack: the background refuses edits to built-in and subscribed packs. */
export function isEditablePack(pack: Pick<GlossarySummary, 'source'>): boolean {
  return pack.source !== 'builtin' && pack.source !== 'subscription';
}

/** The element the pack's actions are in, for moving focus back to them. */
export function packActionsElement(packId: string): HTMLElement | null {
  return document.querySelector(`[data-pack-actions="${CSS.escape(packId)}"]`);
}

export function PackActions(props: {
  pack: GlossarySummary;
  onAddTerm: (pack: GlossarySummary, button: HTMLButtonElement) => void;
  onDelete: (pack: GlossarySummary) => void;
  onCopy: (pack: GlossarySummary, button: HTMLButtonElement) => void;
}) {
  const { pack, onAddTerm, onDelete, onCopy } = props;
  if (pack.source === 'subscription') return null;
  return (
    <fieldset
      aria-label={t('library_managePack', pack.name)}
      class="pack-actions"
      data-pack-actions={pack.id}
    >
      {isEditablePack(pack) ? (
        <>
          <button type="button" onClick={(event) => onAddTerm(pack, event.currentTarget)}>
            {t('library_addTerm')}
          </button>
          <button type="button" onClick={() => onDelete(pack)}>
            {t('library_deleteGlossary')}
          </button>
        </>
      ) : (
        <button type="button" onClick={(event) => onCopy(pack, event.currentTarget)}>
          {t('library_copyToLocal')}
        </button>
      )}
    </fieldset>
  );
}
