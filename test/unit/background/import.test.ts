import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../src/background/db';
import { createHandlers } from '../../../src/background/handlers';
import { currentSnapshotVersion } from '../../../src/background/snapshot-version';
import browser from '../../../src/shared/browser';
import { parseGlossaryFile } from '../../../src/shared/formats/glossary-file';
import { SNAPSHOT_VERSION_KEY } from '../../../src/shared/snapshot';
import { makePack, makeTerm } from '../support/packs';

const extension = { kind: 'extension' } as const;

describe('parsing an imported file', () => {
  it('says where a JSON syntax error is, by line and column', () => {
    const result = parseGlossaryFile('team.json', '{\n  "format": "termlight-glossary",\n  "id": oops\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/line 3, column \d+/);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const text = `\uFEFF${JSON.stringify(makePack('team', [makeTerm('a', 'Alpha')]))}`;
    expect(parseGlossaryFile('team.json', text).ok).toBe(true);
  });

  it('refuses a file type it cannot read, naming it', () => {
    const result = parseGlossaryFile('notes.docx', 'x');
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: 'notes.docx', message: expect.stringContaining('.docx') }],
    });
  });
});

describe('the import handler', () => {
  it('changes nothing in the database when the file is invalid', async () => {
    const db = openDb('import-invalid');
    const handlers = createHandlers(db, Promise.resolve());
    await handlers.importGlossary(
      {
        type: 'importGlossary',
        fileName: 'good.json',
        text: JSON.stringify(makePack('team', [makeTerm('a', 'Alpha')])),
      },
      extension,
    );
    const bad = makePack('team', [makeTerm('b', 'Beta', { sources: [{ url: 'javascript:alert(1)' }] })]);
    const result = await handlers.importGlossary(
      { type: 'importGlossary', fileName: 'bad.json', text: JSON.stringify(bad) },
      extension,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toBe('$.terms[0].sources[0].url');
    expect((await db.terms.toArray()).map((t) => t.id)).toEqual(['team/a']);
    await db.delete();
  });

  it('imports a 10 000-term pack, bumps the snapshot version for open pages and serves the new pack', async () => {
    const db = openDb('import-large');
    const handlers = createHandlers(db, Promise.resolve());
    // A snapshot served before the import: the one open pages hold.
    const old = await handlers.getSnapshot({ type: 'getSnapshot' }, extension);
    const version = await currentSnapshotVersion(db);
    const terms = Array.from({ length: 10_000 }, (_, i) => makeTerm(`t-${i}`, `term number ${i}`));
    const result = await handlers.importGlossary(
      { type: 'importGlossary', fileName: 'big.json', text: JSON.stringify(makePack('big', terms)) },
      extension,
    );
    expect(result).toMatchObject({ ok: true, termCount: 10_000, replaced: false });
    expect(await db.terms.count()).toBe(10_000);
    // Pages watch the version in storage.local: it moved on, and a page asking again gets the pack.
    const mirrored = await browser.storage.local.get(SNAPSHOT_VERSION_KEY);
    expect({ version: await currentSnapshotVersion(db), mirrored: mirrored[SNAPSHOT_VERSION_KEY] }).toEqual({
      version: version + 1,
      mirrored: version + 1,
    });
    const snapshot = await handlers.getSnapshot({ type: 'getSnapshot' }, extension);
    expect('matcher' in old && old.matcher.termIds.length).toBe(0);
    expect('matcher' in snapshot && snapshot.matcher.termIds.length).toBe(10_000);
    await db.delete();
  });

  it('replaces a pack all or nothing: a write that fails leaves the old pack whole, and says so', async () => {
    const db = openDb('import-atomic');
    const handlers = createHandlers(db, Promise.resolve());
    const first = makePack('team', [makeTerm('a', 'Alpha'), makeTerm('b', 'Beta')]);
    await handlers.importGlossary(
      { type: 'importGlossary', fileName: 'team.json', text: JSON.stringify(first) },
      extension,
    );
    const before = { glossaries: await db.glossaries.toArray(), terms: await db.terms.toArray() };
    // The disk fills up halfway: the old rows are deleted, the new ones fail to go in.
    // On the prototype: inside a transaction Dexie hands out tables of its own.
    const full = vi
      .spyOn(Object.getPrototypeOf(db.terms) as typeof db.terms, 'bulkPut')
      .mockRejectedValueOnce(new DOMException('The disk is full', 'QuotaExceededError'));
    const second = makePack('team', [makeTerm('c', 'Gamma')]);
    const outcome = await handlers
      .importGlossary(
        { type: 'importGlossary', fileName: 'team.json', text: JSON.stringify(second), replace: true },
        extension,
      )
      .then(
        (value) => ({ value }),
        (error: unknown) => ({ error: String(error) }),
      );
    expect(full).toHaveBeenCalled();
    full.mockRestore();
    expect(outcome).toMatchObject({ error: expect.stringMatching(/disk is full/) });
    expect({ glossaries: await db.glossaries.toArray(), terms: await db.terms.toArray() }).toEqual(before);
    await db.delete();
  });
});
