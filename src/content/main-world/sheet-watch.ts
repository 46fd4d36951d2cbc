/**
 * Runs in the page's own world, from document_start: reports every assignment of a document's or
 * shadow root's `adoptedStyleSheets`. Such an assignment drops the highlight styles the content
 * script adopted there, and the highlights stay registered but are no longer painted; nothing else
 * tells an extension about it. It holds no data and calls no extension API.
 */
import { SHEETS_SET_EVENT } from '../../shared/page-hook-events';
import { afterSetter } from './wrap-member';

for (const proto of [Document.prototype, ShadowRoot.prototype]) {
  afterSetter(proto, 'adoptedStyleSheets', (root: Document | ShadowRoot) => {
    // Not composed: only the root's own listener (the content script's) needs to hear it.
    root.dispatchEvent(new Event(SHEETS_SET_EVENT));
  });
}
