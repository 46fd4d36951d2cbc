/**
 * The automaton's trie in flat arrays and the transition function that walks it. Failure links,
 * report links and lookup rows are filled in lazily, the first time the scan reaches a node: a
 * page visits a small part of a large glossary's trie, and compiling stays close to the cost of
 * reading the glossary.
 */

import type { DraftTrie } from './draft-trie';
import { GUARD_AFTER } from './patterns';

/** Int32 fields per node in `nodes`; the first is the index of its first edge. */
export const NODE_STRIDE = 8;
/** Field: the failure target; -1 until the node is linked. */
export const FAIL = 1;
/**
 * Field: the node itself if a pattern ends there, else the nearest such node on its failure chain
 * (0 for none); -1 until the node is linked.
 */
export const REPORT = 2;
/**
 * Field: like REPORT, but only patterns that may end inside a word (no boundary check after them).
 * Inside a word, which is where most text positions are, only these can match.
 */
export const REPORT_MIDWORD = 3;
/** Field: `depth << 2 | guards`. */
export const SHAPE = 4;
/** Field: for a node with a lookup row, 1 + its index in `asciiRows`, negated until it is filled. */
export const ASCII_ROW = 5;
const PARENT = 6;
/** Field: the unit on the edge into the node. */
const LABEL = 7;

/**
 * Nodes with at least this many children get a row with their complete transition for every ASCII
 * unit. There are few of them (near the root), yet much of the scan passes through them.
 */
const ROW_MIN_CHILDREN = 9;

/** The laid-out trie (see {@link Matcher} in automaton.ts). */
export interface TrieLayout {
  readonly rootNext: Int32Array;
  readonly nodes: Int32Array;
  /** Two Int32 per edge, label then target; a node's edges are one run sorted by label. */
  readonly edges: Int32Array;
  readonly asciiRows: Int32Array;
  readonly entryHead: Int32Array;
}

/**
 * The automaton state after reading `code` in linked `state`: the child along `code`, else the
 * same question asked of the failure target, down to the root. The result may be unlinked.
 */
