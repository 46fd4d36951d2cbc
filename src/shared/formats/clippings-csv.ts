/** CSV export (RFC 4180), one row per clipping, safe to open in a spreadsheet. */

import { type Clipping, positionSelector, quoteSelector } from '../clippings/model';
import { clippingLink, type ExportContext, termName } from './clippings-export';
import { joinList } from './csv-list';

const HEADER = [
  'id',
  'url',
  'title',
  'exact',
  'prefix',
  'suffix',
  'start',
  'end',
  'note',
  'tags',
  'terms',
  'link',
  'created',
  'updated',
  'anchored',
] as const;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), and a
 * clipping's text comes from any web page.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

function row(clipping: Clipping, ctx: ExportContext): Record<(typeof HEADER)[number], string> {
  const quote = quoteSelector(clipping);
  const position = positionSelector(clipping);
  return {
    id: clipping.id,
    url: clipping.url,
    title: clipping.title,
    exact: clipping.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position ? String(position.start) : '',
    end: position ? String(position.end) : '',
    note: clipping.note,
    tags: joinList(clipping.tags),
    terms: joinList(clipping.termIds.map((id) => termName(id, ctx))),
    link: clippingLink(clipping),
    created: new Date(clipping.createdAt).toISOString(),
    updated: new Date(clipping.updatedAt).toISOString(),
    anchored: String(clipping.anchored),
  };
}

/** The clippings as CSV: UTF-8 with a BOM (so spreadsheets read CJK text), CRLF line ends. */
export function exportCsv(clippings: readonly Clipping[], ctx: ExportContext): string {
  const lines = [
    HEADER.join(','),
    ...clippings.map((clipping) => {
      const values = row(clipping, ctx);
      return HEADER.map((column) => cell(values[column])).join(',');
    }),
  ];
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}
