import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/background/db';
import { refreshHours, scheduleRefresh, setRefreshHours } from '../../../src/background/refresh-schedule';
import browser from '../../../src/shared/browser';

const db = openDb('refresh-schedule');
afterEach(async () => {
  await db.settings.clear();
});

describe('the subscription refresh schedule', () => {
  it('refreshes daily by default and at the interval the reader sets, replacing the alarm', async () => {
    expect(await refreshHours(db)).toBe(24);
    await scheduleRefresh(db);
    expect((await browser.alarms.get('refresh-subscriptions'))?.periodInMinutes).toBe(1440);
    expect(await setRefreshHours(db, 6)).toBe(6);
    expect((await browser.alarms.get('refresh-subscriptions'))?.periodInMinutes).toBe(360);
    // A stored value that is not one of the choices falls back to a day.
    await db.settings.put({ key: 'subscriptionRefreshHours', value: 5 });
    expect(await refreshHours(db)).toBe(24);
  });
});
