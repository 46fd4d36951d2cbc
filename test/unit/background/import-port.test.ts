import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { writePack } from '../../../src/background/glossaries';
import { acceptImportPorts } from '../../../src/background/import-port';
import type { Term } from '../../../src/shared/glossary/model';
import {
  IMPORT_PORT_NAME,
  type ImportPortAnswer,
  type ImportPortRequest,
} from '../../../src/shared/messages';
import { EXTENSION_URL } from '../fakes/browser';
import { connectFrom, type FakePort, LIBRARY_URL, resetPorts } from '../fakes/ports';
import { makePack, makeTerm } from '../support/packs';

const header = { id: 'team', name: 'Team terms', language: 'en' };

let db: TermlightDb;
let changed: Mock<() => Promise<void>>;

beforeEach(() => {
  resetPorts();
  db = openDb(`import-port-${Math.random()}`);
  changed = vi.fn(async () => undefined);
  acceptImportPorts(db, Promise.resolve(), EXTENSION_URL, changed);
});

afterEach(async () => {
  await db.delete();
});

/** Sends `request` and waits for the background's answer. */
function ask(port: FakePort, request: ImportPortRequest | unknown): Promise<ImportPortAnswer> {
  return new Promise((resolve) => {
    const listener = (answer: unknown) => {
      port.onMessage.removeListener(listener);
      resolve(answer as ImportPortAnswer);
    };
    port.onMessage.addListener(listener);
    port.postMessage(request);
  });
}

/** Opens a port from the library and sends `begin` and `terms` in batches of `batch`. */
async function sendPack(terms: Term[], batch = 2): Promise<FakePort> {
  const port = connectFrom(LIBRARY_URL, IMPORT_PORT_NAME);
  expect(await ask(port, { type: 'begin', header, termCount: terms.length })).toEqual({
    type: 'received',
    termCount: 0,
  });
  for (let i = 0; i < terms.length; i += batch) {
    const answer = await ask(port, { type: 'terms', terms: terms.slice(i, i + batch) });
    expect(answer).toEqual({ type: 'received', termCount: Math.min(i + batch, terms.length) });
  }
  return port;
}

const storedTermIds = async () => (await db.terms.toArray()).map((row) => row.id).sort();

