/**
 * Reads a DOM subtree as blocks of running text: the text nodes of one block are joined so that a
 * term may run across inline elements (`Data <b>Security</b> Law`), with offsets back to each node.
 */
import {
  isInline,
  isSkippedKind,
  type SkipOptions,
  TAG_BREAK,
  TAG_HOST,
  TAG_INLINE,
  tagKind,
} from './skip-rules';

/** One block of running text and the text nodes it was read from. */
export interface TextBlock {
  text: string;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
}

/** A position inside a text node. */
export interface NodePoint {
  node: Text;
  offset: number;
  /** Index of `node` in the block's `nodes`. */
  index: number;
}

/** Maps an offset in a block's text to the text node and offset it came from. */
export function pointAt(block: TextBlock, offset: number, preferEnd: boolean): NodePoint {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid] as number;
    // At a boundary between two nodes an end point stays in the earlier node.
    if (start < offset || (start === offset && !preferEnd)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo] as Text, offset: offset - (starts[lo] as number), index: lo };
}

const NOT_BLANK = /\S/;

/** Hooks into a walk: subtrees already handled, and open shadow roots met on the way. */
export interface BlockVisitor {
  done?: ReadonlySet<Node>;
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * Reads the text blocks under a root in document order, entering open shadow roots, one block per
 * {@link BlockReader.read}. A plain object rather than a generator: V8 optimises its loop like any
 * other, where a long-lived generator stays in slower code for much of a page. Iterative, so a
 * deeply nested page cannot overflow the stack.
 */
export class BlockReader implements IterableIterator<TextBlock> {
  private readonly pending: Node[];
  private top: Node | null = null;
  /** The next node to visit under `top`; null once `top` is finished. */
  private node: Node | null = null;
  private nodes: Text[] = [];
  private starts: number[] = [];
  private text = '';
  /** A block finished by the last step, waiting to be handed out. */
  private ready: TextBlock | null = null;

  constructor(
    root: Node,
    private readonly options: SkipOptions,
    private readonly visit: BlockVisitor = {},
  ) {
    this.pending = [root];
  }

  /** The next block, or null when every root has been read. */
  read(): TextBlock | null {
    for (;;) {
      if (this.node === null) {
        if (this.top !== null) {
          this.top = null;
          this.take();
        } else {
          const top = this.pending.pop();
          if (top === undefined) return this.handOut();
          this.top = top;
          this.node = top.firstChild;
        }
      } else {
        this.step(this.node, this.top as Node);
      }
      if (this.ready !== null) return this.handOut();
    }
  }

  next(): IteratorResult<TextBlock, undefined> {
    const block = this.read();
    return block === null ? { done: true, value: undefined } : { done: false, value: block };
  }

  [Symbol.iterator](): this {
    return this;
  }

  private handOut(): TextBlock | null {
    const block = this.ready;
    this.ready = null;
    return block;
  }

  /** Ends the running block; whitespace between elements makes blocks with nothing to match. */
  private take(): void {
    if (this.nodes.length === 0) return;
    if (NOT_BLANK.test(this.text)) this.ready = { text: this.text, nodes: this.nodes, starts: this.starts };
    this.nodes = [];
    this.starts = [];
    this.text = '';
  }

  /** Visits `node` and moves to the next one in document order under `top`. */
  private step(node: Node, top: Node): void {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length > 0) {
        this.starts.push(this.text.length);
        this.nodes.push(node as Text);
        this.text += data;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const kind = tagKind(el.tagName);
      const inline = (kind & TAG_INLINE) !== 0;
      // Subtrees already done are block roots, never inline.
      if (
        (kind & TAG_BREAK) !== 0 ||
        isSkippedKind(el, kind, this.options) ||
        (!inline && this.visit.done?.has(el))
      ) {
        this.take();
      } else {
        if (!inline) this.take();
        const shadow = (kind & TAG_HOST) !== 0 ? el.shadowRoot : null;
        if (shadow) {
          this.pending.push(shadow);
          this.visit.onShadowRoot?.(shadow);
        }
        descend = true;
      }
    }
    if (descend && node.firstChild) {
      this.node = node.firstChild;
      return;
    }
    // Climb out of finished subtrees; leaving a block element ends its block.
    let current: Node | null = node;
    while (current && current !== top && !current.nextSibling) {
      current = current.parentNode;
      if (current && current !== top && current.nodeType === 1 && !isInline(current as Element)) this.take();
    }
    if (!current || current === top) {
      this.node = null;
      return;
    }
    if (current.nodeType === 1 && !isInline(current as Element)) this.take();
    this.node = current.nextSibling;
  }
}

/** The text blocks under `root` in document order (see {@link BlockReader}). */
export function textBlocks(root: Node, options: SkipOptions, visit: BlockVisitor = {}): BlockReader {
  return new BlockReader(root, options, visit);
}
