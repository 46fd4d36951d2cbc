/**
 * The `::highlight()` styles, one per glossary colour, adopted as a constructed stylesheet so that
 * no element is added to the page. Colours keep contrast on light and dark pages alike: a
 * translucent fill plus an underline; in forced colours, the system's colours for marked text.
 */
import { HIGHLIGHT_COLOURS, highlightName } from '../shared/highlight-colours';
import { SHEETS_SET_EVENT } from '../shared/page-hook-events';

function rules(name: string, fill: string, line: string): string {
  return `::highlight(${name}) { background-color: ${fill}; text-decoration: underline dotted ${line}; text-decoration-thickness: 2px; text-underline-offset: 2px; }`;
}

// Saved clippings: a wash of a colour no glossary uses and a solid underline, so a passage reads
// as "mine" next to the dotted terms inside it.
const CLIP = 'termlight-clip';
const clipRules = (fill: string, line: string) =>
  `::highlight(${CLIP}) { background-color: ${fill}; text-decoration: underline solid ${line}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`;

export const HIGHLIGHT_CSS = [
  ...HIGHLIGHT_COLOURS.map((c, slot) => rules(highlightName(slot), c.light.fill, c.light.line)),
  clipRules('rgba(251, 146, 60, 0.22)', 'rgba(194, 65, 12, 0.9)'),
  '@media (prefers-color-scheme: dark) {',
  ...HIGHLIGHT_COLOURS.map((c, slot) => rules(highlightName(slot), c.dark.fill, c.dark.line)),
  clipRules('rgba(251, 146, 60, 0.2)', 'rgba(253, 186, 116, 0.95)'),
  '}',
  // In forced colours (Windows high contrast) the palette would be replaced by the page's own
  // background, leaving only the underline: the system's own colours for marked text instead.
  '@media (forced-colors: active) {',
  ...HIGHLIGHT_COLOURS.map(
    (_, slot) => `::highlight(${highlightName(slot)}) { background-color: Mark; color: MarkText; }`,
  ),
  `::highlight(${CLIP}) { background-color: Highlight; color: HighlightText; }`,
  '}',
].join('\n');

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

/**
 * Adds the highlight styles to `root` (a document or shadow root) until `signal` aborts, and adds
 * them again whenever the page assigns the root's `adoptedStyleSheets` (the page-world hook,
 * main-world/sheet-watch.ts, reports it), which would leave every highlight there unpainted.
 */
export function installHighlightStyle(root: Document | ShadowRoot, signal: AbortSignal): void {
  const sheet = sheetFor(root instanceof Document ? root : root.ownerDocument);
  const adopt = () => {
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };
  adopt();
  root.addEventListener(SHEETS_SET_EVENT, adopt, { signal });
  signal.addEventListener('abort', () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  });
}
