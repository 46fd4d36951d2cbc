/**
 * The page text that clippings are anchored in: every text node of the document in tree order, an
 * open shadow root's text read where its host stands, without script, style and Termlight's own UI.
 * A TextPositionSelector counts offsets in this text; the same reading describes a selection and
 * finds it again, so the two always agree.
 */
import { runInChunks } from '../idle-chunks';
import { OWN_UI_ATTRIBUTE } from '../own-ui';

/** Elements whose text is not page text (never shown as such). */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'svg', 'SVG']);

/** The page text and where each text node starts in it. */
export interface TextMap {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
}

/** A place in the page: a text node and a UTF-16 offset in it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * Reads the text of `doc` in steps of a few milliseconds (a huge page must not make one long
 * task). Resolves null when `signal` aborts first.
 */
export async function readTextMap(doc: Document, signal: AbortSignal): Promise<TextMap | null> {
  const reader = new TextMapReader(doc);
  const done = await runInChunks(() => reader.step(), signal);
  return done ? reader.result() : null;
}

/** Reads the text of `doc` in one go (for a reader's action, which waits for it anyway). */
export function readTextMapNow(doc: Document): TextMap {
  const reader = new TextMapReader(doc);
  while (reader.step()) {
    // Each step reads a few hundred nodes.
  }
  return reader.result();
}

const NODES_PER_STEP = 256;

/** Walks a document and its open shadow roots, a few hundred nodes per step. */
class TextMapReader {
  private readonly parts: string[] = [];
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private length = 0;
  /** Walkers of the trees being read: the innermost shadow tree last. */
  private readonly walkers: TreeWalker[] = [];

  constructor(private readonly doc: Document) {
    const root = doc.body ?? doc.documentElement;
    if (root) this.walkers.push(this.walkerOf(root));
  }

  private walkerOf(root: Node): TreeWalker {
    return this.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        if (NOT_TEXT.has(el.tagName) || el.hasAttribute(OWN_UI_ATTRIBUTE)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
  }

  /** Reads some nodes; false once everything is read. */
  step(): boolean {
    for (let n = 0; n < NODES_PER_STEP; n++) {
      const walker = this.walkers[this.walkers.length - 1];
      if (!walker) return false;
      const node = walker.nextNode();
      if (!node) {
        this.walkers.pop();
        continue;
      }
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node as Text;
        this.nodes.push(text);
        this.starts.push(this.length);
        this.parts.push(text.data);
        this.length += text.data.length;
        continue;
      }
      // A shadow tree is read where its host stands, before the host's own (light) children.
      const shadow = (node as Element).shadowRoot;
      if (shadow) this.walkers.push(this.walkerOf(shadow));
    }
    return true;
  }

  result(): TextMap {
    return { text: this.parts.join(''), nodes: this.nodes, starts: this.starts };
  }
}

/** The offset in the page text of a boundary point, or null when it is not in the page text. */
export function offsetOf(
  map: TextMap,
  container: Node,
  offset: number,
  edge: 'start' | 'end',
): number | null {
  const index = indexOf(map);
  if (container.nodeType === Node.TEXT_NODE) {
    const i = index.get(container as Text);
    return i === undefined ? null : (map.starts[i] ?? 0) + offset;
  }
  // A boundary between children: the first text at or after it (a start), the last before it (an end).
  const doc = container.ownerDocument ?? (container as Document);
  const walker = doc.createTreeWalker(container.getRootNode(), NodeFilter.SHOW_TEXT);
  if (edge === 'start') {
    const child = container.childNodes[offset];
    let node: Node | null = child ?? nextAfter(walker, container);
    if (node && node.nodeType !== Node.TEXT_NODE) {
      walker.currentNode = node;
      node = walker.nextNode();
    }
    for (; node; node = walker.nextNode()) {
      const i = index.get(node as Text);
      if (i !== undefined) return map.starts[i] ?? 0;
    }
    return map.text.length;
  }
  const before = offset > 0 ? container.childNodes[offset - 1] : undefined;
  walker.currentNode = before ? lastLeaf(before) : container;
  let node: Node | null = before?.nodeType === Node.TEXT_NODE ? before : before ? walker.currentNode : null;
  if (!node || node.nodeType !== Node.TEXT_NODE) node = walker.previousNode();
  for (; node; node = walker.previousNode()) {
    const i = index.get(node as Text);
    if (i !== undefined) return (map.starts[i] ?? 0) + (node as Text).data.length;
  }
  return 0;
}

/** The first node after `node` and all of its descendants. */
function nextAfter(walker: TreeWalker, node: Node): Node | null {
  walker.currentNode = lastLeaf(node);
  return walker.nextNode();
}

function lastLeaf(node: Node): Node {
  let leaf = node;
  while (leaf.lastChild) leaf = leaf.lastChild;
  return leaf;
}

const indexes = new WeakMap<TextMap, Map<Text, number>>();

function indexOf(map: TextMap): Map<Text, number> {
  let index = indexes.get(map);
  if (!index) {
    index = new Map(map.nodes.map((node, i) => [node, i]));
    indexes.set(map, index);
  }
  return index;
}

/**
 * The index of the last node starting at or before `offset` (for an end, strictly before, so a
 * range never ends at offset 0 of the next node); 0 when none does. A binary search over the starts.
 */
export function nodeIndexAt(map: TextMap, offset: number, edge: 'start' | 'end'): number {
  const { starts } = map;
  let lo = 0;
  let hi = map.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid] ?? 0;
    if (edge === 'start' ? start <= offset : start < offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The point in the page at `offset` of the page text (`edge` says which node wins at a boundary). */
export function pointAt(map: TextMap, offset: number, edge: 'start' | 'end'): TextPoint | null {
  const { starts, nodes } = map;
  if (nodes.length === 0) return null;
  const lo = nodeIndexAt(map, offset, edge);
  const node = nodes[lo] as Text;
  const local = Math.max(0, Math.min(node.data.length, offset - (starts[lo] ?? 0)));
  // A start at the very end of a node is the start of the next non-empty one.
  if (edge === 'start' && local === node.data.length && lo + 1 < nodes.length)
    return { node: nodes[lo + 1] as Text, offset: 0 };
  return { node, offset: local };
}
