/** Background entry: opens the database, seeds the shipped packs, and answers messages. */
import browser, { type Runtime } from '../shared/browser';
import { parseTabRequest, type TabRequest } from '../shared/messages';
import { newTermText } from '../shared/new-term-text';
import { DEFAULT_SETTINGS, type PageSettings } from '../shared/settings';
import { BUILTIN_PACKS } from './builtin-packs';
import { ClippingTerms } from './clipping-terms';
import { recountDatabase, startDatabase } from './database-start';
import { openDb } from './db';
import { glossaryChangeHandler } from './glossaries-changed';
import { createHandlers } from './handlers';
import { acceptImportPorts } from './import-port';
import { injectIntoOpenTabs } from './inject-open-tabs';
import { openLibrary } from './open-library';
import { BadgeController } from './page-badges';
import { syncPageHooks } from './page-hooks-registration';
import { pushPageStates } from './page-state-push';
import { REFRESH_ALARM, scheduleRefresh } from './refresh-schedule';
import { createRouter } from './router';
import { forgetMirroredSettings, getSettings, onSettingsChanged } from './settings';
import { reportStorageErrors, StorageHealth, watchDatabase } from './storage-health';
import { refreshAll } from './subscriptions';

const db = openDb();
// Storage failures go to the library (see storage-health.ts), not only to the console.
const health = new StorageHealth();
watchDatabase(db, health);

// Seeding, and where its failure goes: see database-start.ts.
const ready = startDatabase(db, health, BUILTIN_PACKS);
const recount = () => recountDatabase(db);

/** Requests after which the reader's own data may have changed: the eviction marker is recounted. */
const USER_DATA_WRITES: ReadonlySet<string> = new Set([
  'saveClipping',
  'restoreClippings',
  'deleteClippings',
  'importGlossary',
  'subscribe',
  'createPack',
  'copyToLocalPack',
  'deletePack',
  'restorePack',
]);

// Clippings' auto-tags follow the glossaries; a retagging cut short by a stopped worker ends here.
const clippingTerms = new ClippingTerms(db);
ready
  .then(() => clippingTerms.ensureTagged())
  .catch((error: unknown) => console.error("Termlight: could not update the clippings' terms", error));

// Glossary files too large for one message arrive in batches over a Port (see import-port.ts).
const glossariesChanged = glossaryChangeHandler(db, clippingTerms);
acceptImportPorts(db, ready, browser.runtime.getURL(''), () => glossariesChanged().then(recount));

// The toolbar badge: distinct terms per tab, reported by the frames (see page-badges.ts).
const badges = new BadgeController(browser.action, DEFAULT_SETTINGS.showBadge);

// The page-world script is registered at run time, only where Termlight runs (see
// page-hooks-registration.ts); one sync at a time, so registrations never interleave.
let hooksSynced = Promise.resolve();
const syncHooks = (settings: PageSettings): Promise<void> => {
  hooksSynced = hooksSynced
    .then(() => syncPageHooks(browser.scripting, settings))
    .catch((error: unknown) => console.error('Termlight: could not register the page hooks', error));
  return hooksSynced;
};
getSettings(db)
  .then((settings) => Promise.all([syncHooks(settings), badges.setEnabled(settings.showBadge)]))
  .catch((error: unknown) => console.error('Termlight: could not read the settings', error));
forgetMirroredSettings().catch((error: unknown) =>
  console.error('Termlight: could not remove the old copy of the settings', error),
);
// Pages learn of a change from here: each tab is told its own state, never the settings.
onSettingsChanged(async (next, previous) => {
  await Promise.all([
    badges.setEnabled(next.showBadge),
    syncHooks(next),
    pushPageStates(browser.tabs, next, previous).catch((error: unknown) =>
      console.error('Termlight: could not tell the open pages about the settings', error),
    ),
  ]);
});
// A new document in a frame takes that frame's terms off the badge; the top frame, the tab's.
browser.webNavigation.onCommitted.addListener((details) => {
  void badges.navigated(details.tabId, details.frameId);
});
browser.tabs.onRemoved.addListener((tabId) => badges.closed(tabId));

const route = createRouter(
  createHandlers(
    db,
    ready,
    clippingTerms,
    undefined,
    (tabId, frameId, ids) => badges.report(tabId, frameId, ids),
    health,
  ),
  {
    extensionId: browser.runtime.id,
    extensionUrl: browser.runtime.getURL(''),
    onError: reportStorageErrors(health),
  },
);

browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
  const answer = await route(message, sender);
  const type = (message as { type?: unknown } | null)?.type;
  if (answer.ok && typeof type === 'string' && USER_DATA_WRITES.has(type)) void recount();
  return answer;
});

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
const ADD_TO_GLOSSARY_MENU = 'add-to-glossary';

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
  browser.contextMenus.create({
    id: ADD_TO_GLOSSARY_MENU,
    title: browser.i18n.getMessage('menuAddToGlossary'),
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
    .catch((error: unknown) => reportStorageErrors(health)(error, 'The refresh of subscriptions'));
});

// The menu knows the frame the selection is in: the command goes to that frame only. "Add to
// glossary" needs only the selected text, which the menu gives, so it works on any page, even one
// where Termlight is switched off.
browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === ADD_TO_GLOSSARY_MENU) {
    const newTerm = newTermText(info.selectionText ?? '');
    if (newTerm) {
      openLibrary({ newTerm }).catch((error: unknown) =>
        console.error('Termlight: could not open the library', error),
      );
    }
    return;
  }
  if (info.menuItemId !== SAVE_CLIPPING_MENU || tab?.id === undefined) return;
  const request: TabRequest = { type: 'command', command: 'save-clipping' };
  browser.tabs
    .sendMessage(tab.id, request, { frameId: info.frameId ?? 0 })
    .catch((error: unknown) =>
      console.error('Termlight: could not reach the page to save a clipping', error),
    );
});
