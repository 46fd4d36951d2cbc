/** The reader's selection as one range, reaching into open shadow roots. */

/** `getComposedRanges` is in every supported browser's DOM types, but not in every browser. */
type MaybeComposedSelection = Omit<Selection, 'getComposedRanges'> &
  Partial<Pick<Selection, 'getComposedRanges'>>;

/** Most open shadow roots looked for under a selection (a guard for huge component trees). */
const MAX_HOSTS = 2_000;

/**
 * The non-empty selection of `doc`, or null. A selection inside an open shadow root is reported by
 * `getRangeAt` as a range (often collapsed) at its host; `getComposedRanges` gives its real ends
 * when it is told which shadow roots it may look into: those under that range.
 */
export function selectedRange(doc: Document): AbstractRange | null {
  const selection = doc.getSelection() as MaybeComposedSelection | null;
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  // The common case, a selection of the page's own text, needs no search for shadow roots.
  const inText =
    range.startContainer.nodeType === Node.TEXT_NODE && range.endContainer.nodeType === Node.TEXT_NODE;
  if (!inText && selection.getComposedRanges) {
    const roots = openShadowRoots(range.commonAncestorContainer);
    if (roots.length > 0) {
      const [composed] = selection.getComposedRanges({ shadowRoots: roots });
      if (composed && !composed.collapsed) return composed;
    }
  }
  return range.collapsed ? null : range;
}

function openShadowRoots(node: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const stack: Node[] = [node];
  let seen = 0;
  while (stack.length > 0 && seen++ < MAX_HOSTS * 20) {
    const current = stack.pop() as Node;
    const shadow = (current as Element).shadowRoot;
    if (shadow) {
      roots.push(shadow);
      if (roots.length >= MAX_HOSTS) break;
      stack.push(shadow);
    }
    for (let child = current.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.ELEMENT_NODE || child.nodeType === Node.DOCUMENT_FRAGMENT_NODE)
        stack.push(child);
    }
  }
  return roots;
}
