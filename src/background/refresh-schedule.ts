/** How often subscribed glossaries are fetched again: a setting, and the alarm that follows it. */
import browser from '../shared/browser';
import type { TermlightDb } from './db';

export const REFRESH_ALARM = 'refresh-subscriptions';
/** The choices the library offers, in hours; a day unless the reader picks another. */
export const REFRESH_HOURS = [1, 6, 12, 24, 168] as const;
export type RefreshHours = (typeof REFRESH_HOURS)[number];
const DEFAULT_HOURS: RefreshHours = 24;
const SETTING_KEY = 'subscriptionRefreshHours';

/** The refresh interval in force. */
export async function refreshHours(db: TermlightDb): Promise<RefreshHours> {
  const value = (await db.settings.get(SETTING_KEY))?.value;
  return REFRESH_HOURS.find((h) => h === value) ?? DEFAULT_HOURS;
}

/** (Re)makes the refresh alarm at the stored interval; an alarm with another period is replaced. */
export async function scheduleRefresh(db: TermlightDb): Promise<RefreshHours> {
  const hours = await refreshHours(db);
  const periodInMinutes = hours * 60;
  const current = await browser.alarms.get(REFRESH_ALARM);
  if (current?.periodInMinutes !== periodInMinutes) browser.alarms.create(REFRESH_ALARM, { periodInMinutes });
  return hours;
}

/** Stores a new interval and reschedules the alarm with it. */
export async function setRefreshHours(db: TermlightDb, hours: RefreshHours): Promise<RefreshHours> {
  await db.settings.put({ key: SETTING_KEY, value: hours });
  return scheduleRefresh(db);
}
