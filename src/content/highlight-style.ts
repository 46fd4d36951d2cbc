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

/** Adds the highlight styles to `root` (a document or shadow root) until `signal` aborts. */
export function installHighlightStyle(root: Document | ShadowRoot, signal: AbortSignal): void {
  const view = (root instanceof Document ? root.defaultView : root.ownerDocument.defaultView) ?? window;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  signal.addEventListener('abort', () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  });
}
