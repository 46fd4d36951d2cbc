/** The snapshot version: bumped on every glossary change and mirrored to storage for the pages. */
import browser from '../shared/browser';
import { SNAPSHOT_VERSION_KEY } from '../shared/snapshot';
import type { TermlightDb } from './db';

/** The current snapshot version (0 before anything was ever written). */
export async function currentSnapshotVersion(db: TermlightDb): Promise<number> {
  const row = await db.settings.get(SNAPSHOT_VERSION_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Bumps the version so every open page refetches its snapshot (pages watch `storage.local`). */
export async function bumpSnapshotVersion(db: TermlightDb): Promise<number> {
  const next = (await currentSnapshotVersion(db)) + 1;
  await db.settings.put({ key: SNAPSHOT_VERSION_KEY, value: next });
  await browser.storage.local.set({ [SNAPSHOT_VERSION_KEY]: next });
  return next;
}
