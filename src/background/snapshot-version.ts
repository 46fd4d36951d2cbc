/** The snapshot version: bumped on every glossary change and mirrored to storage for the pages. */
import browser from '../shared/browser';
import { SNAPSHOT_VERSION_KEY } from '../shared/snapshot';
import type { TermlightDb } from './db';

/**
 * The version last read or written, per database: every page's first request asks for it, and the
 * background is the only writer (through {@link bumpSnapshotVersion}).
 */
const known = new WeakMap<TermlightDb, number>();

/** The current snapshot version (0 before anything was ever written). */
export async function currentSnapshotVersion(db: TermlightDb): Promise<number> {
  const cached = known.get(db);
  if (cached !== undefined) return cached;
  const row = await db.settings.get(SNAPSHOT_VERSION_KEY);
  const version = typeof row?.value === 'number' ? row.value : 0;
  // A bump that ended while this read was under way knows better.
  if (!known.has(db)) known.set(db, version);
  return known.get(db) ?? version;
}

/** Bumps the version so every open page refetches its snapshot (pages watch `storage.local`). */
export async function bumpSnapshotVersion(db: TermlightDb): Promise<number> {
  const next = (await currentSnapshotVersion(db)) + 1;
  await db.settings.put({ key: SNAPSHOT_VERSION_KEY, value: next });
  known.set(db, next);
  await browser.storage.local.set({ [SNAPSHOT_VERSION_KEY]: next });
  return next;
}
