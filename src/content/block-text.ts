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

/**
 * A block, or part of one, whose text nodes were walked one by one: a block holding elements that
 * end or skip running text, or too big to read in one go (then read in parts).
 */
export interface WalkedBlock {
  readonly kind: 'walked';
  text: string;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
  /** True when the block goes on in the next read (a huge block comes in parts). */
  more: boolean;
}

/**
 * A block element read whole, as its `textContent`: its text nodes are all of its descendants', in
 * order, not yet listed (see {@link listTextNodes}). Most blocks of a page hold nothing but text and
 * plain inline elements: one DOM call reads the text of each, and a TreeWalker lists its text nodes
 * without handing the inline elements around them to the script (each costs a wrapper in a content
 * script) or copying their text a second time. Never in parts.
 */
export interface WholeBlock {
  readonly kind: 'whole';
  text: string;
  element: Element;
  /** The root of the tree `element` is in (its document or shadow root). */
  tree: Node;
  readonly more: false;
}

/** One block of running text, or part of one: read whole or walked. */
export type TextBlock = WalkedBlock | WholeBlock;

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
 * `text` copied into a string of V8's own. The browser hands textContent over as an external
 * string, which the matcher reads slower from a cold start (measured in a CDP isolated world on the
 * bench article); joining two pieces copies once, at memcpy speed.
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

/** What one step of a walk did to the running block (bits). */
const GOES_ON = 0;
/** The running block ends after what the step appended. */
const CUT = 1;
/** The read has taken as much of the running block as one part may hold. */
const FULL = 2;

/**
 * Reads the text blocks under a root in document order, entering open shadow roots, one block per
 * {@link BlockReader.read}. A plain object rather than a generator: V8 optimises it like any other
 * code, where a long-lived generator stays in slower code for much of a page. Iterative, so a
 * deeply nested page cannot overflow the stack. The elements between the root and the current
 * node are kept on a stack with their kind, so climbing out of a subtree costs a `nextSibling` per
 * level and no other DOM call (each costs more from a content script).
 */
export class BlockReader implements IterableIterator<TextBlock> {
  private readonly pending: Node[];
  /** The root being read; null between roots. */
  private top: Node | null = null;
  /** The root of the tree `top` is in (a document or a shadow root). */
  private tree: Node | null = null;
  /** The next node to visit under `top`; null once `top` is finished. */
  private node: Node | null = null;
  /** Elements under `top` skipped for their attributes (hidden, editable, opted out…). */
  private zones: ReadonlySet<Element> = new Set();
  /** The elements entered under `top`, outermost first, and whether each flows inline. */
  private readonly path: Node[] = [];
  private readonly pathInline: boolean[] = [];
  /**
   * The running block's part: its nodes' texts (joined once at its end: one flat string, where
   * appending each piece would leave a chain of concatenations for the matcher's first read to
   * copy out), its nodes, where each begins, and its length so far.
   */
  private readonly pieces: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private length = 0;
  /** True when the last read returned part of a block that goes on. */
  private open = false;
  /** A block element read whole in the last step, to return after the running block. */
  private met: WholeBlock | null = null;
  /** Set by {@link enter} when the element it met ends the running block. */
  private cutByLast = false;
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

  /** The next block, or null when every root has been read. */
  read(): TextBlock | null {
    // A block read whole, met as the last read ended the block before it.
    const met = this.met;
    this.met = null;
    // Whitespace alone can be in no match: a block of nothing else is never made.
    if (met !== null && !isBlank(met.text)) return met;
    this.startPart();
    for (;;) {
      let done: number;
      if (this.node !== null) done = this.step(this.node);
      else if (this.top !== null) {
        // The root is finished, and its running block with it.
        this.top = null;
        done = CUT;
      } else {
        if (!this.startRoot()) return null;
        const whole = this.readRootWhole();
        if (whole !== null) return whole;
        continue;
      }
      if (done === GOES_ON) continue;
      const block = this.endPart(done);
      if (block !== null) return block;
    }
  }

  /** Starts an empty part of the running block (or of the next one). */
  private startPart(): void {
    this.pieces.length = 0;
    this.nodes = [];
    this.starts = [];
    this.length = 0;
  }

  /**
   * After a step that cut the running block or filled the part: the part, if it holds anything (the
   * end of a block read in parts is a part of its own, even with no text left); else the block
   * read whole that the step met, if not blank; else null (read on).
   */
  private endPart(done: number): TextBlock | null {
    const met = this.met;
    if (this.nodes.length > 0 || this.open) {
      if ((done & FULL) !== 0 && this.partNodes < PART_NODES) {
        this.partUnits *= 2;
        this.partNodes *= 2;
      }
      const more = (done & CUT) === 0;
      this.open = more;
      const { pieces } = this;
      const text = pieces.length === 1 ? (pieces[0] ?? '') : pieces.join('');
      return { kind: 'walked', text, nodes: this.nodes, starts: this.starts, more };
    }
    this.met = null;
    return met !== null && !isBlank(met.text) ? met : null;
  }

