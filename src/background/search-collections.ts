/**
 * The terms and the clippings as search shelves, and the hits they answer with. Pure: the background's
 * SearchIndex keeps them per version, and the bench times them in node.
 */
import { clippingFragmentLink } from '../shared/clippings/text-fragment';
import { surfaceForms } from '../shared/glossary/alias-rules';
import type { SearchHit } from '../shared/messages';
import { shorten } from '../shared/shorten';
import type { ClippingRow, TermRow } from './db';
import { SearchShelf, searchShelves } from './search-shelf';
import { prepareQuery } from './search-text';

/** How long a definition or a note is in a hit; the popup fetches the full term when it is expanded. */
export const HIT_TEXT_CHARS = 160;
/** How long a clipping's passage is in a hit. */
export const HIT_PASSAGE_CHARS = 240;
/** The most hits one answer holds. */
export const MAX_HITS = 100;

/** A term of an enabled pack, and the name of its pack. */
export interface SearchTerm {
  row: TermRow;
  pack: string;
}

/** How much a typo-tolerant match counts in a definition (a name or an alias counts 1). */
const TERM_TEXT_WEIGHTS = [0.5];
/** …and in a clipping's note, title and passage, the order of {@link clippingShelf}'s texts. */
const CLIPPING_TEXT_WEIGHTS = [0.7, 0.6, 0.5];

/** The terms as a shelf: names are the term and its aliases, the text its definition. */
export function termShelf(terms: readonly SearchTerm[]): SearchShelf {
  return new SearchShelf(
    terms.map(({ row }) => ({
      names: [row.term, ...(row.aliases ?? []).map((a) => a.text)],
      texts: [row.definition],
    })),
    {
      textWeights: TERM_TEXT_WEIGHTS,
      matchTerms: terms.map(({ row }, doc) => ({ id: String(doc), forms: surfaceForms(row) })),
    },
  );
}

/** The clippings as a shelf: no names, and the note, the page title and the passage as texts. */
export function clippingShelf(clippings: readonly ClippingRow[]): SearchShelf {
  return new SearchShelf(
    clippings.map((c) => ({ names: [], texts: [c.note, c.title, c.exact] })),
    { textWeights: CLIPPING_TEXT_WEIGHTS },
  );
}

/** The hit for a term. */
function termHit({ row, pack }: SearchTerm): SearchHit {
  return {
    kind: 'term',
    id: row.id,
    term: row.term,
    pack,
    definition: shorten(row.definition, HIT_TEXT_CHARS),
  };
}

/** The hit for a clipping, with the link that opens its page scrolled to the passage. */
function clippingHit(c: ClippingRow): SearchHit {
  return {
    kind: 'clipping',
    id: c.id,
    exact: shorten(c.exact, HIT_PASSAGE_CHARS),
    title: c.title,
    url: c.url,
    link: clippingFragmentLink(c),
    note: shorten(c.note, HIT_TEXT_CHARS),
  };
}

/** A collection as a shelf, and the items its documents stand for. */
export interface Collection<T> {
  shelf: SearchShelf;
  items: readonly T[];
}

/** The best `limit` hits (at most {@link MAX_HITS}) for `query` among the terms, then the clippings. */
export function searchCollections(
  terms: Collection<SearchTerm>,
  clippings: Collection<ClippingRow>,
  query: string,
  limit: number,
): SearchHit[] {
  const prepared = prepareQuery(query);
  if (!prepared) return [];
  const found = searchShelves([terms.shelf, clippings.shelf], prepared, Math.min(limit, MAX_HITS));
  return found.map(({ shelf, doc }) =>
    shelf === 0 ? termHit(terms.items[doc] as SearchTerm) : clippingHit(clippings.items[doc] as ClippingRow),
  );
}
