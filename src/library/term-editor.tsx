/**
 * The term editor: a modal dialog ("New term" / "Edit term") whose form is checked as the reader
 * types by the importer's validator, on the whole pack with the term in place. "Save term" (and
 * Enter) with errors left shows every one and takes the focus to the first, saving nothing; a
 * disabled button would say nothing to a keyboard or screen-reader user. The background checks
 * again on save.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { termIdFromName } from '../shared/formats/glossary-import';
import type { GlossaryPack, Term, TermStatus } from '../shared/glossary/model';
import { t } from '../shared/i18n';
import { type GlossarySummary, type ImportProblem, send } from '../shared/messages';
import { errorText } from './error-text';
import { formatCount } from './locale';
import {
  type AliasDraft,
  draftFromTerm,
  isBlankField,
  newDraft,
  type SourceDraft,
  type TermDraft,
} from './term-draft';
import { AliasRows, SourceRows } from './term-editor-lists';
import { controlAttrs, type FieldProblems, TermField } from './term-field';
import { forgetPack, loadPack, NO_PACK } from './term-pack-cache';
import { checkDraft, type DraftCheck, fieldId, locateSaveErrors, type TermProblem } from './term-validation';

/** How long typing pauses before the draft is validated again. */
const VALIDATE_DELAY_MS = 150;

/** Above this many terms, "Superseded by" is a text field rather than a list of every term. */
const SUCCESSOR_CHOICES_MAX = 1_000;

/** The name offered for a first glossary when the reader has none to add a term to. */
export const firstGlossaryName = () => t('library_firstGlossaryName');

/** What the editor is opened on. */
export interface TermEditorRequest {
  /** The pack the term goes in; null asks the reader to choose (the "Add to glossary" flow). */
  glossaryId: string | null;
  /** The term being edited; absent for a new term. */
  term?: Term;
  /** A new term's text (the selection "Add to glossary" was chosen on). */
  text?: string;
}

const STATUSES: { value: TermStatus; label: () => string }[] = [
  { value: 'current', label: () => t('library_statusCurrent') },
  { value: 'superseded', label: () => t('library_statusSuperseded') },
  { value: 'draft', label: () => t('library_statusDraft') },
];

