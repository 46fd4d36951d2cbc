import {
  isIgnorable,
  isNfkcStable,
  isSymbolAt,
  isWordUnit,
  joinsPrevious,
  SPACE,
  searchUnit,
} from './char-class';

/** In {@link SearchText.symbols}: the unit is the first, or the last, of a symbol's search form. */
export const SYMBOL_FIRST = 1;
export const SYMBOL_LAST = 2;

/** Text in its search form, with the way back to offsets in the original text. */
export interface SearchText {
  /** NFKC, whitespace runs as one space, dashes as "-", straight quotes; case is kept. */
  readonly text: string;
  /**
   * `starts[i]` is the original offset where the source of search unit `i` begins, and
   * `starts[text.length]` the original length. `null` when the original was already in search form.
   */
  readonly starts: Int32Array | null;
  /**
   * Where the page held a symbol that reads as letters or digits in search form ("™" is "TM", "²"
   * is "2", see isSymbolAt): SYMBOL_FIRST and SYMBOL_LAST bits per search unit, so that word edges
   * are judged by the page's character. `null` when there is none, as nearly always.
   */
  readonly symbols: readonly number[] | null;
}

/**
 * Finds the first offset where the text might differ from its search form. Most blocks of a page are
 * already normal, and for them no copy or position map is built at all.
 */
function firstChange(text: string): number {
  const n = text.length;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code > SPACE && code < 0x7f) {
      prevSpace = false;
      continue;
    }
    if (code === SPACE) {
      if (prevSpace) return i;
      prevSpace = true;
      continue;
    }
    if (isIgnorable(code)) return i;
    // A mark may compose with the character before it, so normalising starts there.
    if (joinsPrevious(code)) return Math.max(0, isLowSurrogate(text.charCodeAt(i - 1)) ? i - 2 : i - 1);
    if (!isNfkcStable(code) || searchUnit(code) !== code) return i;
    prevSpace = false;
  }
  return n;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Growable output of the normaliser: search units and the original offset each came from. */
class SearchBuilder {
  units: Uint16Array;
  starts: Int32Array;
  length = 0;
  prevSpace = false;
  /** Made when the first symbol is met (see SearchText.symbols). */
  symbols: number[] | null = null;

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity + 1);
  }

  push(nfkcUnit: number, origin: number): void {
    // Left out: the unit after it closes its source range, as after a collapsed space.
    if (isIgnorable(nfkcUnit)) return;
    const unit = searchUnit(nfkcUnit);
    if (unit === SPACE) {
      // The whole run maps to its first space: the next unit's origin closes its source range.
      if (this.prevSpace) return;
      this.prevSpace = true;
    } else {
      this.prevSpace = false;
    }
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.starts[this.length] = origin;
    this.length++;
  }

  private grow(): void {
    const units = new Uint16Array(this.units.length * 2 + 16);
    units.set(this.units);
    const starts = new Int32Array(units.length + 1);
    starts.set(this.starts);
    this.units = units;
    this.starts = starts;
  }

  /**
   * Marks the units from `first` on, made of the character at `at` of `original`, as a symbol's when
   * it is one and its first or last unit reads as a word unit.
   */
  markSymbol(first: number, original: string, at: number): void {
    const last = this.length - 1;
    if (last < first) return;
    if (!isWordUnit(this.units[first] ?? 0) && !isWordUnit(this.units[last] ?? 0)) return;
    if (!isSymbolAt(original, at)) return;
    this.symbols ??= [];
    const symbols = this.symbols;
    symbols[first] = (symbols[first] ?? 0) | SYMBOL_FIRST;
    symbols[last] = (symbols[last] ?? 0) | SYMBOL_LAST;
  }

  toSearchText(originalLength: number, shared: boolean): SearchText {
    this.starts[this.length] = originalLength;
    return {
      text: unitsToString(this.units.subarray(0, this.length)),
      starts: shared ? this.starts : this.starts.slice(0, this.length + 1),
      symbols: this.symbols,
    };
  }
}

