/**
 * Importing a glossary file, whichever way it came (the file input or a drop): the size check, the
 * background's preview, and, when a pack with the file's id is stored, the reader's choice to replace.
 */
import { useRef, useState } from 'preact/hooks';
import type { MergeReport } from '../shared/glossary/merge-report';
import { t, uiLocale } from '../shared/i18n';
import type { ImportProblem } from '../shared/messages';
import { errorText } from './error-text';
import { progressText } from './import-progress';
import { type StagedImport, stageImport } from './import-stream';
import { formatCount } from './locale';
import { problemLines, problemsRefusal } from './problem-status';
import { termCount } from './term-count';
import type { StatusMessage } from './use-status';

/** The largest file read at all; checked from `file.size` before a byte is read. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** An import waiting for the reader to confirm that it replaces the stored pack with its id. */
export interface PendingReplace {
  fileName: string;
  /** The previewed import, held by the background until it is committed or discarded. */
  staged: StagedImport;
  /** The pack in the file. */
  incoming: { id: string; name: string; termCount: number };
  /** The stored pack it would replace, and what replacing it changes. */
  stored: { name: string; source: string; report: MergeReport };
  warnings: ImportProblem[];
}

/** "1.5 MB", "200 MB": a size in binary megabytes, as file managers show it. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const digits = Number.isInteger(mb) ? 0 : 1;
  const number = new Intl.NumberFormat(uiLocale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  });
  return t('library_megabytes', number.format(mb));
}

/** The announcement for a file the background refused, in the importer's long-standing format. */
function refusal(fileName: string, errors: readonly ImportProblem[]): StatusMessage {
  return problemsRefusal(t('library_importRefused'), fileName, errors);
}

/** Warnings as details of a success, with a count when there are more than are shown. */
function warningDetails(warnings: readonly ImportProblem[]): string[] | undefined {
  if (warnings.length === 0) return undefined;
  const shown = problemLines(warnings).map((line) => t('library_warningLine', line));
  const more = warnings.length - shown.length;
  if (more <= 0) return shown;
  return [...shown, more === 1 ? t('library_moreWarningOne') : t('library_moreWarnings', formatCount(more))];
}

/**
 * The import flow. `importFile` previews the file and imports it at once when its id is new;
 * otherwise it sets `pending`, which the merge report shows until `confirm` or `cancel`.
 */
export function useGlossaryImport(options: {
  announce: (status: StatusMessage) => void;
  /** Called after anything may have changed in the stored packs. */
  onChanged: () => void;
}) {
  const { announce, onChanged } = options;
  const [pending, setPending] = useState<PendingReplace | null>(null);
  // Each import gets a number; the answers of one overtaken by a newer file are dropped.
  const latest = useRef(0);

  const commit = async (
    ticket: number,
    fileName: string,
    staged: StagedImport,
    replacing?: PendingReplace,
  ) => {
    try {
      const result = await staged.commit(replacing !== undefined);
      if (ticket !== latest.current) return;
      if (!result.ok) {
        announce(refusal(fileName, result.errors));
        return;
      }
      const report = replacing?.stored.report;
      const text_ =
        result.replaced && report
          ? t('library_glossaryReplaced', [
              result.name,
              termCount(result.termCount),
              formatCount(report.added.length),
              formatCount(report.changed.length),
              formatCount(report.removed.length),
            ])
          : t('library_glossaryImported', [result.name, termCount(result.termCount)]);
      announce({ tone: 'ok', text: text_, details: warningDetails(result.warnings) });
    } catch (error) {
      // The write may have gone through before the failure: say so rather than "nothing was changed".
      if (ticket === latest.current) {
        announce({
          tone: 'error',
          text: t('library_importUnfinished', [fileName, errorText(error)]),
        });
      }
    } finally {
      onChanged();
    }
  };

  const importFile = async (file: File) => {
    const ticket = ++latest.current;
    pending?.staged.discard();
    setPending(null);
    if (file.size > MAX_IMPORT_BYTES) {
      announce({
        tone: 'error',
        text: t('library_importTooLarge', [file.name, megabytes(file.size), megabytes(MAX_IMPORT_BYTES)]),
      });
      return;
    }
    announce({ tone: 'info', text: t('library_importing', file.name) });
    let staged: StagedImport;
    try {
      staged = await stageImport(file, (progress) => {
        if (ticket === latest.current) announce({ tone: 'info', text: progressText(progress) });
      });
    } catch (error) {
      if (ticket === latest.current) {
        announce({ tone: 'error', text: t('library_importFailed', errorText(error)) });
      }
      return;
    }
    if (ticket !== latest.current) {
      staged.discard();
      return;
    }
    const { preview } = staged;
    if (!preview.ok) {
      announce(refusal(file.name, preview.errors));
      return;
    }
    if (!preview.existing) {
      await commit(ticket, file.name, staged);
      return;
    }
    setPending({
      fileName: file.name,
      staged,
      incoming: { id: preview.packId, name: preview.name, termCount: preview.termCount },
      stored: preview.existing,
      warnings: preview.warnings,
    });
    announce({
      tone: 'info',
      text: t('library_wouldReplace', [file.name, preview.existing.name]),
    });
  };

  const confirm = async () => {
    if (!pending) return;
    const ticket = ++latest.current;
    setPending(null);
    announce({ tone: 'info', text: t('library_replacing', pending.stored.name) });
    await commit(ticket, pending.fileName, pending.staged, pending);
  };

  const cancel = () => {
    ++latest.current;
    pending?.staged.discard();
    setPending(null);
    announce({ tone: 'info', text: t('library_importCancelled') });
  };

  return { pending, importFile, confirm, cancel };
}
