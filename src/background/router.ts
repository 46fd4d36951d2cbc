/** Validates every incoming message, checks who sent it, and dispatches it to one small handler. */
import { parseRequest } from '../shared/message-schema';
import {
  CONTENT_SCRIPT_REQUESTS,
  type Envelope,
  type RequestOf,
  type RequestType,
  type ResponseMap,
} from '../shared/messages';

/** What the router needs to know of a message's sender (a subset of `runtime.MessageSender`). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * Who is asking: an extension page may do anything, a page's content script only its own page's
 * business. `topUrl` is the tab's top-level page, where the browser tells it.
 */
export type Caller =
  | { kind: 'extension' }
  | { kind: 'page'; url: string; tabId: number; frameId: number; topUrl?: string };

export type Handlers = {
  [T in RequestType]: (request: RequestOf<T>, caller: Caller) => Promise<ResponseMap[T]>;
};

export interface RouterOptions {
  extensionId: string;
  /** The extension's own base URL, e.g. `chrome-extension://<id>/`. */
  extensionUrl: string;
  /** Reports a handler failure (it is also returned to the caller). */
  onError?: (error: unknown, type: RequestType) => void;
}

/** Classifies a sender, or returns null for one that is neither this extension's page nor a tab. */
export function classifySender(sender: SenderInfo, options: RouterOptions): Caller | null {
  if (sender.id !== options.extensionId) return null;
  if (sender.url?.startsWith(options.extensionUrl)) return { kind: 'extension' };
  if (sender.tab?.id !== undefined && sender.url) {
    const { id: tabId, url: topUrl } = sender.tab;
    return {
      kind: 'page',
      url: sender.url,
      tabId,
      frameId: sender.frameId ?? 0,
      ...(topUrl ? { topUrl } : {}),
    };
  }
  return null;
}

/** Builds the `runtime.onMessage` handler: always answers with an envelope, never throws. */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async (message: unknown, sender: SenderInfo): Promise<Envelope<unknown>> => {
    const caller = classifySender(sender, options);
    if (!caller) return { ok: false, error: 'Unknown sender' };
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const { request } = parsed;
    if (caller.kind === 'page' && !CONTENT_SCRIPT_REQUESTS.has(request.type)) {
      return { ok: false, error: `"${request.type}" is not allowed from a web page` };
    }
    try {
      const handler = handlers[request.type] as (r: typeof request, c: Caller) => Promise<unknown>;
      return { ok: true, value: await handler(request, caller) };
    } catch (error) {
      options.onError?.(error, request.type);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
