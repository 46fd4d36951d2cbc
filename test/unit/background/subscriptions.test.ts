import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { readPack } from '../../../src/background/glossaries';
import {
  type Fetcher,
  refreshSubscription,
  subscribe,
  subscriptionFileName,
} from '../../../src/background/subscriptions';
import { makePack, makeTerm } from '../support/packs';

let db: TermlightDb;
let n = 0;
beforeEach(() => {
  db = openDb(`subscriptions-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const URL_ = 'https://glossaries.example/team/pack.json';

/** A host serving one file with an ETag, answering 304 to a matching If-None-Match; it logs requests. */
function host(initial: string) {
  let body = initial;
  let version = 1;
  let down = false;
  const log: { url: string; ifNoneMatch?: string; status: number }[] = [];
  const fetcher: Fetcher = async (url, init) => {
    const etag = `"v${version}"`;
    const ifNoneMatch = init.headers['if-none-match'];
    const status = down ? 500 : ifNoneMatch === etag ? 304 : 200;
    log.push({ url, ifNoneMatch, status });
    return {
      status,
      headers: {
        get: (name: string) => (name === 'etag' ? etag : name === 'content-type' ? 'application/json' : null),
      },
      arrayBuffer: async () => new TextEncoder().encode(body).buffer,
    };
  };
  return {
    fetcher,
    log,
    publish(next: string) {
      body = next;
      version++;
    },
    setDown(value: boolean) {
      down = value;
    },
  };
}

const team = makePack('team', [makeTerm('audit-season', 'audit season')], { name: 'Team words' });

describe('subscriptions', () => {
  it('subscribes to a pack by URL, then refreshes with its ETag: 304 when unchanged, the new pack when changed', async () => {
    const server = host(JSON.stringify(team));
    expect(await subscribe(db, URL_, server.fetcher)).toMatchObject({
      ok: true,
      packId: 'team',
      termCount: 1,
    });
    expect(await db.glossaries.get('team')).toMatchObject({
      source: 'subscription',
      url: URL_,
      etag: '"v1"',
    });

    expect(await refreshSubscription(db, 'team', server.fetcher)).toMatchObject({ ok: true, changed: false });
    expect(server.log.at(-1)).toEqual({ url: URL_, ifNoneMatch: '"v1"', status: 304 });

    const next = { ...team, terms: [...team.terms, makeTerm('cacao', 'cacao')] };
    server.publish(JSON.stringify(next));
    expect(await refreshSubscription(db, 'team', server.fetcher)).toMatchObject({
      ok: true,
      changed: true,
      termCount: 2,
    });
    expect(await readPack(db, 'team')).toEqual(next);
  });

  it('keeps the last good version when a refresh fails, and records the error with its time', async () => {
    const server = host(JSON.stringify(team));
    await subscribe(db, URL_, server.fetcher);
    server.publish('{"format": "termlight-glossary", "version": 1, "id": "team", "terms": [');
    const broken = await refreshSubscription(db, 'team', server.fetcher);
    expect(broken.ok).toBe(false);
    expect(await readPack(db, 'team')).toEqual(team);
    const row = await db.glossaries.get('team');
    expect(row?.lastError).toMatch(/Not valid JSON/);
    // Also as problems with their words, for the library to say in its language.
    const keys = (r: typeof row) => r?.lastProblems?.map((problem) => problem.words?.key);
    expect(keys(row)).toEqual(['notJson']);
    expect(row?.lastErrorAt).toBeTypeOf('number');

    server.setDown(true);
    await refreshSubscription(db, 'team', server.fetcher);
    const down = await db.glossaries.get('team');
    expect(down?.lastError).toMatch(/answered 500/);
    expect(keys(down)).toEqual(['serverAnswered']);

    server.setDown(false);
    server.publish(JSON.stringify(team));
    expect(await refreshSubscription(db, 'team', server.fetcher)).toMatchObject({ ok: true });
    const good = await db.glossaries.get('team');
    expect([good?.lastError, good?.lastProblems]).toEqual([undefined, undefined]);
  });

  it('gives up on a host that stops answering, on subscribing and on refreshing, and keeps the pack', async () => {
    /** A host that sends the headers and then nothing more, until the request is aborted. */
    const silent = (headersToo: boolean): Fetcher => {
      const stall = (signal: AbortSignal) =>
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      return async (_url, init) => {
        if (!headersToo) return stall(init.signal);
        return { status: 200, headers: { get: () => null }, arrayBuffer: () => stall(init.signal) };
      };
    };
    const timedOut = {
      ok: false,
      errors: [{ path: URL_, words: { key: 'serverTimedOut', values: ['0.05'] } }],
    };
    expect(await subscribe(db, URL_, silent(false), 50)).toMatchObject(timedOut);
    expect(await db.glossaries.count()).toBe(0);

    await subscribe(db, URL_, host(JSON.stringify(team)).fetcher);
    expect(await refreshSubscription(db, 'team', silent(true), 50)).toMatchObject(timedOut);
    expect(await readPack(db, 'team')).toEqual(team);
    expect((await db.glossaries.get('team'))?.lastError).toMatch(/no complete answer within 0.05 seconds/);
  });

  it('refuses a non-http URL, and a pack whose id belongs to another glossary', async () => {
    const server = host(JSON.stringify(team));
    expect(await subscribe(db, 'file:///etc/passwd', server.fetcher)).toMatchObject({ ok: false });
    expect(server.log).toEqual([]);
    await db.glossaries.add({
      id: 'team',
      name: 'Mine',
      source: 'local',
      enabled: true,
      termCount: 0,
      importedAt: 1,
    });
    const refused = await subscribe(db, URL_, server.fetcher);
    expect(refused).toMatchObject({ ok: false, errors: [{ path: '$.id' }] });
    expect((await db.glossaries.get('team'))?.source).toBe('local');
  });

  it('reads a file by its extension (the name decoded), else by its content type', () => {
    const cases: [string, string | null, string][] = [
      ['https://x.example/a/pack.csv', null, 'pack.csv'],
      ['https://x.example/a/TEAM.TBX?raw=1', null, 'TEAM.TBX'],
      ['https://x.example/a/Team%20Glossary.csv', 'text/plain', 'Team Glossary.csv'],
      ['https://x.example/a/100%.csv', null, '100%.csv'],
      ['https://x.example/raw/terms.xml', 'text/plain', 'terms.xml'],
      ['https://x.example/raw/main/glossary', 'text/csv; charset=utf-8', 'subscription.csv'],
      ['https://x.example/raw/main/glossary', 'application/xml', 'subscription.tbx'],
      ['https://x.example/raw/main/glossary', 'text/plain', 'subscription.json'],
    ];
    const failing = cases.filter(([url, type, want]) => subscriptionFileName(url, type) !== want);
    expect(failing).toEqual([]);
  });
});
