/**
 * The page text in a stretch of it that the page does not render: text under an element with
 * `display: none` (a collapsed aside, a label meant for another layout). The text map reads it, as
 * textContent does, but the reader never saw it, and browsers pass over it when they look for a
 * Text Fragment: a link whose part holds it never matches. Found here, where computed styles are at
 * hand, and saved with the clipping.
 */
import { parentOf } from './block-breaks';
import { nodeIndexAt, type TextMap } from './text-map';

/**
 * True when `node` or an element above it (across shadow roots) is not displayed at all (`known`
 * caches the answers per element).
 */
function notDisplayed(node: Node, known: Map<Element, boolean>): boolean {
  if (!(node instanceof Element)) {
    const above = parentOf(node);
    return above !== null && notDisplayed(above, known);
  }
  const cached = known.get(node);
  if (cached !== undefined) return cached;
  const above = parentOf(node);
  const none =
    node.ownerDocument.defaultView?.getComputedStyle(node).display === 'none' ||
    (above !== null && notDisplayed(above, known));
  known.set(node, none);
  return none;
}

/**
 * The text inside `[from, to)` of the map's text that is not rendered, as `start, end` pairs of
 * offsets from `from`, ascending, neighbours merged.
 */
export function hiddenTextIn(map: TextMap, from: number, to: number): number[] {
  const spans: number[] = [];
  const known = new Map<Element, boolean>();
  for (let i = nodeIndexAt(map, from, 'start'); i < map.nodes.length; i++) {
    const node = map.nodes[i];
    const start = map.starts[i] ?? to;
    if (!node || start >= to) break;
    const end = Math.min(to, start + node.data.length);
    if (end <= from || !notDisplayed(node, known)) continue;
    const s = Math.max(start, from) - from;
    if (spans.at(-1) === s) spans[spans.length - 1] = end - from;
    else spans.push(s, end - from);
  }
  return spans;
}
