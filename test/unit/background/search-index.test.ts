import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../../../src/background/builtin-packs';
import { deleteClippings, updateClipping } from '../../../src/background/clippings';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { seedBuiltinPacks, setGlossaryEnabled, writePack } from '../../../src/background/glossaries';
import { HIT_TEXT_CHARS } from '../../../src/background/search-collections';
import { SearchIndex } from '../../../src/background/search-index';
import { bumpSnapshotVersion } from '../../../src/background/snapshot-version';
import type { SearchHit } from '../../../src/shared/messages';
import { makeClipping } from '../support/clippings';
import { failingItemsAsync } from '../support/data-table';
import { makePack, makeTerm } from '../support/packs';

let db: TermlightDb;
let index: SearchIndex;
let n = 0;

beforeEach(async () => {
  db = openDb(`search-${n++}`);
  await seedBuiltinPacks(db, BUILTIN_PACKS);
  index = new SearchIndex(db);
});
afterEach(async () => {
  await db.delete();
});

const PACK = 'china-cyber-policy';
const names = (hits: SearchHit[]) => hits.map((h) => (h.kind === 'term' ? h.term : h.exact));
const ids = (hits: SearchHit[]) => hits.map((h) => h.id);

async function search(query: string, limit = 20): Promise<SearchHit[]> {
  return (await index.search(query, limit)).hits;
}

describe('searching the shipped glossary', () => {
  it('finds the Multi-Level Protection Scheme first for its Chinese short name 等保', async () => {
    const hits = await search('等保');
    expect(hits[0]).toMatchObject({
      kind: 'term',
      term: 'Multi-Level Protection Scheme',
      pack: 'China cyber policy',
    });
    // The terms whose aliases start with 等保 (等保1.0, 等保测评) follow it.
    expect(ids(hits).slice(1, 3).sort()).toEqual([`${PACK}/mlps-1`, `${PACK}/mlps-assessment`]);
  });

  it('finds TC260 first however its space or dash and its case are typed', async () => {
    const queries = ['tc 260', 'tc260', 'TC–260', 'TC-260', 'TC 260'];
    const failing = await failingItemsAsync(
      queries,
      async (query) => (await search(query))[0]?.id === `${PACK}/tc260`,
    );
    expect(failing).toEqual([]);
  });

  it('finds the Cyberspace Administration of China first for 网信办', async () => {
    expect(names(await search('网信办'))[0]).toBe('Cyberspace Administration of China');
  });

  it('finds a traditional-script alias, and a term named inside a longer query', async () => {
    expect(names(await search('國家網信辦'))[0]).toBe('Cyberspace Administration of China');
    expect(names(await search('落实等保要求'))[0]).toBe('Multi-Level Protection Scheme');
  });

  it('finds the Global Initiative on Data Security first for "Global Initiative"', async () => {
    expect(names(await search('Global Initiative'))[0]).toBe('Global Initiative on Data Security');
  });

  it('still finds the Cybersecurity Law with a letter missing ("Cybersecurty Law")', async () => {
    const top = ids(await search('Cybersecurty Law')).slice(0, 3);
    expect(top).toContain(`${PACK}/cybersecurity-law`);
  });

  it('finds every prefix of a name as it is typed', async () => {
    const name = 'Global Initiative on Data Security';
    for (let end = 3; end <= name.length; end++) {
      expect(names(await search(name.slice(0, end)))).toContain(name);
    }
  });

  it('finds again what a deleted character had hidden', async () => {
    expect(await search('mlpszzz')).toEqual([]);
    expect(names(await search('mlps'))[0]).toBe('Multi-Level Protection Scheme');
  });

  it('gives a short definition and the pack name with each term', async () => {
    const [hit] = await search('MLPS');
    expect(hit).toMatchObject({ kind: 'term', id: `${PACK}/mlps`, pack: 'China cyber policy' });
    expect(hit?.kind === 'term' && hit.definition.length).toBeLessThanOrEqual(HIT_TEXT_CHARS);
    expect(hit?.kind === 'term' && hit.definition.endsWith('…')).toBe(true);
  });

  it('answers a blank query with no hits', async () => {
    expect(await search('')).toEqual([]);
    expect(await search('   ')).toEqual([]);
  });

  it('returns at most `limit` hits', async () => {
    expect(await search('a', 5)).toHaveLength(5);
  });
});

