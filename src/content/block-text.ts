/**
 * Reads a DOM subtree as blocks of running text: the text nodes of one block are joined so that a
 * term may run across inline elements (`Data <b>Security</b> Law`), with offsets back to each node.
 */
import {
  attributeSkipZones,
  isSkippedByTag,
  notPlainSelector,
  type SkipOptions,
  TAG_ANNOTATION,
  TAG_BREAK,
  TAG_HOST,
  TAG_INLINE,
  TAG_SUPERSCRIPT,
  tagKind,
} from './skip-rules';

/** One block of running text, or part of one, and the text nodes it was read from. */
export interface TextBlock {
  text: string;
  /** The nodes, unless `whole` is set (see {@link listTextNodes}). */
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
  /** True when the block goes on in the next read (a huge block comes in parts). */
  more: boolean;
  /**
   * A block element read whole, as its `textContent`: its text nodes are all of its descendants',
   * in order, not yet listed. Most blocks of a page hold nothing but text and plain inline
   * elements: one DOM call reads the text of each, and a TreeWalker lists its text nodes without
   * handing the inline elements around them to the script (each costs a wrapper in a content
   * script) or copying their text a second time.
   */
  whole?: Element;
  /** The root of the tree `whole` is in (its document or shadow root), set with `whole`. */
  tree?: Node;
}

/**
 * How much of one block a read returns at most, in units and in nodes (it stops after the node
 * that reaches either): a page that is one huge paragraph must not be read, or matched, in one task.
 */
export const PART_UNITS = 32_768;
export const PART_NODES = 2_048;
/**
 * A reader's first part is this much smaller, and each part after a full one twice as big up to
 * the limits: the reader's code starts cold, and so does the matcher that takes the part.
 */
const FIRST_PART_SHARE = 16;

/**
 * Index of the block node that holds `offset`, given where each node `starts` in the block,
 * searching forward from node `from` (the matches of a block come in order, so each search resumes
 * where the last stopped). At a boundary between two nodes a start (`atEnd` false) lies in the
 * later node and an end in the earlier one.
 */
export function nodeIndexAt(starts: readonly number[], offset: number, atEnd: boolean, from = 0): number {
  const last = starts.length - 1;
  let i = from;
  if (atEnd) while (i < last && (starts[i + 1] ?? 0) < offset) i++;
  else while (i < last && (starts[i + 1] ?? 0) <= offset) i++;
  return i;
}

/**
 * Lists the text nodes of `block` and where each begins (walking them with `lister` when it was
 * read whole).
 */
export function listTextNodes(
  block: TextBlock,
  lister = new TextNodeLister(),
): { nodes: Text[]; starts: number[] } {
  const { whole, tree } = block;
  return whole && tree ? lister.list(whole, block.text.length, tree) : block;
}

/**
 * Lists the text nodes of blocks read whole, reading each node's `length`, never its text. One
 * walker serves every block of a tree (each would cost an allocation of the browser's): it starts
 * at the block and stops when the nodes cover the block's text, so a block must be listed in the
 * task that read its text, before the page can change it.
 */
export class TextNodeLister {
  private walker: TreeWalker | null = null;
  private root: Node | null = null;

  /**
   * The text nodes of `el`, whose text is `length` units long, and where each begins. `root` is the
   * root of `el`'s tree, which the reader knows: asking `el` for it would cost a DOM call a block.
   */
  list(el: Element, length: number, root: Node): { nodes: Text[]; starts: number[] } {
    let walker = this.walker;
    if (walker === null || this.root !== root) {
      // CDATA sections (XHTML) are text too, in textContent as in ranges.
      walker = el.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
      this.walker = walker;
      this.root = root;
    }
    walker.currentNode = el;
    const nodes: Text[] = [];
    const starts: number[] = [];
    // Empty nodes at the end are left out: they can hold no match.
    for (let covered = 0; covered < length; ) {
      const node = walker.nextNode() as Text | null;
      if (node === null) break;
      starts.push(covered);
      nodes.push(node);
      covered += node.length;
    }
    return { nodes, starts };
  }
}

/**
 * `text` copied into a string of V8's own. The browser hands textContent over as an external
 * string, which the matcher reads slower from a cold start; in a CDP isolated world on the bench
 * article, cold matching of the copies took 32 ms against 39 (medians of 8 loads), and the whole
 * sync scan 118 against 144 ms in one run and 153 against 160 in the next (10 loads each); inside
 * the extension the difference was within the noise. Joining two pieces copies once, at memcpy
 * speed.
 */
function ownString(text: string): string {
  return text.length < 2 ? text : [text.slice(0, 1), text.slice(1)].join('');
}

