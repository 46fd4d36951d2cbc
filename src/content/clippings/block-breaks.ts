/**
 * Where the page's blocks meet in a stretch of page text. The text map joins text nodes with no
 * separator, so "…consultation.</p><p>Operators…" reads "consultation.Operators"; a Text Fragment
 * link whose part crosses that point never matches, in any browser. The breaks are found here,
 * where the DOM and its computed styles are at hand, and saved with the clipping.
 */
import { nodeIndexAt, type TextMap } from './text-map';

/** More elements than this between two neighbouring text nodes are taken as a break unseen. */
const MAX_ELEMENTS_BETWEEN = 200;

/** The parent in the flat tree: a shadow root's host stands above it. */
export function parentOf(node: Node): Node | null {
  return node.parentNode ?? (node as ShadowRoot).host ?? null;
}

/** True when `el` lays its content out as a block of its own (or is a line break). */
function breaksLine(el: Element): boolean {
  if (el.localName === 'br') return true;
  const display = el.ownerDocument.defaultView?.getComputedStyle(el).display ?? 'inline';
  // An element not rendered (display: none) or without a box of its own breaks nothing.
  return display !== 'inline' && display !== 'contents' && display !== 'none' && display !== '';
}

/** The ancestors of `node`, nearest first, across shadow roots. */
function ancestors(node: Node): Node[] {
  const list: Node[] = [];
  for (let n = parentOf(node); n; n = parentOf(n)) list.push(n);
  return list;
}

/**
 * Whether a block ends or begins between text node `a` and the text node `b` after it: an
 * element closed after `a`, opened before `b`, or standing between them (a `<br>`, an empty
 * paragraph) that is not inline.
 */
export function blockBetween(a: Text, b: Text): boolean {
  const above = ancestors(b);
  const aboveB = new Set(above);
  let common: Node | null = null;
  for (let n = parentOf(a); n; n = parentOf(n)) {
    if (aboveB.has(n)) {
      common = n;
      break;
    }
    if (n instanceof Element && breaksLine(n)) return true;
  }
  if (!common) return true;
  for (const n of above) {
    if (n === common) break;
    if (n instanceof Element && breaksLine(n)) return true;
  }
  // Elements between the two in document order, other than b's own ancestors. (Within one tree:
  // across a shadow boundary the host's element above has already been looked at.)
  if (a.getRootNode() !== b.getRootNode()) return false;
  const walker = a.ownerDocument.createTreeWalker(common, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = a;
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING) break;
    if (aboveB.has(n)) continue;
    if (++seen > MAX_ELEMENTS_BETWEEN || breaksLine(n as Element)) return true;
  }
  return false;
}

/**
 * The block breaks inside `[from, to)` of the map's text, as offsets from `from`, ascending: the
 * start of each text node there that a block ends or begins before.
 */
export function blockBreaksIn(map: TextMap, from: number, to: number): number[] {
  const breaks: number[] = [];
  for (let i = nodeIndexAt(map, from, 'start') + 1; i < map.nodes.length; i++) {
    const start = map.starts[i] ?? to;
    if (start >= to) break;
    const before = map.nodes[i - 1];
    const node = map.nodes[i];
    if (start <= from || !before || !node) continue;
    if (breaks.at(-1) !== start - from && blockBetween(before, node)) breaks.push(start - from);
  }
  return breaks;
}
