/** Searching, filtering and grouping the library's clippings: pure functions over plain data. */
import type { Clipping } from '../shared/clippings/model';

/** What the reader searched for and chose in the filters; an empty string means "any". */
export interface ClippingQuery {
  text: string;
  termId: string;
  tag: string;
  site: string;
}

/** No search, no filter: every clipping. */
export const EVERY_CLIPPING: ClippingQuery = { text: '', termId: '', tag: '', site: '' };

/** The choices each filter offers, taken from the clippings themselves. */
export interface FilterOptions {
  terms: { id: string; name: string }[];
  tags: string[];
  sites: string[];
}

/** The clippings of one page, newest first. */
export interface PageGroup {
  url: string;
  title: string;
  site: string;
  clippings: Clipping[];
}

/** A term's display name, falling back to the term part of its id when the pack is gone. */
export function termName(termId: string, termNames: Readonly<Record<string, string>>): string {
  // hasOwn: a term id such as "constructor" must not find Object.prototype's.
  return Object.hasOwn(termNames, termId)
    ? (termNames[termId] ?? termId)
    : termId.slice(termId.indexOf('/') + 1);
}

/** True when the query narrows the list at all. */
export function isNarrowed(query: ClippingQuery): boolean {
  return query.text.trim() !== '' || query.termId !== '' || query.tag !== '' || query.site !== '';
}

/** Case- and width-insensitive form for substring search (so "ＭＬＰＳ" finds "mlps"). */
function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

/** The clippings that match `query`: the search text is a substring of the passage, note, title, a tag or a term name. */
export function filterClippings(
  clippings: readonly Clipping[],
  query: ClippingQuery,
  termNames: Readonly<Record<string, string>>,
): Clipping[] {
  const needle = fold(query.text.trim());
  return clippings.filter((c) => {
    if (query.termId && !c.termIds.includes(query.termId)) return false;
    if (query.tag && !c.tags.includes(query.tag)) return false;
    if (query.site && c.site !== query.site) return false;
    if (!needle) return true;
    const fields = [c.exact, c.note, c.title, ...c.tags, ...c.termIds.map((id) => termName(id, termNames))];
    return fields.some((field) => fold(field).includes(needle));
  });
}

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

/** The terms, tags and sites that occur in `clippings`, sorted by name. */
export function filterOptions(
  clippings: readonly Clipping[],
  termNames: Readonly<Record<string, string>>,
): FilterOptions {
  const termIds = new Set(clippings.flatMap((c) => c.termIds));
  return {
    terms: [...termIds]
      .map((id) => ({ id, name: termName(id, termNames) }))
      .sort((a, b) => byName(a.name, b.name)),
    tags: [...new Set(clippings.flatMap((c) => c.tags))].sort(byName),
    sites: [...new Set(clippings.map((c) => c.site))].sort(byName),
  };
}

/** Newest first; ties keep their order. */
export function newestFirst(clippings: readonly Clipping[]): Clipping[] {
  return [...clippings].sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * Groups clippings by page URL. Pages come newest first by their newest clipping, and each page
 * shows the title its newest clipping was saved with (a page's title can change between visits).
 */
export function groupByPage(clippings: readonly Clipping[]): PageGroup[] {
  const groups = new Map<string, PageGroup>();
  for (const clipping of newestFirst(clippings)) {
    const group = groups.get(clipping.url);
    if (group) group.clippings.push(clipping);
    else
      groups.set(clipping.url, {
        url: clipping.url,
        title: clipping.title,
        site: clipping.site,
        clippings: [clipping],
      });
  }
  return [...groups.values()];
}

/** Splits a "Tags" field on commas (ASCII or full-width): trimmed, empty ones dropped, each tag once. */
export function parseTags(field: string): string[] {
  return [
    ...new Set(
      field
        .split(/[,，]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
