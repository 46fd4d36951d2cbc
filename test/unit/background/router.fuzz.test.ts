import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveClipping } from '../../../src/background/clippings';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { writePack } from '../../../src/background/glossaries';
import { createHandlers } from '../../../src/background/handlers';
import { createRouter, type SenderInfo } from '../../../src/background/router';
import { CONTENT_SCRIPT_REQUESTS, type Envelope, type RequestType } from '../../../src/shared/messages';
import { EXTENSION_ID, EXTENSION_URL } from '../fakes/browser';
import { makePack, makeTerm } from '../support/packs';
import { brokenRequest, randomMessage, validRequest } from './message-arbitraries';

// Sized so the file runs in a few seconds: most random messages stop at the schema, the valid
// ones reach the real handlers and the fake database.
const SEED = 18;
const RUNS = 3_000;

/** Content scripts in frames of every kind of origin, including ones with no address of their own. */
const pageSender: fc.Arbitrary<SenderInfo> = fc.record({
  id: fc.constant(EXTENSION_ID),
  url: fc.constantFrom(
    'https://news.example/article',
    'http://evil.example/x?utm_source=y#frag',
    'https://bank.example/account',
    'about:blank',
    'about:srcdoc',
    'data:text/html,<p>x',
    'blob:https://evil.example/0b6f',
    'file:///tmp/page.html',
    'chrome-extension://another-extension/page.html',
  ),
  tab: fc.record({ id: fc.integer({ min: 1, max: 50 }) }),
  frameId: fc.integer({ min: 0, max: 5 }),
});
const extensionSender: fc.Arbitrary<SenderInfo> = fc.record({
  id: fc.constant(EXTENSION_ID),
  url: fc.constantFrom(`${EXTENSION_URL}library.html`, `${EXTENSION_URL}popup.html`),
  tab: fc.option(fc.record({ id: fc.integer({ min: 1, max: 50 }) }), { nil: undefined }),
});
const strangerSender: fc.Arbitrary<SenderInfo> = fc.oneof(
  fc.record({ id: fc.constant('another-extension'), url: fc.constant('https://news.example/') }),
  fc.record({ id: fc.constant(EXTENSION_ID) }),
);
const anySender = fc.oneof(pageSender, extensionSender, strangerSender);
const anyMessage = fc.oneof(validRequest, brokenRequest, randomMessage);

let db: TermlightDb;
let route: ReturnType<typeof createRouter>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** Everything stored, in key order, to compare before and after. */
async function dump() {
  return {
    glossaries: await db.glossaries.toArray(),
    terms: await db.terms.toArray(),
    clippings: await db.clippings.toArray(),
    settings: await db.settings.toArray(),
  };
}

/** True when an answer is a well-formed envelope: a value, or a non-empty error text. */
const answered = (answer: Envelope<unknown> | undefined) =>
  answer !== undefined &&
  (answer.ok === true ? 'value' in answer : typeof answer.error === 'string' && answer.error.length > 0);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  db = openDb('router-fuzz');
  await writePack(db, makePack('p', [makeTerm('mlps', 'MLPS'), makeTerm('cac', 'CAC')]), 'builtin');
  await writePack(db, makePack('u', [makeTerm('notes', 'My notes')]), 'local');
  await saveClipping(
    db,
    'https://bank.example/account',
    {
      exact: 'private',
      title: 'Account',
      selectors: [{ type: 'TextQuoteSelector', exact: 'private', prefix: '', suffix: '' }],
    },
    [],
  );
  const notFound = async () => ({
    status: 404,
    headers: { get: () => null },
    arrayBuffer: async () => new ArrayBuffer(0),
  });
  route = createRouter(createHandlers(db, Promise.resolve(), undefined, notFound), {
    extensionId: EXTENSION_ID,
    extensionUrl: EXTENSION_URL,
  });
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await db.delete();
});

describe('the router under random and malformed messages', () => {
  it('answers every message from every sender with a value or a clear error, never a throw', async () => {
    const unanswered: unknown[] = [];
    const handled = new Set<string>();
    await fc.assert(
      fc.asyncProperty(anyMessage, anySender, async (message, sender) => {
        const answer = await route(message, sender).catch((error: unknown) => ({ threw: error }));
        if (!answered(answer as Envelope<unknown>)) unanswered.push({ message, sender, answer });
        else if ((answer as Envelope<unknown>).ok) handled.add((message as { type: string }).type);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Let any stray rejection surface before looking.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(unanswered.slice(0, 3)).toEqual([]);
    // The positive control: the run reached the real handlers of most request types.
    expect(handled.size).toBeGreaterThan(20);
    expect(unhandled).toEqual([]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as { polluted?: unknown; isAdmin?: unknown }).polluted).toBeUndefined();
  });

  it('refuses every privileged request from a content script, and the database stays as it was', async () => {
    const privileged = validRequest.filter((r) => !CONTENT_SCRIPT_REQUESTS.has(r.type as RequestType));
    const before = await dump();
    const allowed: string[] = [];
    await fc.assert(
      fc.asyncProperty(privileged, pageSender, async (message, sender) => {
        const answer = await route(message, sender);
        if (answer.ok || !/is not allowed from a web page/.test(answer.error)) allowed.push(message.type);
      }),
      { seed: SEED, numRuns: RUNS / 3 },
    );
    expect(allowed).toEqual([]);
    expect(await dump()).toEqual(before);
  });

  it("leaves the glossaries and another site's clippings alone whatever a content script sends", async () => {
    const before = await dump();
    const otherSite = pageSender.filter((s) => !s.url?.startsWith('https://bank.example/'));
    await fc.assert(
      fc.asyncProperty(fc.oneof(validRequest, brokenRequest), otherSite, async (message, sender) => {
        await route(message, sender);
      }),
      { seed: SEED, numRuns: RUNS / 3 },
    );
    const after = await dump();
    const bank = (rows: { url: string }[]) => rows.filter((c) => c.url.startsWith('https://bank.example/'));
    expect({ glossaries: after.glossaries, terms: after.terms, bank: bank(after.clippings) }).toEqual({
      glossaries: before.glossaries,
      terms: before.terms,
      bank: bank(before.clippings),
    });
  });
});
