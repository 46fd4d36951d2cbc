/**
 * The registered term ranges of one document: rendered through the CSS Custom Highlight API and
 * indexed by text node, so hit-testing a caret and forgetting a changed node are lookups, not scans.
 */
import { highlightName } from '../shared/highlight-colours';

/** The highlight of the first colour (the first pack's); the others are named by highlightName(). */
export const TERM_HIGHLIGHT = highlightName(0);

/** From how many new ranges a commit makes a colour's highlight anew rather than adding to it. */
const REBUILD_FROM = 64;
/** Ranges handed to one Highlight constructor call at most (each is an argument of the call). */
const MAX_CONSTRUCTOR_RANGES = 16_384;

/** One highlighted occurrence of a term. */
export interface TermRange {
  /** `<glossaryId>/<termId>` */
  termId: string;
  range: StaticRange;
  /** Every text node the range covers (more than one when a term spans inline elements). */
  nodes: readonly Node[];
}

/** The ranges of a document, kept in step with `CSS.highlights`. */
export class HighlightStore {
  /** One highlight per colour slot in use, made on first use. */
  private readonly highlights: Highlight[] = [];
  private colours: Readonly<Record<string, number>> = {};
  private attached = false;
  private readonly byNode = new Map<Node, TermRange[]>();
  private readonly entries = new Set<TermRange>();
  private readonly perTerm = new Map<string, number>();
  /** Colour slot per term id, worked out once per term rather than once per range. */
  private readonly slots = new Map<string, number>();
  // Changes reach the highlight registry in batches: every registry change makes the browser
  // revalidate every registered range at its next paint, so per-range updates cost O(ranges²).
  // An addition withdrawn before the commit is dropped there (it is no longer in `entries`).
  private toAdd: TermRange[] = [];
  private readonly toDelete = new Set<TermRange>();
  /** Called at each {@link commit} (the page's term report listens: see page-report.ts). */
  onCommit: (() => void) | null = null;

  constructor(private readonly doc: Document) {}

  /**
   * Sets the colour slot of each glossary (by id). It clears the store, as a range is found in its
   * highlight by its glossary's slot: call it before a full scan.
   */
  setColours(colours: Readonly<Record<string, number>>): void {
    this.clear();
    this.colours = colours;
    this.slots.clear();
  }

  /** Registers the highlights with the document (idempotent). */
  attach(): void {
    this.attached = true;
    // The first colour's highlight is always there, so a page can tell Termlight is on, if idle.
    this.highlightFor(0);
    this.highlights.forEach((highlight, slot) => {
      if (highlight) this.register(slot, highlight);
    });
  }

  /** Registers again any of the highlights that a page script took out of the registry. */
  restore(): void {
    if (!this.attached) return;
    const registry = this.doc.defaultView?.CSS.highlights;
    this.highlights.forEach((highlight, slot) => {
      if (highlight && registry?.get(highlightName(slot)) !== highlight) this.register(slot, highlight);
    });
  }

  /** Unregisters the highlights and forgets every range. */
  detach(): void {
    this.attached = false;
    const registry = this.doc.defaultView?.CSS.highlights;
    this.highlights.forEach((highlight, slot) => {
      const name = highlightName(slot);
      if (registry?.get(name) === highlight) registry.delete(name);
    });
    this.clear();
  }

  private register(slot: number, highlight: Highlight): void {
    this.doc.defaultView?.CSS.highlights.set(highlightName(slot), highlight);
  }

  private highlightFor(slot: number): Highlight {
    return this.highlights[slot] ?? this.replaceHighlight(slot, []);
  }

  /** Puts a new highlight of `ranges` in slot `slot`, in place of the one there (if any). */
  private replaceHighlight(slot: number, ranges: AbstractRange[]): Highlight {
    // Ranges passed to the constructor go in with one call; add() costs a call (over a
    // microsecond from a content script) per range.
    const highlight = new Highlight(...ranges.slice(0, MAX_CONSTRUCTOR_RANGES));
    for (let i = MAX_CONSTRUCTOR_RANGES; i < ranges.length; i++) highlight.add(ranges[i] as AbstractRange);
    highlight.priority = 1;
    this.highlights[slot] = highlight;
    if (this.attached) this.register(slot, highlight);
    return highlight;
  }

