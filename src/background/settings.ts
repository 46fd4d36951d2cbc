/** Page settings in the database, mirrored to storage.local where content scripts read them. */
import browser from '../shared/browser';
import { type PageSettings, readSettings, SETTINGS_KEY } from '../shared/settings';
import type { TermlightDb } from './db';

/** The current settings, with defaults for anything never set. */
export async function getSettings(db: TermlightDb): Promise<PageSettings> {
  return readSettings((await db.settings.get(SETTINGS_KEY))?.value);
}

/** Applies `change` to the settings, stores them and mirrors them for the pages. */
export async function changeSettings(
  db: TermlightDb,
  change: (current: PageSettings) => PageSettings,
): Promise<PageSettings> {
  const next = await db.transaction('rw', db.settings, async () => {
    const updated = change(await getSettings(db));
    await db.settings.put({ key: SETTINGS_KEY, value: updated });
    return updated;
  });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Adds or removes `site` from the disabled list. */
export function setSiteEnabled(db: TermlightDb, site: string, enabled: boolean): Promise<PageSettings> {
  return changeSettings(db, (s) => {
    const others = s.disabledSites.filter((x) => x !== site);
    return { ...s, disabledSites: enabled ? others : [...others, site].sort() };
  });
}
