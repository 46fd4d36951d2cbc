/**
 * Page settings in the database. They are not mirrored where content scripts can read them: the
 * background tells each frame its own state (see page-state-push.ts) and follows every change.
 */
import browser from '../shared/browser';
import { type PageSettings, readSettings, SETTINGS_KEY } from '../shared/settings';
import type { TermlightDb } from './db';

/**
 * Called after every stored change, with the settings before and after it. The change is answered
 * once every listener has settled, so a switch in the popup returns when the pages have been told.
 */
export type SettingsListener = (next: PageSettings, previous: PageSettings) => Promise<void> | void;

const listeners = new Set<SettingsListener>();

/** Calls `listener` after every settings change; returns a function that stops it. */
export function onSettingsChanged(listener: SettingsListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current settings, with defaults for anything never set. */
export async function getSettings(db: TermlightDb): Promise<PageSettings> {
  return readSettings((await db.settings.get(SETTINGS_KEY))?.value);
}

/** Applies `change` to the settings, stores them and tells the listeners. */
export async function changeSettings(
  db: TermlightDb,
  change: (current: PageSettings) => PageSettings,
): Promise<PageSettings> {
  const [previous, next] = await db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    const updated = change(current);
    await db.settings.put({ key: SETTINGS_KEY, value: updated });
    return [current, updated] as const;
  });
  await Promise.allSettled([...listeners].map(async (listener) => listener(next, previous)));
  return next;
}

/** Adds or removes `site` from the disabled list. */
export function setSiteEnabled(db: TermlightDb, site: string, enabled: boolean): Promise<PageSettings> {
  return changeSettings(db, (s) => {
    const others = s.disabledSites.filter((x) => x !== site);
    return { ...s, disabledSites: enabled ? others : [...others, site].sort() };
  });
}

/**
 * Removes the settings copy that earlier versions kept in storage.local, where every content script
 * could read the list of switched-off sites.
 */
export async function forgetMirroredSettings(): Promise<void> {
  await browser.storage.local.remove(SETTINGS_KEY);
}
