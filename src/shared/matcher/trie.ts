/** The automaton's trie in flat arrays, and the one transition function that walks it. */

import type { DraftTrie } from './draft-trie';
import { GUARD_AFTER } from './patterns';

/** Int32 fields per node in `nodes`; the first is the index of its first edge. */
export const NODE_STRIDE = 6;
/** Field: the failure target. */
export const FAIL = 1;
/** Field: the node itself if a pattern ends there, else the nearest such node on its failure chain. */
export const REPORT = 2;
/**
 * Field: like REPORT, but only patterns that may end inside a word (no boundary check after them).
 * Inside a word, which is where most text positions are, only these can match.
 */
export const REPORT_MIDWORD = 3;
/** Field: `depth << 2 | guards`. */
export const SHAPE = 4;
/** Field: 1 + the index of the node's row in `asciiRows`, or 0 when it has none. */
const ASCII_ROW = 5;

/**
 * Nodes with at least this many children get a row with their complete transition for every ASCII
 * unit. There are few of them (near the root), yet much of the scan passes through them.
 */
const ROW_MIN_CHILDREN = 9;

/** The laid-out trie with failure and report links (see {@link Matcher} in automaton.ts). */
export interface TrieLayout {
  readonly rootNext: Int32Array;
  readonly nodes: Int32Array;
  /** Two Int32 per edge, label then target; a node's edges are one run sorted by label. */
  readonly edges: Int32Array;
  readonly asciiRows: Int32Array;
  readonly entryHead: Int32Array;
}

/**
 * The automaton state after reading `code` in `state`: the child along `code`, else the same
 * question asked of the failure target, down to the root.
 */
export function transition(layout: TrieLayout, state: number, code: number): number {
  const { rootNext, nodes, edges } = layout;
  for (;;) {
    if (state === 0) return rootNext[code] ?? 0;
    const at = state * NODE_STRIDE;
    if (code < 0x80) {
      const row = nodes[at + ASCII_ROW] ?? 0;
      if (row !== 0) return layout.asciiRows[((row - 1) << 7) | code] ?? 0;
    }
    let lo = nodes[at] ?? 0;
    const end = nodes[at + NODE_STRIDE] ?? 0;
    // Narrow a long run by bisection (the first label >= code stays within [lo, hi]), then scan.
    let hi = end;
    while (hi - lo > 8) {
      const mid = (lo + hi) >>> 1;
      if ((edges[mid * 2] ?? 0) < code) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < end; lo++) {
      const l = edges[lo * 2] ?? 0;
      if (l === code) return edges[lo * 2 + 1] ?? 0;
      if (l > code) break;
    }
    state = nodes[at + FAIL] ?? 0;
  }
}

/**
 * Writes the draft out as flat arrays, keeping its node numbers: each node's children become one
 * run of edges sorted by label. Then links failures.
 */
export function layoutTrie(draft: DraftTrie): TrieLayout {
  const n = draft.size;
  const nodes = new Int32Array((n + 1) * NODE_STRIDE);
  const edges = new Int32Array(n * 2);
  let edgeCount = 0;
  for (let v = 0; v < n; v++) {
    const at = v * NODE_STRIDE;
    nodes[at] = edgeCount;
    // The failure field is free until failures are linked; it tracks where the next child goes.
    nodes[at + FAIL] = edgeCount;
    nodes[at + SHAPE] = draft.shape[v] ?? 0;
    edgeCount += draft.childCount(v);
  }
  nodes[n * NODE_STRIDE] = edgeCount;
  for (let u = 1; u < n; u++) {
    const parent = draft.parent[u] ?? 0;
    if (parent === 0) continue;
    const edge = nodes[parent * NODE_STRIDE + FAIL] ?? 0;
    nodes[parent * NODE_STRIDE + FAIL] = edge + 1;
    edges[edge * 2] = draft.label(u);
    edges[edge * 2 + 1] = u;
  }
  for (let v = 0; v < n; v++) {
    const at = v * NODE_STRIDE;
    nodes[at + FAIL] = 0;
    if (draft.childCount(v) > 1) sortEdges(edges, nodes[at] ?? 0, nodes[at + NODE_STRIDE] ?? 0);
  }
  const layout: TrieLayout = {
    rootNext: draft.rootNext,
    nodes,
    edges,
    asciiRows: new Int32Array(0),
    entryHead: draft.entryHead.slice(0, n),
  };
  const breadthFirst = linkFailures(layout, n);
  return { ...layout, asciiRows: fillAsciiRows(layout, breadthFirst) };
}

