/**
 * The pattern trie in flat arrays, and the child lookup the scan walks it with. There are no
 * failure links: the scan only ever walks down from the root (see scan.ts), so laying the trie out
 * is all that compiling it takes.
 */

import type { DraftTrie } from './draft-trie';
import { asciiRowSlot } from './packing';

/**
 * Field of a node's block in `trie`: -1, or when patterns end at the node, its first entry (see
 * {@link Matcher} in compile.ts) and guards, packed (see packing.ts).
 */
export const HIT = 0;
/** Field: how many edges follow the header. */
export const COUNT = 1;
/** Field: 1 + the index of the node's row in `asciiRows`, or 0 for a node without one. */
export const ASCII_ROW = 2;
/** Int32 fields before a node's edges. */
export const HEADER = 3;

/**
 * Nodes with at least this many ASCII children also get a row holding their child for every ASCII
 * unit. There are few of them (near the root), yet many walks pass through them; elsewhere a scan
 * of the few sorted ASCII edges is as quick.
 */
const ROW_MIN_CHILDREN = 9;

/** The laid-out trie (see {@link Matcher} in compile.ts). */
export interface TrieLayout {
  /** The root's child for every UTF-16 unit (0 for none): the root is where every walk starts. */
  readonly rootNext: Int32Array;
  /**
   * Every node as one block, named by its offset (the root's, at 0, is never read): a header (HIT,
   * COUNT, ASCII_ROW), then its edges, label and target, sorted by label. With the edges next to
   * the header, a step of a walk through a large glossary costs one cache miss, not two; and as
   * the blocks keep the order in which patterns created their nodes, the nodes a pattern added
   * sit one after another.
   */
  readonly trie: Int32Array;
  readonly asciiRows: Int32Array;
}

/** The child of the node at `v` along `unit`, or 0. `unit` may be negative (no child). */
export function edgeTarget(trie: Int32Array, v: number, unit: number): number {
  let lo = v + HEADER;
  const end = lo + 2 * (trie[v + COUNT] ?? 0);
  // Narrow a long run by bisection (the first label >= unit stays within [lo, hi]), then scan.
  let hi = end;
  while (hi - lo > 16) {
    const mid = lo + (((hi - lo) >>> 2) << 1);
    if ((trie[mid] ?? 0) < unit) lo = mid + 2;
    else hi = mid;
  }
  for (; lo < end; lo += 2) {
    const label = trie[lo] ?? 0;
    if (label === unit) return trie[lo + 1] ?? 0;
    if (label > unit) break;
  }
  return 0;
}

/**
 * Writes the draft out as one block per node, in the draft's order: each node's children become
 * its run of edges sorted by label, and a wide node's ASCII children also fill its row.
 */
export function layoutTrie(draft: DraftTrie): TrieLayout {
  const n = draft.size;
  const rootNext = draft.rootNext;
  // The root's block is a header only (its children are in rootNext), so 0 can mean "no node".
  const offsets = new Int32Array(n);
  let size = 0;
  for (let v = 0; v < n; v++) {
    offsets[v] = size;
    size += HEADER + 2 * draft.childCount(v);
  }
  const trie = new Int32Array(size);
  const rowNodes: number[] = [];
  for (let v = 0; v < n; v++) {
    const at = offsets[v] ?? 0;
    const count = draft.childCount(v);
    trie[at + HIT] = draft.hit(v);
    trie[at + COUNT] = count;
    let e = at + HEADER;
    for (let u = draft.firstChild(v); u !== 0; u = draft.nextSibling(u), e += 2) {
      trie[e] = draft.label(u);
      trie[e + 1] = offsets[u] ?? 0;
    }
    if (count > 1) sortEdges(trie, at + HEADER, e);
    let ascii = 0;
    while (ascii < count && (trie[at + HEADER + 2 * ascii] ?? 0) < 0x80) ascii++;
    if (ascii >= ROW_MIN_CHILDREN) {
      rowNodes.push(at);
      trie[at + ASCII_ROW] = rowNodes.length;
    }
  }
  // The draft is spent: its root table becomes the layout's.
  for (const unit of draft.rootUnits) rootNext[unit] = offsets[rootNext[unit] ?? 0] ?? 0;
  const asciiRows = new Int32Array(asciiRowSlot(rowNodes.length, 0));
  rowNodes.forEach((at, row) => {
    const end = at + HEADER + 2 * (trie[at + COUNT] ?? 0);
    // Edges are sorted, so the ASCII ones come first.
    for (let e = at + HEADER; e < end && (trie[e] ?? 0) < 0x80; e += 2) {
      asciiRows[asciiRowSlot(row, trie[e] ?? 0)] = trie[e + 1] ?? 0;
    }
  });
  return { rootNext, trie, asciiRows };
}

/** Sorts the (label, target) pairs in `[from, to)` of `trie` by label; sibling labels are distinct. */
function sortEdges(trie: Int32Array, from: number, to: number): void {
  if (to - from <= 32) {
    for (let i = from + 2; i < to; i += 2) {
      const label = trie[i] ?? 0;
      const target = trie[i + 1] ?? 0;
      let j = i - 2;
      for (; j >= from && (trie[j] ?? 0) > label; j -= 2) {
        trie[j + 2] = trie[j] ?? 0;
        trie[j + 3] = trie[j + 1] ?? 0;
      }
      trie[j + 2] = label;
      trie[j + 3] = target;
    }
    return;
  }
  // Packed into one number each so a native numeric sort does the work.
  const packed = new Float64Array((to - from) >> 1);
  for (let i = from; i < to; i += 2) packed[(i - from) >> 1] = (trie[i] ?? 0) * 2 ** 32 + (trie[i + 1] ?? 0);
  packed.sort();
  for (let i = from; i < to; i += 2) {
    const value = packed[(i - from) >> 1] ?? 0;
    trie[i] = Math.floor(value / 2 ** 32);
    trie[i + 1] = value % 2 ** 32;
  }
}
