/**
 * Runs in the page's own world, from document_start: reports assignments of a document's or shadow
 * root's `adoptedStyleSheets`. Such an assignment drops the highlight styles the content script
 * adopted there, and the highlights stay registered but are no longer painted; nothing else tells
 * an extension about it. The report does not say which root (the setter runs without a frame of
 * ours, see hooks.ts): the content script checks the roots it styled. It holds no data and calls
 * no extension API.
 */

import { coalescedReport } from './builtins';
import { SHEETS_SET_EVENT } from './hook-events';
import { reportSets } from './hooks';

const report = coalescedReport(document, SHEETS_SET_EVENT);

for (const proto of [Document.prototype, ShadowRoot.prototype])
  reportSets(proto, 'adoptedStyleSheets', report);
