/**
 * The registered term ranges of one document: rendered through the CSS Custom Highlight API and
 * indexed by text node so hit-testing a caret position is a lookup, not a scan.
 */

export const TERM_HIGHLIGHT = 'termlight-term';

/** One highlighted occurrence of a term. */
export interface TermRange {
  termId: string;
  range: StaticRange;
}

/** The ranges of a document, kept in step with `CSS.highlights`. */
export class HighlightStore {
  private readonly highlight: Highlight;
  private readonly byNode = new Map<Node, TermRange[]>();
  private count = 0;

  constructor(private readonly doc: Document) {
    this.highlight = new Highlight();
    this.highlight.priority = 1;
  }

  /** Registers the highlight with the document (idempotent). */
  attach(): void {
    this.doc.defaultView?.CSS.highlights.set(TERM_HIGHLIGHT, this.highlight);
  }

  /** Unregisters the highlight and forgets every range. */
  detach(): void {
    const registry = this.doc.defaultView?.CSS.highlights;
    if (registry?.get(TERM_HIGHLIGHT) === this.highlight) registry.delete(TERM_HIGHLIGHT);
    this.clear();
  }

  /** Adds one occurrence, indexed under every text node it covers. */
  add(entry: TermRange, nodes: readonly Node[]): void {
    this.highlight.add(entry.range);
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(entry);
      else this.byNode.set(node, [entry]);
    }
    this.count++;
  }

  /** Removes every range. */
  clear(): void {
    this.highlight.clear();
    this.byNode.clear();
    this.count = 0;
  }

  /** Number of registered ranges. */
  get size(): number {
    return this.count;
  }

  /** The occurrence covering `offset` in `node`, if any. */
  at(node: Node, offset: number): TermRange | undefined {
    return this.byNode.get(node)?.find(({ range }) => {
      const start = range.startContainer === node ? range.startOffset : 0;
      const end = range.endContainer === node ? range.endOffset : Number.POSITIVE_INFINITY;
      return start <= offset && offset < end;
    });
  }

  /** Every occurrence in document order. */
  inDocumentOrder(): TermRange[] {
    const all = new Set([...this.byNode.values()].flat());
    return [...all].sort((a, b) => compareStarts(a.range, b.range));
  }
}

function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const pos = a.startContainer.compareDocumentPosition(b.startContainer);
  return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