  /** Takes the next pending root as `top`; false when there is none. */
  private startRoot(): boolean {
    const root = this.pending.pop();
    if (root === undefined) return false;
    this.top = root;
    this.tree = root.getRootNode();
    this.node = root.firstChild;
    this.zones = attributeSkipZones(root);
    // Hosts inside the root show their shadow roots as they are met; the root's own (a host
    // rescanned for a root attached late, or a body with one) is met here.
    const shadow = root.nodeType === 1 ? (root as Element).shadowRoot : null;
    if (shadow) this.enterShadow(shadow);
    return true;
  }

  /**
   * `top` read whole when it is a block (or shadow root) of nothing but running text: then it is
   * finished, and returned unless blank. Null when it is to be walked, or was blank.
   */
  private readRootWhole(): WholeBlock | null {
    const root = this.top;
    if (root === null || root.nodeType !== 1 || this.zones.size > 0) return null;
    const block = this.readWhole(root as Element);
    if (block === null) return null;
    this.node = null;
    this.top = null;
    return isBlank(block.text) ? null : block;
  }

  /** Visits `node` and moves to the next node in document order: GOES_ON, or CUT and FULL bits. */
  private step(node: Node): number {
    let done = GOES_ON;
    let next: Node | null = null;
    const type = node.nodeType;
    if (type === 3) done = this.appendText(node as Text);
    else if (type === 1) next = this.enter(node as Element);
    // Climb out of finished subtrees; leaving a block element ends its block.
    const { path, pathInline } = this;
    let current = node;
    while (next === null) {
      next = current.nextSibling;
      if (next !== null) break;
      const parent = path.pop();
      if (parent === undefined) break;
      if (!pathInline.pop()) done |= CUT;
      current = parent;
    }
    if (this.cutByLast) {
      done |= CUT;
      this.cutByLast = false;
    }
    this.node = next;
    return done;
  }

  /** Appends `text` to the running block; FULL when the part is now as big as a part may be. */
  private appendText(text: Text): number {
    const data = text.data;
    // Whitespace before a block's first word (between block elements, mostly) can be in no
    // match: a block of nothing else is never made.
    if (data.length === 0 || (!this.open && this.nodes.length === 0 && isBlank(data))) return GOES_ON;
    this.starts.push(this.length);
    this.nodes.push(text);
    this.pieces.push(data);
    this.length += data.length;
    return this.length >= this.partUnits || this.nodes.length >= this.partNodes ? FULL : GOES_ON;
  }

  /**
   * Decides what element `el` is to the running text: passed over (a ruby annotation), a cut (a
   * break, a skipped zone, a block done already), a block read whole (kept in `met`, after a cut),
   * or a subtree to walk. Returns its first child when it is to be walked, else null.
   */
  private enter(el: Element): Node | null {
    const kind = tagKind(el.tagName);
    // A ruby annotation is passed over: the running text goes on after it.
    if ((kind & TAG_ANNOTATION) !== 0) return null;
    const inline =
      (kind & TAG_INLINE) !== 0 && !((kind & TAG_SUPERSCRIPT) !== 0 && isFootnoteMark(el, this.pieces));
    const zones = this.zones;
    const done = this.visit.done;
    if (
      (kind & TAG_BREAK) !== 0 ||
      isSkippedByTag(el, kind, this.options) ||
      (zones.size > 0 && zones.has(el)) ||
      // Subtrees already done are block roots, never inline.
      (!inline && done !== undefined && done.has(el))
    ) {
      this.cutByLast = true;
      return null;
    }
    const shadow = (kind & TAG_HOST) !== 0 ? el.shadowRoot : null;
    if (shadow) this.enterShadow(shadow);
    if (!inline) {
      this.cutByLast = true;
      // Read after the running block ends, and not descended into.
      this.met = this.readWhole(el);
      if (this.met !== null) return null;
    }
    const first = el.firstChild;
    if (first !== null) {
      this.path.push(el);
      this.pathInline.push(inline);
    }
    return first;
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
  private readWhole(el: Element): WholeBlock | null {
    // Its text is joined, and its nodes listed, in one task: not for a paragraph of thousands of
    // inline elements (counted without a collection, which the browser would keep on the element).
    const elements = el.childElementCount;
    if (elements > PART_NODES / 2) return null;
    // A block of text alone (a heading, most cells and short paragraphs) has no element inside
    // that could end its text or host a shadow root: no selector needs to look.
    if (elements > 0 && el.querySelector(this.notPlain) !== null) return null;
    const text = el.textContent ?? '';
    if (text.length > PART_UNITS) return null;
    if (elements > 0 && el.querySelector('span') !== null) {
      for (const span of el.querySelectorAll('span')) {
        const shadow = span.shadowRoot;
        if (shadow) this.enterShadow(shadow);
      }
    }
    return {
      kind: 'whole',
      text: ownString(text),
      element: el,
      tree: this.tree ?? el.getRootNode(),
      more: false,
    };
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
