/** What every clippings export shares: its context, file names, MIME types, term names and links. */

import type { Clipping } from '../clippings/model';
import { clippingFragmentLink } from '../clippings/text-fragment';

/** What an export needs besides the clippings. */
export interface ExportContext {
  /** Term names by `<glossaryId>/<termId>`; a term missing here is shown by its id. */
  termNames: Readonly<Record<string, string>>;
  exportedAt: Date;
}

/** The clipping export formats. */
export type ClippingExportKind = 'markdown' | 'csv' | 'json' | 'web-annotations';

/** The MIME type of each export, for the download's Blob. */
export const EXPORT_MIME_TYPES: Readonly<Record<ClippingExportKind, string>> = {
  markdown: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  // The media type the Web Annotation Protocol gives the anno.jsonld serialisation.
  'web-annotations': 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
};

const FILE_NAMES: Readonly<Record<ClippingExportKind, string>> = {
  markdown: 'termlight-clippings-{date}.md',
  csv: 'termlight-clippings-{date}.csv',
  json: 'termlight-clippings-{date}.json',
  'web-annotations': 'termlight-annotations-{date}.jsonld',
};

/** The date as YYYY-MM-DD in local time: the day the reader sees on their calendar. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The download's file name, dated, e.g. `termlight-clippings-2026-12-06.md`. */
export function exportFileName(kind: ClippingExportKind, date: Date): string {
  return FILE_NAMES[kind].replace('{date}', localDate(date));
}

/** The name of a term, or its id when the term is gone from the glossaries. */
export function termName(termId: string, ctx: ExportContext): string {
  // hasOwn: a term id such as "constructor" must not find Object.prototype's.
  return Object.hasOwn(ctx.termNames, termId) ? (ctx.termNames[termId] ?? termId) : termId;
}

/** A link to the clipping's page that opens scrolled to the passage. */
export function clippingLink(clipping: Clipping): string {
  return clippingFragmentLink(clipping);
}