/** Sorts the (label, target) pairs in `[from, to)` by label; labels under one parent are distinct. */
function sortEdges(edges: Int32Array, from: number, to: number): void {
  if (to - from <= 16) {
    for (let i = from + 1; i < to; i++) {
      const label = edges[i * 2] ?? 0;
      const target = edges[i * 2 + 1] ?? 0;
      let j = i - 1;
      for (; j >= from && (edges[j * 2] ?? 0) > label; j--) {
        edges[j * 2 + 2] = edges[j * 2] ?? 0;
        edges[j * 2 + 3] = edges[j * 2 + 1] ?? 0;
      }
      edges[j * 2 + 2] = label;
      edges[j * 2 + 3] = target;
    }
    return;
  }
  // Packed into one number each so a native numeric sort does the work.
  const packed = new Float64Array(to - from);
  for (let i = from; i < to; i++) packed[i - from] = (edges[i * 2] ?? 0) * 2 ** 32 + (edges[i * 2 + 1] ?? 0);
  packed.sort();
  for (let i = from; i < to; i++) {
    const value = packed[i - from] ?? 0;
    edges[i * 2] = Math.floor(value / 2 ** 32);
    edges[i * 2 + 1] = value % 2 ** 32;
  }
}

/** Sets a node's two report links from its own entries and its failure target's links. */
function linkReports(layout: TrieLayout, v: number, fail: number): void {
  const { nodes, entryHead } = layout;
  const at = v * NODE_STRIDE;
  const ends = (entryHead[v] ?? -1) >= 0;
  const failAt = fail * NODE_STRIDE;
  nodes[at + REPORT] = ends ? v : (nodes[failAt + REPORT] ?? 0);
  const midword = ends && ((nodes[at + SHAPE] ?? 0) & GUARD_AFTER) === 0;
  nodes[at + REPORT_MIDWORD] = midword ? v : (nodes[failAt + REPORT_MIDWORD] ?? 0);
}

/**
 * Builds the ASCII rows of wide nodes in breadth-first order, so a node's row can start as a copy of
 * its failure target's (or the root's), overwritten by its own children. A row is switched on
 * only once complete.
 */
function fillAsciiRows(layout: TrieLayout, breadthFirst: Int32Array): Int32Array {
  const { nodes, edges, rootNext } = layout;
  const firstEdge = (v: number) => nodes[v * NODE_STRIDE] ?? 0;
  const wide = (v: number) => firstEdge(v + 1) - firstEdge(v) >= ROW_MIN_CHILDREN;
  let count = 0;
  for (const v of breadthFirst) if (wide(v)) count++;
  const rows = new Int32Array(count << 7);
  const filling = { ...layout, asciiRows: rows };
  let row = 0;
  for (const v of breadthFirst) {
    if (!wide(v)) continue;
    const at = row << 7;
    const fail = nodes[v * NODE_STRIDE + FAIL] ?? 0;
    const failRow = fail === 0 ? -1 : (nodes[fail * NODE_STRIDE + ASCII_ROW] ?? 0) - 1;
    if (fail === 0) rows.set(rootNext.subarray(0, 0x80), at);
    else if (failRow >= 0) rows.copyWithin(at, failRow << 7, (failRow + 1) << 7);
    else for (let code = 0; code < 0x80; code++) rows[at | code] = transition(filling, fail, code);
    for (let e = firstEdge(v), end = firstEdge(v + 1); e < end; e++) {
      const label = edges[e * 2] ?? 0;
      if (label < 0x80) rows[at | label] = edges[e * 2 + 1] ?? 0;
    }
    nodes[v * NODE_STRIDE + ASCII_ROW] = ++row;
  }
  return rows;
}

/**
 * Breadth-first, so every failure target (always shallower) is complete before it is used.
 * Returns the nodes below the root in that order.
 */
function linkFailures(layout: TrieLayout, n: number): Int32Array {
  const { rootNext, nodes, edges } = layout;
  const queue = new Int32Array(n);
  let tail = 0;
  for (let code = 0; code < 0x10000; code++) {
    const id = rootNext[code] ?? 0;
    if (id === 0) continue;
    queue[tail++] = id;
    linkReports(layout, id, 0);
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head] ?? 0;
    const at = v * NODE_STRIDE;
    const parentFail = nodes[at + FAIL] ?? 0;
    for (let e = nodes[at] ?? 0, end = nodes[at + NODE_STRIDE] ?? 0; e < end; e++) {
      const child = edges[e * 2 + 1] ?? 0;
      const fail = transition(layout, parentFail, edges[e * 2] ?? 0);
      nodes[child * NODE_STRIDE + FAIL] = fail;
      linkReports(layout, child, fail);
      queue[tail++] = child;
    }
  }
  return queue.subarray(0, tail);
}