/** True when `data` has nothing but ASCII whitespace and control characters (cheap, no regex). */
export function isBlank(data: string): boolean {
  for (let i = 0; i < data.length; i++) if (data.charCodeAt(i) > 0x20) return false;
  return true;
}

const DIGIT_BEFORE = /\d$/;
const LETTER = /\p{L}/u;

/**
 * True when `sup`, met after the running text `pieces`, is a footnote or trademark mark
 * ("Law<sup>12</sup>", "Huawei<sup>TM</sup>") rather than part of a word ("11<sup>th</sup>
 * Bureau"): unless it holds letters right after a digit. The reader then ends the running text
 * before it, as at a block, so the word before it keeps its boundary and a term there is found.
 */
function isFootnoteMark(sup: Element, pieces: readonly string[]): boolean {
  const before = pieces.at(-1) ?? '';
  return !DIGIT_BEFORE.test(before) || !LETTER.test(sup.textContent ?? '');
}

/** Hooks into a walk: subtrees already handled, and open shadow roots met on the way. */
export interface BlockVisitor {
  done?: ReadonlySet<Node>;
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * Reads the text blocks under a root in document order, entering open shadow roots, one block per
 * {@link BlockReader.read}. A plain object rather than a generator, and one loop over locals: V8
 * optimises that like any other code, where a long-lived generator stays in slower code for much
 * of a page. Iterative, so a deeply nested page cannot overflow the stack. The elements between
 * the root and the current node are kept on a stack with their kind, so climbing out of a subtree
 * costs a `nextSibling` per level and no other DOM call (each costs more from a content script).
 */
export class BlockReader implements IterableIterator<TextBlock> {
  private readonly pending: Node[];
  private top: Node | null = null;
  /** The root of the tree `top` is in (a document or a shadow root). */
  private tree: Node | null = null;
  /** The next node to visit under `top`; null once `top` is finished. */
  private node: Node | null = null;
  /** Elements under `top` skipped for their attributes (hidden, editable, opted out…). */
  private zones: ReadonlySet<Element> = new Set();
  /** The texts of the running block's nodes (reused from block to block). */
  private readonly pieces: string[] = [];
  /** The elements entered under `top`, outermost first, and whether each flows inline. */
  private readonly path: Node[] = [];
  private readonly pathInline: boolean[] = [];
  /** True when the last read returned part of a block that goes on. */
  private open = false;
  /** A block read whole, met while the running block still had to be returned. */
  private wholeNext: TextBlock | null = null;
  private readonly notPlain: string;
  private partUnits = PART_UNITS / FIRST_PART_SHARE;
  private partNodes = PART_NODES / FIRST_PART_SHARE;

  constructor(
    root: Node,
    private readonly options: SkipOptions,
    private readonly visit: BlockVisitor = {},
  ) {
    this.pending = [root];
    this.notPlain = notPlainSelector(options);
  }

  /** Queues `shadow` to be read after the roots met before it, and tells the visitor. */
  private enterShadow(shadow: ShadowRoot): void {
    this.pending.push(shadow);
    this.visit.onShadowRoot?.(shadow);
  }

  /**
   * `el`, a block element, read whole: when it holds nothing but text and plain inline elements
   * (nothing that ends a block, is skipped, or is not HTML inline), its text is its textContent.
   * Null when it must be walked instead: it holds more, or too many nodes or too much text to read
   * in one task (a part of a walked block holds at most PART_NODES and PART_UNITS). The text may
   * be blank. Shadow roots of inline hosts in it (a span can be one) are sent to be read after it.
   */
  private readWhole(el: Element): TextBlock | null {
    // Its text is joined, and its nodes listed, in one task: not for a paragraph of thousands of
    // inline elements (counted without a collection, which the browser would keep on the element).
    if (el.childElementCount > PART_NODES / 2) return null;
    if (el.querySelector(this.notPlain) !== null) return null;
    const text = el.textContent ?? '';
    if (text.length > PART_UNITS) return null;
    if (el.querySelector('span') !== null) {
      for (const span of el.querySelectorAll('span')) {
        const shadow = span.shadowRoot;
        if (shadow) this.enterShadow(shadow);
      }
    }
    return {
      text: ownString(text),
      nodes: [],
      starts: [],
      more: false,
      whole: el,
      tree: this.tree ?? el.getRootNode(),
    };
  }