export function transition(layout: TrieLayout, state: number, code: number): number {
  const { rootNext, nodes, edges } = layout;
  for (;;) {
    if (state === 0) return rootNext[code] ?? 0;
    const at = state * NODE_STRIDE;
    if (code < 0x80) {
      let row = nodes[at + ASCII_ROW] ?? 0;
      if (row < 0) row = fillRow(layout, state);
      if (row > 0) return layout.asciiRows[((row - 1) << 7) | code] ?? 0;
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

/** Nodes waiting to be linked, deepest last; shared, as linking never re-enters itself. */
const pending: number[] = [];

/**
 * Links node `v` (failure target, report links) if it is not yet, first linking the shallower
 * nodes it needs: its parent and its failure target. A linked node's failure target is always
 * linked, so its whole chain is. Iterative, as chains are as deep as the longest pattern.
 */
export function link(layout: TrieLayout, v: number): void {
  const { nodes, entryHead } = layout;
  if ((nodes[v * NODE_STRIDE + FAIL] ?? 0) >= 0) return;
  pending.push(v);
  while (pending.length > 0) {
    const u = pending[pending.length - 1] ?? 0;
    const at = u * NODE_STRIDE;
    if ((nodes[at + FAIL] ?? 0) >= 0) {
      pending.pop();
      continue;
    }
    const parent = nodes[at + PARENT] ?? 0;
    let fail = 0;
    if (parent !== 0) {
      const parentFail = nodes[parent * NODE_STRIDE + FAIL] ?? 0;
      if (parentFail < 0) {
        pending.push(parent);
        continue;
      }
      fail = transition(layout, parentFail, nodes[at + LABEL] ?? 0);
      if ((nodes[fail * NODE_STRIDE + FAIL] ?? 0) < 0) {
        pending.push(fail);
        continue;
      }
    }
    const failAt = fail * NODE_STRIDE;
    const ends = (entryHead[u] ?? -1) >= 0;
    const midword = ends && ((nodes[at + SHAPE] ?? 0) & GUARD_AFTER) === 0;
    nodes[at + REPORT] = ends ? u : (nodes[failAt + REPORT] ?? 0);
    nodes[at + REPORT_MIDWORD] = midword ? u : (nodes[failAt + REPORT_MIDWORD] ?? 0);
    nodes[at + FAIL] = fail;
    pending.pop();
  }
}

/**
 * Writes the draft out as flat arrays, keeping its node numbers: each node's children become one
 * run of edges sorted by label. Every node but the root starts unlinked.
 */
export function layoutTrie(draft: DraftTrie): TrieLayout {
  const n = draft.size;
  const nodes = new Int32Array((n + 1) * NODE_STRIDE);
  const edges = new Int32Array(n * 2);
  let edgeCount = 0;
  let rows = 0;
  for (let v = 0; v < n; v++) {
    const at = v * NODE_STRIDE;
    const children = draft.childCount(v);
    nodes[at] = edgeCount;
    // The failure field is free until linking; it tracks where the node's next edge goes.
    nodes[at + FAIL] = edgeCount;
    nodes[at + SHAPE] = draft.shape[v] ?? 0;
    nodes[at + PARENT] = draft.parent[v] ?? 0;
    nodes[at + LABEL] = draft.label(v);
    nodes[at + REPORT] = v === 0 ? 0 : -1;
    if (children >= ROW_MIN_CHILDREN) nodes[at + ASCII_ROW] = -++rows;
    edgeCount += children;
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
  for (let v = 1; v < n; v++) {
    const at = v * NODE_STRIDE;
    nodes[at + FAIL] = -1;
    const from = nodes[at] ?? 0;
    const to = nodes[at + NODE_STRIDE] ?? 0;
    if (to - from > 1) sortEdges(edges, from, to);
  }
  return {
    rootNext: draft.rootNext,
    nodes,
    edges,
    asciiRows: new Int32Array(rows << 7),
    entryHead: draft.entryHead.slice(0, n),
  };
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

/** Writes `state`'s children with ASCII labels into the row at `at`. */
function overlayChildren(layout: TrieLayout, state: number, at: number): void {
  const { nodes, edges, asciiRows } = layout;
  for (let e = nodes[state * NODE_STRIDE] ?? 0, end = nodes[(state + 1) * NODE_STRIDE] ?? 0; e < end; e++) {
    const label = edges[e * 2] ?? 0;
    if (label < 0x80) asciiRows[at | label] = edges[e * 2 + 1] ?? 0;
  }
}

/**
 * Fills linked node `v`'s ASCII row and returns its ASCII_ROW field: the row of the nearest node
 * on its failure chain whose row is filled (or the root's table), overlaid with the children of
 * the nodes in between, nearest last, then with its own.
 */
function fillRow(layout: TrieLayout, v: number): number {
  const { nodes, rootNext, asciiRows } = layout;
  const row = -(nodes[v * NODE_STRIDE + ASCII_ROW] ?? 0);
  const between: number[] = [];
  let f = nodes[v * NODE_STRIDE + FAIL] ?? 0;
  while (f !== 0 && (nodes[f * NODE_STRIDE + ASCII_ROW] ?? 0) <= 0) {
    between.push(f);
    f = nodes[f * NODE_STRIDE + FAIL] ?? 0;
  }
  const at = (row - 1) << 7;
  const base = ((nodes[f * NODE_STRIDE + ASCII_ROW] ?? 0) - 1) << 7;
  if (f === 0) asciiRows.set(rootNext.subarray(0, 0x80), at);
  else asciiRows.copyWithin(at, base, base + 0x80);
  for (let k = between.length - 1; k >= 0; k--) overlayChildren(layout, between[k] ?? 0, at);
  overlayChildren(layout, v, at);
  // Switched on only now, so lookups while filling never read a half-built row.
  nodes[v * NODE_STRIDE + ASCII_ROW] = row;
  return row;
}
