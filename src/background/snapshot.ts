/** Builds the content scripts' compact term snapshot from the enabled packs, cached by version. */
import { surfaceForms } from '../shared/glossary/alias-rules';
import { colourSlots } from '../shared/highlight-colours';
import { compileMatcher, type Matcher, packMatcher } from '../shared/matcher';
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
        forms: surfaceForms(row, glossary.language),
      });
    }
  }
  return { version, terms, colours };
}

/**
 * Memoises the compiled glossary for one version: the database is read and the glossary compiled
 * once per change, then serves both the pages (packed, {@link get}) and the background's own
 * matching, such as the clippings' auto-tags ({@link matcher}).
 */
export class SnapshotCache {
  private compiled: Promise<{ matcher: Matcher; colours: Record<string, number> }> | undefined;
  private page: Promise<PageSnapshot> | undefined;
  private cachedVersion = -1;

  constructor(private readonly db: TermlightDb) {}

  /** The enabled packs' matcher for `version`, compiled at most once per version. */
  async matcher(version: number): Promise<Matcher> {
    return (await this.compiledFor(version)).matcher;
  }

  /** The page snapshot for `version` (the matcher packed for a message), built at most once per version. */
  get(version: number): Promise<PageSnapshot> {
    const compiled = this.compiledFor(version);
    if (!this.page) {
      const page = compiled.then(({ matcher, colours }) => ({
        version,
        matcher: packMatcher(matcher),
        colours,
      }));
      this.page = page;
      page.catch(() => {
        if (this.page === page) this.page = undefined;
      });
    }
    return this.page;
  }

  private compiledFor(version: number) {
    if (!this.compiled || this.cachedVersion !== version) {
      this.cachedVersion = version;
      this.page = undefined;
      const compiled = buildSnapshot(this.db, version).then(({ terms, colours }) => ({
        matcher: compileMatcher(terms),
        colours,
      }));
      this.compiled = compiled;
      compiled.catch(() => {
        if (this.compiled === compiled) this.compiled = undefined;
      });
    }
    return this.compiled;
  }
}
