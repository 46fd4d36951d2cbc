import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/background/db';
import { createHandlers } from '../../../src/background/handlers';
import { parseGlossaryFile } from '../../../src/shared/formats/glossary-file';
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

  it('imports a 10 000-term pack in one transaction and bumps the snapshot version', async () => {
    const db = openDb('import-large');
    const handlers = createHandlers(db, Promise.resolve());
    const terms = Array.from({ length: 10_000 }, (_, i) => makeTerm(`t-${i}`, `term number ${i}`));
    const result = await handlers.importGlossary(
      { type: 'importGlossary', fileName: 'big.json', text: JSON.stringify(makePack('big', terms)) },
      extension,
    );
    expect(result).toMatchObject({ ok: true, termCount: 10_000, replaced: false });
    expect(await db.terms.count()).toBe(10_000);
    const snapshot = await handlers.getSnapshot({ type: 'getSnapshot' }, extension);
    expect('matcher' in snapshot && snapshot.matcher.termIds.length).toBe(10_000);
    await db.delete();
  });
});
