/**
 * Runs in the page's own world, from document_start: reports changes a page script makes to
 * `CSS.highlights`. The registry is the page's as much as Termlight's, and a page that clears it
 * (to reset highlights of its own, say) would take every term's highlight with it, unseen by any
 * observer. It holds no data and calls no extension API.
 */

import { coalescedReport } from './builtins';
import { HIGHLIGHTS_CHANGED_EVENT } from './hook-events';
import { reportReads } from './hooks';

const report = coalescedReport(document, HIGHLIGHTS_CHANGED_EVENT);

if (typeof HighlightRegistry !== 'undefined') {
  for (const method of ['set', 'delete', 'clear']) reportReads(HighlightRegistry.prototype, method, report);
}