describe('ranking', () => {
  beforeEach(async () => {
    await writePack(
      db,
      makePack('rank', [
        makeTerm('mention', 'Orchard', { definition: 'Where the beta apples grow, as the Beta term says.' }),
        makeTerm('contains', 'Alpha Beta Gamma'),
        makeTerm('prefix', 'Beta Blocker'),
        makeTerm('exact', 'Beta'),
      ]),
      'local',
    );
    await bumpSnapshotVersion(db);
  });

  it('ranks an exact name above a prefix, a prefix above a name containing it, and those above a definition mention', async () => {
    expect(ids(await search('beta')).slice(0, 4)).toEqual([
      'rank/exact',
      'rank/prefix',
      'rank/contains',
      'rank/mention',
    ]);
  });

  it('ranks an exact alias above a definition mention', async () => {
    await writePack(
      db,
      makePack('alias', [
        makeTerm('mentions', 'Something', { definition: 'Often confused with Zeta.' }),
        makeTerm('named', 'Greek letter six', { aliases: [{ text: 'Zeta' }] }),
      ]),
      'local',
    );
    await bumpSnapshotVersion(db);
    expect(ids(await search('zeta')).slice(0, 2)).toEqual(['alias/named', 'alias/mentions']);
  });
});

describe('keeping the index current', () => {
  it('leaves out the terms of a pack switched off, and finds them again once it is back on', async () => {
    expect(names(await search('等保'))[0]).toBe('Multi-Level Protection Scheme');
    await setGlossaryEnabled(db, PACK, false);
    await bumpSnapshotVersion(db);
    expect(await search('等保')).toEqual([]);
    await setGlossaryEnabled(db, PACK, true);
    await bumpSnapshotVersion(db);
    expect(names(await search('等保'))[0]).toBe('Multi-Level Protection Scheme');
  });

  it('finds a clipping saved, its note edited and not one deleted after the index was built', async () => {
    expect(await search('orchard')).toEqual([]);
    await db.clippings.add(
      makeClipping({ id: 'c1', exact: 'The orchard rules took effect in May.', title: 'Orchard news' }),
    );
    const [hit] = await search('orchard');
    expect(hit).toMatchObject({
      kind: 'clipping',
      id: 'c1',
      exact: 'The orchard rules took effect in May.',
      title: 'Orchard news',
      url: 'https://example.com/article',
      link: 'https://example.com/article#:~:text=Before-,The%20orchard%20rules%20took%20effect%20in%20May.,-after',
    });

    await updateClipping(db, 'c1', { note: 'quinces were exempt' });
    expect(ids(await search('quinces'))).toEqual(['c1']);

    await deleteClippings(db, ['c1']);
    expect(await search('orchard')).toEqual([]);
  });

  it('finds clippings by passage, note and title, with a typo too, after the terms', async () => {
    await db.clippings.bulkAdd([
      makeClipping({ id: 'passage', exact: 'The MLPS filing deadline moved.', createdAt: 1 }),
      makeClipping({ id: 'note', exact: 'Some passage', note: 'ask about MLPS', createdAt: 2 }),
      makeClipping({ id: 'title', exact: 'Other passage', title: 'MLPS explained', createdAt: 3 }),
    ]);
    const hits = await search('MLPS', 50);
    const clippings = ids(hits.filter((h) => h.kind === 'clipping'));
    expect(clippings).toEqual(['note', 'title', 'passage']);
    expect(hits[0]?.id).toBe(`${PACK}/mlps`);
    expect(ids(await search('filing deadlnie'))).toContain('passage');
  });
});
