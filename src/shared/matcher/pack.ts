/**
 * A compiled matcher as JSON-safe data, so the background can compile a glossary once and hand
 * the result to every frame: Chromium passes extension messages as JSON, where a typed array would
 * become an object with a key per element. Each Int32Array travels as base64 of its bytes. The
 * trie, by far the largest, does too where the browser decodes base64 natively: every frame then
 * unpacks it at memcpy speed, where decoding a compact encoding is a loop over every byte that
 * runs cold in each new page (for a big glossary, one long task). Elsewhere it travels as base64
 * of that compact encoding (trie-bytes.ts), a third of the size, whose decoding then costs less
 * than the byte loop that base64 alone would take.
 */
import type { Matcher } from './compile';
import type { EdgeRule } from './edge-rules';
import { HEADER } from './trie';
import { trieFromBytes, trieToBytes } from './trie-bytes';

/** {@link Matcher} with every typed array as base64; the root table keeps only its used units. */
export interface PackedMatcher {
  termIds: string[];
  entryCased: string[];
  /** `unit, child` pairs of the root table's non-zero entries. */
  rootPairs: string;
  /** The trie's bytes, as its Int32s or (`trieEncoding` 'varint') trie-bytes.ts, and its length in Int32s. */
  trie: string;
  trieEncoding: TrieEncoding;
  trieLength: number;
  asciiRows: string;
  entryNext: string;
  entryTerm: string;
  entryRule: string;
  edgeRules: EdgeRule[];
  asciiStarts: string;
}

/** How the trie travels: its Int32s as they are, or the compact encoding of trie-bytes.ts. */
export type TrieEncoding = 'int32' | 'varint';

const ROOT_UNITS = 0x10000;

function toBase64(values: Int32Array | Uint8Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const parts: string[] = [];
  // fromCharCode takes its units as arguments: a few thousand at a time stays under the stack limit.
  for (let at = 0; at < bytes.length; at += 0x2000) {
    parts.push(String.fromCharCode(...bytes.subarray(at, at + 0x2000)));
  }
  return btoa(parts.join(''));
}

/** The native decoder (Chrome 140, Firefox 133), some hundred times quicker than a loop. */
const decodeBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

function bytesFromBase64(text: string): Uint8Array {
  if (decodeBase64) return decodeBase64.call(Uint8Array, text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function fromBase64(text: string, field: string): Int32Array {
  const bytes = bytesFromBase64(text);
  if (bytes.length % 4 !== 0) throw new Error(`packed matcher: ${field} is not a whole number of integers`);
  // A fresh copy when the decoder's buffer is shared or misaligned for 32-bit reads.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? new Int32Array(bytes.buffer)
    : new Int32Array(bytes.slice().buffer);
}

/** The trie encoding that unpacks quickest in this browser (the background and its pages share it). */
export const quickestTrieEncoding = (): TrieEncoding => (decodeBase64 ? 'int32' : 'varint');

/** Packs a matcher for a message. */
export function packMatcher(matcher: Matcher, trieEncoding = quickestTrieEncoding()): PackedMatcher {
  const pairs: number[] = [];
  matcher.rootNext.forEach((child, unit) => {
    if (child !== 0) pairs.push(unit, child);
  });
  return {
    termIds: [...matcher.termIds],
    entryCased: [...matcher.entryCased],
    rootPairs: toBase64(Int32Array.from(pairs)),
    trie: toBase64(trieEncoding === 'int32' ? matcher.trie : trieToBytes(matcher.trie)),
    trieEncoding,
    trieLength: matcher.trie.length,
    asciiRows: toBase64(matcher.asciiRows),
    entryNext: toBase64(matcher.entryNext),
    entryTerm: toBase64(matcher.entryTerm),
    entryRule: toBase64(matcher.entryRule),
    edgeRules: [...matcher.edgeRules],
    asciiStarts: toBase64(matcher.asciiStarts),
  };
}

/**
 * The matcher a {@link packMatcher} result stands for. Throws on data that cannot be one (it
 * comes from the background, so that means a bug, not an attack): a wrong length or a bad index
 * would otherwise make every page silently match nothing.
 */
export function unpackMatcher(packed: PackedMatcher): Matcher {
  const pairs = fromBase64(packed.rootPairs, 'rootPairs');
  const trie =
    packed.trieEncoding === 'int32'
      ? wholeTrie(fromBase64(packed.trie, 'trie'), packed.trieLength)
      : trieFromBytes(bytesFromBase64(packed.trie), packed.trieLength);
  const rootNext = new Int32Array(ROOT_UNITS);
  for (let p = 0; p + 1 < pairs.length; p += 2) {
    const unit = pairs[p] ?? -1;
    const child = pairs[p + 1] ?? -1;
    if (unit < 0 || unit >= ROOT_UNITS || child <= 0 || child >= trie.length) {
      throw new Error(`packed matcher: root entry ${p / 2} is out of range`);
    }
    rootNext[unit] = child;
  }
  const matcher: Matcher = {
    termIds: packed.termIds,
    entryCased: packed.entryCased,
    rootNext,
    trie,
    asciiRows: fromBase64(packed.asciiRows, 'asciiRows'),
    entryNext: fromBase64(packed.entryNext, 'entryNext'),
    entryTerm: fromBase64(packed.entryTerm, 'entryTerm'),
    entryRule: fromBase64(packed.entryRule, 'entryRule'),
    edgeRules: packed.edgeRules,
    asciiStarts: fromBase64(packed.asciiStarts, 'asciiStarts'),
  };
  if (
    matcher.entryNext.length !== matcher.entryCased.length ||
    matcher.entryTerm.length !== matcher.entryCased.length ||
    matcher.entryRule.length !== matcher.entryCased.length
  ) {
    throw new Error('packed matcher: entry tables disagree in length');
  }
  return matcher;
}

/**
 * `trie` when it has the length it should (at least the root's header): a cheap check that catches
 * truncated or mislabelled data without a loop over the trie, which this encoding is sent to spare.
 */
function wholeTrie(trie: Int32Array, length: number): Int32Array {
  if (trie.length !== length || length < HEADER) {
    throw new Error('packed matcher: the trie bytes do not make a whole trie');
  }
  return trie;
}
