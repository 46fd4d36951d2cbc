import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDatabase } from '../../../src/background/database-start';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { StorageHealth } from '../../../src/background/storage-health';
import { makePack, makeTerm } from '../support/packs';

const packs = [makePack('shipped', [makeTerm('mlps', 'MLPS')])];
let db: TermlightDb | null = null;

afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
  await new StorageHealth().dismiss();
});

describe('starting the database', () => {
  it('shows the library why the shipped packs could not be written, when the disk is full', async () => {
    db = openDb('start-full');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const full = vi
      .spyOn(db.terms, 'bulkPut')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const health = new StorageHealth();
    const started = await startDatabase(db, health, packs).then(
      () => 'ready',
      (error: unknown) => String(error),
    );
    expect(full).toHaveBeenCalled();
    expect(started).toMatch(/quota/);
    expect(await health.list()).toEqual([
      { kind: 'seeding', message: expect.stringMatching(/quota/i), at: expect.any(Number) },
    ]);
  });

  it('writes the shipped packs and reports nothing when all is well', async () => {
    db = openDb('start-well');
    const health = new StorageHealth();
    await startDatabase(db, health, packs);
    expect((await db.glossaries.toArray()).map((g) => g.id)).toEqual(['shipped']);
    expect(await health.list()).toEqual([]);
  });
});