  private slotFor(termId: string): number {
    let slot = this.slots.get(termId);
    if (slot === undefined) {
      const slash = termId.indexOf('/');
      slot = this.colours[slash < 0 ? termId : termId.slice(0, slash)] ?? 0;
      this.slots.set(termId, slot);
    }
    return slot;
  }

  /** Adds one occurrence; it is painted at the next {@link commit}. */
  add(entry: TermRange): void {
    this.toAdd.push(entry);
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

  /** True while `entry` is one of the registered occurrences. */
  holds(entry: TermRange): boolean {
    return this.entries.has(entry);
  }

  /** The first registered occurrence of `termId` met in the store (in no particular order). */
  anyOf(termId: string): TermRange | undefined {
    if (this.countOf(termId) === 0) return undefined;
    for (const entry of this.entries) if (entry.termId === termId) return entry;
    return undefined;
  }

  /** Forgets one occurrence; it leaves the highlight at the next {@link commit}. */
  remove(entry: TermRange): void {
    if (!this.entries.delete(entry)) return;
    this.perTerm.set(entry.termId, (this.perTerm.get(entry.termId) ?? 1) - 1);
    // Deleting a range that was never committed is a no-op for the highlight.
    this.toDelete.add(entry);
    for (const node of entry.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((e) => e !== entry);
      if (rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  /**
   * Applies the pending additions and removals to the highlight registry in one batch. A highlight
   * that gains many ranges is made anew with all of its ranges, which costs less than adding them.
   */
  commit(): void {
    this.onCommit?.();
    const added: TermRange[] = [];
    const gains: number[] = [];
    for (const entry of this.toAdd) {
      // An addition withdrawn before its commit is dropped here (it is no longer in `entries`).
      if (!this.entries.has(entry)) continue;
      added.push(entry);
      const slot = this.slotFor(entry.termId);
      gains[slot] = (gains[slot] ?? 0) + 1;
    }
    this.toAdd = [];
    const rebuilt = new Set<number>();
    gains.forEach((gain, slot) => {
      if (gain >= REBUILD_FROM) rebuilt.add(slot);
    });
    if (rebuilt.size > 0) {
      const ranges = new Map<number, AbstractRange[]>();
      for (const slot of rebuilt) ranges.set(slot, []);
      for (const entry of this.entries) ranges.get(this.slotFor(entry.termId))?.push(entry.range);
      for (const [slot, list] of ranges) this.replaceHighlight(slot, list);
    }
    for (const entry of this.toDelete) {
      const slot = this.slotFor(entry.termId);
      if (!rebuilt.has(slot)) this.highlights[slot]?.delete(entry.range);
    }
    this.toDelete.clear();
    for (const entry of added) {
      const slot = this.slotFor(entry.termId);
      if (!rebuilt.has(slot)) this.highlightFor(slot).add(entry.range);
    }
  }

  /** Removes every range. */
  clear(): void {
    for (const highlight of this.highlights) highlight?.clear();
    this.toAdd = [];
    this.toDelete.clear();
    this.byNode.clear();
    this.entries.clear();
    this.perTerm.clear();
  }

  /** How many occurrences of `termId` are highlighted. */
  countOf(termId: string): number {
    return this.perTerm.get(termId) ?? 0;
  }

  /** The ids of the terms with at least one occurrence. */
  termIds(): string[] {
    return [...this.perTerm].filter(([, count]) => count > 0).map(([id]) => id);
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

/**
 * Orders two ranges by where they start in the page. A range in a shadow tree stands where its host
 * does (nodes in different trees have no document order of their own).
 */
export function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const [x, y] = inOneTree(a.startContainer, b.startContainer);
  const pos = x.compareDocumentPosition(y);
  return pos & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY) ? -1 : 1;
}

/** `a` and `b`, or the hosts standing for them, in the innermost tree that holds both. */
function inOneTree(a: Node, b: Node): [Node, Node] {
  if (a.getRootNode() === b.getRootNode()) return [a, b];
  const outward = (node: Node): Node[] => {
    const chain = [node];
    // By shape, not instanceof: a node's interfaces may come from another realm (a frame).
    for (let host = (node.getRootNode() as Partial<ShadowRoot>).host; host; ) {
      chain.push(host);
      host = (host.getRootNode() as Partial<ShadowRoot>).host;
    }
    return chain;
  };
  const bChain = outward(b);
  for (const x of outward(a)) {
    const root = x.getRootNode();
    const y = bChain.find((node) => node.getRootNode() === root);
    if (y) return [x, y];
  }
  return [a, b];
}