  /** The next block, or null when every root has been read. */
  read(): TextBlock | null {
    const { options, visit, path, pathInline, pending } = this;
    const done = visit.done;
    let { node, top, zones } = this;
    // The block's text is joined once at its end: one flat string, where appending each piece
    // would leave a chain of concatenations for the matcher's first read to copy out.
    const pieces = this.pieces;
    pieces.length = 0;
    let length = 0;
    const nodes: Text[] = [];
    const starts: number[] = [];
    const open = this.open;
    const wholeNext = this.wholeNext;
    if (wholeNext !== null) {
      this.wholeNext = null;
      // Whitespace alone can be in no match: a block of nothing else is never made.
      if (!isBlank(wholeNext.text)) return wholeNext;
    }
    for (;;) {
      // Set when the running block ends after what this step appended.
      let cut = false;
      // Set when this read has taken as much of the running block as one part may hold.
      let full = false;
      // A block element met in this step and read whole, to return after the running block.
      let whole: TextBlock | null = null;
      if (node === null) {
        cut = top !== null;
        top = null;
        if (!cut) {
          const root = pending.pop();
          if (root === undefined) {
            this.node = null;
            this.top = null;
            return null;
          }
          top = root;
          this.tree = root.getRootNode();
          node = root.firstChild;
          zones = attributeSkipZones(root);
          this.zones = zones;
          // Hosts inside the root show their shadow roots as they are met; the root's own (a
          // host rescanned for a root attached late, or a body with one) is met here.
          const shadow = root.nodeType === 1 ? (root as Element).shadowRoot : null;
          if (shadow) this.enterShadow(shadow);
          // A root is a block (or a shadow root): one with nothing but running text is read whole.
          const block = root.nodeType === 1 && zones.size === 0 ? this.readWhole(root as Element) : null;
          if (block !== null) {
            node = null;
            top = null;
            if (!isBlank(block.text)) {
              this.node = null;
              this.top = null;
              return block;
            }
          }
          continue;
        }
      } else {
        let next: Node | null = null;
        const type = node.nodeType;
        if (type === 3) {
          const data = (node as Text).data;
          // Whitespace before a block's first word (between block elements, mostly) can be in no
          // match: a block of nothing else is never made.
          if (data.length > 0 && (open || nodes.length > 0 || !isBlank(data))) {
            starts.push(length);
            nodes.push(node as Text);
            pieces.push(data);
            length += data.length;
            full = length >= this.partUnits || nodes.length >= this.partNodes;
          }
        } else if (type === 1) {
          const el = node as Element;
          const kind = tagKind(el.tagName);
          const inline =
            (kind & TAG_INLINE) !== 0 && !((kind & TAG_SUPERSCRIPT) !== 0 && isFootnoteMark(el, pieces));
          // Subtrees already done are block roots, never inline.
          if ((kind & TAG_ANNOTATION) !== 0) {
            // A ruby annotation is passed over (next stays null): the running text goes on after it.
          } else if (
            (kind & TAG_BREAK) !== 0 ||
            isSkippedByTag(el, kind, options) ||
            (zones.size > 0 && zones.has(el)) ||
            (!inline && done !== undefined && done.has(el))
          ) {
            cut = true;
          } else {
            const shadow = (kind & TAG_HOST) !== 0 ? el.shadowRoot : null;
            if (shadow) this.enterShadow(shadow);
            if (!inline) {
              cut = true;
              // Read after the running block ends (below), and not descended into.
              whole = this.readWhole(el);
            }
            next = whole === null ? el.firstChild : null;
            if (next !== null) {
              path.push(el);
              pathInline.push(inline);
            }
          }
        }
        // Climb out of finished subtrees; leaving a block element ends its block.
        let current = node;
        while (next === null) {
          next = current.nextSibling;
          if (next !== null) break;
          const parent = path.pop();
          if (parent === undefined) break;
          if (!pathInline.pop()) cut = true;
          current = parent;
        }
        node = next;
        if (!cut && !full) continue;
      }
      // The end of a block read in parts is a part of its own, even with no text left.
      if (nodes.length > 0 || open) {
        if (full && this.partNodes < PART_NODES) {
          this.partUnits *= 2;
          this.partNodes *= 2;
        }
        this.node = node;
        this.top = top;
        this.open = !cut;
        this.wholeNext = whole;
        return { text: pieces.length === 1 ? (pieces[0] ?? '') : pieces.join(''), nodes, starts, more: !cut };
      }
      if (whole !== null && !isBlank(whole.text)) {
        this.node = node;
        this.top = top;
        this.open = false;
        return whole;
      }
    }
  }

  next(): IteratorResult<TextBlock, undefined> {
    const block = this.read();
    return block === null ? { done: true, value: undefined } : { done: false, value: block };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** The text blocks under `root` in document order (see {@link BlockReader}). */
export function textBlocks(root: Node, options: SkipOptions, visit: BlockVisitor = {}): BlockReader {
  return new BlockReader(root, options, visit);
}
