/**
 * Editing glossaries on the Glossaries tab: "New glossary", each pack's "Add term" / "Delete
 * glossary" (or "Copy to local pack"), each term's "Edit" and "Delete", the term editor, and
 * `#new-term=<text>` ("Add to glossary" on a page). Deletions are undone from the status region.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Term } from '../shared/glossary/model';
import { t } from '../shared/i18n';
import {
  type DeletedPack,
  type GlossarySummary,
  type ImportProblem,
  send,
  type TermSummary,
} from '../shared/messages';
import { errorText } from './error-text';
import { isEditablePack, PackActions, packActionsElement } from './pack-actions';
import { type NewPack, PackCreateForm } from './pack-create-form';
import { problemLines } from './problem-status';
import { TermEditor, type TermEditorRequest } from './term-editor';
import { forgetPack, loadPack } from './term-pack-cache';
import type { StatusMessage } from './use-status';

/** The "Edit <term>" button of a term in an open term list (`glossaryId/termId`). */
export function termEditButton(fullId: string): HTMLElement | null {
  return document.querySelector(`[data-edit-term="${CSS.escape(fullId)}"]`);
}

/** Focuses what `find` returns once it is in the page (a list may still be loading); gives up after 3 s. */
function focusWhenShown(find: () => HTMLElement | null | undefined): void {
  const until = Date.now() + 3_000;
  const attempt = () => {
    const element = find();
    element?.focus();
    // Not yet in the page, or still behind the closing dialog (inert): try again next frame.
    if (document.activeElement !== element && Date.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** The `#new-term=` hash has been acted on: replaced, so a reload does not open the editor again. */
function leaveNewTermHash(): void {
  if (/^#new-term=/.test(location.hash)) history.replaceState(history.state, '', '#glossaries');
}

/** What a term list needs to offer editing (spread onto `<TermList>`). */
export interface TermListEditing {
  editable: boolean;
  version: number;
  hidden: ReadonlySet<string>;
  onEdit: (term: TermSummary, button: HTMLButtonElement) => void;
  onDelete: (term: TermSummary) => void;
}

interface OpenEditor extends TermEditorRequest {
  /** Opened from `#new-term=`: the hash is dropped when the editor closes. */
  fromHash?: boolean;
}

export function useTermEdits(options: {
  packs: GlossarySummary[] | null;
  reload: () => Promise<void>;
  announce: (status: StatusMessage) => void;
  /** Shows a pack's term list. */
  openPack: (id: string) => void;
  /** The text of `#new-term=<text>`, if the page was opened at it. */
  newTerm: string | null;
}) {
  const { packs, reload, announce, openPack, newTerm } = options;
  const [editor, setEditor] = useState<OpenEditor | null>(null);
  // Bumped after every write, so open term lists read their terms again.
  const [version, setVersion] = useState(0);
  // Terms deleted but possibly still in a list being read again: hidden at once.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const returnFocus = useRef<HTMLElement | null>(null);
  const editable = useMemo(() => (packs ?? []).filter(isEditablePack), [packs]);

  const changed = (glossaryId: string) => {
    forgetPack(glossaryId);
    setVersion((v) => v + 1);
    return reload();
  };
  const unhide = (ids: (id: string) => boolean) =>
    setHidden((current) => {
      const next = new Set([...current].filter((id) => !ids(id)));
      return next.size === current.size ? current : next;
    });

  const handledNewTerm = useRef<string | null>(null);
  useEffect(() => {
    if (newTerm === null || packs === null || handledNewTerm.current === newTerm) return;
    handledNewTerm.current = newTerm;
    returnFocus.current = null;
    setEditor({ glossaryId: null, text: newTerm, fromHash: true });
  }, [newTerm, packs]);

  const createPack = async (pack: NewPack): Promise<string | null> => {
    try {
      const created = await send({ type: 'createPack', ...pack });
      openPack(created.packId);
      await changed(created.packId);
      announce({ tone: 'ok', text: t('library_glossaryCreated', created.name) });
      return created.packId;
    } catch (error) {
      announce({ tone: 'error', text: t('library_glossaryCreateFailed', errorText(error)) });
      return null;
    }
  };

  const deleteTerm = async (glossaryId: string, summary: TermSummary) => {
    const termId = summary.id.slice(glossaryId.length + 1);
    setHidden((current) => new Set(current).add(summary.id));
    try {
      const deleted = await send({ type: 'deleteTerm', glossaryId, termId });
      await changed(glossaryId);
      announce({
        tone: 'ok',
        text: t('library_termDeleted', summary.term),
        action: { label: t('library_undo'), run: () => void restoreTerm(glossaryId, deleted, summary.term) },
      });
    } catch (error) {
      unhide((id) => id === summary.id);
      announce({ tone: 'error', text: t('library_deleteFailed', [summary.term, errorText(error)]) });
    }
  };

  const restoreTerm = async (glossaryId: string, deleted: { term: Term; order: number }, name: string) => {
    try {
      const result = await send({
        type: 'restoreTerm',
        glossaryId,
        term: deleted.term,
        order: deleted.order,
      });
      if (!result.ok) {
        announce({
          tone: 'error',
          text: t('library_restoreConflict', name),
          details: problemLines(result.errors),
        });
        return;
      }
      const fullId = `${glossaryId}/${result.term.id}`;
      unhide((id) => id === fullId);
      openPack(glossaryId);
      await changed(glossaryId);
      announce({ tone: 'ok', text: t('library_termRestored', name) });
      focusWhenShown(() => termEditButton(fullId));
    } catch (error) {
      announce({ tone: 'error', text: t('library_restoreFailed', [name, errorText(error)]) });
    }
  };

  const deletePack = async (pack: GlossarySummary) => {
    try {
      const deleted = await send({ type: 'deletePack', id: pack.id });
      await changed(pack.id);
      announce({
        tone: 'ok',
        text: t('library_glossaryDeleted', pack.name),
        action: { label: t('library_undo'), run: () => void restorePack(deleted, pack.name) },
      });
    } catch (error) {
      announce({ tone: 'error', text: t('library_deleteFailed', [pack.name, errorText(error)]) });
    }
  };

  const restorePack = async (deleted: DeletedPack, name: string) => {
    try {
      const { packId } = await send({ type: 'restorePack', deleted });
      unhide((id) => id.startsWith(`${packId}/`));
      await changed(packId);
      announce({ tone: 'ok', text: t('library_glossaryRestored', name) });
      focusWhenShown(() => packActionsElement(packId)?.querySelector('button'));
    } catch (error) {
      announce({ tone: 'error', text: t('library_restoreFailed', [name, errorText(error)]) });
    }
  };

  const copyPack = async (pack: GlossarySummary) => {
    try {
      const copy = await send({ type: 'copyToLocalPack', id: pack.id });
      await changed(copy.packId);
      announce({
        tone: 'ok',
        text: t('library_copiedBuiltin', [pack.name, copy.name]),
      });
    } catch (error) {
      announce({ tone: 'error', text: t('library_copyFailed', [pack.name, errorText(error)]) });
    }
  };

  const editTerm = async (glossaryId: string, summary: TermSummary, button: HTMLButtonElement) => {
    const termId = summary.id.slice(glossaryId.length + 1);
    try {
      // Read afresh when the editor opens (another library tab may have changed the pack), then
      // kept while it is open.
      forgetPack(glossaryId);
      const term = (await loadPack(glossaryId)).terms.find((t) => t.id === termId);
      if (!term) throw new Error('it is no longer in the glossary');
      returnFocus.current = button;
      setEditor({ glossaryId, term });
    } catch (error) {
      announce({ tone: 'error', text: t('library_openTermFailed', [summary.term, errorText(error)]) });
    }
  };

  /** Back to the control the editor was opened from, or (it is gone) the saved term's "Edit". */
  const closeEditor = (saved?: string) => {
    const from = returnFocus.current;
    returnFocus.current = null;
    if (editor?.fromHash) leaveNewTermHash();
    setEditor(null);
    // An "Edit" button whose term got a new id is replaced in its list: wait for the new one.
    const stillThere = (element: HTMLElement) =>
      element.isConnected && (!saved || !element.dataset.editTerm || element.dataset.editTerm === saved);
    focusWhenShown(() => (from && stillThere(from) ? from : saved ? termEditButton(saved) : null));
  };

  const onSaved = async (glossaryId: string, term: Term, warnings: ImportProblem[]) => {
    const fullId = `${glossaryId}/${term.id}`;
    unhide((id) => id === fullId);
    openPack(glossaryId);
    closeEditor(fullId);
    await changed(glossaryId);
    announce({
      tone: 'ok',
      text: t('library_termSaved', term.term),
      ...(warnings.length > 0 && {
        details: warnings.map((w) => t('library_warningAt', [w.path, w.message])),
      }),
    });
  };

  const newGlossary: JSX.Element = (
    <PackCreateForm
      onCreate={async (pack) => {
        const id = await createPack(pack);
        // On to the new pack: its "Add term" is what comes next.
        if (id) focusWhenShown(() => packActionsElement(id)?.querySelector('button'));
        return id !== null;
      }}
    />
  );

  const packActions = (pack: GlossarySummary): JSX.Element => (
    <PackActions
      pack={pack}
      onAddTerm={(target, button) => {
        returnFocus.current = button;
        forgetPack(target.id);
        setEditor({ glossaryId: target.id });
      }}
      onDelete={(target) => void deletePack(target)}
      onCopy={(target) => void copyPack(target)}
    />
  );

  const termListProps = (pack: GlossarySummary): TermListEditing => ({
    editable: isEditablePack(pack),
    version,
    hidden,
    onEdit: (term, button) => void editTerm(pack.id, term, button),
    onDelete: (term) => void deleteTerm(pack.id, term),
  });

  const editorDialog = editor && (
    <TermEditor
      request={editor}
      packs={editable}
      onCreatePack={(name) => createPack({ name })}
      onSaved={(glossaryId, term, warnings) => void onSaved(glossaryId, term, warnings)}
      onClose={() => closeEditor()}
    />
  );

  return { newGlossary, packActions, termListProps, editorDialog };
}
