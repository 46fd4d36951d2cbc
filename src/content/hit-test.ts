/** Which highlighted term, if any, is under a point of the viewport. */
import { type HighlightStore, liveRange, type TermRange } from './highlight-store';

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The text position under (x, y), using whichever caret API the browser has. A position inside a
 * shadow tree is only given for the `shadowRoots` passed; otherwise it is moved out to the host.
 */
export function caretAt(doc: Document, x: number, y: number, shadowRoots?: ShadowRoot[]): CaretPoint | null {
  const d = doc as CaretDocument;
  if (d.caretPositionFromPoint) {
    const pos = shadowRoots
      ? d.caretPositionFromPoint(x, y, { shadowRoots })
      : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The open shadow roots that hold the point (x, y), outermost first (terms are found in them). */
function shadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = doc.elementFromPoint(x, y);
  // A hostile page could nest hosts without end; real ones nest a few deep.
  while (el?.shadowRoot && roots.length < 32) {
    roots.push(el.shadowRoot);
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return roots;
}

/** The client rect of `entry` that contains (x, y), if the point really is over its text. */
export function rectUnder(entry: TermRange, x: number, y: number): DOMRect | null {
  const doc = entry.range.startContainer.ownerDocument;
  if (!doc) return null;
  for (const rect of liveRange(doc, entry.range).getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return rect;
  }
  return null;
}

/** The term under (x, y) and the rect of the line box it was hit in. */
export function termAt(
  doc: Document,
  store: HighlightStore,
  x: number,
  y: number,
): { entry: TermRange; rect: DOMRect } | null {
  let caret = caretAt(doc, x, y);
  // Over a shadow tree, the caret comes back outside it, at its host: ask again from inside.
  if (caret && caret.node.nodeType !== Node.TEXT_NODE) {
    const roots = shadowRootsAt(doc, x, y);
    if (roots.length > 0) caret = caretAt(doc, x, y, roots);
  }
  if (!caret) return null;
  if (caret.node.nodeType !== Node.TEXT_NODE) return null;
  // The caret lands between characters: try the character after it, then the one before.
  for (const offset of [caret.offset, caret.offset - 1]) {
    const entry = offset >= 0 ? store.at(caret.node, offset) : undefined;
    const rect = entry && rectUnder(entry, x, y);
    if (entry && rect) return { entry, rect };
  }
  return null;
}
