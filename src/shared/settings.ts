/**
 * Page settings: kept in the background's database. Content scripts never read them whole: the
 * background tells each frame only its `PageState`, decided from the frame's top-level page.
 */

export interface PageSettings {
  /** Host names where Termlight highlights nothing. */
  disabledSites: string[];
  /** Termlight highlights nothing anywhere until resumed. */
  paused: boolean;
  /** Highlight only the first occurrence of each term on a page. */
  firstOccurrenceOnly: boolean;
  /** Scan inside `code` and `pre`. */
  includeCode: boolean;
  /** Show the number of distinct terms on the page on the toolbar icon. */
  showBadge: boolean;
}

export const DEFAULT_SETTINGS: PageSettings = {
  disabledSites: [],
  paused: false,
  firstOccurrenceOnly: false,
  includeCode: false,
  showBadge: true,
};

/** The database key of the settings (and, before the background decided for pages, their storage.local mirror). */
export const SETTINGS_KEY = 'pageSettings';

/** What one frame is told: whether Termlight runs there, and how it scans when it does. */
export interface PageState {
  on: boolean;
  firstOccurrenceOnly: boolean;
  includeCode: boolean;
}

/** The site key of a URL: its host name, or null for pages that have none (files, about:blank). */
export function siteOf(url: string): string | null {
  try {
    const { hostname } = new URL(url);
    return hostname || null;
  } catch {
    return null;
  }
}

/** True when highlighting is switched off for `url`'s site. */
export function isSiteDisabled(settings: PageSettings, url: string): boolean {
  const site = siteOf(url);
  return site !== null && settings.disabledSites.includes(site);
}

/**
 * The state of every frame of a tab showing `topUrl`: about:blank, srcdoc, blob: and cross-origin
 * frames follow the top-level page, so a switched-off site is off in all of its frames.
 */
export function pageStateFor(settings: PageSettings, topUrl: string): PageState {
  return {
    on: !settings.paused && !isSiteDisabled(settings, topUrl),
    firstOccurrenceOnly: settings.firstOccurrenceOnly,
    includeCode: settings.includeCode,
  };
}

/** Whether two page states would run a page the same way. */
export function samePageState(a: PageState, b: PageState): boolean {
  if (a.on !== b.on) return false;
  // Scan options of a page that is off change nothing there.
  return !a.on || (a.firstOccurrenceOnly === b.firstOccurrenceOnly && a.includeCode === b.includeCode);
}

/** Reads settings of unknown shape (from storage) with defaults for anything missing or malformed. */
export function readSettings(value: unknown): PageSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof PageSettings, unknown>
  >;
  return {
    disabledSites: Array.isArray(v.disabledSites)
      ? v.disabledSites.filter((s): s is string => typeof s === 'string')
      : [],
    paused: v.paused === true,
    firstOccurrenceOnly: v.firstOccurrenceOnly === true,
    includeCode: v.includeCode === true,
    showBadge: v.showBadge !== false,
  };
}
