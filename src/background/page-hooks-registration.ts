/**
 * The page-world script (`page-hooks.js`) is registered at run time rather than in the manifest, so
 * it is not installed at all where Termlight is off: nowhere while paused, and not on switched-off
 * sites. A frame is excluded by its own URL (or, for about:blank, srcdoc and blob: frames, by its
 * creator's origin), so a cross-origin frame inside a switched-off page still gets the hooks; its
 * content script stays off there, as the background decides from the top-level page.
 */
import type { PageSettings } from '../shared/settings';

export const PAGE_HOOKS_ID = 'termlight-page-hooks';

/** What `scripting.registerContentScripts` takes, as far as this script uses it. */
export interface PageHooksScript {
  id: string;
  js: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: 'document_start';
  allFrames: boolean;
  matchOriginAsFallback: boolean;
  world: 'MAIN';
  persistAcrossSessions: boolean;
}

/** The part of `browser.scripting` the registration uses. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter: {
    ids: string[];
  }): Promise<{ id: string; excludeMatches?: string[] }[]>;
  registerContentScripts(scripts: PageHooksScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

// Host names a match pattern can carry as they are; anything else (an IPv6 literal) is not
// excluded by URL, and only its content script stays off.
const PATTERN_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/i;

/** The registration the settings call for, or null when the hooks should be nowhere (paused). */
export function pageHooksScript(settings: PageSettings): PageHooksScript | null {
  if (settings.paused) return null;
  return {
    id: PAGE_HOOKS_ID,
    js: ['page-hooks.js'],
    matches: ['<all_urls>'],
    // A pattern without a port matches every port of the host, in Chromium and in Firefox.
    excludeMatches: settings.disabledSites
      .filter((site) => PATTERN_HOST.test(site))
      .map((site) => `*://${site}/*`),
    runAt: 'document_start',
    allFrames: true,
    matchOriginAsFallback: true,
    world: 'MAIN',
    persistAcrossSessions: true,
  };
}

/** Brings the registered page-world script in line with `settings` (called at start and on every change). */
export async function syncPageHooks(api: ScriptingApi, settings: PageSettings): Promise<void> {
  const wanted = pageHooksScript(settings);
  const [current] = await api.getRegisteredContentScripts({ ids: [PAGE_HOOKS_ID] });
  if (current && wanted && sameList(current.excludeMatches ?? [], wanted.excludeMatches)) return;
  if (current) await api.unregisterContentScripts({ ids: [PAGE_HOOKS_ID] });
  if (wanted) await api.registerContentScripts([wanted]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
