/** Settings that pages need: kept in the database and mirrored to `storage.local` for content scripts. */

export interface PageSettings {
  /** Host names where Termlight highlights nothing. */
  disabledSites: string[];
  /** Highlight only the first occurrence of each term on a page. */
  firstOccurrenceOnly: boolean;
  /** Scan inside `code` and `pre`. */
  includeCode: boolean;
  /** Show the number of distinct terms on the page on the toolbar icon. */
  showBadge: boolean;
}

export const DEFAULT_SETTINGS: PageSettings = {
  disabledSites: [],
  firstOccurrenceOnly: false,
  includeCode: false,
  showBadge: true,
};

/** The storage.local key holding the mirrored settings. */
export const SETTINGS_KEY = 'pageSettings';

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

/** Reads settings of unknown shape (from storage) with defaults for anything missing or malformed. */
export function readSettings(value: unknown): PageSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof PageSettings, unknown>
  >;
  return {
    disabledSites: Array.isArray(v.disabledSites)
      ? v.disabledSites.filter((s): s is string => typeof s === 'string')
      : [],
    firstOccurrenceOnly: v.firstOccurrenceOnly === true,
    includeCode: v.includeCode === true,
    showBadge: v.showBadge !== false,
  };
}
