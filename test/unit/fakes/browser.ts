/** An in-memory stand-in for `webextension-polyfill`, enough for the modules under unit test. */

type Listener = (...args: never[]) => unknown;

class FakeEvent<L extends Listener> {
  readonly listeners = new Set<L>();
  addListener(l: L) {
    this.listeners.add(l);
  }
  removeListener(l: L) {
    this.listeners.delete(l);
  }
  hasListener(l: L) {
    return this.listeners.has(l);
  }
}

const store = new Map<string, unknown>();
const alarms = new Map<string, { name: string; periodInMinutes?: number }>();
const registeredScripts = new Map<string, unknown>();
const storageChanged = new FakeEvent<(changes: Record<string, unknown>, area: string) => void>();

export const EXTENSION_ID = 'termlight-test-id';
export const EXTENSION_URL = `chrome-extension://${EXTENSION_ID}/`;

/** What the fake was asked to do, for tests of the wiring (menus made, messages sent to tabs). */
export const calls = {
  menus: [] as unknown[],
  tabMessages: [] as { tabId: number; message: unknown; options?: unknown }[],
  alarms: [] as { name: string; info: unknown }[],
  badges: [] as { tabId: number; text: string }[],
  injections: [] as unknown[],
  tabsCreated: [] as unknown[],
};

const browser = {
  contextMenus: {
    create: (properties: unknown) => {
      calls.menus.push(properties);
    },
    onClicked: new FakeEvent<
      (
        info: { menuItemId: string | number; frameId?: number; selectionText?: string },
        tab?: { id?: number },
      ) => void
    >(),
  },
  commands: { onCommand: new FakeEvent<(command: string) => void>() },
  alarms: {
    create: (name: string, info: { periodInMinutes?: number }) => {
      calls.alarms.push({ name, info });
      alarms.set(name, { name, ...info });
    },
    get: async (name: string) => alarms.get(name),
    onAlarm: new FakeEvent<(alarm: { name: string }) => void>(),
  },
  tabs: {
    query: async (_query: unknown) => [{ id: 1 }],
    sendMessage: async (tabId: number, message: unknown, options?: unknown) => {
      calls.tabMessages.push({ tabId, message, options });
    },
    create: async (properties: unknown) => {
      calls.tabsCreated.push(properties);
      return { id: 2 };
    },
    onRemoved: new FakeEvent<(tabId: number) => void>(),
  },
  action: {
    setBadgeText: async (details: { tabId: number; text: string }) => {
      calls.badges.push(details);
    },
    setBadgeBackgroundColor: async (_details: unknown) => undefined,
  },
  scripting: {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
      ids.flatMap((id) => (registeredScripts.has(id) ? [registeredScripts.get(id)] : [])),
    registerContentScripts: async (scripts: { id: string }[]) => {
      for (const script of scripts) registeredScripts.set(script.id, script);
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) registeredScripts.delete(id);
    },
    executeScript: async (injection: unknown) => {
      calls.injections.push(injection);
      return [];
    },
  },
  webNavigation: {
    getAllFrames: async (_details: { tabId: number }) => [{ frameId: 0 }],
    onCommitted: new FakeEvent<(details: { tabId: number; frameId: number }) => void>(),
  },
  runtime: {
    id: EXTENSION_ID,
    onInstalled: new FakeEvent<(details: { reason: string }) => void>(),
    getURL: (path: string) => `${EXTENSION_URL}${path.replace(/^\//, '')}`,
    onMessage: new FakeEvent(),
    // Listened to by the background (import ports); test/unit/fakes/ports.ts joins ports to it.
    onConnect: new FakeEvent(),
    sendMessage: async (_message: unknown): Promise<unknown> => {
      throw new Error('sendMessage is not wired in this test');
    },
    openOptionsPage: async () => undefined,
  },
  storage: {
    local: {
      async get(keys?: string | string[] | null) {
        const wanted = keys == null ? [...store.keys()] : Array.isArray(keys) ? keys : [keys];
        return Object.fromEntries(wanted.filter((k) => store.has(k)).map((k) => [k, store.get(k)]));
      },
      async set(items: Record<string, unknown>) {
        const changes: Record<string, { oldValue?: unknown; newValue: unknown }> = {};
        for (const [k, v] of Object.entries(items)) {
          changes[k] = { oldValue: store.get(k), newValue: v };
          store.set(k, v);
        }
        for (const l of storageChanged.listeners) l(changes, 'local');
      },
      async remove(keys: string | string[]) {
        for (const k of Array.isArray(keys) ? keys : [keys]) store.delete(k);
      },
      async clear() {
        store.clear();
      },
    },
    onChanged: storageChanged,
  },
  i18n: {
    getMessage: (key: string) => key,
    getUILanguage: () => 'en',
  },
};

export default browser;
