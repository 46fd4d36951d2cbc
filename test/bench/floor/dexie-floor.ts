/**
 * Bench-only extension page script (bundled by test/bench/import-runs.ts into dist/chrome, never
 * shipped): the floor for importing a pack, a bare Dexie `bulkPut` of the pack's term rows, made
 * as the background makes them (`toTermRow`), into a table declared like its `terms` table.
 */
import Dexie from 'dexie';
import { toTermRow } from '../../../src/background/db';
import type { GlossaryPack } from '../../../src/shared/glossary/model';

export interface FloorRun {
  /** `bulkPut` of every row, from the call to its transaction's completion, ms. */
  ms: number;
  rows: number;
}

/** Times one `bulkPut` of the pack's rows into a fresh database, which is deleted afterwards. */
async function bulkPutOnce(text: string, run: number): Promise<FloorRun> {
  // Untimed: the rows as the background builds them once the pack is validated.
  const pack = JSON.parse(text) as GlossaryPack;
  const glossaryId = `${pack.id}-floor-${run}`;
  const rows = pack.terms.map((term, i) => toTermRow(glossaryId, term, i));
  const name = `termlight-bench-floor-${run}-${Date.now()}`;
  const db = new Dexie(name);
  db.version(1).stores({ terms: 'id, glossaryId' });
  await db.open();
  try {
    const t0 = performance.now();
    // Outside an explicit transaction Dexie resolves a write once its transaction has completed.
    await db.table('terms').bulkPut(rows);
    const ms = performance.now() - t0;
    const stored = await db.table('terms').count();
    if (stored !== rows.length) throw new Error(`stored ${stored} of ${rows.length} rows`);
    return { ms, rows: rows.length };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

(globalThis as unknown as { termlightBenchFloor: typeof bulkPutOnce }).termlightBenchFloor = bulkPutOnce;
document.title = 'bench floor ready';
