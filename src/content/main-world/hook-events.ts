/**
 * The events by which the page-world hooks (src/content/main-world/) tell the content script what
 * no DOM observer reports. Only hints: the content script looks for itself, so a page that fires
 * one falsely gains nothing, and one that fires them without end only makes it look less often.
 */

/** An element got an open shadow root (dispatched at the host). */
export const SHADOW_ATTACHED_EVENT = 'termlight-shadow-attached';

/** Some document's or shadow root's `adoptedStyleSheets` was assigned (dispatched at the document). */
export const SHEETS_SET_EVENT = 'termlight-sheets-set';

/** `CSS.highlights` was changed by a page script (dispatched at the document). */
export const HIGHLIGHTS_CHANGED_EVENT = 'termlight-highlights-changed';
