/**
 * Whether a frame shows any text yet. An empty frame (an ad slot, a tracking pixel, an about:blank
 * placeholder) waits for text before it asks for the matcher: each frame that takes one holds a few
 * megabytes of it and spends milliseconds unpacking it, and a news page can have dozens of such
 * frames.
 */

import { isBlank } from './block-text';
import { SHADOW_ATTACHED_EVENT } from './main-world/hook-events';
import { TAG_SKIPPED, tagKind } from './skip-rules';

/** Nodes looked at, at most, before a document counts as having text. */
const LOOK_NODES = 2_000;

/**
 * True when `doc` holds a non-blank text node outside the elements skipped by tag (scripts,
 * styles, form fields…), or an element with an open shadow root (whose text is not looked into
 * here), or more nodes than are worth looking through.
 */
export function hasText(doc: Document): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let seen = 0, node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++seen > LOOK_NODES) return true;
    if (node.nodeType === Node.ELEMENT_NODE) {
      if ((node as Element).shadowRoot) return true;
      continue;
    }
    const parent = node.parentElement;
    if (parent && (tagKind(parent.tagName) & TAG_SKIPPED) !== 0) continue;
    if (!isBlank((node as Text).data)) return true;
  }
  return false;
}

/**
 * Calls `start` once `doc` has text: at once, or after the first change that brings some. Returns
 * whether it started at once.
 */
export function whenTextAppears(doc: Document, signal: AbortSignal, start: () => void): boolean {
  if (hasText(doc)) {
    start();
    return true;
  }
  const waiting = new AbortController();
  const stopWaiting = () => {
    waiting.abort();
    observer.disconnect();
  };
  const begin = () => {
    if (waiting.signal.aborted) return;
    stopWaiting();
    start();
  };
  const observer = new MutationObserver(() => {
    if (hasText(doc)) begin();
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  // A shadow root attached to an element already in the page makes no mutation record.
  doc.addEventListener(SHADOW_ATTACHED_EVENT, begin, { capture: true, signal: waiting.signal });
  signal.addEventListener('abort', stopWaiting);
  return false;
}
