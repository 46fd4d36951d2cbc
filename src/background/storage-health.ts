/**
 * Storage failures the reader must hear of, kept in `storage.local` so they outlive the worker
 * (which stops after half a minute idle) until the library shows them and the reader dismisses them.
 */
import browser from '../shared/browser';
import type { StorageProblem } from '../shared/messages';
import type { TermlightDb } from './db';

const PROBLEMS_KEY = 'storageProblems';
/** Enough to show what happened; a failing write repeated a thousand times is one line. */
const MAX_PROBLEMS = 20;

/** True for the errors of IndexedDB itself (full disk, closed or blocked database), not of a request. */
export function isStorageError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return (
    typeof name === 'string' &&
    /^(QuotaExceeded|DatabaseClosed|OpenFailed|Version|InvalidState|Abort|Unknown|DataError|Upgrade)/.test(
      name,
    )
  );
}

/** The message of any thrown value, with its name when that says more ("QuotaExceededError: …"). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error) && !(error instanceof DOMException)) return String(error);
  return error.message.startsWith(error.name) || error.name === 'Error'
    ? error.message
    : `${error.name}: ${error.message}`;
}

/** The list of storage problems, shared by every part of the background. */
export class StorageHealth {
  private writing: Promise<unknown> = Promise.resolve();

  /** Records a problem (one per kind and message: a repeat only moves its time). */
  report(problem: Omit<StorageProblem, 'at'>): Promise<void> {
    const next = this.writing.then(async () => {
      const problems = (await this.stored()).filter(
        (p) => p.kind !== problem.kind || p.message !== problem.message,
      );
      problems.push({ ...problem, at: Date.now() });
      await browser.storage.local.set({ [PROBLEMS_KEY]: problems.slice(-MAX_PROBLEMS) });
    });
    // The list itself lives in storage: if that fails too, the console is all that is left.
    this.writing = next.catch((error: unknown) =>
      console.error('Termlight: could not record a storage problem', problem, error),
    );
    return this.writing.then(() => undefined);
  }

  /** Every problem not yet dismissed, oldest first (including any still being recorded). */
  async list(): Promise<StorageProblem[]> {
    await this.writing;
    return this.stored();
  }

  private async stored(): Promise<StorageProblem[]> {
    const stored = (await browser.storage.local.get(PROBLEMS_KEY))[PROBLEMS_KEY];
    return Array.isArray(stored) ? (stored as StorageProblem[]) : [];
  }

  /** Forgets the problems the reader has seen; returns how many there were. */
  async dismiss(): Promise<number> {
    const count = (await this.list()).length;
    await browser.storage.local.set({ [PROBLEMS_KEY]: [] });
    return count;
  }
}

/**
 * The router's `onError`: logs every handler failure, and records the storage ones for the library
 * (the asking page shows its own error; a full disk or a closed database concerns every page).
 */
export function reportStorageErrors(health: StorageHealth): (error: unknown, type: string) => void {
  return (error, type) => {
    console.error(`Termlight: ${type} failed`, error);
    if (isStorageError(error)) void health.report({ kind: 'write', message: describeError(error) });
  };
}

/**
 * Reports a newer Termlight upgrading (or the browser deleting) the database, which Dexie answers by
 * closing this connection so the upgrade is not blocked by this worker; and an upgrade of ours that
 * another connection blocks.
 */
export function watchDatabase(db: TermlightDb, health: StorageHealth): void {
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    db.close({ disableAutoOpen: false });
    void health.report({
      kind: 'versionchange',
      message: event.newVersion ? `version ${event.newVersion}` : 'deleted',
    });
  });
  db.on('blocked', (event: IDBVersionChangeEvent) => {
    void health.report({ kind: 'blocked', message: `version ${event.newVersion ?? '?'}` });
  });
}
