/** Background entry: opens the database, seeds the shipped packs, and answers messages. */
import browser, { type Runtime } from '../shared/browser';
import { parseTabRequest, type TabRequest } from '../shared/messages';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY } from '../shared/settings';
import { BUILTIN_PACKS } from './builtin-packs';
import { ClippingTerms } from './clipping-terms';
import { openDb } from './db';
import { seedBuiltinPacks } from './glossaries';
import { glossaryChangeHandler } from './glossaries-changed';
import { createHandlers } from './handlers';
import { acceptImportPorts } from './import-port';
import { injectIntoOpenTabs } from './inject-open-tabs';
import { BadgeController } from './page-badges';
import { REFRESH_ALARM, scheduleRefresh } from './refresh-schedule';
import { createRouter } from './router';
import { getSettings } from './settings';
import { bumpSnapshotVersion } from './snapshot-version';
import { refreshAll } from './subscriptions';

const db = openDb();

// Seeding runs at every worker start, not only onInstalled: it is idempotent and cheap when done,
// and it repairs a database that was cleared while the extension stayed installed.
const ready = seedBuiltinPacks(db, BUILTIN_PACKS).then(async (written) => {
  if (written > 0) await bumpSnapshotVersion(db);
});
ready.catch((error: unknown) => console.error('Termlight: could not seed the glossary database', error));

// Clippings' auto-tags follow the glossaries; a retagging cut short by a stopped worker ends here.
const clippingTerms = new ClippingTerms(db);
ready
  .then(() => clippingTerms.ensureTagged())
  .catch((error: unknown) => console.error("Termlight: could not update the clippings' terms", error));

// Glossary files too large for one message arrive in batches over a Port (see import-port.ts).
const glossariesChanged = glossaryChangeHandler(db, clippingTerms);
acceptImportPorts(db, ready, browser.runtime.getURL(''), glossariesChanged);

// The toolbar badge: distinct terms per tab, reported by the frames (see page-badges.ts).
const badges = new BadgeController(browser.action, DEFAULT_SETTINGS.showBadge);
getSettings(db)
  .then((settings) => badges.setEnabled(settings.showBadge))
  .catch((error: unknown) => console.error('Termlight: could not read the badge setting', error));
browser.storage.onChanged.addListener((changes, area) => {
  const change = changes[SETTINGS_KEY];
  if (area === 'local' && change) void badges.setEnabled(readSettings(change.newValue).showBadge);
});
// A new document in a frame takes that frame's terms off the badge; the top frame, the tab's.
browser.webNavigation.onCommitted.addListener((details) => {
  void badges.navigated(details.tabId, details.frameId);
});
browser.tabs.onRemoved.addListener((tabId) => badges.closed(tabId));

const route = createRouter(
  createHandlers(db, ready, clippingTerms, undefined, (tabId, frameId, ids) =>
    badges.report(tabId, frameId, ids),
  ),
  {
    extensionId: browser.runtime.id,
    extensionUrl: browser.runtime.getURL(''),
    onError: (error, type) => console.error(`Termlight: ${type} failed`, error),
  },
);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

// Keyboard commands act on the page: relay them to the active tab's content scripts. Every frame
// gets it; for "save-clipping" only the frame holding a selection acts on it.
browser.commands.onCommand.addListener(async (command: string) => {
  const request = parseTabRequest({ type: 'command', command });
  if (!request) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
});

const SAVE_CLIPPING_MENU = 'save-clipping';

// Menus and alarms persist across worker restarts, so they are made once per install or update.
browser.runtime.onInstalled.addListener((details) => {
  injectIntoOpenTabs(details).catch((error: unknown) =>
    console.error('Termlight: could not start in the open tabs', error),
  );
  browser.contextMenus.create({
    id: SAVE_CLIPPING_MENU,
    title: browser.i18n.getMessage('menuSaveClipping'),
    contexts: ['selection'],
  });
  // At the reader's interval (a day unless changed); a 304 when unchanged costs the host little.
  scheduleRefresh(db).catch((error: unknown) =>
    console.error('Termlight: could not schedule refreshes', error),
  );
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== REFRESH_ALARM) return;
  ready
    .then(() => refreshAll(db, (url, init) => fetch(url, init)))
    .then((changed) => (changed ? glossariesChanged() : undefined))
    .catch((error: unknown) =>
      console.error('Termlight: could not refresh the subscribed glossaries', error),
    );
});

// The menu knows the frame the selection is in: the command goes to that frame only.
browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== SAVE_CLIPPING_MENU || tab?.id === undefined) return;
  const request: TabRequest = { type: 'command', command: 'save-clipping' };
  browser.tabs
    .sendMessage(tab.id, request, { frameId: info.frameId ?? 0 })
    .catch((error: unknown) =>
      console.error('Termlight: could not reach the page to save a clipping', error),
    );
});
