/** Exports clippings to a file in the reader's downloads folder, in one of the four formats. */
import type { Clipping } from '../shared/clippings/model';
import { exportCsv } from '../shared/formats/clippings-csv';
import {
  type ClippingExportKind,
  EXPORT_MIME_TYPES,
  type ExportContext,
  exportFileName,
} from '../shared/formats/clippings-export';
import { exportClippingsJson } from '../shared/formats/clippings-json';
import { exportMarkdown } from '../shared/formats/clippings-markdown';
import { exportWebAnnotations } from '../shared/formats/web-annotations';
import { t } from '../shared/i18n';
import { saveTextFile } from './download-file';

/** The export buttons, in the order they are shown, with their formatters. */
export const CLIPPING_EXPORTS: readonly {
  kind: ClippingExportKind;
  label: () => string;
  format: (clippings: readonly Clipping[], ctx: ExportContext) => string;
}[] = [
  { kind: 'markdown', label: () => t('library_exportMarkdown'), format: exportMarkdown },
  { kind: 'csv', label: () => t('library_exportCsv'), format: exportCsv },
  { kind: 'json', label: () => t('library_exportJson'), format: exportClippingsJson },
  { kind: 'web-annotations', label: () => t('library_exportWebAnnotations'), format: exportWebAnnotations },
];

/**
 * Formats `clippings` as `kind` and saves the file with its dated name; resolves to the file name
 * once the download has started.
 */
export async function downloadClippings(
  kind: ClippingExportKind,
  clippings: readonly Clipping[],
  termNames: Readonly<Record<string, string>>,
): Promise<string> {
  const entry = CLIPPING_EXPORTS.find((e) => e.kind === kind);
  if (!entry) throw new Error(`Unknown export format: ${kind}`);
  const exportedAt = new Date();
  const text = entry.format(clippings, { termNames, exportedAt });
  const filename = exportFileName(kind, exportedAt);
  saveTextFile(text, filename, EXPORT_MIME_TYPES[kind]);
  return filename;
}
