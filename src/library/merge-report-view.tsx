/**
 * What importing a file over a stored pack with the same id would change, with the reader's choice:
 * "Replace glossary" or "Cancel". Focus moves into it when it appears; Escape cancels.
 */
import { useEffect, useRef } from 'preact/hooks';
import { termCount } from './term-count';
import type { PendingReplace } from './use-glossary-import';

/** Ids listed per kind of change before the rest are counted ("and 12 more"). */
const MAX_LISTED_IDS = 50;

/** One kind of change: its count, and the ids in a list that opens on demand. */
function ChangeList(props: { label: string; ids: readonly string[] }) {
  const { label, ids } = props;
  const summary = `${termCount(ids.length)} ${label}`;
  if (ids.length === 0) return <li class="change-none">{summary}</li>;
  const shown = ids.slice(0, MAX_LISTED_IDS);
  const more = ids.length - shown.length;
  return (
    <li>
      <details>
        <summary>{summary}</summary>
        <ul class="term-ids" aria-label={`Terms ${label}`}>
          {shown.map((id) => (
            <li key={id}>
              <code>{id}</code>
            </li>
          ))}
          {more > 0 && <li class="muted">and {more} more</li>}
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
      <h3 id="merge-report-heading">Replace "{stored.name}"?</h3>
      {stored.source === 'builtin' && (
        <p class="builtin-warning">
          "{stored.name}" is the glossary built into Termlight. Replacing it swaps the terms Termlight ships
          with for the ones in this file.
        </p>
      )}
      <p>
        {fileName} holds a glossary with the same id (<code>{incoming.id}</code>): "{incoming.name}",{' '}
        {termCount(incoming.termCount)}. Replacing the stored glossary with it:
      </p>
      <ul class="changes">
        <ChangeList label="added" ids={report.added} />
        <ChangeList label="changed" ids={report.changed} />
        <ChangeList label="removed" ids={report.removed} />
        <li class="pack-details">
          {report.packChanged
            ? renamed
              ? `The glossary's details change: it is renamed "${incoming.name}".`
              : "The glossary's details change (its description, language or date)."
            : "The glossary's details (name, description, language, date) stay the same."}
        </li>
      </ul>
      {pending.warnings.length > 0 && (
        <p class="muted">
          The file has {pending.warnings.length} warning{pending.warnings.length === 1 ? '' : 's'}; they are
          listed after the import.
        </p>
      )}
      <div class="toolbar">
        <button type="button" class="primary" onClick={onReplace}>
          Replace glossary
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
