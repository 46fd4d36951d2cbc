/**
 * The `::highlight()` styles, one per glossary colour, adopted as a constructed stylesheet so that
 * no element is added to the page. Colours keep contrast on light and dark pages alike: a
 * translucent fill plus an underline; in forced colours, the system's colours for marked text.
 */
import { HIGHLIGHT_COLOURS, highlightName } from '../shared/highlight-colours';
import { SHEETS_SET_EVENT } from './main-world/hook-events';
import { RestorePacer } from './restore-pacer';

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
 * The highlight styles of one document, adopted by the document and by each shadow root the
 * scanner reads, until `signal` aborts. When the page assigns some root's `adoptedStyleSheets`
 * (the page-world hook, main-world/sheet-watch.ts, reports it at the document), the styles go back
 * wherever they are missing, paced (restore-pacer.ts). Roots are held weakly: a page that makes and
 * drops web components all day does not keep them alive through Termlight.
 */
export class HighlightStyles {
  private readonly sheet: CSSStyleSheet;
  private readonly roots = new Set<WeakRef<Document | ShadowRoot>>();
  /** Size of `roots` at which dead references are next swept out. */
  private sweepAt = 64;

  constructor(doc: Document, signal: AbortSignal) {
    this.sheet = sheetFor(doc);
    const pacer = new RestorePacer(() => this.readopt(), signal);
    doc.addEventListener(SHEETS_SET_EVENT, () => pacer.request(), { signal });
    signal.addEventListener('abort', () => {
      for (const root of this.live())
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
      this.roots.clear();
    });
    this.adopt(doc);
  }

  /** Adds the styles to `root` (a document or shadow root), and keeps them there. */
  adopt(root: Document | ShadowRoot): void {
    this.addTo(root);
    this.roots.add(new WeakRef(root));
    if (this.roots.size >= this.sweepAt) {
      this.live();
      this.sweepAt = Math.max(64, this.roots.size * 2);
    }
  }

  /** How many roots the styles are kept in (the collected ones are dropped as they are found). */
  get size(): number {
    return this.live().length;
  }

  private addTo(root: Document | ShadowRoot): void {
    if (!root.adoptedStyleSheets.includes(this.sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
  }

  private readopt(): void {
    for (const root of this.live()) this.addTo(root);
  }

  /** The roots still alive; references to collected ones are dropped. */
  private live(): (Document | ShadowRoot)[] {
    const out: (Document | ShadowRoot)[] = [];
    for (const ref of this.roots) {
      const root = ref.deref();
      if (root) out.push(root);
      else this.roots.delete(ref);
    }
    return out;
  }
}
