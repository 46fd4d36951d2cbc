/** Where the library page is: the chosen tab and the term it was opened at, both read from the URL hash. */

/** The library's tabs, in the order the tab bar shows them. */
export const LIBRARY_TABS = [
  { id: 'clippings', label: 'Clippings' },
  { id: 'glossaries', label: 'Glossaries' },
  { id: 'settings', label: 'Settings' },
] as const;

export type LibraryTab = (typeof LIBRARY_TABS)[number]['id'];

/** The tab to show and, when the page was opened at a term, that term's id. */
export interface LibraryRoute {
  tab: LibraryTab;
  termId: string | null;
}

/** The term id the page was opened at (`library.html#term=<glossaryId>/<termId>`), if any. */
export function termFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('term');
  return value?.includes('/') ? value : null;
}

/** Reads `#clippings`, `#glossaries`, `#settings` or `#term=<id>`; anything else is the Clippings tab. */
export function routeFromHash(hash: string): LibraryRoute {
  const termId = termFromHash(hash);
  // A term lives in its pack's term list, on the Glossaries tab.
  if (termId) return { tab: 'glossaries', termId };
  const name = hash.replace(/^#/, '');
  const tab = LIBRARY_TABS.find((t) => t.id === name)?.id ?? 'clippings';
  return { tab, termId: null };
}
