/**
 * Reads a DOM subtree as blocks of running text: the text nodes of one block are joined so that a
 * term may run across inline elements (`Data <b>Security</b> Law`), with offsets back to each node.
 */
import { isInline, isSkipped, type SkipOptions } from './skip-rules';

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
 * Yields the text blocks under `root` in document order, entering open shadow roots. Iterative,
 * so a deeply nested page cannot overflow the stack.
 */
export function* textBlocks(
  root: Node,
  options: SkipOptions,
  visit: BlockVisitor = {},
): Generator<TextBlock, void, undefined> {
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  const take = (): TextBlock | undefined => {
    if (nodes.length === 0) return undefined;
    // Whitespace between elements makes many blocks with nothing to match in them.
    const block = NOT_BLANK.test(text) ? { text, nodes, starts } : undefined;
    nodes = [];
    starts = [];
    text = '';
    return block;
  };

  const pending: Node[] = [root];
  while (pending.length > 0) {
    const top = pending.pop() as Node;
    let node: Node | null = top.firstChild;
    while (node) {
      let descend = false;
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data.length > 0) {
          starts.push(text.length);
          nodes.push(node as Text);
          text += data;
        }
      } else if (node.nodeType === 1) {
        const el = node as Element;
        if (el.tagName === 'BR' || isSkipped(el, options) || visit.done?.has(el)) {
          const block = take();
          if (block) yield block;
        } else {
          if (!isInline(el)) {
            const block = take();
            if (block) yield block;
          }
          if (el.shadowRoot) {
            pending.push(el.shadowRoot);
            visit.onShadowRoot?.(el.shadowRoot);
          }
          descend = true;
        }
      }
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      // Climb out of finished subtrees; leaving a block element ends its block.
      while (node && node !== top && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== top && node.nodeType === 1 && !isInline(node as Element)) {
          const block = take();
          if (block) yield block;
        }
      }
      if (!node || node === top) break;
      if (node.nodeType === 1 && !isInline(node as Element)) {
        const block = take();
        if (block) yield block;
      }
      node = node.nextSibling;
    }
    const block = take();
    if (block) yield block;
  }
}
