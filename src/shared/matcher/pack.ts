/**
 * A compiled matcher as JSON-safe data, so the background can compile a glossary once and hand
 * the result to every frame: Chromium passes extension messages as JSON, where a typed array would
 * become an object with a key per element. Each Int32Array travels as base64 of its bytes; the
 * trie, by far the largest, as base64 of a compact encoding (trie-bytes.ts).
 */
import type { Matcher } from './compile';
import type { EdgeRule } from './edge-rules';
import { trieFromBytes, trieToBytes } from './trie-bytes';

/** {@link Matcher} with every typed array as base64; the root table keeps only its used units. */
export interface PackedMatcher {
  termIds: string[];
  entryCased: string[];
  /** `unit, child` pairs of the root table's non-zero entries. */
  rootPairs: string;
  /** The trie's bytes (see trie-bytes.ts), and its length in Int32s. */
  trie: string;
  trieLength: number;
  asciiRows: string;
  entryNext: string;
  entryTerm: string;
  entryRule: string;
  edgeRules: EdgeRule[];
  asciiStarts: string;
}

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

/** Packs a matcher for a message. */
export function packMatcher(matcher: Matcher): PackedMatcher {
  const pairs: number[] = [];
  matcher.rootNext.forEach((child, unit) => {
    if (child !== 0) pairs.push(unit, child);
  });
  return {
    termIds: [...matcher.termIds],
    entryCased: [...matcher.entryCased],
    rootPairs: toBase64(Int32Array.from(pairs)),
    trie: toBase64(trieToBytes(matcher.trie)),
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
  const trie = trieFromBytes(bytesFromBase64(packed.trie), packed.trieLength);
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
