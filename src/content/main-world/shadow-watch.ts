/**
 * Runs in the page's own world, from document_start: reports every open shadow root attached to
 * an element in the page. Nothing else tells an extension about one: attachShadow() makes no
 * mutation record, and a custom element defined late upgrades elements already in the page, whose
 * text then lives in shadow roots that no observer watches. It holds no data and calls no
 * extension API; the content script, in its own world, does the reading.
 */
import { SHADOW_ATTACHED_EVENT } from '../../shared/page-hook-events';
import { afterMethod } from './wrap-member';

afterMethod(Element.prototype, 'attachShadow', (host: Element, [init]: ShadowRootInit[]) => {
  // A host outside the document is read when it is inserted (the MutationObserver sees that).
  if (init?.mode === 'open' && host.isConnected) {
    // Composed, so it leaves enclosing shadow trees; the content script takes the host from the
    // event's path, which open trees do not hide.
    host.dispatchEvent(new Event(SHADOW_ATTACHED_EVENT, { bubbles: true, composed: true }));
  }
});
