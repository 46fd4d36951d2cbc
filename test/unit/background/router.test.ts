import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers, type RouterOptions } from '../../../src/background/router';
import type { Clipping } from '../../../src/shared/clippings/model';
import { compileMatcher, packMatcher } from '../../../src/shared/matcher';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const snapshot = { version: 1, matcher: packMatcher(compileMatcher([])), colours: {} };

const options: RouterOptions = { extensionId: 'ext', extensionUrl: 'chrome-extension://ext/' };
const page = { id: 'ext', url: 'https://news.example/article', tab: { id: 7 }, frameId: 0 };
const extensionPage = { id: 'ext', url: 'chrome-extension://ext/library.html', tab: { id: 3 } };

function clipping(): Clipping {
  return {
    id: 'c1',
    url: page.url,
    site: 'news.example',
    title: 'T',
    exact: 'MLPS',
    selectors: [{ type: 'TextQuoteSelector', exact: 'MLPS', prefix: '', suffix: '' }],
    note: '',
    tags: [],
    termIds: [],
    createdAt: 1,
    updatedAt: 1,
    anchored: true,
  };
}

function handlers(): Handlers {
  return {
    getSnapshot: vi.fn(async () => snapshot),
    getDefinition: vi.fn(async () => null),
    listGlossaries: vi.fn(async () => []),
    setGlossaryEnabled: vi.fn(async (r) => ({ enabled: r.enabled })),
    getSettings: vi.fn(async () => DEFAULT_SETTINGS),
    getPageState: vi.fn(async () => ({ on: true, firstOccurrenceOnly: false, includeCode: false })),
    getTermNames: vi.fn(async () => ({})),
    reportPageTerms: vi.fn(async () => ({ count: 0 })),
    listTerms: vi.fn(async () => []),
    openLibrary: vi.fn(async () => ({ opened: true })),
    updateSettings: vi.fn(async () => DEFAULT_SETTINGS),
    setSiteEnabled: vi.fn(async () => DEFAULT_SETTINGS),
    saveClipping: vi.fn(async () => ({ clipping: clipping(), reattached: false })),
    updateClipping: vi.fn(async () => clipping()),
    getPageClippings: vi.fn(async () => ({ clippings: [] })),
    reportAnchoring: vi.fn(async () => ({ updated: 0 })),
    listClippings: vi.fn(async () => ({ clippings: [], termNames: {} })),
    deleteClippings: vi.fn(async () => ({ deleted: [] })),
    restoreClippings: vi.fn(async () => ({ restored: 0 })),
    reattachClipping: vi.fn(async () => ({ opened: true })),
    loadContentUi: vi.fn(async () => ({ loaded: true })),
    getStorageHealth: vi.fn(async () => ({ problems: [] })),
    dismissStorageProblems: vi.fn(async () => ({ dismissed: 0 })),
    previewImport: vi.fn(async () => ({ ok: false as const, errors: [] })),
    subscribe: vi.fn(async () => ({ ok: false as const, errors: [] })),
    refreshSubscription: vi.fn(async () => ({ ok: false as const, errors: [] })),
    copyToLocalPack: vi.fn(async () => ({ packId: 'x-local', name: 'X (local copy)' })),
    createPack: vi.fn(async () => ({ packId: 'p', name: 'P' })),
    search: vi.fn(async (r) => ({ query: r.query, hits: [] })),
    getRefreshInterval: vi.fn(async () => ({ hours: 24 })),
    setRefreshInterval: vi.fn(async (r) => ({ hours: r.hours })),
    saveTerm: vi.fn(async () => ({ ok: false as const, errors: [] })),
    deleteTerm: vi.fn(async () => ({ term: { id: 't', term: 'T', definition: 'D' }, order: 0 })),
    restoreTerm: vi.fn(async () => ({ ok: false as const, errors: [] })),
    deletePack: vi.fn(async () => ({ pack: {}, source: 'local' as const, enabled: true })),
    restorePack: vi.fn(async () => ({ packId: 'p' })),
    getGlossaryPack: vi.fn(async () => {
      throw new Error('not in this test');
    }),
    importGlossary: vi.fn(async () => ({
      ok: true as const,
      packId: 'p',
      name: 'P',
      termCount: 0,
      warnings: [],
      replaced: false,
    })),
  };
}

