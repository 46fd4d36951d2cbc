import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClipping } from '../../../src/background/clippings';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { detectEviction, markDatabase } from '../../../src/background/eviction';
import { writePack } from '../../../src/background/glossaries';
import { createHandlers } from '../../../src/background/handlers';
import { createRouter } from '../../../src/background/router';
import {
  isStorageError,
  reportStorageErrors,
  StorageHealth,
  watchDatabase,
} from '../../../src/background/storage-health';
import browser from '../../../src/shared/browser';
import { EXTENSION_ID, EXTENSION_URL } from '../fakes/browser';
import { makePack, makeTerm } from '../support/packs';

let db: TermlightDb;
let health: StorageHealth;
let n = 0;

beforeEach(async () => {
  await browser.storage.local.clear();
  db = openDb(`storage-health-${n++}`);
  health = new StorageHealth();
});
afterEach(async () => {
  await db.delete();
});

const clip = {
  exact: 'MLPS',
  title: 'T',
  selectors: [{ type: 'TextQuoteSelector' as const, exact: 'MLPS', prefix: '', suffix: '' }],
};

describe('noticing an emptied database', () => {
  it("tells what of the reader's own data vanished when the database is empty beside the marker", async () => {
    await writePack(db, makePack('builtin', [makeTerm('a', 'A')]), 'builtin');
    await writePack(db, makePack('team', [makeTerm('b', 'B')]), 'imported');
    await saveClipping(db, 'https://news.example/a', clip, []);
    await markDatabase(db);
    await db.delete();
    db = openDb(`storage-health-${n++}`);
    expect(await detectEviction(db, health)).toBe(true);
    expect(await health.list()).toEqual([
      { kind: 'evicted', message: '', at: expect.any(Number), lost: { userPacks: 1, clippings: 1 } },
    ]);
  });

  it('says nothing at a first start, on a database that holds data, or after the reader deleted everything', async () => {
    const cases: string[] = [];
    if (await detectEviction(db, health)) cases.push('first start');
    await writePack(db, makePack('builtin', [makeTerm('a', 'A')]), 'builtin');
    await markDatabase(db);
    if (await detectEviction(db, health)) cases.push('database with data');
    await db.glossaries.clear();
    await markDatabase(db);
    if (await detectEviction(db, health)) cases.push('everything deleted by the reader');
    expect(cases).toEqual([]);
    expect(await health.list()).toEqual([]);
  });
});

describe('storage errors reach the library', () => {
  it('records a quota error of a write, which the asking page also gets as its answer', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    db.clippings.add = () => Promise.reject(quota) as never;
    const route = createRouter(
      createHandlers(db, Promise.resolve(), undefined, undefined, undefined, health),
      {
        extensionId: EXTENSION_ID,
        extensionUrl: EXTENSION_URL,
        onError: reportStorageErrors(health),
      },
    );
    const page = { id: EXTENSION_ID, url: 'https://news.example/a', tab: { id: 4 }, frameId: 0 };
    const answer = await route({ type: 'saveClipping', clip }, page);
    expect(answer).toEqual({ ok: false, error: 'The quota has been exceeded.' });
    const library = { id: EXTENSION_ID, url: `${EXTENSION_URL}library.html` };
    expect(await route({ type: 'getStorageHealth' }, library)).toEqual({
      ok: true,
      value: {
        problems: [
          {
            kind: 'write',
            message: 'QuotaExceededError: The quota has been exceeded.',
            at: expect.any(Number),
          },
        ],
      },
    });
    expect(await route({ type: 'dismissStorageProblems' }, library)).toEqual({
      ok: true,
      value: { dismissed: 1 },
    });
    expect(await route({ type: 'getStorageHealth' }, page)).toMatchObject({ ok: false });
  });

  it('still serves what the database holds after the shipped packs could not be written', async () => {
    await writePack(db, makePack('mine', [makeTerm('cac', 'CAC')]), 'imported');
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const route = createRouter(
      createHandlers(db, Promise.reject(quota), undefined, undefined, undefined, health),
      { extensionId: EXTENSION_ID, extensionUrl: EXTENSION_URL, onError: reportStorageErrors(health) },
    );
    const library = { id: EXTENSION_ID, url: `${EXTENSION_URL}library.html` };
    const page = { id: EXTENSION_ID, url: 'https://news.example/a', tab: { id: 4 }, frameId: 0 };
    const answers = {
      listGlossaries: await route({ type: 'listGlossaries' }, library),
      listClippings: await route({ type: 'listClippings' }, library),
      getDefinition: await route({ type: 'getDefinition', id: 'mine/cac' }, page),
      saveClipping: await route({ type: 'saveClipping', clip }, page),
    };
    const failing = Object.entries(answers)
      .filter(([, answer]) => !answer.ok)
      .map(([type, answer]) => `${type}: ${'error' in answer ? answer.error : ''}`);
    expect(failing).toEqual([]);
    expect(answers.listGlossaries).toMatchObject({ ok: true, value: [{ id: 'mine' }] });
  });

  it('tells storage errors from the errors of a request', () => {
    const storage = [
      'QuotaExceededError',
      'DatabaseClosedError',
      'OpenFailedError',
      'VersionError',
      'AbortError',
    ];
    const other = ['Error', 'TypeError', 'SyntaxError', 'ConstraintError'];
    const wrong = [
      ...storage.filter((name) => !isStorageError(new DOMException('x', name))),
      ...other.filter((name) => isStorageError(Object.assign(new Error('x'), { name }))),
    ];
    expect(wrong).toEqual([]);
  });

  it('closes the database for a newer version, so the upgrade is not blocked, and says so', async () => {
    watchDatabase(db, health);
    await db.open();
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db.name, 1_000);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked by the old connection'));
    });
    upgraded.close();
    expect((await health.list()).map((p) => [p.kind, p.message])).toEqual([
      ['versionchange', 'version 1000'],
    ]);
  });

  it('reports an upgrade of ours that another connection blocks', async () => {
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(db.name, 1);
      request.onsuccess = () => resolve(request.result);
    });
    watchDatabase(db, health);
    const opening = db.open();
    await new Promise((resolve) => setTimeout(resolve, 50));
    old.close();
    await opening;
    expect((await health.list()).map((p) => p.kind)).toEqual(['blocked']);
  });
});
