/**
 * happy-dom has neither the CSS Custom Highlight API nor StaticRange: a Set-like Highlight, a
 * record of a range's ends and a Map for `CSS.highlights` are all the store and scanner use.
 */

/** A Highlight: a set of ranges with a priority. */
export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  // Like Highlight, it takes its first ranges as arguments (Set takes one iterable).
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** A StaticRange: the two ends it was made with. */
export class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}

/** Installs the fakes globally and gives `window` an empty `CSS.highlights` registry. */
export function installHighlightFakes(): void {
  Object.assign(globalThis, { Highlight: FakeHighlight, StaticRange: FakeStaticRange });
  Object.defineProperty(window, 'CSS', { value: { highlights: new Map() }, configurable: true });
}

/** The registry installed by {@link installHighlightFakes}. */
export function highlightRegistry(): Map<string, FakeHighlight> {
  return window.CSS.highlights as unknown as Map<string, FakeHighlight>;
}