/**
 * One builder is reused across calls for matching: a page is many small blocks, and fresh buffers
 * per block cost more than normalising it. Buffers for a very large block are not kept.
 */
const SHARED_CAPACITY = 0x10000;
let shared = new SearchBuilder(1024);

function builderFor(length: number, reuse: boolean): SearchBuilder {
  const capacity = length + 16;
  if (!reuse || capacity > SHARED_CAPACITY) return new SearchBuilder(capacity);
  if (shared.units.length < capacity) shared = new SearchBuilder(Math.min(SHARED_CAPACITY, capacity * 2));
  shared.length = 0;
  shared.symbols = null;
  return shared;
}

// A typed array holds UTF-16 in the platform's byte order; every engine we ship to is little-endian,
// where the native decoder is many times faster than building the string from char codes.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = new TextDecoder('utf-16le');

function unitsToString(units: Uint16Array): string {
  if (LITTLE_ENDIAN) return utf16.decode(units);
  const chunks: string[] = [];
  for (let at = 0; at < units.length; at += 0x2000) {
    chunks.push(String.fromCharCode(...units.subarray(at, at + 0x2000)));
  }
  return chunks.join('');
}

/**
 * Maps text to its search form (see DESIGN.md, "Matching") with a position map back to the
 * original. Normalisation runs per character cluster (a base and the marks joined to it), so every
 * search unit traces back to exactly one cluster even when NFKC changes the length ("ﬁ" → "fi").
 */
export function normalizeForSearch(original: string): SearchText {
  return normalize(original, false);
}

/**
 * {@link normalizeForSearch} for a caller that is done with the result before its next call: the
 * position map may sit in a buffer that the next call overwrites.
 */
export function normalizeForSearchTransient(original: string): SearchText {
  return normalize(original, true);
}

function normalize(original: string, reuse: boolean): SearchText {
  const n = original.length;
  const from = firstChange(original);
  if (from === n) return { text: original, starts: null, symbols: null };

  const out = builderFor(n, reuse);
  out.prevSpace = from > 0 && original.charCodeAt(from - 1) === SPACE;
  for (let i = 0; i < from; i++) {
    out.units[i] = original.charCodeAt(i);
    out.starts[i] = i;
  }
  out.length = from;

  let i = from;
  while (i < n) {
    const code = original.charCodeAt(i);
    const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
    if (code < 0x80 && !joinsPrevious(next)) {
      out.push(code, i++);
      continue;
    }
    let end = i + 1;
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) end++;
    while (end < n && joinsPrevious(original.charCodeAt(end))) end++;

    const lone = end === i + 1;
    if (lone && (isNfkcStable(code) || (code >= 0xd800 && code <= 0xdfff))) {
      out.push(code, i);
    } else {
      const cluster = original.slice(i, end).normalize('NFKC');
      const first = out.length;
      for (let k = 0; k < cluster.length; k++) out.push(cluster.charCodeAt(k), i);
      out.markSymbol(first, original, i);
    }
    i = end;
  }
  return out.toSearchText(n, reuse);
}

/** Original offset where the search unit at `index` begins. */
export function originalStart(search: SearchText, index: number): number {
  return search.starts === null ? index : (search.starts[index] ?? 0);
}

/**
 * Original offset just past the search unit before `end`. When NFKC expanded one original character
 * into several units, the range is widened to cover that whole character.
 */
export function originalEnd(search: SearchText, end: number): number {
  const starts = search.starts;
  if (starts === null || end === 0) return end;
  const last = starts[end - 1];
  let next = end;
  while (starts[next] === last) next++;
  return starts[next] ?? 0;
}

/** The search form of an alias: normalised like page text, without edge spaces ("" when blank). */
export function patternSearchForm(alias: string): string {
  const text = normalizeForSearch(alias).text;
  const from = text.startsWith(' ') ? 1 : 0;
  const to = text.endsWith(' ') ? text.length - 1 : text.length;
  return from >= to ? '' : text.slice(from, to);
}
