import { hitEntry, hitField } from './packing';

/** Children a node may have before its lookups move from a sibling walk to the hash table. */
const WIDE = 8;

/** Int32 fields per node in `links`, kept together so a sibling walk reads one cache line a step. */
const LINK_STRIDE = 4;
const FIRST_CHILD = 0;
const NEXT_SIBLING = 1;
const LABEL = 2;
const CHILD_COUNT = 3;

/**
 * The trie while patterns are added; node 0 is the root. Nodes are numbered as created, so the new
 * tail of each pattern sits in consecutive memory. Children hang off unsorted sibling lists (most
 * nodes have one child); the root looks up through a direct table (it can have a child per CJK
 * character) and other wide nodes through a small hash table.
 */
export class DraftTrie {
  readonly rootNext = new Int32Array(0x10000);
  /** The units `rootNext` has a child for, so that no one need read all 64 Ki of it. */
  readonly rootUnits: number[] = [];
  /**
   * Per node, 1 + its trie HIT field (see trie.ts): 0 where no pattern ends, so that a fresh array
   * needs no filling.
   */
  private readonly hits: Int32Array;
  private readonly links: Int32Array;
  /** Open addressing, three Int32 per slot: parent, unit, child (parent 0 marks a free slot). */
  private table = new Int32Array(3 * 256);
  private used = 0;
  size = 1;

  constructor(maxNodes: number) {
    this.hits = new Int32Array(maxNodes);
    this.links = new Int32Array(maxNodes * LINK_STRIDE);
  }

  /** The HIT field of node `v` (see packing.ts). */
  hit(v: number): number {
    return (this.hits[v] ?? 0) - 1;
  }

  /** The first entry of node `v`'s chain, or -1. */
  entryHead(v: number): number {
    const hit = this.hit(v);
    return hit < 0 ? -1 : hitEntry(hit);
  }

  /** Makes `entry` the head of node `v`'s chain; `guards` are those of the patterns ending there. */
  setEntryHead(v: number, entry: number, guards: number): void {
    this.hits[v] = hitField(entry, guards) + 1;
  }

  /** The unit on the edge into node `v`. */
  label(v: number): number {
    return this.links[v * LINK_STRIDE + LABEL] ?? 0;
  }

  /** How many children node `v` has; 0 for the root, whose children live in `rootNext`. */
  childCount(v: number): number {
    return this.links[v * LINK_STRIDE + CHILD_COUNT] ?? 0;
  }

  /** Node `v`'s children form a list, in no particular order: its head (0 for none)… */
  firstChild(v: number): number {
    return this.links[v * LINK_STRIDE + FIRST_CHILD] ?? 0;
  }

  /** …and the next child of the same parent after `u` (0 at the end). */
  nextSibling(u: number): number {
    return this.links[u * LINK_STRIDE + NEXT_SIBLING] ?? 0;
  }

  /** Follows (and extends) the path from node `v` along `text[from, to)`, returning its end node. */
  walk(v: number, text: string, from: number, to: number): number {
    let i = from;
    for (; i < to; i++) {
      const child = this.child(v, text.charCodeAt(i));
      if (child === 0) break;
      v = child;
    }
    // Past the first missing child every node is new, so there is nothing left to look up.
    for (; i < to; i++) v = this.add(v, text.charCodeAt(i));
    return v;
  }

  private child(v: number, code: number): number {
    if (v === 0) return this.rootNext[code] ?? 0;
    const links = this.links;
    if ((links[v * LINK_STRIDE + CHILD_COUNT] ?? 0) > WIDE) return this.lookup(v, code);
    for (let u = links[v * LINK_STRIDE + FIRST_CHILD] ?? 0; u !== 0; ) {
      const at = u * LINK_STRIDE;
      if (links[at + LABEL] === code) return u;
      u = links[at + NEXT_SIBLING] ?? 0;
    }
    return 0;
  }

  private add(v: number, code: number): number {
    const links = this.links;
    const id = this.size++;
    const at = id * LINK_STRIDE;
    links[at + LABEL] = code;
    if (v === 0) {
      this.rootNext[code] = id;
      this.rootUnits.push(code);
      return id;
    }
    const parentAt = v * LINK_STRIDE;
    links[at + NEXT_SIBLING] = links[parentAt + FIRST_CHILD] ?? 0;
    links[parentAt + FIRST_CHILD] = id;
    const count = (links[parentAt + CHILD_COUNT] ?? 0) + 1;
    links[parentAt + CHILD_COUNT] = count;
    if (count === WIDE + 1) {
      for (let u = id; u !== 0; u = links[u * LINK_STRIDE + NEXT_SIBLING] ?? 0) {
        this.store(v, links[u * LINK_STRIDE + LABEL] ?? 0, u);
      }
    } else if (count > WIDE) {
      this.store(v, code, id);
    }
    return id;
  }

  private slotOf(table: Int32Array, v: number, code: number): number {
    const mask = table.length / 3 - 1;
    let slot = (Math.imul(v, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 7;
    for (;;) {
      slot &= mask;
      const parent = table[slot * 3] ?? 0;
      if (parent === 0 || (parent === v && table[slot * 3 + 1] === code)) return slot;
      slot++;
    }
  }

  private lookup(v: number, code: number): number {
    return this.table[this.slotOf(this.table, v, code) * 3 + 2] ?? 0;
  }

  private store(v: number, code: number, child: number): void {
    if ((this.used + 1) * 2 > this.table.length / 3) this.rehash();
    const slot = this.slotOf(this.table, v, code);
    this.table[slot * 3] = v;
    this.table[slot * 3 + 1] = code;
    this.table[slot * 3 + 2] = child;
    this.used++;
  }

  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 3) {
      const parent = old[at] ?? 0;
      if (parent === 0) continue;
      const code = old[at + 1] ?? 0;
      // Three stores, not set(subarray()): a view object per entry would be garbage at once.
      const slot = this.slotOf(table, parent, code) * 3;
      table[slot] = parent;
      table[slot + 1] = code;
      table[slot + 2] = old[at + 2] ?? 0;
    }
    this.table = table;
  }
}
