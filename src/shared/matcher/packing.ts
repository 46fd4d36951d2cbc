/**
 * Every place the matcher packs several values into one integer, named once. The scan's hot loop
 * spells these out with the constants below (a call there costs in cold code); everything else
 * uses the helpers.
 *
 * - A trie node's HIT field (trie.ts): -1 where no pattern ends, else `entry << HIT_ENTRY_SHIFT |
 *   guards`, the first entry of the node's chain and the word-boundary checks of the patterns
 *   ending there (GUARD_BEFORE | GUARD_AFTER, patterns.ts).
 * - An ASCII row (`asciiRows`, trie.ts): 128 Int32 per wide node, the child for unit `u` of row `r`
 *   at `r << ASCII_ROW_SHIFT | u`. The node's ASCII_ROW field holds 1 + `r` (0: no row).
 * - The three-unit start table (ascii-starts.ts): a bit per hashed key, bit `b` at word
 *   `b >> BIT_WORD_SHIFT`, mask `1 << (b & BIT_INDEX_MASK)`.
 * - ASCII_INFO (scan.ts): per ASCII unit its folded search unit, plus WORD_FLAG for a word unit.
 */

/** HIT field: the entry sits above the two guard bits. */
export const HIT_ENTRY_SHIFT = 2;
/** ASCII rows: 2^7 = 128 units a row. */
export const ASCII_ROW_SHIFT = 7;
/** Bit tables: 32 bits an Int32 word. */
export const BIT_WORD_SHIFT = 5;
export const BIT_INDEX_MASK = 31;
/** ASCII_INFO: set for a word unit, above the 7 bits of the folded unit. */
export const WORD_FLAG = 0x80;
export const UNIT_MASK = 0x7f;

/** The HIT field of a node whose chain starts at `entry`, with `guards`. */
export const hitField = (entry: number, guards: number): number => (entry << HIT_ENTRY_SHIFT) | guards;

/** The first entry of a HIT field that is not -1. */
export const hitEntry = (hit: number): number => hit >> HIT_ENTRY_SHIFT;

/** Where row `row` (0-based) keeps its child for ASCII `unit` in `asciiRows`. */
export const asciiRowSlot = (row: number, unit: number): number => (row << ASCII_ROW_SHIFT) | unit;

/** An Int32 bit table of `bits` bits, all clear. */
export const bitTable = (bits: number): Int32Array => new Int32Array(bits >> BIT_WORD_SHIFT);

/** Sets bit `bit` of `table`. */
export function setBit(table: Int32Array, bit: number): void {
  const word = bit >> BIT_WORD_SHIFT;
  table[word] = (table[word] ?? 0) | (1 << (bit & BIT_INDEX_MASK));
}

/** True when bit `bit` of `table` is set. */
export const hasBit = (table: Int32Array, bit: number): boolean =>
  ((table[bit >> BIT_WORD_SHIFT] ?? 0) & (1 << (bit & BIT_INDEX_MASK))) !== 0;
