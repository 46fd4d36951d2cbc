import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/background/db';
import {
  changeSettings,
  forgetMirroredSettings,
  getSettings,
  onSettingsChanged,
  setSiteEnabled,
} from '../../../src/background/settings';
import browser from '../../../src/shared/browser';
import {
  DEFAULT_SETTINGS,
  isSiteDisabled,
  type PageSettings,
  readSettings,
  SETTINGS_KEY,
  siteOf,
} from '../../../src/shared/settings';

describe('page settings', () => {
  it('start from the defaults, and keep changes in the database only, away from content scripts', async () => {
    const db = openDb('settings-store');
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    await changeSettings(db, (s) => ({ ...s, firstOccurrenceOnly: true, disabledSites: ['news.example'] }));
    expect(await getSettings(db)).toEqual({
      ...DEFAULT_SETTINGS,
      firstOccurrenceOnly: true,
      disabledSites: ['news.example'],
    });
    expect(await browser.storage.local.get(SETTINGS_KEY)).toEqual({});
    await db.delete();
  });

  it('remove the copy that earlier versions left in storage.local', async () => {
    await browser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSites: ['a.example'] },
    });
    await forgetMirroredSettings();
    expect(await browser.storage.local.get(SETTINGS_KEY)).toEqual({});
  });

  it('tell the listeners each change with the settings before it', async () => {
    const db = openDb('settings-listeners');
    const seen: [PageSettings, PageSettings][] = [];
    const stop = onSettingsChanged((next, previous) => {
      seen.push([next, previous]);
    });
    await changeSettings(db, (s) => ({ ...s, paused: true }));
    await setSiteEnabled(db, 'news.example', false);
    stop();
    await changeSettings(db, (s) => ({ ...s, paused: false }));
    expect(seen).toEqual([
      [{ ...DEFAULT_SETTINGS, paused: true }, DEFAULT_SETTINGS],
      [
        { ...DEFAULT_SETTINGS, paused: true, disabledSites: ['news.example'] },
        { ...DEFAULT_SETTINGS, paused: true },
      ],
    ]);
    await db.delete();
  });

  it('answer a change once the listeners are done, even when one of them fails', async () => {
    const db = openDb('settings-await');
    let told = false;
    const stops = [
      onSettingsChanged(async () => {
        await new Promise((r) => setTimeout(r, 20));
        told = true;
      }),
      onSettingsChanged(async () => {
        throw new Error('no tabs');
      }),
    ];
    const next = await changeSettings(db, (s) => ({ ...s, paused: true }));
    for (const stop of stops) stop();
    expect(told).toBe(true);
    expect(next.paused).toBe(true);
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
    expect(
      readSettings({ disabledSites: ['a', 3, null], firstOccurrenceOnly: 'yes', paused: 'true' }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['a'],
    });
    expect(readSettings({ paused: true }).paused).toBe(true);
  });
});
