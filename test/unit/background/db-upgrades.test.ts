import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/background/db';

/** A database as version 1 of Termlight left it, with the rows given. */
async function versionOneDb(name: string, clippings: Record<string, unknown>[]): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores({
    glossaries: 'id, source',
    terms: 'id, glossaryId',
    clippings: 'id, url, createdAt, *termIds, *tags',
    settings: 'key',
  });
  await old.table('clippings').bulkAdd(clippings);
  await old
    .table('glossaries')
    .add({ id: 'mine', name: 'Mine', source: 'local', enabled: true, termCount: 0, importedAt: 1 });
  await old.table('settings').add({ key: 'snapshotVersion', value: 7 });
  old.close();
}

const quote = {
  type: 'TextQuoteSelector',
  exact: 'MLPS 2.0 applies',
  prefix: 'In 2019 ',
  suffix: ' to all operators',
};
const position = { type: 'TextPositionSelector', start: 8, end: 24 };

describe('upgrading the database from version 1', () => {
  it('keeps every clipping field, types the selectors and adds the site, losing nothing', async () => {
    const name = 'upgrade-v1';
    await versionOneDb(name, [
      {
        id: 'a',
        url: 'https://news.example/rules?utm_source=x#part',
        title: 'Rules',
        exact: 'MLPS 2.0 applies',
        selectors: [quote, position, { type: 'XPathSelector', value: '/p[2]' }],
        note: 'Check the date',
        tags: ['law'],
        termIds: ['china-cyber-policy/mlps'],
        createdAt: 100,
        updatedAt: 200,
        anchored: false,
      },
      {
        id: 'b',
        url: 'https://news.example/other',
        title: 'Other',
        exact: '网信办 said',
        selectors: [],
        note: '',
        tags: [],
        termIds: [],
        createdAt: 300,
        updatedAt: 300,
        anchored: true,
      },
    ]);
    const db = openDb(name);
    const rows = await db.clippings.orderBy('createdAt').toArray();
    expect(db.verno).toBe(2);
    expect(rows).toEqual([
      {
        id: 'a',
        url: 'https://news.example/rules',
        savedUrl: 'https://news.example/rules?utm_source=x#part',
        site: 'news.example',
        title: 'Rules',
        exact: 'MLPS 2.0 applies',
        selectors: [quote, position],
        unknownSelectors: [{ type: 'XPathSelector', value: '/p[2]' }],
        note: 'Check the date',
        tags: ['law'],
        termIds: ['china-cyber-policy/mlps'],
        createdAt: 100,
        updatedAt: 200,
        anchored: false,
      },
      {
        id: 'b',
        url: 'https://news.example/other',
        site: 'news.example',
        title: 'Other',
        exact: '网信办 said',
        selectors: [{ type: 'TextQuoteSelector', exact: '网信办 said', prefix: '', suffix: '' }],
        note: '',
        tags: [],
        termIds: [],
        createdAt: 300,
        updatedAt: 300,
        anchored: true,
      },
    ]);
    // The new indexes work on upgraded rows, and the other tables are untouched.
    expect((await db.clippings.where('site').equals('news.example').primaryKeys()).sort()).toEqual([
      'a',
      'b',
    ]);
    expect(await db.glossaries.get('mine')).toMatchObject({ name: 'Mine' });
    expect(await db.settings.get('snapshotVersion')).toEqual({ key: 'snapshotVersion', value: 7 });
    await db.delete();
  });
});
