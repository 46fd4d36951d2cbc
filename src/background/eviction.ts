/**
 * Noticing that the browser emptied the database (storage pressure, or site data cleared) while the
 * extension stayed installed: a marker in `storage.local`, which is not evicted with IndexedDB, says
 * what the database held; an empty database beside a marker is an eviction.
 */
import browser from '../shared/browser';
import type { TermlightDb } from './db';
import type { StorageHealth } from './storage-health';

const MARKER_KEY = 'databaseMarker';

/** What the database held of the reader's own data when last counted. */
interface DatabaseMarker {
  /** Every pack, the built-in one included: a reader who deleted them all evicted nothing. */
  packs: number;
  userPacks: number;
  clippings: number;
  countedAt: number;
}

async function countUserData(db: TermlightDb): Promise<Omit<DatabaseMarker, 'countedAt'>> {
  const [packs, userPacks, clippings] = await Promise.all([
    db.glossaries.count(),
    db.glossaries.where('source').notEqual('builtin').count(),
    db.clippings.count(),
  ]);
  return { packs, userPacks, clippings };
}

/** Writes the marker with the database's current counts (after each write of the reader's data). */
export async function markDatabase(db: TermlightDb): Promise<void> {
  const counts = await countUserData(db);
  await browser.storage.local.set({ [MARKER_KEY]: { ...counts, countedAt: Date.now() } });
}

/**
 * Run at start, before seeding: when the database is empty but the marker says it held something,
 * reports the eviction (with what of the reader's own data is gone, as last counted, and when).
 * Returns whether it was evicted.
 */
export async function detectEviction(db: TermlightDb, health: StorageHealth): Promise<boolean> {
  const marker = (await browser.storage.local.get(MARKER_KEY))[MARKER_KEY] as DatabaseMarker | undefined;
  if (!marker || marker.packs + marker.clippings === 0) return false;
  if ((await db.glossaries.count()) > 0 || (await db.clippings.count()) > 0) return false;
  const lost = { userPacks: marker.userPacks, clippings: marker.clippings };
  await health.report({
    kind: 'evicted',
    message: '',
    lost,
  });
  return true;
}
