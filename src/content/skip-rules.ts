/** Which elements the scanner never looks inside, and which ones end a block of running text. */

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IMG',
  'svg',
  'SVG',
  'math',
  'MATH',
]);

const CODE_TAGS = new Set(['CODE', 'PRE', 'KBD', 'SAMP']);

/** Elements that flow inline with their neighbours, so a term may run across them. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);

/** Marks Termlight's own UI hosts so the scanner never reads its own cards. */
export const OWN_UI_ATTRIBUTE = 'data-termlight-ui';

export interface SkipOptions {
  /** Scan inside `code` and `pre` (off by default). */
  includeCode: boolean;
}

/** How a page is scanned. */
export interface ScanOptions extends SkipOptions {
  /** Highlight only the first occurrence of each term. */
  firstOccurrenceOnly: boolean;
}

/** True when nothing inside `el` should be scanned. */
export function isSkipped(el: Element, options: SkipOptions): boolean {
  const tag = el.tagName;
  if (SKIPPED_TAGS.has(tag)) return true;
  if (!options.includeCode && CODE_TAGS.has(tag)) return true;
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml' && el.namespaceURI !== null) return true;
  // Most elements carry no attributes at all: skip the four attribute lookups for them.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.getAttribute('data-termlight') === 'off') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** True when `el` flows inline (by tag: computing styles for every element would cost a layout). */
export function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName);
}
