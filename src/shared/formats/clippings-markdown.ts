/** Markdown export: a section per page, and per clipping a quote block, a link and its notes. */

import { type Clipping, positionSelector } from '../clippings/model';
import { clippingLink, type ExportContext, localDate, termName } from './clippings-export';

/** Characters that start inline Markdown: emphasis, code, links, HTML, entities, GFM extras. */
const INLINE_SIGNIFICANT = /[\\`*_[\]<>&~|]/g;

/** Link texts also escape parentheses, which some renderers read as the end of the link. */
const LINK_TEXT_SIGNIFICANT = /[\\`*_[\]()<>&~|]/g;

/** At the start of a line: a heading, list bullet or setext underline (`>` is escaped inline). */
const BLOCK_MARKER = /^[#+=-]/;

/** An ordered-list marker: `1.` or `1)`. */
const ORDERED_MARKER = /^(\d+)([.)])/;

/** One line of plain text that renders literally, whatever it starts with. */
function escapeLine(line: string): string {
  // Trimmed, because four leading spaces would turn the line into a code block.
  return line
    .trim()
    .replace(INLINE_SIGNIFICANT, '\\$&')
    .replace(BLOCK_MARKER, '\\$&')
    .replace(ORDERED_MARKER, '$1\\$2');
}

/** Plain text as escaped paragraphs of lines; a blank line separates paragraphs. */
function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map(escapeLine));
}

/** Lines inside a paragraph end in a backslash, a hard break, so they do not run together. */
function joinLines(lines: string[], linePrefix: string): string {
  return lines.map((line) => linePrefix + line).join('\\\n');
}

function blockQuote(text: string): string {
  // Every line, blank ones too, starts with `>`, so nothing in the passage can end the quote.
  return paragraphs(text)
    .map((lines) => joinLines(lines, '> '))
    .join('\n>\n');
}

function plainText(text: string): string {
  return paragraphs(text)
    .map((lines) => joinLines(lines, ''))
    .join('\n\n');
}

function linkText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(LINK_TEXT_SIGNIFICANT, '\\$&');
}

function linkDestination(url: string): string {
  // `<` and `>` would end a `<…>` destination, and a line break ends the link itself.
  const safe = url.replace(/[<>\r\n]/g, (c) => encodeURIComponent(c));
  return /[\s()]/.test(safe) ? `<${safe}>` : safe;
}

function link(text: string, url: string): string {
  return `[${linkText(text)}](${linkDestination(url)})`;
}

/** Clippings grouped by page URL, pages by their newest clipping first, each in reading order. */
function byPage(clippings: readonly Clipping[]): Clipping[][] {
  const pages = new Map<string, Clipping[]>();
  for (const clipping of clippings) {
    const page = pages.get(clipping.url);
    if (page) page.push(clipping);
    else pages.set(clipping.url, [clipping]);
  }
  const newest = (page: Clipping[]) => Math.max(...page.map((c) => c.createdAt));
  const position = (c: Clipping) => positionSelector(c)?.start ?? Number.POSITIVE_INFINITY;
  return [...pages.values()]
    .sort((a, b) => newest(b) - newest(a))
    .map((page) => page.sort((a, b) => position(a) - position(b) || a.createdAt - b.createdAt));
}

function clippingSection(clipping: Clipping, ctx: ExportContext): string {
  const details = [
    clipping.tags.length > 0 ? `Tags: ${clipping.tags.map(escapeLine).join(', ')}` : '',
    clipping.termIds.length > 0
      ? `Terms: ${clipping.termIds.map((id) => escapeLine(termName(id, ctx))).join(', ')}`
      : '',
    `Saved ${localDate(new Date(clipping.createdAt))}`,
    // The link may not open at the passage when the page no longer has it.
    clipping.anchored ? '' : 'Not found on the page at the last visit',
  ].filter((detail) => detail !== '');
  return [
    blockQuote(clipping.exact),
    link('Open passage', clippingLink(clipping)),
    ...(clipping.note.trim() ? [plainText(clipping.note)] : []),
    details.join(' · '),
  ].join('\n\n');
}

function pageSection(page: Clipping[], ctx: ExportContext): string {
  const newest = page.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
  const title = newest.title.trim() || newest.url;
  return [`## ${link(title, newest.url)}`, ...page.map((clipping) => clippingSection(clipping, ctx))].join(
    '\n\n',
  );
}

/** The clippings as a Markdown document: a section per page, a quote block per clipping. */
export function exportMarkdown(clippings: readonly Clipping[], ctx: ExportContext): string {
  const count = `${clippings.length} ${clippings.length === 1 ? 'clipping' : 'clippings'}`;
  const header = ['# Termlight clippings', `Exported ${localDate(ctx.exportedAt)} · ${count}`];
  const sections = byPage(clippings).map((page) => pageSection(page, ctx));
  return `${[...header, ...sections].join('\n\n')}\n`;
}
