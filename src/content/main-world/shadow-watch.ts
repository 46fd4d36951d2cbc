/**
 * Runs in the page's own world, from document_start: reports every open shadow root attached to
 * an element in the page. Nothing else tells an extension about one: attachShadow() makes no
 * mutation record, and a custom element defined late upgrades elements already in the page, whose
 * text then lives in shadow roots that no observer watches. It holds no data and calls no
 * extension API; the content script, in its own world, does the reading.
 */

import { apply, fire, getOwnPropertyDescriptor, later, SafeSet, SafeWeakSet } from './builtins';
import { SHADOW_ATTACHED_EVENT } from './hook-events';
import { reportReads } from './hooks';

const shadowRootOf = getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')?.get;
const isConnected = getOwnPropertyDescriptor(Node.prototype, 'isConnected')?.get;
/** Elements whose `attachShadow` was read since the last check. */
const candidates = new SafeSet<unknown>();
const reported = new SafeWeakSet<ShadowRoot>();
let checkQueued = false;

/** The open shadow root of `host` if it is an element in the page; null for anything else. */
function openRootIn(host: unknown): ShadowRoot | null {
  if (!shadowRootOf || !isConnected) return null;
  try {
    // Natives taken at install, called on what may be anything (a page's Proxy fails their brand
    // check before any of its traps runs).
    const root = apply(shadowRootOf, host, []) as ShadowRoot | null;
    return root && apply(isConnected, host, []) ? root : null;
  } catch {
    return null;
  }
}

function check(): void {
  checkQueued = false;
  candidates.drain((host) => {
    const root = openRootIn(host);
    // Composed, so it leaves enclosing shadow trees; the content script takes the host from the
    // event's path, which open trees do not hide. Each root is reported once.
    if (root && reported.addNew(root)) fire(host as Element, SHADOW_ATTACHED_EVENT, true);
  });
}

if (shadowRootOf && isConnected) {
  reportReads(Element.prototype, 'attachShadow', (host) => {
    candidates.add(host);
    if (checkQueued) return;
    checkQueued = true;
    // After the caller's script: by then the call it read the method for has been made.
    later(check);
  });
}
