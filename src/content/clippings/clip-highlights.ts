/**
 * The anchored clippings of a document, painted under the `termlight-clip` highlight. Where a term
 * and a clipping overlap, the term's highlight paints on top (it has the higher priority) and the
 * pointer opens the term's card: the definition is what the reader points at, and the clipping's
 * note is still shown anywhere else over the clipping.
 */
import type { Clipping } from '../../shared/clippings/model';
import { compareStarts, liveRange } from '../highlight-store';

export const CLIP_HIGHLIGHT = 'termlight-clip';

/** One anchored clipping on the page. */
export interface ClipRange {
  clipping: Clipping;
  range: StaticRange;
}

/** The `termlight-clip` highlight of one document and the clippings it shows. */
export class ClipHighlights {
  private readonly highlight: Highlight;
  private entries: ClipRange[] = [];
  private attached = false;

  constructor(private readonly doc: Document) {
    this.highlight = new Highlight();
    // Below the terms' highlights (priority 1): see the file comment.
    this.highlight.priority = 0;
  }

  /** Shows exactly `entries` (a fresh anchoring pass). */
  set(entries: ClipRange[]): void {
    this.entries = [...entries].sort((a, b) => compareStarts(a.range, b.range));
    this.highlight.clear();
    for (const entry of this.entries) this.highlight.add(entry.range);
    this.attach();
  }

  /** Adds one clipping (just saved or re-attached); a clipping shown already moves to `range`. */
  add(entry: ClipRange): void {
    this.set([...this.entries.filter((e) => e.clipping.id !== entry.clipping.id), entry]);
  }

  /** Replaces the stored data of a shown clipping (its note or tags changed). */
  update(clipping: Clipping): void {
    for (const entry of this.entries) if (entry.clipping.id === clipping.id) entry.clipping = clipping;
  }

  private attach(): void {
    this.attached = true;
    this.doc.defaultView?.CSS.highlights.set(CLIP_HIGHLIGHT, this.highlight);
  }

  /** Registers the highlight again after a page script took it out of the registry. */
  restore(): void {
    const registry = this.doc.defaultView?.CSS.highlights;
    if (this.attached && registry?.get(CLIP_HIGHLIGHT) !== this.highlight) this.attach();
  }

  /** Unregisters the highlight and forgets every clipping. */
  detach(): void {
    const registry = this.doc.defaultView?.CSS.highlights;
    if (registry?.get(CLIP_HIGHLIGHT) === this.highlight) registry.delete(CLIP_HIGHLIGHT);
    this.attached = false;
    this.highlight.clear();
    this.entries = [];
  }

  /** Every shown clipping, in document order. */
  get shown(): readonly ClipRange[] {
    return this.entries;
  }

  /** True when a shown clipping's nodes left the page (its range no longer points at its text). */
  hasStaleRanges(): boolean {
    return this.entries.some((e) => !e.range.startContainer.isConnected || !e.range.endContainer.isConnected);
  }

  /** The clipping whose text is under the point (x, y), with the rect it was hit in. */
  at(x: number, y: number): { clipping: Clipping; rect: DOMRect } | null {
    for (const entry of this.entries) {
      if (!entry.range.startContainer.isConnected) continue;
      for (const rect of liveRange(this.doc, entry.range).getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom)
          return { clipping: entry.clipping, rect };
      }
    }
    return null;
  }
}
