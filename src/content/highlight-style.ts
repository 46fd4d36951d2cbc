/**
 * The `::highlight()` styles, adopted as a constructed stylesheet so that no element is added to the
 * page. Colours keep contrast on light and dark pages alike: a translucent fill plus an underline.
 */
import { TERM_HIGHLIGHT } from './highlight-store';

export const HIGHLIGHT_CSS = `
::highlight(${TERM_HIGHLIGHT}) {
  background-color: rgba(250, 204, 21, 0.4);
  text-decoration: underline dotted rgba(202, 138, 4, 0.95);
  text-decoration-thickness: 2px;
  text-underline-offset: 2px;
}
@media (prefers-color-scheme: dark) {
  ::highlight(${TERM_HIGHLIGHT}) {
    background-color: rgba(250, 204, 21, 0.28);
    text-decoration-color: rgba(253, 224, 71, 0.95);
  }
}
`;

// One constructed sheet per document, adopted by the document and every shadow root in it, rather
// than a copy per shadow root on pages built of many web components.
const sheets = new WeakMap<Document, CSSStyleSheet>();

function sheetFor(doc: Document): CSSStyleSheet {
  let sheet = sheets.get(doc);
  if (!sheet) {
    sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    sheets.set(doc, sheet);
  }
  return sheet;
}

/** Adds the highlight styles to `root` (a document or shadow root) until `signal` aborts. */
export function installHighlightStyle(root: Document | ShadowRoot, signal: AbortSignal): void {
  const sheet = sheetFor(root instanceof Document ? root : root.ownerDocument);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  signal.addEventListener('abort', () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  });
}
