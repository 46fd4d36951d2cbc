/** Where the library page is: the chosen tab and the term it was opened at, both read from the URL hash. */

/** The library's tabs, in the order the tab bar shows them. */
export const LIBRARY_TABS = ['clippings', 'glossaries', 'settings'] as const;

export type LibraryTab = (typeof LIBRARY_TABS)[number];

/** The tab to show and, when the page was opened at a term, that term's id. */
export interface LibraryRoute {
  tab: LibraryTab;
  termId: string | null;
  /** The text of a new term (`#new-term=<text>`, from "Add to glossary" on a page): opens the term editor. */
  newTerm: string | null;
}

/** The term id the page was opened at (`library.html#term=<glossaryId>/<termId>`), if any. */
export function termFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('term');
  return value?.includes('/') ? value : null;
}

/** The text of `library.html#new-term=<url-encoded text>`, if the hash says one (and it is not blank). */
export function newTermFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('new-term');
  return value?.trim() ? value : null;
}

/**
 * Reads `#clippings`, `#glossaries`, `#settings`, `#term=<id>` or `#new-term=<text>`; anything else
 * is the Clippings tab.
 */
export function routeFromHash(hash: string): LibraryRoute {
  const termId = termFromHash(hash);
  // A term lives in its pack's term list, on the Glossaries tab.
  if (termId) return { tab: 'glossaries', termId, newTerm: null };
  // The term editor is on the Glossaries tab too.
  const newTerm = newTermFromHash(hash);
  if (newTerm) return { tab: 'glossaries', termId: null, newTerm };
  const name = hash.replace(/^#/, '');
  const tab = LIBRARY_TABS.find((id) => id === name) ?? 'clippings';
  return { tab, termId: null, newTerm: null };
}
