/**
 * Runs in the page's own world, from document_start: reports every change a page script makes to
 * `CSS.highlights`. The registry is the page's as much as Termlight's, and a page that clears it
 * (to reset highlights of its own, say) would take every term's highlight with it, unseen by any
 * observer. It holds no data and calls no extension API.
 */
import { HIGHLIGHTS_CHANGED_EVENT } from '../../shared/page-hook-events';
import { afterMethod } from './wrap-member';

if (typeof HighlightRegistry !== 'undefined') {
  for (const method of ['set', 'delete', 'clear']) {
    afterMethod(HighlightRegistry.prototype, method, () => {
      document.dispatchEvent(new Event(HIGHLIGHTS_CHANGED_EVENT));
    });
  }
}