describe('message router', () => {
  it('answers a valid request from a page with the handler result', async () => {
    const route = createRouter(handlers(), options);
    expect(await route({ type: 'getSnapshot' }, page)).toEqual({
      ok: true,
      value: snapshot,
    });
  });

  it('passes the page caller with its URL and tab to the handler', async () => {
    const h = handlers();
    await createRouter(h, options)({ type: 'getDefinition', id: 'a/b' }, page);
    expect(h.getDefinition).toHaveBeenCalledWith(
      { type: 'getDefinition', id: 'a/b' },
      { kind: 'page', url: page.url, tabId: 7, frameId: 0 },
    );
  });

  it('refuses privileged requests from a web page', async () => {
    const h = handlers();
    const answer = await createRouter(h, options)(
      { type: 'setGlossaryEnabled', id: 'x', enabled: false },
      page,
    );
    expect(answer).toEqual({ ok: false, error: '"setGlossaryEnabled" is not allowed from a web page' });
    expect(h.setGlossaryEnabled).not.toHaveBeenCalled();
  });

  it('allows privileged requests from an extension page even when it sits in a tab', async () => {
    const answer = await createRouter(handlers(), options)(
      { type: 'setGlossaryEnabled', id: 'x', enabled: false },
      extensionPage,
    );
    expect(answer).toEqual({ ok: true, value: { enabled: false } });
  });

  it('lets a page open the library at a term, but not read a whole pack', async () => {
    const route = createRouter(handlers(), options);
    expect(await route({ type: 'openLibrary', termId: 'p/t' }, page)).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(await route({ type: 'listTerms', glossaryId: 'p' }, page)).toEqual({
      ok: false,
      error: '"listTerms" is not allowed from a web page',
    });
  });

  it("lets a page save and read its own clippings, but not list, delete or restore anyone's", async () => {
    const route = createRouter(handlers(), options);
    const save = {
      type: 'saveClipping',
      clip: { exact: 'MLPS', selectors: clipping().selectors, title: 'T' },
    };
    const allowed = [save, { type: 'getPageClippings' }, { type: 'updateClipping', id: 'c1', note: 'n' }];
    const refused = [
      { type: 'listClippings' },
      { type: 'deleteClippings', ids: ['c1'] },
      { type: 'restoreClippings', clippings: [clipping()] },
      { type: 'reattachClipping', id: 'c1' },
    ];
    const wrong: string[] = [];
    for (const message of allowed)
      if (!(await route(message, page)).ok) wrong.push(`refused ${message.type}`);
    for (const message of refused) if ((await route(message, page)).ok) wrong.push(`allowed ${message.type}`);
    for (const message of refused)
      if (!(await route(message, extensionPage)).ok) wrong.push(`refused ${message.type} from the library`);
    expect(wrong).toEqual([]);
  });

  it('refuses a clipping whose page URL comes in the message', async () => {
    const h = handlers();
    const answer = await createRouter(h, options)(
      {
        type: 'saveClipping',
        clip: { exact: 'x', selectors: clipping().selectors, title: '', url: 'https://bank.example/' },
      },
      page,
    );
    expect(answer.ok).toBe(false);
    expect(h.saveClipping).not.toHaveBeenCalled();
  });

  it('refuses messages from another extension', async () => {
    const answer = await createRouter(handlers(), options)({ type: 'getSnapshot' }, { ...page, id: 'other' });
    expect(answer).toEqual({ ok: false, error: 'Unknown sender' });
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything' }],
    ['a missing field', { type: 'getDefinition' }],
    ['a wrongly typed field', { type: 'getDefinition', id: 42 }],
    ['an extra field', { type: 'getSnapshot', url: 'https://evil.example' }],
    ['an oversized id', { type: 'getDefinition', id: 'x'.repeat(10_000) }],
    ['not an object', 'getSnapshot'],
    ['null', null],
  ])('answers %s with an error instead of throwing', async (_label, message) => {
    const answer = await createRouter(handlers(), options)(message, page);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toMatch(/^Malformed message/);
  });

  it('turns a failing handler into an error answer and reports it', async () => {
    const h = handlers();
    h.listGlossaries = async () => {
      throw new Error('QuotaExceededError: disk full');
    };
    const onError = vi.fn();
    const answer = await createRouter(h, { ...options, onError })({ type: 'listGlossaries' }, extensionPage);
    expect(answer).toEqual({ ok: false, error: 'QuotaExceededError: disk full' });
    expect(onError).toHaveBeenCalledOnce();
  });
});
