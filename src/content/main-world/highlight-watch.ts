/**
 * Runs in the page's own world, from document_start: reports changes a page script makes to
 * `CSS.highlights`. The registry is the page's as much as Termlight's, and a page that clears it
 * (to reset highlights of its own, say) would take every term's highlight with it, unseen by any
 * observer. It holds no data and calls no extension API.
 */

import { fire, later } from './builtins';
import { HIGHLIGHTS_CHANGED_EVENT } from './hook-events';
import { reportReads } from './hooks';

const doc = document;
let queued = false;

// One report per turn of the page's script, after it: a page that empties the registry in a loop
// finishes its loop before the content script puts anything back.
const report = () => {
  if (queued) return;
  queued = true;
  later(() => {
    queued = false;
    fire(doc, HIGHLIGHTS_CHANGED_EVENT, false);
  });
};

if (typeof HighlightRegistry !== 'undefined') {
  for (const method of ['set', 'delete', 'clear']) reportReads(HighlightRegistry.prototype, method, report);
}
