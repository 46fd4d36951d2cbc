import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { writePack } from '../../../src/background/glossaries';
import { acceptImportPorts } from '../../../src/background/import-port';
import { type ImportProgress, progressText } from '../../../src/library/import-progress';
import { stageImport } from '../../../src/library/import-stream';
import type { ImportWorkerAnswer, ImportWorkerRequest } from '../../../src/library/import-worker';
import browser, { EXTENSION_URL } from '../fakes/browser';
import { type FakePort, onConnect, resetPorts } from '../fakes/ports';
import { makePack, makeTerm } from '../support/packs';
import { useLocale } from './locale-messages';

/**
 * A `Worker` running the real import-worker.ts in this thread: the module's `self` is a stand-in
 * scope wired to the worker the page made last, and messages are delivered on later tasks.
 */
class FakeWorker {
  static current: FakeWorker | null = null;
  onmessage: ((event: { data: ImportWorkerAnswer }) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;

  constructor(readonly url: string) {
    FakeWorker.current = this;
  }

  postMessage(data: ImportWorkerRequest): void {
    setTimeout(() => workerScope.onmessage?.({ data }));
  }

  terminate(): void {
    this.terminated = true;
  }
}

const workerScope = {
  onmessage: null as ((event: { data: ImportWorkerRequest }) => void) | null,
  postMessage(data: ImportWorkerAnswer) {
    const worker = FakeWorker.current;
    setTimeout(() => {
      if (worker && !worker.terminated) worker.onmessage?.({ data });
    });
  },
};

const terms = Array.from({ length: 5_000 }, (_, i) => makeTerm(`t-${i}`, `term number ${i}`));
const packFile = (name = 'team.json', pack = makePack('team', terms)) =>
  new File([JSON.stringify(pack)], name, { type: 'application/json' });

/** Waits until the fakes have delivered everything posted so far (they deliver on later tasks). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

let db: TermlightDb;
/** The background's end of each port the page opened. */
let opened: FakePort[];

beforeAll(async () => {
  Object.assign(globalThis, { self: workerScope, Worker: FakeWorker });
  await import('../../../src/library/import-worker');
});

beforeEach(() => {
  resetPorts();
  db = openDb(`import-stream-${Math.random()}`);
  acceptImportPorts(db, Promise.resolve(), EXTENSION_URL, async () => undefined);
  opened = [];
  onConnect.addListener((port) => opened.push(port));
});

afterEach(async () => {
  await db.delete();
});

describe('a streamed import', () => {
  useLocale('en', 'en-US');

  it('reads the file in the worker, sends its terms in batches with progress, and writes them on commit', async () => {
    const progress: string[] = [];
    const staged = await stageImport(
      packFile(),
      (step: ImportProgress) => progress.push(progressText(step)),
      0,
    );
    expect(FakeWorker.current?.url).toBe('import-worker.js');
    expect(FakeWorker.current?.terminated).toBe(true);
    expect(progress[0]).toBe('Reading team.json…');
    expect(progress).toContain('Checking team.json…');
    expect(progress).toContainEqual(expect.stringMatching(/^Importing "Pack team": [\d,]+ of 5,000 terms…$/));
    expect(progress.at(-1)).toBe('Checking the 5,000 terms of "Pack team"…');
    expect(staged.preview).toEqual({
      ok: true,
      packId: 'team',
      name: 'Pack team',
      termCount: 5_000,
      warnings: [],
    });
    expect(await db.terms.count()).toBe(0);

    const result = await staged.commit(false);
    expect(result).toEqual({
      ok: true,
      packId: 'team',
      name: 'Pack team',
      termCount: 5_000,
      replaced: false,
      warnings: [],
    });
    expect(await db.terms.count()).toBe(5_000);
    await settle();
    expect(opened[0]?.disconnected).toBe(true);
  });

  it('gives the merge report of a stored pack, and writes nothing when discarded', async () => {
    await writePack(
      db,
      makePack('team', [makeTerm('t-0', 'term number 0'), makeTerm('gone', 'Gone')]),
      'imported',
    );
    const staged = await stageImport(packFile(), () => undefined, 0);
    expect(staged.preview).toMatchObject({
      ok: true,
      existing: { name: 'Pack team', source: 'imported', report: { removed: ['gone'], changed: [] } },
    });
    expect(staged.preview.ok && staged.preview.existing?.report.added).toHaveLength(4_999);
    staged.discard();
    await settle();
    expect(opened[0]?.disconnected).toBe(true);
    expect(await db.terms.count()).toBe(2);
  });

  it("refuses a file the worker cannot read with the parser's located errors, opening no port", async () => {
    const staged = await stageImport(new File(['{\n  "format": oops\n}'], 'team.json'), () => undefined, 0);
    expect(staged.preview.ok).toBe(false);
    expect(!staged.preview.ok && staged.preview.errors[0]?.message).toMatch(/line 2, column \d+/);
    expect(opened).toEqual([]);
    expect(FakeWorker.current?.terminated).toBe(true);
  });

  it('fails, writing nothing, when the background goes away mid-import', async () => {
    resetPorts();
    onConnect.addListener((port) => port.disconnect());
    await expect(stageImport(packFile(), () => undefined, 0)).rejects.toThrow(
      'the Termlight background stopped before the import finished',
    );
    expect(await db.terms.count()).toBe(0);
  });

  it('sends a file at or under the threshold as text in one message', async () => {
    const sendMessage = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, value: { ok: false, errors: [{ path: '$', message: 'stub' }] } });
    const file = packFile('small.json', makePack('small', [makeTerm('a', 'Alpha')]));
    const staged = await stageImport(file, () => undefined, file.size);
    expect(sendMessage).toHaveBeenCalledWith({
      type: 'previewImport',
      fileName: 'small.json',
      text: await file.text(),
    });
    expect(staged.preview.ok).toBe(false);
    expect(opened).toEqual([]);
    sendMessage.mockRestore();
  });
});
