/**
 * Resolves overlapping candidates leftmost-longest while the automaton streams them, without
 * collecting and sorting them all. Candidates arrive in order of their end, and none is longer
 * than the longest pattern, so once the scan is that far past a start no new candidate can begin
 * there and the start is settled. Only a window of starts as wide as the longest pattern is open.
 */
export class LeftmostLongest {
  private readonly reach: number;
  private readonly mask: number;
  /** Ring buffers indexed by start; a slot is live only while `starts[slot]` holds that start. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly terms: Int32Array;
  /** Where the slot's candidate lies in the caller's text, which may differ from its search span. */
  private readonly froms: Int32Array;
  private readonly tos: Int32Array;
  private highest = -1;
  private cursor = 0;
  private taken = 0;
  /** Chosen matches as flat `from, to, term` triples, in order. */
  readonly picks: number[] = [];

  private constructor(maxLength: number) {
    this.reach = maxLength;
    // A power of two above the longest pattern, so a slot is never shared by two open starts.
    let width = 1;
    while (width <= maxLength) width *= 2;
    this.mask = width - 1;
    this.starts = new Int32Array(width).fill(-1);
    this.ends = new Int32Array(width);
    this.terms = new Int32Array(width);
    this.froms = new Int32Array(width);
    this.tos = new Int32Array(width);
  }

  private static spare: LeftmostLongest | null = null;

  /**
   * A resolver for patterns up to `maxLength` units, reused from the previous call when it fits:
   * matching runs once per block of a page, and fresh typed arrays each time would dominate.
   * The previous resolver's picks must have been read.
   */
  static reuse(maxLength: number): LeftmostLongest {
    const spare = LeftmostLongest.spare;
    if (spare === null || spare.reach !== maxLength) {
      LeftmostLongest.spare = new LeftmostLongest(maxLength);
      return LeftmostLongest.spare;
    }
    spare.starts.fill(-1);
    spare.highest = -1;
    spare.cursor = 0;
    spare.taken = 0;
    spare.picks.length = 0;
    return spare;
  }

  /**
   * Offers a candidate. Candidates come in order of `end`, so a later one at the same start is
   * longer and replaces it; and a span is offered only once (its text is one trie node), so ties
   * between terms are settled before this. `start` and `end` count search units, which is what
   * bounds a candidate's length; `[from, to)` is the candidate in the caller's text.
   */
  offer(start: number, end: number, term: number, from: number, to: number): void {
    if (this.highest >= this.cursor) this.settle(end - this.reach);
    const slot = start & this.mask;
    this.starts[slot] = start;
    this.ends[slot] = end;
    this.terms[slot] = term;
    this.froms[slot] = from;
    this.tos[slot] = to;
    if (start > this.highest) this.highest = start;
  }

  /** Settles every start below `limit`; `Infinity` once the text has been read. */
  settle(limit: number): void {
    const stop = Math.min(limit, this.highest + 1);
    // Starts inside the last pick are never read again, so their slots need no clearing.
    let cursor = Math.max(this.cursor, this.taken);
    while (cursor < stop) {
      const slot = cursor & this.mask;
      if (this.starts[slot] !== cursor) {
        cursor++;
        continue;
      }
      const end = this.ends[slot] ?? 0;
      this.picks.push(this.froms[slot] ?? 0, this.tos[slot] ?? 0, this.terms[slot] ?? 0);
      this.taken = end;
      cursor = end;
    }
    this.cursor = Math.max(cursor, limit);
  }
}
