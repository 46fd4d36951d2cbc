/**
 * A table of bits, one per three ASCII units (hashed), that the scan checks before it walks the
 * trie from an ASCII unit: most walks in ASCII text would end by the third unit with nothing, and
 * a clear bit spares them. Units that share a bit only cost a walk.
 */

import { bitTable, setBit } from './packing';
import { COUNT, HEADER, HIT, type TrieLayout } from './trie';

/** The bit for three ASCII units (folded) in a table of 2^16. */
export function startBit(first: number, second: number, third: number): number {
  const key = (first << 14) | (second << 7) | third;
  return (key ^ (key >>> 11)) & 0xffff;
}

/**
 * Sets the bit of every three ASCII units a walk from the root could read past, or within which a
 * pattern ends (then whatever follows it).
 */
export function asciiStartsOf({ rootNext, trie }: TrieLayout): Int32Array {
  const starts = bitTable(0x10000);
  for (let first = 0; first < 0x80; first++) {
    const child = rootNext[first] ?? 0;
    if (child === 0) continue;
    if ((trie[child + HIT] ?? -1) >= 0) {
      for (let second = 0; second < 0x80; second++) setAll(starts, first, second);
      continue;
    }
    // Edges are sorted by label, so the ASCII ones come first.
    const end = child + HEADER + 2 * (trie[child + COUNT] ?? 0);
    for (let e = child + HEADER; e < end && (trie[e] ?? 0) < 0x80; e += 2) {
      const second = trie[e] ?? 0;
      const grandchild = trie[e + 1] ?? 0;
      if ((trie[grandchild + HIT] ?? -1) >= 0) {
        setAll(starts, first, second);
        continue;
      }
      const last = grandchild + HEADER + 2 * (trie[grandchild + COUNT] ?? 0);
      for (let g = grandchild + HEADER; g < last && (trie[g] ?? 0) < 0x80; g += 2) {
        setBit(starts, startBit(first, second, trie[g] ?? 0));
      }
    }
  }
  return starts;
}

/** Sets the bits of `first`, `second` and any third unit. */
function setAll(starts: Int32Array, first: number, second: number): void {
  for (let third = 0; third < 0x80; third++) setBit(starts, startBit(first, second, third));
}