export function TermEditor(props: {
  request: TermEditorRequest;
  /** The packs a term can be saved in (not the built-in or subscribed ones). */
  packs: readonly GlossarySummary[];
  /** Creates a local pack and resolves to its id (null when it failed, already announced). */
  onCreatePack: (name: string) => Promise<string | null>;
  onSaved: (glossaryId: string, term: Term, warnings: ImportProblem[]) => void;
  onClose: () => void;
}) {
  const { request, packs, onCreatePack, onSaved, onClose } = props;
  const previousId = request.term?.id;
  const choosing = request.glossaryId === null;
  const [glossaryId, setGlossaryId] = useState<string | null>(request.glossaryId ?? packs[0]?.id ?? null);
  const [pack, setPack] = useState<GlossaryPack | null>(null);
  const [draft, setDraft] = useState<TermDraft>(() =>
    request.term ? draftFromTerm(request.term) : newDraft(request.text),
  );
  const [check, setCheck] = useState<DraftCheck | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  // Every message shows once the reader tries to save, and throughout when editing a stored term.
  const [showAll, setShowAll] = useState(request.term !== undefined);
  const [saveErrors, setSaveErrors] = useState<TermProblem[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [packRead, setPackRead] = useState(0);
  const saving = useRef(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const pendingFocus = useRef<string | null>(null);

  // Modal: the rest of the page is inert while it is open, and focus starts in the Term field.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    document.getElementById(fieldId('term'))?.focus();
    return () => {
      if (element.open) element.close();
    };
  }, []);

  // A glossary chosen (or one just created) that is not on the list yet stays chosen; none chosen
  // while there are glossaries picks the first.
  useEffect(() => {
    if (glossaryId === null && packs[0]) setGlossaryId(packs[0].id);
  }, [glossaryId, packs]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `packRead` changes to read the pack again after a refused save.
  useEffect(() => {
    if (glossaryId === null) {
      setPack(NO_PACK);
      return;
    }
    let live = true;
    setPack(null);
    loadPack(glossaryId).then(
      (loaded) => {
        if (live) setPack(loaded);
      },
      (error: unknown) => {
        if (live) setFailure(t('library_glossaryReadFailed', errorText(error)));
      },
    );
    return () => {
      live = false;
    };
  }, [glossaryId, packRead]);

  const checkedOnce = useRef(false);
  // How long the last check took: a pack of 100 000 terms takes about half a second, so the pause
  // before the next check grows with it rather than stalling the page after every keystroke.
  const checkMs = useRef(0);
  useEffect(() => {
    if (!pack) return;
    const run = () => {
      const started = performance.now();
      setCheck(checkDraft(pack, draft, previousId));
      checkMs.current = performance.now() - started;
    };
    if (!checkedOnce.current) {
      checkedOnce.current = true;
      run();
      return;
    }
    const timer = setTimeout(run, Math.max(VALIDATE_DELAY_MS, 2 * checkMs.current));
    return () => clearTimeout(timer);
  }, [pack, draft, previousId]);

  // After the render that shows the control (a row just added): kept until that control is there.
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  });
  const focusLater = (id: string) => {
    pendingFocus.current = id;
  };

  const errors = useMemo(() => [...(check?.errors ?? []), ...(saveErrors ?? [])], [check, saveErrors]);
  const problems: FieldProblems = {
    // An empty control the reader has not been to yet does not complain (a new term starts empty);
    // anything typed or pre-filled is checked at once.
    shown: (field) =>
      showAll ||
      touched.has(field) ||
      !isBlankField(draft, field) ||
      saveErrors?.some((p) => p.field === field)
        ? errors.filter((p) => p.field === field).map((p) => p.message)
        : [],
    touch: (field) => setTouched((current) => (current.has(field) ? current : new Set(current).add(field))),
  };

  const update = (change: Partial<TermDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setSaveErrors(null);
    setFailure(null);
  };
  const setTerm = (term: string) =>
    setDraft((current) => ({
      ...current,
      term,
      ...(!current.idEdited && { id: term.trim() ? termIdFromName(term.trim()) : '' }),
    }));

  const focusFirstProblem = (found: readonly TermProblem[]) => {
    const first = found.find((p) => p.field !== null);
    const target = first?.field ? document.getElementById(fieldId(first.field)) : null;
    (target ?? document.getElementById('term-editor-summary'))?.focus();
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving.current || glossaryId === null || !pack) return;
    // Checked now rather than trusting the last (debounced) check: typing may have just changed it.
    const fresh = checkDraft(pack, draft, previousId);
    setCheck(fresh);
    setShowAll(true);
    if (fresh.errors.length > 0) {
      focusFirstProblem(fresh.errors);
      return;
    }
    saving.current = true;
    try {
      const result = await send({
        type: 'saveTerm',
        glossaryId,
        term: fresh.draftTerm.term,
        ...(previousId !== undefined && { previousId }),
      });
      forgetPack(glossaryId);
      if (result.ok) {
        onSaved(glossaryId, result.term, result.warnings);
        return;
      }
      const located = locateSaveErrors(result.errors, pack, draft, previousId);
      setSaveErrors(located);
      // The stored pack may have changed under the editor: read it again for the next check.
      setPackRead((n) => n + 1);
      focusFirstProblem(located);
    } catch (error) {
      setFailure(t('library_termSaveFailed', errorText(error)));
    } finally {
      saving.current = false;
    }
  };

  const createFirst = async () => {
    const id = await onCreatePack(firstGlossaryName());
    if (id) {
      setGlossaryId(id);
      focusLater(fieldId('glossary'));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };

  const packName = packs.find((p) => p.id === glossaryId)?.name ?? pack?.name ?? '';
  // Only a glossary to save in is needed to press it: with problems left, a press shows them.
  const blocked = glossaryId === null;
  const heading = request.term ? t('library_editTermHeading') : t('library_newTerm');
  const others = (pack?.terms ?? []).filter((t) => t.id !== previousId && t.id !== draft.id.trim());

  return (
    <dialog
      ref={dialog}
      class="term-editor"
      aria-labelledby="term-editor-heading"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={save} noValidate>
        <h2 id="term-editor-heading">{heading}</h2>
        {choosing ? (
          packs.length > 0 || glossaryId !== null ? (
            <TermField field="glossary" label={t('library_fieldGlossary')} problems={problems}>
              <select
                {...controlAttrs('glossary', t('library_fieldGlossary'), problems)}
                value={glossaryId ?? ''}
                onChange={(event) => {
                  setGlossaryId(event.currentTarget.value);
                  setSaveErrors(null);
                }}
              >
                {packs.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
                {glossaryId !== null && !packs.some((p) => p.id === glossaryId) && (
                  <option value={glossaryId}>{packName || glossaryId}</option>
                )}
              </select>
            </TermField>
          ) : (
            <p class="no-glossary">
              {t('library_noEditableGlossary')}{' '}
              <button type="button" onClick={() => void createFirst()}>
                {t('library_createFirstGlossary', firstGlossaryName())}
              </button>
            </p>
          )
        ) : (
          <p class="muted">{t('library_inPack', packName)}</p>
        )}

        <div class="term-grid">
          <TermField field="term" label={t('library_fieldTerm')} problems={problems}>
            <input
              type="text"
              {...controlAttrs('term', t('library_fieldTerm'), problems)}
              value={draft.term}
              onInput={(event) => {
                setTerm(event.currentTarget.value);
                setSaveErrors(null);
                problems.touch('term');
              }}
            />
          </TermField>
          <TermField
            field="id"
            label={t('library_fieldTermId')}
            problems={problems}
            hint={{
              id: 'term-editor-id-hint',
              text: request.term ? t('library_termIdHint') : t('library_newTermIdHint'),
            }}
          >
            <input
              type="text"
              {...controlAttrs('id', t('library_fieldTermId'), problems, 'term-editor-id-hint')}
              spellcheck={false}
              value={draft.id}
              onInput={(event) => {
                const id = event.currentTarget.value;
                update({ id, idEdited: id !== '' });
                problems.touch('id');
              }}
            />
          </TermField>
        </div>

        <AliasRows
          aliases={draft.aliases}
          onChange={(aliases: AliasDraft[]) => update({ aliases })}
          problems={problems}
          focus={focusLater}
        />

        <TermField field="definition" label={t('library_fieldDefinition')} problems={problems}>
          <textarea
            {...controlAttrs('definition', t('library_fieldDefinition'), problems)}
            rows={4}
            value={draft.definition}
            onInput={(event) => {
              update({ definition: event.currentTarget.value });
              problems.touch('definition');
            }}
          />
        </TermField>

        <div class="term-grid">
          <TermField field="category" label={t('library_fieldCategory')} problems={problems}>
            <input
              type="text"
              {...controlAttrs('category', t('library_fieldCategory'), problems)}
              value={draft.category}
              onInput={(event) => {
                update({ category: event.currentTarget.value });
                problems.touch('category');
              }}
            />
          </TermField>
          <TermField
            field="tags"
            label={t('library_tags')}
            problems={problems}
            hint={{ id: 'term-editor-tags-hint', text: t('library_tagsHint') }}
          >
            <input
              type="text"
              {...controlAttrs('tags', t('library_tags'), problems, 'term-editor-tags-hint')}
              value={draft.tags}
              onInput={(event) => {
                update({ tags: event.currentTarget.value });
                problems.touch('tags');
              }}
            />
          </TermField>
        </div>

        <TermField
          field="related"
          label={t('library_fieldRelated')}
          problems={problems}
          hint={{
            id: 'term-editor-related-hint',
            text: t('library_relatedHint'),
          }}
        >
          <input
            type="text"
            list="term-editor-ids"
            spellcheck={false}
            {...controlAttrs('related', t('library_fieldRelated'), problems, 'term-editor-related-hint')}
            value={draft.related}
            onInput={(event) => {
              update({ related: event.currentTarget.value });
              problems.touch('related');
            }}
          />
        </TermField>

        <SourceRows
          sources={draft.sources}
          onChange={(sources: SourceDraft[]) => update({ sources })}
          problems={problems}
          focus={focusLater}
        />

        <div class="term-grid">
          <TermField field="status" label={t('library_fieldStatus')} problems={problems}>
            <select
              {...controlAttrs('status', t('library_fieldStatus'), problems)}
              value={draft.status}
              onChange={(event) => {
                const status = event.currentTarget.value as TermStatus;
                update({ status });
                problems.touch('status');
                if (status === 'superseded') focusLater(fieldId('supersededBy'));
              }}
            >
              {STATUSES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label()}
                </option>
              ))}
            </select>
          </TermField>
          {draft.status === 'superseded' && (
            <TermField field="supersededBy" label={t('library_fieldSupersededBy')} problems={problems}>
              {others.length <= SUCCESSOR_CHOICES_MAX ? (
                <select
                  {...controlAttrs('supersededBy', t('library_fieldSupersededBy'), problems)}
                  value={draft.supersededBy}
                  onChange={(event) => {
                    update({ supersededBy: event.currentTarget.value });
                    problems.touch('supersededBy');
                  }}
                >
                  <option value="">{t('library_chooseSuccessor')}</option>
                  {others.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.term} ({t.id})
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  type="text"
                  spellcheck={false}
                  list="term-editor-ids"
                  {...controlAttrs('supersededBy', t('library_fieldSupersededBy'), problems)}
                  value={draft.supersededBy}
                  onInput={(event) => {
                    update({ supersededBy: event.currentTarget.value.trim() });
                    problems.touch('supersededBy');
                  }}
                />
              )}
            </TermField>
          )}
        </div>
        {others.length <= SUCCESSOR_CHOICES_MAX && (
          <datalist id="term-editor-ids">
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.term}
              </option>
            ))}
          </datalist>
        )}

        <Summary errors={errors} warnings={check?.warnings ?? []} />
        {failure && (
          <p role="alert" class="field-error">
            {failure}
          </p>
        )}

        <div class="actions">
          <button type="submit" class="primary" disabled={blocked}>
            {t('library_saveTerm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('library_cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Every problem in one list (each links to its control), then the warnings, which do not block saving. */
function Summary({ errors, warnings }: { errors: TermProblem[]; warnings: TermProblem[] }) {
  const go = (event: Event, field: string | null) => {
    event.preventDefault();
    if (field) document.getElementById(fieldId(field))?.focus();
  };
  const item = (p: TermProblem, i: number) => (
    <li key={`${p.field}-${i}`}>
      {p.field ? (
        <a href={`#${fieldId(p.field)}`} onClick={(event) => go(event, p.field)}>
          {p.label}
        </a>
      ) : (
        p.label
      )}
      : {p.message}
    </li>
  );
  if (errors.length === 0 && warnings.length === 0) return <div id="term-editor-summary" tabIndex={-1} />;
  return (
    <div id="term-editor-summary" class="term-summary" tabIndex={-1}>
      {errors.length > 0 && (
        <>
          <p class="field-error">
            {errors.length === 1
              ? t('library_problemToFix')
              : t('library_problemsToFix', formatCount(errors.length))}
          </p>
          <ul class="errors">{errors.map(item)}</ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <p class="muted">{t('library_warningsSavable')}</p>
          <ul class="errors muted">{warnings.map(item)}</ul>
        </>
      )}
    </div>
  );
}
