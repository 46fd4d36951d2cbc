/** Background entry: opens the database, seeds the shipped packs, and answers messages. */
import browser, { type Runtime } from '../shared/browser';
import { BUILTIN_PACKS } from './builtin-packs';
import { openDb } from './db';
import { seedBuiltinPacks } from './glossaries';
import { createHandlers } from './handlers';
import { createRouter } from './router';
import { bumpSnapshotVersion } from './snapshot-version';

const db = openDb();

// Seeding runs at every worker start, not only onInstalled: it is idempotent and cheap when done,
// and it repairs a database that was cleared while the extension stayed installed.
const ready = seedBuiltinPacks(db, BUILTIN_PACKS).then(async (written) => {
  if (written > 0) await bumpSnapshotVersion(db);
});
ready.catch((error: unknown) => console.error('Termlight: could not seed the glossary database', error));

const route = createRouter(createHandlers(db, ready), {
  extensionId: browser.runtime.id,
  extensionUrl: browser.runtime.getURL(''),
  onError: (error, type) => console.error(`Termlight: ${type} failed`, error),
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

// Keyboard commands act on the page: relay them to the active tab's content scripts.
browser.commands.onCommand.addListener(async (command: string) => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, { command }).catch(() => undefined);
});
