import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { readPack, writePack } from '../../../src/background/glossaries';
import {
  createLocalPack,
  deletePack,
  deleteTerm,
  restorePack,
  restoreTerm,
  saveTerm,
} from '../../../src/background/glossary-edits';
import { makePack, makeTerm } from '../support/packs';

let db: TermlightDb;
let n = 0;
beforeEach(() => {
  db = openDb(`edits-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

describe('editing glossaries', () => {
  it('creates a local pack with an id from its name, unique in the library', async () => {
    expect(await createLocalPack(db, '  Team words ')).toEqual({ packId: 'team-words', name: 'Team words' });
    expect(await createLocalPack(db, 'Team words')).toEqual({ packId: 'team-words-2', name: 'Team words' });
    expect(await db.glossaries.get('team-words')).toMatchObject({ source: 'local', termCount: 0 });
  });

  it('adds, edits (keeping the place) and renames terms, validated against the whole pack', async () => {
    const { packId } = await createLocalPack(db, 'Team');
    await saveTerm(db, packId, makeTerm('a', 'Alpha'));
    await saveTerm(db, packId, makeTerm('b', 'Beta', { related: ['a'] }));
    expect(await saveTerm(db, packId, makeTerm('a', 'Alpha', { definition: 'Edited.' }), 'a')).toMatchObject({
      ok: true,
    });
    expect(await saveTerm(db, packId, makeTerm('c', 'Gamma'), 'b')).toMatchObject({ ok: true });
    const pack = await readPack(db, packId);
    expect(pack?.terms.map((t) => [t.id, t.definition])).toEqual([
      ['a', 'Edited.'],
      ['c', 'Definition of Gamma.'],
    ]);
    expect((await db.glossaries.get(packId))?.termCount).toBe(2);
  });

  it('refuses a new term whose id a term took meanwhile, rather than replacing that term', async () => {
    const { packId } = await createLocalPack(db, 'Team');
    await saveTerm(db, packId, makeTerm('a', 'Alpha'));
    const clash = await saveTerm(db, packId, makeTerm('a', 'Another alpha'));
    expect(clash).toMatchObject({ ok: false, errors: [{ path: '$.terms[1].id' }] });
    expect((await readPack(db, packId))?.terms.map((t) => t.term)).toEqual(['Alpha']);
  });

  it('writes nothing when the term fails the import validator, and says where', async () => {
    const { packId } = await createLocalPack(db, 'Team');
    await saveTerm(db, packId, makeTerm('a', 'Alpha'));
    const bad = await saveTerm(
      db,
      packId,
      makeTerm('b', 'Beta', { sources: [{ url: 'javascript:alert(1)' }] }),
    );
    expect(bad).toMatchObject({ ok: false, errors: [{ path: '$.terms[1].sources[0].url' }] });
    const duplicate = await saveTerm(db, packId, { id: 'A B', term: '', definition: '' });
    expect(duplicate.ok).toBe(false);
    expect((await readPack(db, packId))?.terms.map((t) => t.id)).toEqual(['a']);
  });

  it('puts a deleted term back at its place, and a deleted pack back whole (undo)', async () => {
    const pack = makePack('team', [makeTerm('a', 'Alpha'), makeTerm('b', 'Beta'), makeTerm('c', 'Gamma')]);
    await writePack(db, pack, 'imported', { enabled: false });
    const { term, order } = await deleteTerm(db, 'team', 'b');
    expect((await readPack(db, 'team'))?.terms.map((t) => t.id)).toEqual(['a', 'c']);
    await restoreTerm(db, 'team', term, order);
    expect(await readPack(db, 'team')).toEqual(pack);

    const deleted = await deletePack(db, 'team');
    expect(await db.glossaries.get('team')).toBeUndefined();
    expect(await db.terms.count()).toBe(0);
    await restorePack(db, deleted);
    expect(await readPack(db, 'team')).toEqual(pack);
    expect(await db.glossaries.get('team')).toMatchObject({ source: 'imported', enabled: false });
  });

  it('refuses to edit the built-in pack and subscriptions', async () => {
    await writePack(db, makePack('builtin', [makeTerm('a', 'Alpha')]), 'builtin');
    await writePack(db, makePack('sub', [makeTerm('a', 'Alpha')]), 'subscription', {
      url: 'https://x.example/p.json',
    });
    const failing: string[] = [];
    for (const id of ['builtin', 'sub']) {
      await saveTerm(db, id, makeTerm('z', 'Zed')).then(
        () => failing.push(`${id}: saved`),
        (error: Error) => /read-only/.test(error.message) || failing.push(`${id}: ${error.message}`),
      );
      await deleteTerm(db, id, 'a').then(
        () => failing.push(`${id}: deleted`),
        () => undefined,
      );
    }
    expect(failing).toEqual([]);
    expect(await db.terms.count()).toBe(2);
  });
});
