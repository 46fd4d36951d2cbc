/**
 * What importing a file over a stored pack with the same id would change, with the reader's choice:
 * "Replace glossary" or "Cancel". Focus moves into it when it appears; Escape cancels.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { formatCount } from './locale';
import { slot, withElements } from './rich-message';
import { termCount } from './term-count';
import type { PendingReplace } from './use-glossary-import';

/** Ids listed per kind of change before the rest are counted ("and 12 more"). */
const MAX_LISTED_IDS = 50;

/** One kind of change: its count, and the ids in a list that opens on demand. */
function ChangeList(props: { summary: string; listLabel: string; ids: readonly string[] }) {
  const { summary, listLabel, ids } = props;
  if (ids.length === 0) return <li class="change-none">{summary}</li>;
  const shown = ids.slice(0, MAX_LISTED_IDS);
  const more = ids.length - shown.length;
  return (
    <li>
      <details>
        <summary>{summary}</summary>
        <ul class="term-ids" aria-label={listLabel}>
          {shown.map((id) => (
            <li key={id}>
              <code>{id}</code>
            </li>
          ))}
          {more > 0 && <li class="muted">{t('library_andMore', formatCount(more))}</li>}
        </ul>
      </details>
    </li>
  );
}

/** The merge report of `pending`, as a labelled region. */
export function MergeReportView(props: {
  pending: PendingReplace;
  onReplace: () => void;
  onCancel: () => void;
}) {
  const { pending, onReplace, onCancel } = props;
  const { stored, incoming, fileName } = pending;
  const { report } = stored;
  const region = useRef<HTMLElement>(null);
  // Each report is a new element (the pending import is cleared while the next file is read).
  useEffect(() => {
    region.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };

  const renamed = incoming.name !== stored.name;
  return (
    <section
      class="merge-report"
      aria-labelledby="merge-report-heading"
      tabIndex={-1}
      ref={region}
      onKeyDown={onKeyDown}
    >
      <h3 id="merge-report-heading">{t('library_replaceQuestion', stored.name)}</h3>
      {stored.source === 'builtin' && (
        <p class="builtin-warning">{t('library_replaceBuiltinWarning', stored.name)}</p>
      )}
      <p>
        {withElements(
          t('library_replaceIntro', [fileName, slot(0), incoming.name, termCount(incoming.termCount)]),
          [<code key="id">{incoming.id}</code>],
        )}
      </p>
      <ul class="changes">
        <ChangeList
          summary={t('library_termsAdded', termCount(report.added.length))}
          listLabel={t('library_termsAddedList')}
          ids={report.added}
        />
        <ChangeList
          summary={t('library_termsChanged', termCount(report.changed.length))}
          listLabel={t('library_termsChangedList')}
          ids={report.changed}
        />
        <ChangeList
          summary={t('library_termsRemoved', termCount(report.removed.length))}
          listLabel={t('library_termsRemovedList')}
          ids={report.removed}
        />
        <li class="pack-details">
          {report.packChanged
            ? renamed
              ? t('library_detailsRenamed', incoming.name)
              : t('library_detailsChange')
            : t('library_detailsSame')}
        </li>
      </ul>
      {pending.warnings.length > 0 && (
        <p class="muted">
          {pending.warnings.length === 1
            ? t('library_fileWarningOne')
            : t('library_fileWarningsOther', formatCount(pending.warnings.length))}
        </p>
      )}
      <div class="toolbar">
        <button type="button" class="primary" onClick={onReplace}>
          {t('library_replaceGlossary')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('library_cancel')}
        </button>
      </div>
    </section>
  );
}
