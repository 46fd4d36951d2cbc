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

/** The export buttons, in the order they are shown, with their formatters. */
export const CLIPPING_EXPORTS: readonly {
  kind: ClippingExportKind;
  label: string;
  format: (clippings: readonly Clipping[], ctx: ExportContext) => string;
}[] = [
  { kind: 'markdown', label: 'Export Markdown', format: exportMarkdown },
  { kind: 'csv', label: 'Export CSV', format: exportCsv },
  { kind: 'json', label: 'Export JSON', format: exportClippingsJson },
  { kind: 'web-annotations', label: 'Export Web Annotations', format: exportWebAnnotations },
];

/** How long the browser may take to read the file's Blob URL before the URL is revoked. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Formats `clippings` as `kind` and saves the file with its dated name; resolves to the file name
 * once the download has started. A link with `download` rather than `downloads.download()`:
 * Chromium drops the `filename` that API is given for a Blob URL and names the file after the
 * Blob's UUID, while a same-origin link's name is kept in both browsers.
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
  const url = URL.createObjectURL(new Blob([text], { type: EXPORT_MIME_TYPES[kind] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
  return filename;
}
