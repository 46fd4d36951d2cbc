/**
 * The registered term ranges of one document: rendered through the CSS Custom Highlight API and
 * indexed by text node, so hit-testing a caret and forgetting a changed node are lookups, not scans.
 */

export const TERM_HIGHLIGHT = 'termlight-term';

/** One highlighted occurrence of a term. */
export interface TermRange {
  termId: string;
  range: StaticRange;
  /** Every text node the range covers (more than one when a term spans inline elements). */
  nodes: readonly Node[];
}

/** The ranges of a document, kept in step with `CSS.highlights`. */
export class HighlightStore {
  private readonly highlight: Highlight;
  private readonly byNode = new Map<Node, TermRange[]>();
  private readonly entries = new Set<TermRange>();
  private readonly perTerm = new Map<string, number>();
  // Changes reach the highlight registry in batches: every registry change makes the browser
  // revalidate every registered range at its next paint, so per-range updates cost O(ranges²).
  private readonly toAdd = new Set<StaticRange>();
  private readonly toDelete = new Set<StaticRange>();

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

  /** Adds one occurrence; it is painted at the next {@link commit}. */
  add(entry: TermRange): void {
    this.toAdd.add(entry.range);
    this.entries.add(entry);
    this.perTerm.set(entry.termId, (this.perTerm.get(entry.termId) ?? 0) + 1);
    for (const node of entry.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(entry);
      else this.byNode.set(node, [entry]);
    }
  }

  /** Forgets every occurrence that touches `node` (its text changed or it left the page). */
  forgetNode(node: Node): void {
    const list = this.byNode.get(node);
    if (!list) return;
    for (const entry of [...list]) this.remove(entry);
  }

  private remove(entry: TermRange): void {
    if (!this.entries.delete(entry)) return;
    this.perTerm.set(entry.termId, (this.perTerm.get(entry.termId) ?? 1) - 1);
    if (!this.toAdd.delete(entry.range)) this.toDelete.add(entry.range);
    for (const node of entry.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((e) => e !== entry);
      if (rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  /** Applies the pending additions and removals to the highlight registry in one batch. */
  commit(): void {
    for (const range of this.toDelete) this.highlight.delete(range);
    for (const range of this.toAdd) this.highlight.add(range);
    this.toDelete.clear();
    this.toAdd.clear();
  }

  /** Removes every range. */
  clear(): void {
    this.highlight.clear();
    this.toAdd.clear();
    this.toDelete.clear();
    this.byNode.clear();
    this.entries.clear();
    this.perTerm.clear();
  }

  /** How many occurrences of `termId` are highlighted. */
  countOf(termId: string): number {
    return this.perTerm.get(termId) ?? 0;
  }

  /** Number of registered ranges. */
  get size(): number {
    return this.entries.size;
  }

  /** True when some range covers `node`. */
  has(node: Node): boolean {
    return this.byNode.has(node);
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
    return [...this.entries].sort((a, b) => compareStarts(a.range, b.range));
  }
}

/** A live Range over the same text as `range`, for layout queries (StaticRanges have none). */
export function liveRange(doc: Document, range: AbstractRange): Range {
  const live = doc.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** Orders two ranges by where they start in the document. */
export function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const pos = a.startContainer.compareDocumentPosition(b.startContainer);
  return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
