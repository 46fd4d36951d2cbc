/**
 * Auto-tags: the glossary terms in a clipping's passage, found with the same matcher the pages use,
 * over the enabled packs, and found again for every clipping whenever the glossaries change.
 */
import { findMatches, type Matcher } from '../shared/matcher';
import type { ClippingRow, TermlightDb } from './db';
import { SnapshotCache } from './snapshot';
import { currentSnapshotVersion } from './snapshot-version';

/** The settings key of the snapshot version the stored auto-tags were found with. */
const TAGGED_VERSION_KEY = 'clippingTermsVersion';

/** How many clippings one retagging transaction rewrites at most (keeps each transaction short). */
const RETAG_BATCH = 500;

/** The distinct term ids found in `text`, in order of first appearance. */
function termIdsIn(matcher: Matcher, text: string): string[] {
  return [...new Set(findMatches(matcher, text).map((m) => m.termId))];
}

/** Finds terms in passages with the matcher the pages get, compiled once per snapshot version. */
export class ClippingTerms {
  constructor(
    private readonly db: TermlightDb,
    /** Shared with the page snapshots, so one glossary change compiles the glossary once. */
    readonly snapshots = new SnapshotCache(db),
  ) {}

  private async current(): Promise<Matcher> {
    return this.snapshots.matcher(await currentSnapshotVersion(this.db));
  }

  /** The terms of the enabled glossaries in `text`. */
  async termsIn(text: string): Promise<string[]> {
    return termIdsIn(await this.current(), text);
  }

  /**
   * Brings every clipping's terms up to the current snapshot version, if they are not already: called
   * after every glossary change and at worker start (so a retagging cut short by a stopped worker
   * is finished the next time).
   */
  async ensureTagged(): Promise<void> {
    const [version, tagged] = await Promise.all([
      currentSnapshotVersion(this.db),
      this.db.settings.get(TAGGED_VERSION_KEY),
    ]);
    if (tagged?.value === version) return;
    // No clippings, nothing to find: the matcher is not compiled for nothing.
    if ((await this.db.clippings.count()) > 0) await this.retagAll();
    await this.db.settings.put({ key: TAGGED_VERSION_KEY, value: version });
  }

  /**
   * Finds the terms of every clipping again (after a glossary change); returns how many changed. A
   * row edited meanwhile keeps its edit: only `termIds` is written, and only where it differs.
   */
  async retagAll(): Promise<number> {
    const matcher = await this.current();
    const ids = (await this.db.clippings.toCollection().primaryKeys()) as string[];
    let changed = 0;
    for (let i = 0; i < ids.length; i += RETAG_BATCH) {
      const batch = ids.slice(i, i + RETAG_BATCH);
      changed += await this.db.transaction('rw', this.db.clippings, async () => {
        let n = 0;
        for (const row of await this.db.clippings.bulkGet(batch)) {
          if (!row) continue;
          const termIds = termIdsIn(matcher, row.exact);
          if (sameList(termIds, row.termIds)) continue;
          await this.db.clippings.update(row.id, { termIds } satisfies Partial<ClippingRow>);
          n++;
        }
        return n;
      });
    }
    return changed;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The display name of each term id (ids of terms no longer stored are left out). */
export async function termNames(db: TermlightDb, ids: Iterable<string>): Promise<Record<string, string>> {
  const wanted = [...new Set(ids)];
  const rows = await db.terms.bulkGet(wanted);
  const names: Record<string, string> = {};
  for (const row of rows) if (row) names[row.id] = row.term;
  return names;
}
