/**
 * The laid-out trie as compact bytes, for the message that carries a compiled matcher to every
 * frame: as raw Int32s a 10 000-term trie is some 2.8 MB, most of it small numbers. Each node's
 * fields and edges become unsigned LEB128 varints, an edge's label as its step from the previous
 * label (edges are sorted) and its target as its distance past the node (children are laid out
 * after their parent), so most take a byte or two.
 */
import { ASCII_ROW, COUNT, HEADER, HIT } from './trie';

/** Appends `value` (0 ≤ value < 2^32) as a varint at `at`; returns the next offset. */
function put(out: Uint8Array, at: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    out[at++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  out[at++] = rest;
  return at;
}

/** Encodes a trie laid out by layoutTrie. */
export function trieToBytes(trie: Int32Array): Uint8Array {
  // Five bytes hold any 32-bit varint.
  const out = new Uint8Array(trie.length * 5);
  let at = 0;
  for (let v = 0; v < trie.length; ) {
    const count = trie[v + COUNT] ?? 0;
    at = put(out, at, (trie[v + HIT] ?? -1) + 1);
    at = put(out, at, count);
    at = put(out, at, trie[v + ASCII_ROW] ?? 0);
    let label = 0;
    const end = v + HEADER + 2 * count;
    for (let e = v + HEADER; e < end; e += 2) {
      at = put(out, at, (trie[e] ?? 0) - label);
      label = trie[e] ?? 0;
      at = put(out, at, (trie[e + 1] ?? 0) - v);
    }
    v = end;
  }
  return out.slice(0, at);
}

/** Decodes {@link trieToBytes} output back into a trie of `length` Int32s; throws on a mismatch. */
export function trieFromBytes(bytes: Uint8Array, length: number): Int32Array {
  const trie = new Int32Array(length);
  const n = bytes.length;
  let at = 0;
  // Reads one varint; -1 when the bytes end inside it or it runs past 32 bits. Most are one byte.
  const read = (): number => {
    if (at >= n) return -1;
    const first = bytes[at++] ?? 0;
    if (first < 0x80) return first;
    let value = first & 0x7f;
    let scale = 0x80;
    for (;;) {
      if (at >= n || scale > 2 ** 28) return -1;
      const byte = bytes[at++] ?? 0;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  };
  let v = 0;
  while (v < length) {
    const hit = read();
    const count = read();
    const row = read();
    const end = v + HEADER + 2 * count;
    if (hit < 0 || count < 0 || row < 0 || end > length) break;
    trie[v + HIT] = hit - 1;
    trie[v + COUNT] = count;
    trie[v + ASCII_ROW] = row;
    let label = 0;
    for (let e = v + HEADER; e < end; e += 2) {
      const step = read();
      const distance = read();
      if (step < 0 || distance <= 0 || v + distance >= length) return broken();
      label += step;
      trie[e] = label;
      trie[e + 1] = v + distance;
    }
    v = end;
  }
  if (v !== length || at !== n) return broken();
  return trie;
}

function broken(): never {
  throw new Error('packed matcher: the trie bytes do not make a whole trie');
}
