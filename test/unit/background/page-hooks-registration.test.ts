import { describe, expect, it } from 'vitest';
import {
  PAGE_HOOKS_ID,
  type PageHooksScript,
  pageHooksScript,
  type ScriptingApi,
  syncPageHooks,
} from '../../../src/background/page-hooks-registration';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

function fakeScripting() {
  const registered = new Map<string, PageHooksScript>();
  const calls: string[] = [];
  const api: ScriptingApi = {
    getRegisteredContentScripts: async ({ ids }) =>
      ids.flatMap((id) => {
        const script = registered.get(id);
        return script ? [structuredClone(script)] : [];
      }),
    registerContentScripts: async (scripts) => {
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registered.set(script.id, script);
        calls.push(`register ${script.excludeMatches.join(' ')}`.trim());
      }
    },
    unregisterContentScripts: async ({ ids }) => {
      for (const id of ids) registered.delete(id);
      calls.push('unregister');
    },
  };
  return { api, registered, calls };
}

describe('the page-world script is registered only where Termlight runs', () => {
  it('runs in the main world of every frame from document_start, but not on switched-off sites', () => {
    const script = pageHooksScript({
      ...DEFAULT_SETTINGS,
      disabledSites: ['127.0.0.1', 'news.example', '[::1]'],
    });
    expect(script).toMatchObject({
      id: PAGE_HOOKS_ID,
      js: ['page-hooks.js'],
      matches: ['<all_urls>'],
      world: 'MAIN',
      runAt: 'document_start',
      allFrames: true,
      matchOriginAsFallback: true,
    });
    // An IPv6 literal cannot be written as a match pattern everywhere: only its content script is off.
    expect(script?.excludeMatches).toEqual(['*://127.0.0.1/*', '*://news.example/*']);
  });

  it('is nowhere while paused', () => {
    expect(pageHooksScript({ ...DEFAULT_SETTINGS, paused: true })).toBeNull();
  });

  it('follows the settings: registered, re-registered when a site changes, removed on pause', async () => {
    const { api, registered, calls } = fakeScripting();
    await syncPageHooks(api, DEFAULT_SETTINGS);
    await syncPageHooks(api, DEFAULT_SETTINGS);
    await syncPageHooks(api, { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] });
    await syncPageHooks(api, { ...DEFAULT_SETTINGS, paused: true });
    await syncPageHooks(api, { ...DEFAULT_SETTINGS, paused: true });
    expect(registered.size).toBe(0);
    await syncPageHooks(api, DEFAULT_SETTINGS);
    expect(calls).toEqual([
      'register',
      'unregister',
      'register *://news.example/*',
      'unregister',
      'register',
    ]);
    expect(registered.get(PAGE_HOOKS_ID)?.excludeMatches).toEqual([]);
  });
});
