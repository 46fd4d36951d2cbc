/**
 * The popup's search, answered in the background: the popup is rebuilt every time it opens, so the
 * index lives here, built once per snapshot version (the terms of the enabled packs) and once per
 * change of the clippings, and read by every keystroke.
 */
import Dexie from 'dexie';
import type { SearchResults } from '../shared/messages';
import type { ClippingRow, TermlightDb } from './db';
import { glossariesInOrder, termsInOrder } from './glossaries';
import {
  type Collection,
  clippingShelf,
  type SearchTerm,
  searchCollections,
  termShelf,
} from './search-collections';
import { currentSnapshotVersion } from './snapshot-version';

interface Built<T> {
  /** The snapshot version or clippings generation it was built from. */
  from: number;
  value: Promise<Collection<T>>;
}

/** Searches the terms of the enabled packs and the clippings; see the module comment. */
export class SearchIndex {
  private terms: Built<SearchTerm> | undefined;
  private clippings: Built<ClippingRow> | undefined;
  /** Counts committed writes to the clippings table, so the index knows when to read it again. */
  private clippingsGeneration = 0;

  constructor(private readonly db: TermlightDb) {
    // Dexie reports every committed write by table; a note edited in the library counts as much as
    // a clipping saved, and no keystroke pays for a count or a scan of the table to find out.
    const part = `idb://${db.name}/clippings/`;
    Dexie.on('storagemutated', (parts) => {
      if (Object.keys(parts).some((key) => key.startsWith(part))) this.clippingsGeneration++;
    });
  }

  /** The best `limit` hits for `query`, best first; none for a blank query (which still builds the index). */
  async search(query: string, limit: number): Promise<SearchResults> {
    const [terms, clippings] = await Promise.all([this.termsNow(), this.clippingsNow()]);
    return { query, hits: searchCollections(terms, clippings, query, limit) };
  }

  private async termsNow(): Promise<Collection<SearchTerm>> {
    const version = await currentSnapshotVersion(this.db);
    if (this.terms?.from !== version) {
      const value = readTerms(this.db).then((items) => ({ shelf: termShelf(items), items }));
      this.terms = { from: version, value };
      value.catch(() => {
        if (this.terms?.value === value) this.terms = undefined;
      });
    }
    return this.terms.value;
  }

  private clippingsNow(): Promise<Collection<ClippingRow>> {
    // Taken before the read: a write committed while it runs makes the next search read again.
    const generation = this.clippingsGeneration;
    if (this.clippings?.from !== generation) {
      const value = readClippings(this.db).then((items) => ({ shelf: clippingShelf(items), items }));
      this.clippings = { from: generation, value };
      value.catch(() => {
        if (this.clippings?.value === value) this.clippings = undefined;
      });
    }
    return this.clippings.value;
  }
}

/** Every term of every enabled pack, in library order, with its pack's name. */
async function readTerms(db: TermlightDb): Promise<SearchTerm[]> {
  const out: SearchTerm[] = [];
  for (const pack of await glossariesInOrder(db)) {
    if (!pack.enabled) continue;
    for (const row of await termsInOrder(db, pack.id)) out.push({ row, pack: pack.name });
  }
  return out;
}

/** Every clipping, newest first (so, among equals, the newest ranks first). */
async function readClippings(db: TermlightDb): Promise<ClippingRow[]> {
  const rows = await db.clippings.toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}
