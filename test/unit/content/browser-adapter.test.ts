import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { chromeAsBrowser, NO_RESPONSE_MESSAGE, nativeBrowser } from '../../../src/content/browser-adapter';

// The background keeps webextension-polyfill while the content scripts use the adapter: these tests
// run the real polyfill on one side and the adapter on the other, over a stand-in for Chromium's
// one-time messages, so the two must agree on answers, silences and rejections.

type SendResponse = (response?: unknown) => void;
type Listener = (message: unknown, sender: unknown, sendResponse: SendResponse) => unknown;

/** Chromium's `runtime.onMessage` and the delivery of one message to its listeners. */
class ChromiumEvent {
  readonly listeners = new Set<Listener>();
  addListener = (listener: Listener) => void this.listeners.add(listener);
  removeListener = (listener: Listener) => void this.listeners.delete(listener);
  hasListener = (listener: Listener) => this.listeners.has(listener);

  /** Delivers as Chromium does: the first `sendResponse` wins; `return true` keeps the port open. */
  deliver(message: unknown, sender: unknown, runtime: FakeRuntime, callback: (reply: unknown) => void) {
    const finish = (reply: unknown, error?: string) => {
      runtime.lastError = error === undefined ? undefined : { message: error };
      try {
        callback(reply);
      } finally {
        runtime.lastError = undefined;
      }
    };
    if (this.listeners.size === 0) {
      queueMicrotask(() =>
        finish(undefined, 'Could not establish connection. Receiving end does not exist.'),
      );
      return;
    }
    let answered = false;
    let open = false;
    const sendResponse = (reply?: unknown) => {
      if (answered) return;
      answered = true;
      queueMicrotask(() => finish(reply));
    };
    for (const listener of this.listeners) if (listener(message, sender, sendResponse) === true) open = true;
    if (!answered && !open) {
      answered = true;
      queueMicrotask(() => finish(undefined, NO_RESPONSE_MESSAGE));
    }
  }
}

interface FakeRuntime {
  id: string;
  lastError: { message: string } | undefined;
  onMessage: ChromiumEvent;
  sendMessage: (...args: unknown[]) => void;
  getURL: (path: string) => string;
}

const EXTENSION_ID = 'abcdefghijklmnop';
const pageSender = { id: EXTENSION_ID, url: 'https://example.org/', tab: { id: 7 } };
const backgroundSender = { id: EXTENSION_ID };

/** A background (real polyfill) and a content script (the adapter) over fake Chromium messaging. */
function connect() {
  const background = {
    id: EXTENSION_ID,
    lastError: undefined,
    onMessage: new ChromiumEvent(),
  } as FakeRuntime;
  const content = { id: EXTENSION_ID, lastError: undefined, onMessage: new ChromiumEvent() } as FakeRuntime;
  content.sendMessage = (message, callback) =>
    background.onMessage.deliver(message, pageSender, content, callback as (reply: unknown) => void);
  content.getURL = (path) => `chrome-extension://${EXTENSION_ID}/${path}`;
  const tabs = {
    sendMessage: (_tabId: unknown, message: unknown, ...rest: unknown[]) =>
      content.onMessage.deliver(
        message,
        backgroundSender,
        background,
        rest.at(-1) as (reply: unknown) => void,
      ),
  };
  const polyfill = loadPolyfill({ runtime: background, tabs });
  const adapted = chromeAsBrowser({ runtime: content });
  return { polyfill, adapted, content };
}