/** Waits until the fake has delivered everything posted so far (it delivers on later tasks). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const terms = [makeTerm('a', 'Alpha'), makeTerm('b', 'Beta'), makeTerm('c', 'Gamma')];

describe('the import port', () => {
  it('writes a pack that arrived in batches, in file order, and says the glossaries changed', async () => {
    const port = await sendPack(terms);
    expect(await ask(port, { type: 'preview' })).toEqual({ type: 'preview' });
    expect(await ask(port, { type: 'commit', replace: false })).toEqual({
      type: 'committed',
      ok: true,
      packId: 'team',
      name: 'Team terms',
      termCount: 3,
      replaced: false,
    });
    const rows = await db.terms.where('glossaryId').equals('team').sortBy('order');
    expect(rows.map((row) => row.termId)).toEqual(['a', 'b', 'c']);
    expect((await db.glossaries.get('team'))?.source).toBe('imported');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('closes a port opened from a web page and writes nothing', async () => {
    const port = connectFrom('https://evil.example/page.html', IMPORT_PORT_NAME);
    const closed = new Promise<void>((resolve) => port.onDisconnect.addListener(() => resolve()));
    await closed;
    expect(port.disconnected).toBe(true);
    expect(() => port.postMessage({ type: 'begin', header, termCount: 1 })).toThrow(/disconnected/);
    expect(await db.glossaries.count()).toBe(0);
  });

  it('leaves ports of other names alone', async () => {
    const port = connectFrom('https://evil.example/page.html', 'something-else');
    await settle();
    expect(port.disconnected).toBe(false);
  });

  it('refuses a batch of more than 5 000 terms, and every request after it', async () => {
    const many = Array.from({ length: 5_001 }, (_, i) => makeTerm(`t-${i}`, `term ${i}`));
    const port = connectFrom(LIBRARY_URL, IMPORT_PORT_NAME);
    await ask(port, { type: 'begin', header, termCount: many.length });
    const answer = await ask(port, { type: 'terms', terms: many });
    expect(answer).toMatchObject({ type: 'failed', ok: false });
    expect(JSON.stringify(answer)).toContain('5001 terms is more than the 5000');
    expect(await ask(port, { type: 'commit', replace: false })).toMatchObject({
      type: 'failed',
      errors: [{ message: 'this import has ended: start it again' }],
    });
    expect(await db.glossaries.count()).toBe(0);
  });

  it('refuses more terms than were announced, and an announcement above 500 000', async () => {
    const port = connectFrom(LIBRARY_URL, IMPORT_PORT_NAME);
    await ask(port, { type: 'begin', header, termCount: 2 });
    expect(await ask(port, { type: 'terms', terms })).toMatchObject({
      type: 'failed',
      errors: [{ message: 'more terms arrived than the 2 announced' }],
    });

    const huge = connectFrom(LIBRARY_URL, IMPORT_PORT_NAME);
    expect(await ask(huge, { type: 'begin', header, termCount: 500_001 })).toMatchObject({
      type: 'failed',
      errors: [{ message: expect.stringContaining('more than the 500000 a pack may hold') }],
    });
  });

  it('refuses to check a pack before all its announced terms arrived', async () => {
    const port = connectFrom(LIBRARY_URL, IMPORT_PORT_NAME);
    await ask(port, { type: 'begin', header, termCount: 3 });
    await ask(port, { type: 'terms', terms: terms.slice(0, 1) });
    expect(await ask(port, { type: 'preview' })).toMatchObject({
      type: 'failed',
      errors: [{ message: 'only 1 of the 3 announced terms arrived' }],
    });
  });

  it("answers the validator's errors with their JSON paths and writes nothing", async () => {
    await writePack(db, makePack('team', [makeTerm('old', 'Old term')]), 'imported');
    const bad = [
      makeTerm('a', 'Alpha'),
      makeTerm('b', 'Beta', { sources: [{ url: 'javascript:alert(1)' }] }),
    ];
    const port = await sendPack(bad);
    const answer = await ask(port, { type: 'commit', replace: true });
    expect(answer).toMatchObject({ type: 'failed', ok: false });
    expect(answer.type === 'failed' && answer.errors[0]).toMatchObject({
      path: '$.terms[1].sources[0].url',
      message: expect.stringContaining('javascript:'),
    });
    expect(await storedTermIds()).toEqual(['team/old']);
    expect(changed).not.toHaveBeenCalled();
  });

  it('discards the terms of a page that disconnects before its commit', async () => {
    const port = await sendPack(terms);
    port.disconnect();
    await settle();
    const again = connectFrom(LIBRARY_URL, IMPORT_PORT_NAME);
    expect(await ask(again, { type: 'commit', replace: false })).toMatchObject({
      type: 'failed',
      errors: [{ message: 'the import must begin before it is checked' }],
    });
    expect(await db.glossaries.count()).toBe(0);
  });

  it('does not write a commit still waiting its turn when the page disconnects', async () => {
    resetPorts();
    let databaseReady: () => void = () => undefined;
    acceptImportPorts(
      db,
      new Promise<void>((resolve) => {
        databaseReady = resolve;
      }),
      EXTENSION_URL,
      changed,
    );
    const port = await sendPack(terms);
    port.postMessage({ type: 'commit', replace: false });
    port.disconnect();
    await settle();
    databaseReady();
    await settle();
    expect(await db.glossaries.count()).toBe(0);
    expect(changed).not.toHaveBeenCalled();
  });

  it('refuses to replace a stored pack unless asked to, and previews what replacing changes', async () => {
    await writePack(db, makePack('team', [makeTerm('a', 'Alpha'), makeTerm('old', 'Old term')]), 'builtin');
    const port = await sendPack(terms);
    expect(await ask(port, { type: 'preview' })).toEqual({
      type: 'preview',
      report: { added: ['b', 'c'], changed: [], removed: ['old'], packChanged: true },
      existing: { name: 'Pack team', source: 'builtin' },
    });
    expect(await ask(port, { type: 'commit', replace: false })).toMatchObject({
      type: 'failed',
      errors: [{ path: '$.id', message: expect.stringContaining('confirm to replace it') }],
    });
    expect(await storedTermIds()).toEqual(['team/a', 'team/old']);

    const confirmed = await sendPack(terms);
    expect(await ask(confirmed, { type: 'commit', replace: true })).toMatchObject({
      type: 'committed',
      replaced: true,
      termCount: 3,
    });
    expect(await storedTermIds()).toEqual(['team/a', 'team/b', 'team/c']);
  });

  it('answers malformed messages with an error rather than throwing', async () => {
    for (const message of [null, 'begin', { type: 'explode' }, { type: 'terms', terms: 'abc' }]) {
      const port = connectFrom(LIBRARY_URL, IMPORT_PORT_NAME);
      const answer = await ask(port, message);
      expect(answer).toMatchObject({ type: 'failed', ok: false, errors: [{ path: '$' }] });
      expect(answer.type === 'failed' && answer.errors[0]?.message).toMatch(/^Malformed import message/);
    }
    const port = connectFrom(LIBRARY_URL, IMPORT_PORT_NAME);
    expect(await ask(port, { type: 'begin', header: { id: 7, name: 'x' }, termCount: 1 })).toMatchObject({
      type: 'failed',
      errors: [{ message: 'Malformed import message at header.id: the pack id must be a string' }],
    });
  });
});
