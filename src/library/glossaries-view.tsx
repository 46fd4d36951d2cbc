/**
 * The Glossaries tab: every pack with its term count, its switch and its export buttons, and the
 * importer (the file input, or a file dropped anywhere on the tab) with its merge report.
 */

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLOURS } from '../shared/highlight-colours';
import { t } from '../shared/i18n';
import { type GlossarySummary, send } from '../shared/messages';
import { namedMessage } from '../shared/term-detail-parts';
import { Switch } from '../shared/ui/switch';
import { ImportGlossary } from './import-glossary';
import { MergeReportView } from './merge-report-view';
import { PackExportButtons } from './pack-export-buttons';
import { SubscribeForm } from './subscribe-form';
import { SubscriptionControls } from './subscription-controls';
import { termCount } from './term-count';
import { TermList } from './term-list';
import { useGlossaryImport } from './use-glossary-import';
import type { StatusMessage } from './use-status';
import { useTermEdits } from './use-term-edits';

/** Whether a drag carries files (rather than text or a link dragged from the page). */
function carriesFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

/** Lists the packs and lets the user switch them, export them, and import new ones. */
export function GlossariesView({
  focusId,
  newTerm = null,
  announce: setStatus,
}: {
  /** The term the page was opened at (a card's "Edit in library"): its pack's terms show straight away. */
  focusId: string | null;
  /** A new term's text (`#new-term=`, "Add to glossary" on a page): the term editor opens with it. */
  newTerm?: string | null;
  announce: (status: StatusMessage) => void;
}) {
  const [packs, setPacks] = useState<GlossarySummary[] | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(focusId ? [focusId.split('/')[0] ?? ''] : []),
  );
  const toggleTerms = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const reload = useCallback(async () => {
    try {
      setPacks(await send({ type: 'listGlossaries' }));
    } catch (error) {
      setStatus({ tone: 'error', text: t('library_glossariesReadFailed', String(error)) });
    }
  }, [setStatus]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // A link to a term of a glossary the library does not hold (removed, or never imported here).
  const missingPack =
    packs !== null && focusId !== null && !packs.some((p) => focusId.startsWith(`${p.id}/`));
  useEffect(() => {
    if (missingPack && focusId) setStatus({ tone: 'error', text: t('library_noSuchTerm', focusId) });
  }, [missingPack, focusId, setStatus]);

  // New glossary, Add term / Delete glossary / Copy to local pack, Edit / Delete per term, the editor.
  const edits = useTermEdits({
    packs,
    reload,
    announce: setStatus,
    openPack: (id) => setOpen((current) => (current.has(id) ? current : new Set(current).add(id))),
    newTerm,
  });

  const importInput = useRef<HTMLInputElement>(null);
  const { pending, importFile, confirm, cancel } = useGlossaryImport({
    announce: setStatus,
    onChanged: () => void reload(),
  });
  // The report's buttons go away with it: focus returns to the control the import started from.
  const settle = (choice: () => unknown) => {
    void choice();
    importInput.current?.focus();
  };

  // A file dragged over the tab shows the drop zone; dropped, it is imported like a chosen one.
  // Listeners rather than props: dropping is a pointer shortcut, the file input stays the control.
  const [dragging, setDragging] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const importDropped = useRef(importFile);
  importDropped.current = importFile;
  useEffect(() => {
    const zone = panel.current;
    if (!zone) return;
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      const into = event.relatedTarget;
      if (into instanceof Node && zone.contains(into)) return;
      setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      const [file] = files;
      if (!file) return;
      if (files.length > 1) {
        setStatus({
          tone: 'error',
          text: t('library_dropOneFile'),
        });
        return;
      }
      void importDropped.current(file);
    };
    zone.addEventListener('dragenter', onDragOver);
    zone.addEventListener('dragover', onDragOver);
    zone.addEventListener('dragleave', onDragLeave);
    zone.addEventListener('drop', onDrop);
    return () => {
      zone.removeEventListener('dragenter', onDragOver);
      zone.removeEventListener('dragover', onDragOver);
      zone.removeEventListener('dragleave', onDragLeave);
      zone.removeEventListener('drop', onDrop);
    };
  }, [setStatus]);

  const toggle = async (pack: GlossarySummary, enabled: boolean) => {
    try {
      await send({ type: 'setGlossaryEnabled', id: pack.id, enabled });
      setStatus({
        tone: 'ok',
        text: enabled ? t('library_packEnabled', pack.name) : t('library_packDisabled', pack.name),
      });
    } catch (error) {
      setStatus({ tone: 'error', text: t('library_packToggleFailed', [pack.name, String(error)]) });
    }
    await reload();
  };

  return (
    <div class={dragging ? 'glossaries dragging' : 'glossaries'} ref={panel}>
      <h2 class="visually-hidden">{t('library_tabGlossaries')}</h2>
      <div class="toolbar">
        {edits.newGlossary}
        <ImportGlossary inputRef={importInput} onFile={(file) => void importFile(file)} />
        <span class="muted">{t('library_orDrop')}</span>
      </div>
      <SubscribeForm announce={setStatus} onChanged={() => void reload()} />
      {dragging && (
        <div class="drop-zone" aria-hidden="true">
          <span>{t('library_dropHere')}</span>
        </div>
      )}
      {pending && (
        <MergeReportView
          pending={pending}
          onReplace={() => settle(confirm)}
          onCancel={() => settle(cancel)}
        />
      )}
      {edits.editorDialog}
      {packs === null ? (
        <p class="muted">{t('library_loading')}</p>
      ) : packs.length === 0 ? (
        <p class="muted no-packs">{t('library_noPacks')}</p>
      ) : (
        <ul class="packs">
          {packs.map((pack) => (
            <li class="pack-item" key={pack.id}>
              <div class="pack">
                <div class="about">
                  <div class="name" id={`pack-name-${pack.id}`}>
                    {pack.name}
                  </div>
                  <div class="muted">
                    {termCount(pack.termCount)} · {namedMessage('library_source_', pack.source)}
                    {pack.updated ? ` · ${t('library_packUpdated', pack.updated)}` : ''} ·{' '}
                    <ColourSwatch slot={pack.colour} />
                  </div>
                  {pack.description && <div class="muted">{pack.description}</div>}
                </div>
                <Switch
                  id={`enable-${pack.id}`}
                  name={t('library_enablePack', pack.name)}
                  checked={pack.enabled}
                  onChange={(on) => void toggle(pack, on)}
                >
                  {pack.enabled ? t('library_on') : t('library_off')}
                </Switch>
                <PackExportButtons pack={pack} announce={setStatus} />
                {edits.packActions(pack)}
                <button
                  type="button"
                  aria-expanded={open.has(pack.id)}
                  aria-controls={`terms-${pack.id}`}
                  // Every pack has one: the pack's name tells a screen reader's list of buttons apart.
                  aria-describedby={`pack-name-${pack.id}`}
                  onClick={() => toggleTerms(pack.id)}
                >
                  {open.has(pack.id) ? t('library_hideTerms') : t('library_showTerms')}
                </button>
                {pack.source === 'subscription' && (
                  <SubscriptionControls pack={pack} announce={setStatus} onChanged={() => void reload()} />
                )}
              </div>
              {open.has(pack.id) && (
                <div id={`terms-${pack.id}`}>
                  <TermList
                    glossaryId={pack.id}
                    focusId={focusId}
                    announce={setStatus}
                    editing={edits.termListProps(pack)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The colour a pack's terms are highlighted in, as a swatch and its name. */
function ColourSwatch(props: { slot: number }) {
  const colour = HIGHLIGHT_COLOURS[props.slot % HIGHLIGHT_COLOURS.length] ?? HIGHLIGHT_COLOURS[0];
  if (!colour) return null;
  return (
    <span class="colour">
      <span
        class="swatch"
        aria-hidden="true"
        style={{ backgroundColor: colour.light.fill, borderBottomColor: colour.light.line }}
      />
      {t('library_colourHighlights', namedMessage('library_colour_', colour.name))}
    </span>
  );
}
