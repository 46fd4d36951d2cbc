import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/background/db';
import { changeSettings, getSettings, setSiteEnabled } from '../../../src/background/settings';
import browser from '../../../src/shared/browser';
import {
  DEFAULT_SETTINGS,
  isSiteDisabled,
  readSettings,
  SETTINGS_KEY,
  siteOf,
} from '../../../src/shared/settings';

describe('page settings', () => {
  it('start from the defaults and mirror every change to storage for the pages', async () => {
    const db = openDb('settings-mirror');
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    await changeSettings(db, (s) => ({ ...s, firstOccurrenceOnly: true }));
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    expect(stored[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, firstOccurrenceOnly: true });
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, firstOccurrenceOnly: true });
    await db.delete();
  });

  it('switch a site off and on again without touching other sites', async () => {
    const db = openDb('settings-sites');
    await setSiteEnabled(db, 'news.example', false);
    await setSiteEnabled(db, 'blog.example', false);
    await setSiteEnabled(db, 'news.example', false);
    expect((await getSettings(db)).disabledSites).toEqual(['blog.example', 'news.example']);
    const after = await setSiteEnabled(db, 'news.example', true);
    expect(after.disabledSites).toEqual(['blog.example']);
    await db.delete();
  });

  it('tell whether a URL is on a switched-off site', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
    expect(isSiteDisabled(settings, 'https://news.example/a?b#c')).toBe(true);
    expect(isSiteDisabled(settings, 'https://other.example/')).toBe(false);
    expect(siteOf('about:blank')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('read malformed stored values as the defaults', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ disabledSites: ['a', 3, null], firstOccurrenceOnly: 'yes' })).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['a'],
    });
  });
});
