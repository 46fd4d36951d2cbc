/**
 * The WebExtension API of the content scripts without `webextension-polyfill` (scripts/build.mjs
 * puts native-browser.ts in its place for content.js and content-ui.js): the polyfill is a sixth
 * of the content script and a few milliseconds of start-up in every frame of every page.
 *
 * Firefox's own `browser` already is what the polyfill would give. Chromium's `chrome` returns
 * promises in Manifest V3, so only the two calls whose meaning differs are adapted, exactly as the
 * polyfill does it, because the background still speaks through the polyfill:
 * - `runtime.sendMessage` resolves to `undefined` when no listener answers, and rejects with the
 *   message of a listener that rejected (the polyfill sends that as a marked reply);
 * - `runtime.onMessage` takes listeners that return a promise: Chromium 120 wants `sendResponse`
 *   and `return true` instead, and a rejection goes back as the polyfill's marked reply.
 */
import type { Browser } from 'webextension-polyfill';

type SendResponse = (response?: unknown) => void;
type ChromeListener = (message: unknown, sender: unknown, sendResponse: SendResponse) => unknown;

/** The part of Chromium's `chrome` the adapter changes; the rest passes through untouched. */
export interface ChromeApi {
  runtime: {
    id?: string;
    lastError?: { message?: string };
    sendMessage(...args: unknown[]): unknown;
    onMessage: {
      addListener(listener: ChromeListener): void;
      removeListener(listener: ChromeListener): void;
      hasListener(listener: ChromeListener): boolean;
    };
  };
}

/** What Chromium reports when every listener let the message go unanswered. */
export const NO_RESPONSE_MESSAGE = 'The message port closed before a response was received.';
/** The polyfill's mark on a reply that stands for a listener's rejection. */
export const REJECT_MARK = '__mozWebExtensionPolyfillReject__';

type RejectReply = { [REJECT_MARK]: true; message: string };

const isRejectReply = (reply: unknown): reply is RejectReply =>
  typeof reply === 'object' && reply !== null && (reply as Partial<RejectReply>)[REJECT_MARK] === true;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

const rejectReply = (error: unknown): RejectReply => ({
  [REJECT_MARK]: true,
  message:
    typeof (error as { message?: unknown } | null)?.message === 'string'
      ? (error as { message: string }).message
      : 'An unexpected error occurred',
});

/** The browser API of this frame: Firefox's `browser` as it is, or Chromium's `chrome` adapted. */
export function nativeBrowser(scope: { browser?: unknown; chrome?: unknown }): Browser {
  const firefox = scope.browser as { runtime?: { id?: string } } | undefined;
  if (firefox?.runtime?.id) return scope.browser as Browser;
  const chrome = scope.chrome as ChromeApi | undefined;
  if (!chrome?.runtime?.id) throw new Error('Termlight runs only as a browser extension');
  return chromeAsBrowser(chrome);
}

/** Chromium's `chrome` with the polyfill's `runtime.sendMessage` and `runtime.onMessage`. */
export function chromeAsBrowser(chrome: ChromeApi): Browser {
  const native = chrome.runtime;
  const sendMessage = (...args: unknown[]) =>
    new Promise((resolve, reject) => {
      native.sendMessage(...args, (reply: unknown) => {
        const error = native.lastError;
        if (error) {
          if (error.message === NO_RESPONSE_MESSAGE) resolve(undefined);
          else reject(new Error(error.message));
        } else if (isRejectReply(reply)) {
          reject(new Error(reply.message));
        } else {
          resolve(reply);
        }
      });
    });

  // The same listener must map to the same wrapper, or removeListener would miss it.
  const wrappers = new WeakMap<ChromeListener, ChromeListener>();
  const wrap = (listener: ChromeListener): ChromeListener => {
    let wrapper = wrappers.get(listener);
    if (!wrapper) {
      wrapper = (message, sender, sendResponse) => {
        let result: unknown;
        try {
          result = listener(message, sender, sendResponse);
        } catch (error) {
          result = Promise.reject(error);
        }
        if (!isThenable(result)) return result;
        Promise.resolve(result)
          .then(sendResponse, (error: unknown) => sendResponse(rejectReply(error)))
          // The asking side went away (a closed popup, a reloaded extension): nobody to tell.
          .catch((error: unknown) => console.warn('Termlight could not answer a message:', error));
        return true;
      };
      wrappers.set(listener, wrapper);
    }
    return wrapper;
  };
  const onMessage = {
    addListener: (listener: ChromeListener) => native.onMessage.addListener(wrap(listener)),
    removeListener: (listener: ChromeListener) => native.onMessage.removeListener(wrap(listener)),
    hasListener: (listener: ChromeListener) => native.onMessage.hasListener(wrap(listener)),
  };

  // Proxies, not copies: Chromium creates its API objects on first touch, and most are never touched.
  const runtime = new Proxy(native, {
    get: (target, key) =>
      key === 'sendMessage' ? sendMessage : key === 'onMessage' ? onMessage : Reflect.get(target, key),
  });
  return new Proxy(chrome, {
    get: (target, key) => (key === 'runtime' ? runtime : Reflect.get(target, key)),
  }) as unknown as Browser;
}