const require = createRequire(import.meta.url);
/** A fresh copy of the real polyfill over `chrome`: it wraps whatever `chrome` is when it loads. */
function loadPolyfill(chrome: unknown): Browser {
  const path = require.resolve('webextension-polyfill');
  delete require.cache[path];
  vi.stubGlobal('chrome', chrome);
  try {
    return require(path) as Browser;
  } finally {
    vi.unstubAllGlobals();
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('the content scripts’ browser API without the polyfill', () => {
  it('gets the answer of an async background listener', async () => {
    const { polyfill, adapted } = connect();
    polyfill.runtime.onMessage.addListener(async (message: unknown) => ({ ok: true, value: message }));
    await expect(adapted.runtime.sendMessage({ type: 'getSnapshot' })).resolves.toEqual({
      ok: true,
      value: { type: 'getSnapshot' },
    });
  });

  it('rejects with the message of a background listener that rejected', async () => {
    const { polyfill, adapted } = connect();
    polyfill.runtime.onMessage.addListener(async () => {
      throw new Error('database blocked');
    });
    await expect(adapted.runtime.sendMessage({ type: 'getSnapshot' })).rejects.toThrow('database blocked');
  });

  it('resolves to undefined when no background listener answers, and rejects when there is none', async () => {
    const { polyfill, adapted } = connect();
    await expect(adapted.runtime.sendMessage({ type: 'x' })).rejects.toThrow('Receiving end does not exist');
    polyfill.runtime.onMessage.addListener(() => undefined);
    await expect(adapted.runtime.sendMessage({ type: 'x' })).resolves.toBeUndefined();
  });

  it('answers the background with what a content listener’s promise resolves to or rejects with', async () => {
    const { polyfill, adapted } = connect();
    // Several listeners, as in a content script: the one that knows the request answers it.
    adapted.runtime.onMessage.addListener(() => undefined);
    adapted.runtime.onMessage.addListener((message: unknown) =>
      (message as { type: string }).type === 'pageTerms'
        ? Promise.resolve({ terms: 3 })
        : (message as { type: string }).type === 'broken'
          ? Promise.reject(new Error('no store'))
          : undefined,
    );
    await expect(polyfill.tabs.sendMessage(7, { type: 'pageTerms' })).resolves.toEqual({ terms: 3 });
    await expect(polyfill.tabs.sendMessage(7, { type: 'broken' })).rejects.toThrow('no store');
    await expect(polyfill.tabs.sendMessage(7, { type: 'command' })).resolves.toBeUndefined();
  });

  it('removes a listener by the function that was added', async () => {
    const { polyfill, adapted, content } = connect();
    const listener = () => Promise.resolve('here');
    adapted.runtime.onMessage.addListener(listener);
    expect(adapted.runtime.onMessage.hasListener(listener)).toBe(true);
    await expect(polyfill.tabs.sendMessage(7, { type: 'pageTerms' })).resolves.toBe('here');
    adapted.runtime.onMessage.removeListener(listener);
    expect(adapted.runtime.onMessage.hasListener(listener)).toBe(false);
    expect(content.onMessage.listeners.size).toBe(0);
  });

  it('rejects instead of throwing when Chromium throws (an invalidated extension context)', async () => {
    const adapted = chromeAsBrowser({
      runtime: {
        id: EXTENSION_ID,
        sendMessage: () => {
          throw new Error('Extension context invalidated.');
        },
        onMessage: new ChromiumEvent(),
      },
    });
    await expect(adapted.runtime.sendMessage({})).rejects.toThrow('Extension context invalidated.');
  });

  it('passes every other API through to chrome untouched', () => {
    const { adapted, content } = connect();
    const storage = { local: {}, onChanged: { addListener: () => undefined } };
    const withStorage = chromeAsBrowser({ runtime: content, storage } as never);
    expect(adapted.runtime.id).toBe(EXTENSION_ID);
    expect(adapted.runtime.getURL('library.html')).toBe(`chrome-extension://${EXTENSION_ID}/library.html`);
    expect(withStorage.storage).toBe(storage);
  });
});

describe('the browser API a frame gets', () => {
  it('is Firefox’s own browser where it exists, else chrome adapted, else an error', () => {
    const firefox = { runtime: { id: EXTENSION_ID } };
    const chrome = {
      runtime: { id: EXTENSION_ID, onMessage: new ChromiumEvent(), sendMessage: () => undefined },
    };
    expect(nativeBrowser({ browser: firefox, chrome })).toBe(firefox);
    const adapted = nativeBrowser({ chrome });
    expect(adapted).not.toBe(chrome);
    expect(adapted.runtime.id).toBe(EXTENSION_ID);
    expect(() => nativeBrowser({})).toThrow('only as a browser extension');
  });
});
