/** Finds the subtree to rescan after a change, so an update costs the changed text, not the page. */
import { isInline, isSkipped, type SkipOptions } from './skip-rules';

/**
 * The nearest block (non-inline element or shadow root) around `node`, or null when `node` is not
 * in the page or sits inside a zone the scanner skips (an editable region, a script, our own UI…).
 * Also null when `node` sits more than `maxDepth` levels deep, for a caller that may give up.
 */
export function blockRootOf(
  node: Node,
  options: SkipOptions,
  maxDepth = Number.POSITIVE_INFINITY,
): Node | null {
  if (!node.isConnected) return null;
  let root: Node | null = null;
  let current: Node | null = node.nodeType === 1 ? node : node.parentNode;
  for (let depth = 0; current; depth++) {
    if (depth > maxDepth) return null;
    if (current.nodeType === 1) {
      const el = current as Element;
      if (isSkipped(el, options)) return null;
      if (!root && !isInline(el)) root = el;
      current = el.parentNode;
    } else if (current.nodeType === 11) {
      root ??= current;
      current = (current as ShadowRoot).host ?? null;
    } else {
      break;
    }
  }
  const doc = node.ownerDocument;
  if (!root || root === doc?.documentElement) return doc?.body ?? null;
  return root;
}

/** Drops every root that lies inside another root of the set (checked by climbing, not pairwise). */
export function outermostRoots(roots: Iterable<Node>): Node[] {
  const all = new Set(roots);
  const result: Node[] = [];
  for (const root of all) {
    let parent: Node | null = parentAcrossShadow(root);
    while (parent && !all.has(parent)) parent = parentAcrossShadow(parent);
    if (!parent) result.push(root);
  }
  return result;
}

function parentAcrossShadow(node: Node): Node | null {
  return node.parentNode ?? (node as ShadowRoot).host ?? null;
}
