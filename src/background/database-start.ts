/**
 * What the worker does with its database as it starts: looks for an eviction, seeds the shipped
 * packs, and records any failure of that for the library rather than only logging it.
 */
import type { GlossaryPack } from '../shared/glossary/model';
import type { TermlightDb } from './db';
import { detectEviction, markDatabase } from './eviction';
import { seedBuiltinPacks } from './glossaries';
import { bumpSnapshotVersion } from './snapshot-version';
import { describeError, type StorageHealth } from './storage-health';

/**
 * Seeds `packs` into `db` (at every worker start, not only onInstalled: it is idempotent and cheap
 * when done, and it repairs a database that was cleared while the extension stayed installed,
 * which is looked for first, so the reader is told). Resolves when the database is ready, rejects
 * when seeding failed: by then the failure is in `health` (a full disk, a blocked upgrade).
 */
export function startDatabase(
  db: TermlightDb,
  health: StorageHealth,
  packs: readonly GlossaryPack[],
): Promise<void> {
  const ready = detectEviction(db, health)
    .catch((error: unknown) => console.error('Termlight: could not check the database marker', error))
    .then(() => seedBuiltinPacks(db, packs))
    .then(async (written) => {
      if (written > 0) await bumpSnapshotVersion(db);
    });
  return ready.then(
    () => {
      recountDatabase(db);
    },
    async (error: unknown) => {
      console.error('Termlight: could not seed the glossary database', error);
      await health.report({ kind: 'seeding', message: describeError(error) });
      throw error;
    },
  );
}

/** Marks the database with what it holds now, for the next start's eviction check (eviction.ts). */
export function recountDatabase(db: TermlightDb): Promise<void> {
  return markDatabase(db).catch((error: unknown) =>
    console.error('Termlight: could not mark the database', error),
  );
}
