import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { getTermDetail } from '../../../src/background/definitions';
import {
  listGlossaries,
  readPack,
  seedBuiltinPacks,
  setGlossaryEnabled,
  writePack,
} from '../../../src/background/glossaries';
import { createHandlers } from '../../../src/background/handlers';
import type { Caller } from '../../../src/background/router';
import { buildSnapshot, SnapshotCache } from '../../../src/background/snapshot';
import { makePack, makeTerm } from '../support/packs';

let db: TermlightDb;
const extension: Caller = { kind: 'extension' };
let n = 0;

beforeEach(() => {
  db = openDb(`test-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const builtin = makePack(
  'china-cyber-policy',
  [
    makeTerm('mlps', 'Multi-Level Protection Scheme', {
      aliases: [{ text: 'MLPS' }, { text: '等级保护', lang: 'zh-Hans' }],
      related: ['tc260'],
      sources: [{ title: 'MPS', url: 'https://www.mps.gov.cn/' }],
    }),
    makeTerm('tc260', 'TC260', { related: ['mlps'] }),
    makeTerm('old-group', 'Central Leading Group', { status: 'superseded', supersededBy: 'commission' }),
    makeTerm('commission', 'Central Cyberspace Affairs Commission'),
  ],
  { updated: '2026-11-01' },
);

describe('seeding the shipped packs', () => {
  it('installs every term of a builtin pack, enabled', async () => {
    expect(await seedBuiltinPacks(db, [builtin])).toBe(1);
    expect(await db.terms.count()).toBe(4);
    expect(await listGlossaries(db)).toMatchObject([
      { id: 'china-cyber-policy', enabled: true, termCount: 4, source: 'builtin' },
    ]);
  });

  it('does nothing on a second start', async () => {
    await seedBuiltinPacks(db, [builtin]);
    expect(await seedBuiltinPacks(db, [builtin])).toBe(0);
  });

  it('refreshes a builtin pack from a newer shipped copy and keeps the user switch', async () => {
    await seedBuiltinPacks(db, [builtin]);
    await setGlossaryEnabled(db, builtin.id, false);
    const newer = { ...builtin, updated: '2026-12-01', terms: builtin.terms.slice(0, 2) };
    expect(await seedBuiltinPacks(db, [newer])).toBe(1);
    expect(await db.terms.count()).toBe(2);
    expect((await db.glossaries.get(builtin.id))?.enabled).toBe(false);
  });

  it('never overwrites a pack the user imported under the same id', async () => {
    await writePack(db, makePack('china-cyber-policy', [makeTerm('x', 'Mine')]), 'imported');
    expect(await seedBuiltinPacks(db, [builtin])).toBe(0);
    expect(await db.terms.count()).toBe(1);
  });
});

describe('writing packs', () => {
  it('replaces every term of a pack with the same id, keeping other packs', async () => {
    await seedBuiltinPacks(db, [builtin]);
    await writePack(db, makePack('team', [makeTerm('a', 'Alpha')]), 'imported');
    const { replaced } = await writePack(db, makePack('team', [makeTerm('b', 'Beta')]), 'imported');
    expect(replaced).toBe(true);
    expect((await db.terms.where('glossaryId').equals('team').toArray()).map((t) => t.termId)).toEqual(['b']);
    expect(await db.terms.where('glossaryId').equals('china-cyber-policy').count()).toBe(4);
  });

  it('refuses to switch a pack that does not exist', async () => {
    await expect(setGlossaryEnabled(db, 'nope', true)).rejects.toThrow('No glossary with id "nope"');
  });
});

describe('the term snapshot', () => {
  it('holds the surface forms of enabled packs only, with their colours kept while others are off', async () => {
    await seedBuiltinPacks(db, [builtin]);
    await writePack(db, makePack('team', [makeTerm('a', 'Alpha')]), 'imported');
    await setGlossaryEnabled(db, 'china-cyber-policy', false);
    const snapshot = await buildSnapshot(db, 3);
    expect(snapshot).toEqual({
      version: 3,
      terms: [{ id: 'team/a', forms: [{ text: 'Alpha', caseSensitive: false, exact: false }] }],
      // The switched-off default pack keeps the first colour; the team pack keeps the second.
      colours: { team: 1 },
    });
  });

  it('marks MLPS case-sensitive and the Chinese alias not', async () => {
    await seedBuiltinPacks(db, [builtin]);
    const mlps = (await buildSnapshot(db, 1)).terms.find((t) => t.id === 'china-cyber-policy/mlps');
    expect(mlps?.forms).toEqual([
      { text: 'Multi-Level Protection Scheme', caseSensitive: false, exact: false },
      { text: 'MLPS', caseSensitive: true, exact: false },
      // Not English: no plural form (DESIGN: only an English alias matches its plural).
      { text: '等级保护', caseSensitive: false, exact: true },
    ]);
  });

  it('is built once per version', async () => {
    await seedBuiltinPacks(db, [builtin]);
    const cache = new SnapshotCache(db);
    const first = cache.get(1);
    expect(cache.get(1)).toBe(first);
    expect(cache.get(2)).not.toBe(first);
  });
});

describe('definitions', () => {
  it('resolves related terms and the successor of a superseded term', async () => {
    await seedBuiltinPacks(db, [builtin]);
    const mlps = await getTermDetail(db, 'china-cyber-policy/mlps');
    expect(mlps).toMatchObject({
      term: 'Multi-Level Protection Scheme',
      related: [{ id: 'china-cyber-policy/tc260', term: 'TC260' }],
      // With the pack's language: that of its aliases without one.
      glossary: { id: 'china-cyber-policy', name: 'Pack china-cyber-policy', language: 'en' },
      status: 'current',
    });
    const old = await getTermDetail(db, 'china-cyber-policy/old-group');
    expect(old?.supersededBy).toEqual({
      id: 'china-cyber-policy/commission',
      term: 'Central Cyberspace Affairs Commission',
    });
  });

  it('returns null for an unknown id', async () => {
    expect(await getTermDetail(db, 'china-cyber-policy/nope')).toBeNull();
  });
});

describe('importing over a stored pack', () => {
  const page = makePack('team', [makeTerm('a', 'Alpha'), makeTerm('b', 'Beta')], {
    name: 'Team',
    description: 'Ours',
    updated: '2026-12-01',
  });
  const json = (pack: unknown) => JSON.stringify(pack);

  it('reads a stored pack back exactly as it was imported', async () => {
    await writePack(db, page, 'imported');
    expect(await readPack(db, 'team')).toEqual(page);
  });

  it('replaces a pack with the same id only when the import is confirmed, after a preview of the changes', async () => {
    const handlers = createHandlers(db, Promise.resolve());
    await handlers.importGlossary(
      { type: 'importGlossary', fileName: 'team.json', text: json(page) },
      extension,
    );
    const next = {
      ...page,
      terms: [makeTerm('b', 'Beta', { definition: 'Changed.' }), makeTerm('c', 'Gamma')],
    };
    const preview = await handlers.previewImport(
      { type: 'previewImport', fileName: 'team.json', text: json(next) },
      extension,
    );
    expect(preview).toMatchObject({
      ok: true,
      existing: { name: 'Team', report: { added: ['c'], changed: ['b'], removed: ['a'] } },
    });
    const refused = await handlers.importGlossary(
      { type: 'importGlossary', fileName: 'team.json', text: json(next) },
      extension,
    );
    expect(refused.ok).toBe(false);
    expect(await readPack(db, 'team')).toEqual(page);
    const done = await handlers.importGlossary(
      { type: 'importGlossary', fileName: 'team.json', text: json(next), replace: true },
      extension,
    );
    expect(done).toMatchObject({ ok: true, replaced: true, termCount: 2 });
    expect((await readPack(db, 'team'))?.terms.map((t) => t.id)).toEqual(['b', 'c']);
  });
});
