/** Builds the content scripts' compact term snapshot from the enabled packs, cached by version. */
import { surfaceForms } from '../shared/glossary/alias-rules';
import { colourSlots } from '../shared/highlight-colours';
import { compileMatcher, packMatcher } from '../shared/matcher';
import type { PageSnapshot, TermSnapshot } from '../shared/snapshot';
import type { TermlightDb } from './db';
import { glossariesInOrder, termsInOrder } from './glossaries';

/** Reads every term of every enabled pack into a snapshot with the given version number. */
export async function buildSnapshot(db: TermlightDb, version: number): Promise<TermSnapshot> {
  const all = await glossariesInOrder(db);
  // Slots follow every pack, enabled or not, so switching one off does not recolour the others.
  const slots = colourSlots(all.map((g) => g.id));
  const enabled = all.filter((g) => g.enabled);
  const colours: Record<string, number> = {};
  const terms: TermSnapshot['terms'] = [];
  for (const glossary of enabled) {
    colours[glossary.id] = slots[glossary.id] ?? 0;
    for (const row of await termsInOrder(db, glossary.id)) {
      terms.push({
        id: row.id,
        forms: surfaceForms(row),
      });
    }
  }
  return { version, terms, colours };
}

/** The snapshot as pages get it: its terms compiled and packed for a message. */
export async function buildPageSnapshot(db: TermlightDb, version: number): Promise<PageSnapshot> {
  const { terms, colours } = await buildSnapshot(db, version);
  return { version, matcher: packMatcher(compileMatcher(terms)), colours };
}

/**
 * Memoises the page snapshot for one version: the database is read and the glossary compiled once
 * per change, not once per page load.
 */
export class SnapshotCache {
  private cached: Promise<PageSnapshot> | undefined;
  private cachedVersion = -1;

  constructor(private readonly db: TermlightDb) {}

  /** The page snapshot for `version`, built at most once per version. */
  get(version: number): Promise<PageSnapshot> {
    if (!this.cached || this.cachedVersion !== version) {
      this.cachedVersion = version;
      this.cached = buildPageSnapshot(this.db, version);
      this.cached.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached;
  }
}
