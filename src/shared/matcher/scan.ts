/**
 * The scan behind findMatches. Matches are leftmost-longest and never overlap, so the scan can go
 * left to right and, at each position where a hit could start, walk the trie down from the root as
 * far as the text allows: the longest hit found there is the match, and the scan goes on from its
 * end; with none, from the next position. No failure links and no resolver are needed. Inside a
 * word, which is most of a page, nothing can start (a pattern starting with a word unit must not
 * follow one), so those positions cost a table lookup each; and before walking from an ASCII unit,
 * a table of three-unit starts (ascii-starts.ts) rules out most walks that would find nothing.
 * The price is the worst case, O(text length × longest pattern), when walks keep running deep and
 * failing; glossary forms are short, and real text leaves the trie within a few units.
 *
 * A scan can cover part of a text (starts from `from` up to `stop`), so a huge block is matched
 * over several tasks, and the text may go on past its end (`final` false: a block read in parts).
 * Then a walk that reaches the end is unsettled, as more text could lengthen or void its hit: the
 * scan stops there and says where to resume once more text has come. The last unit of such a text
 * counts as not yet read, since marks to come may join it into another character.
 */

import { startBit } from './ascii-starts';
import {
  ASCII_RAW_FOLDED,
  expansionOf,
  foldUnit,
  isIgnorable,
  isLeftOut,
  isMarkUnit,
  isSymbolAt,
  isWordUnit,
  joinsPrevious,
  NEEDS_CONTEXT,
  pairUnitAt,
  rawFoldedUnit,
  rawSearchUnit,
  SPACE,
} from './char-class';
import { EDGE_BLOCKED, EDGE_NEEDS_NORMALISER, EDGE_UNSETTLED, type UnitReader } from './cjk-word-edges';
import type { Matcher } from './compile';
import { type EdgeRule, edgeOutcome } from './edge-rules';
import { SYMBOL_FIRST, SYMBOL_LAST } from './normalize';
import {
  ASCII_ROW_SHIFT,
  BIT_INDEX_MASK,
  BIT_WORD_SHIFT,
  HIT_ENTRY_SHIFT,
  UNIT_MASK,
  WORD_FLAG,
} from './packing';
import { GUARD_AFTER, GUARD_BEFORE } from './patterns';
import { ASCII_ROW, COUNT, edgeTarget, HEADER, HIT } from './trie';

/**
 * How the scan reads its text. RAW: page text as it is, each unit mapped to its search form on the
 * way and whitespace runs read as one space, so offsets need no map; it gives up on a unit that
 * needs its neighbours to normalise. SEARCH: text already in search form (from the normaliser).
 */
export const RAW = 0;
export const SEARCH = 1;
export type Mode = typeof RAW | typeof SEARCH;

/** Folded search unit of `code` as read in `mode`; NEEDS_CONTEXT only in RAW. */
function unitOf(code: number, mode: Mode): number {
  if (mode === RAW) return rawFoldedUnit(code);
  // Search text holds ASCII whitespace only as a space, so the raw ASCII table serves it too.
  return code < 0x80 ? (ASCII_RAW_FOLDED[code] ?? code) : foldUnit(code);
}

/**
 * {@link unitOf} of the unit at `index`, where RAW text also reads half of a plain surrogate pair
 * as itself (see pairUnitAt), as the search form does.
 */
function unitAt(text: string, index: number, mode: Mode): number {
  const unit = unitOf(text.charCodeAt(index), mode);
  return unit === NEEDS_CONTEXT ? pairUnitAt(text, index) : unit;
}

/** Per ASCII unit, its folded search unit, plus WORD_FLAG for a word unit: one lookup per unit. */
const ASCII_INFO = Uint8Array.from(
  { length: 0x80 },
  (_, code) => (ASCII_RAW_FOLDED[code] ?? code) | (isWordUnit(code) ? WORD_FLAG : 0),
);

/**
 * True when a word unit comes before `at` (> 0), looking through combining marks to their letter.
 * A symbol that reads as letters or digits ("™", "²") is no word unit here (see isSymbolAt).
 */
function wordBefore(text: string, at: number, mode: Mode, symbols: readonly number[] | null): boolean {
  let j = at - 1;
  while (j > 0 && isMarkUnit(text.charCodeAt(j))) j--;
  return isWordUnit(unitOf(text.charCodeAt(j), mode)) && !symbolAt(text, j, mode, symbols, SYMBOL_LAST);
}

/**
 * True when the unit at `index`, which reads as a word unit, begins (`bit` SYMBOL_FIRST) or ends
 * (SYMBOL_LAST) a symbol of the page's text: in RAW text, the unit itself is one (see isSymbolAt);
 * in SEARCH text, as the normaliser marked it.
 */
function symbolAt(
  text: string,
  index: number,
  mode: Mode,
  symbols: readonly number[] | null,
  bit: number,
): boolean {
  if (mode === SEARCH) return ((symbols?.[index] ?? 0) & bit) !== 0;
  return isSymbolAt(text, index);
}

/**
 * Whether the symbol that begins at `index` ends the text, so that a mark to come could join it.
 * (RAW text reads a symbol as one unit: one made of a surrogate pair goes to the normaliser.)
 */
function symbolReachesEnd(
  text: string,
  index: number,
  mode: Mode,
  symbols: readonly number[] | null,
): boolean {
  let last = index;
  while (last < text.length && !symbolAt(text, last, mode, symbols, SYMBOL_LAST)) last++;
  return last >= text.length - 1;
}

/**
 * True when the RAW text from `start` reads `cased` in search form (case kept): as a walk reads it,
 * past what the search form leaves out and the rest of each whitespace run.
 */
function rawStartsWith(text: string, start: number, cased: string): boolean {
  let j = start;
  let spaced = false;
  for (let k = 0; k < cased.length; k++, j++) {
    let unit = NEEDS_CONTEXT;
    for (; j < text.length; j++) {
      const code = text.charCodeAt(j);
      unit = rawSearchUnit(code);
      if (unit === NEEDS_CONTEXT) {
        if (isLeftOut(code)) continue;
        unit = pairUnitAt(text, j);
      }
      if (!(spaced && unit === SPACE)) break;
    }
    if (j >= text.length || unit !== cased.charCodeAt(k)) return false;
    spaced = unit === SPACE;
  }
  return true;
}

/** A scan's reading of one unit for the edge rules: its folded search unit, -1 when unknown. */
// A unit that the next one joins (a letter and its accent) reads as another unit in search form.
const rawUnitAt: UnitReader = (text, index) =>
  joinsPrevious(text.charCodeAt(index + 1)) ? -1 : rawFoldedUnit(text.charCodeAt(index));
const searchUnitAt: UnitReader = (text, index) => unitOf(text.charCodeAt(index), SEARCH);

/**
 * The earliest term whose entry, in the chain from entry `first`, accepts the hit `[start, end)`
 * (case and edge rule included), or -1; UNSETTLED or WALK_NEEDS_NORMALISER when an edge rule needs
 * text not yet read. Entry chains run from the earliest term, so the first that accepts is the one.
 * Without `rules`, an entry whose case fits but that has an edge rule gives DEFERRED: the walk asks
 * again, with rules, only if no longer hit is accepted first (a rule may ask the segmenter).
 */
function acceptingTerm(
  matcher: Matcher,
  first: number,
  text: string,
  start: number,
  end: number,
  mode: Mode,
  final: boolean,
  rules: boolean,
): number {
  for (let e = first; e >= 0; e = matcher.entryNext[e] ?? -1) {
    const cased = matcher.entryCased[e] ?? '';
    const rule = matcher.entryRule[e] ?? 0;
    // The trie holds folded text; a case-sensitive form must also match unfolded.
    if (cased !== '') {
      const same = mode === SEARCH ? text.startsWith(cased, start) : rawStartsWith(text, start, cased);
      if (!same) continue;
    }
    if (rule !== 0) {
      if (!rules) return DEFERRED;
      const limit = final ? text.length : text.length - 1;
      const unitAt = mode === SEARCH ? searchUnitAt : rawUnitAt;
      const edges = edgeOutcome(
        matcher.edgeRules[rule - 1] as EdgeRule,
        text,
        start,
        end,
        limit,
        final,
        unitAt,
      );
      if (edges === EDGE_BLOCKED) continue;
      if (edges === EDGE_UNSETTLED) return UNSETTLED;
      if (edges === EDGE_NEEDS_NORMALISER) return WALK_NEEDS_NORMALISER;
    }
    return matcher.entryTerm[e] ?? 0;
  }
  return -1;
}

/** What {@link scan} returns when RAW text holds a unit that needs the normaliser. */
export const NEEDS_NORMALISER = -1;
/** What walk() returns when the text ran out before the walk could end (only when not final). */
const UNSETTLED = -2;
/** What walk() returns on a unit that needs the normaliser (-1 is a walk that found nothing). */
const WALK_NEEDS_NORMALISER = -3;
/** What acceptingTerm() returns when the hit's answer waits on an edge rule. */
const DEFERRED = -4;

/** The hits of one walk whose edge rules wait (their ends and HIT fields), shortest first. */
const deferredEnds = new Int32Array(64);
const deferredHits = new Int32Array(64);

/**
 * Walks the trie from root child `v` (the unit at `start`) and appends the longest hit starting at
 * `start` that passes its boundary and case checks to `out`. Returns the hit's end, or -1;
 * UNSETTLED when a text that is not `final` ran out first; WALK_NEEDS_NORMALISER on a unit that
 * needs the normaliser.
 * `afterWord` tells whether a word unit comes before `start`; `symbols` marks SEARCH text's symbols.
 */
function walk(
  matcher: Matcher,
  text: string,
  start: number,
  v: number,
  afterWord: boolean,
  mode: Mode,
  final: boolean,
  out: number[],
  symbols: readonly number[] | null,
): number {
  const { trie, asciiRows } = matcher;
  // Optimised code reloads a module binding at every use; a local stays in a register.
  const asciiFolded = ASCII_RAW_FOLDED;
  const n = text.length;
  // Units from `limit` on are not to be read: past the end, or the last unit of a text that goes on.
  const limit = final ? n : n - 1;
  // Just past the last unit read into `v`.
  let end = start + 1;
  let bestEnd = -1;
  let bestTerm = 0;
  let deferred = 0;
  // Whether the last unit read was a space: a whitespace run reads as its first unit.
  let spaced = false;
  for (;;) {
    const hit = trie[v + HIT] ?? -1;
    if (hit >= 0) {
      let clear = (hit & GUARD_BEFORE) === 0 || !afterWord;
      if (clear && (hit & GUARD_AFTER) !== 0 && end < n) {
        // What follows the hit in search form, past the units it leaves out. (Those that run to
        // the end of a text that goes on leave the walk unsettled, below.)
        let k = end;
        while (k < n && isLeftOut(text.charCodeAt(k))) k++;
        if (k < n) {
          let next = unitAt(text, k, mode);
          if (next === NEEDS_CONTEXT) {
            // A unit NFKC expands ("…", "™") is followed by the first unit it expands to.
            const units = expansionOf(text.charCodeAt(k));
            if (units === '') return WALK_NEEDS_NORMALISER;
            next = units.charCodeAt(0);
          }
          clear = !(isWordUnit(next) || isMarkUnit(next));
          // A symbol ("Huawei™", "TC260²") is an edge, whatever its search form reads as, unless a
          // mark joins it: in a text that goes on, only what comes next can say.
          if (!clear && symbolAt(text, k, mode, symbols, SYMBOL_FIRST)) {
            if (!final && symbolReachesEnd(text, k, mode, symbols)) return UNSETTLED;
            clear = true;
          }
        }
      }
      // With the rules left for later when there is room to note the hit (nearly always).
      const term = clear
        ? acceptingTerm(matcher, hit >> HIT_ENTRY_SHIFT, text, start, end, mode, final, deferred === 64)
        : -1;
      if (term === DEFERRED) {
        deferredEnds[deferred] = end;
        deferredHits[deferred++] = hit;
      } else if (term < -1) {
        return term;
      } else if (term >= 0) {
        bestEnd = end;
        bestTerm = term;
      }
    }
    if (end >= limit) {
      if (!final) return UNSETTLED;
      break;
    }
    const code = text.charCodeAt(end);
    if (code < 0x80 && (code > 0x20 || (code === 0x20 && !spaced))) {
      // Printable ASCII and lone spaces, most of the text: a lookup row, or a short run of edges.
      const unit = asciiFolded[code] ?? code;
      const row = trie[v + ASCII_ROW] ?? 0;
      if (row > 0) {
        // The node's row (1 + its index, see packing.ts), at the unit's slot.
        v = asciiRows[((row - 1) << ASCII_ROW_SHIFT) | unit] ?? 0;
      } else {
        const last = v + HEADER + 2 * (trie[v + COUNT] ?? 0);
        let e = v + HEADER;
        v = 0;
        for (; e < last; e += 2) {
          const label = trie[e] ?? 0;
          if (label < unit) continue;
          if (label === unit) v = trie[e + 1] ?? 0;
          break;
        }
      }
      if (v === 0) break;
      end++;
      spaced = code === 0x20;
      continue;
    }
    let j = end;
    let unit = unitAt(text, j, mode);
    if (unit === NEEDS_CONTEXT && isLeftOut(code)) {
      // Left out of the search form (a soft hyphen in a word, say): the walk reads on past it.
      do j++;
      while (j < limit && isLeftOut(text.charCodeAt(j)));
      if (j >= limit) {
        if (!final) return UNSETTLED;
        break;
      }
      unit = unitAt(text, j, mode);
    }
    if (unit === SPACE && spaced) {
      do j++;
      while (j < limit && unitOf(text.charCodeAt(j), mode) === SPACE);
      if (j >= limit) {
        if (!final) return UNSETTLED;
        break;
      }
      unit = unitAt(text, j, mode);
    }
    if (unit === NEEDS_CONTEXT) {
      // A unit NFKC expands ("Law…") ends the walk when the trie goes nowhere with the first unit
      // it expands to, as it would in the normalised text. Else the walk would read on there, and
      // only the normaliser knows what it says.
      const units = expansionOf(text.charCodeAt(j));
      if (units === '' || edgeTarget(trie, v, units.charCodeAt(0)) !== 0) return WALK_NEEDS_NORMALISER;
      break;
    }
    v = edgeTarget(trie, v, unit);
    if (v === 0) break;
    end = j + 1;
    spaced = unit === SPACE;
  }
  // The deferred hits longer than the best accepted one, longest first: the first to pass wins.
  for (let d = deferred - 1; d >= 0 && (deferredEnds[d] ?? 0) > bestEnd; d--) {
    const hitEnd = deferredEnds[d] ?? 0;
    const term = acceptingTerm(
      matcher,
      (deferredHits[d] ?? 0) >> HIT_ENTRY_SHIFT,
      text,
      start,
      hitEnd,
      mode,
      final,
      true,
    );
    if (term < -1) return term;
    if (term >= 0) {
      bestEnd = hitEnd;
      bestTerm = term;
      break;
    }
  }
  if (bestEnd >= 0) out.push(start, bestEnd, bestTerm);
  return bestEnd;
}

/**
 * Appends the matches in `text` that start in `[from, stop)` to `out` as `start, end, term`
 * triples, in `text`'s offsets, and returns where a later scan should resume (`stop` or past it
 * when done; earlier only when a text that is not `final` ran out under a walk). Returns
 * NEEDS_NORMALISER when RAW text holds a unit that needs the normaliser (what was appended is then
 * void). The units before `from` are read as context only.
 */
export function scan(
  matcher: Matcher,
  text: string,
  mode: Mode,
  out: number[],
  from = 0,
  stop = text.length,
  final = true,
  symbols: readonly number[] | null = null,
): number {
  const { rootNext, asciiStarts } = matcher;
  // Optimised code reloads a module binding at every use; a local stays in a register.
  const asciiInfo = ASCII_INFO;
  const n = text.length;
  // From `near` on, the three-unit start table would read units of a text that goes on that are
  // not yet to be read (the last may still join with marks to come): resume there.
  const near = final ? n : n - 3;
  // Whether a word unit comes before `i` (through marks): then a pattern starting with a word unit,
  // which must not follow one, cannot start at `i`.
  // The context before `from` must read the same as in the whole text: only the normaliser can
  // tell what a joining unit there says.
  if (mode === RAW && from > 0) {
    for (let j = contextStart(text, from); j < from; j++) {
      if (rawFoldedUnit(text.charCodeAt(j)) === NEEDS_CONTEXT) return NEEDS_NORMALISER;
    }
  }
  let afterWord = from > 0 && wordBefore(text, from, mode, symbols);
  let i = from;
  while (i < stop) {
    if (i >= near) return i;
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const info = asciiInfo[code] ?? 0;
      const word = info >= WORD_FLAG;
      const unit = info & UNIT_MASK;
      // A word unit inside a word starts nothing (case folding never makes a unit a word unit or
      // stops it being one), and whitespace (folded to a space) never does.
      if (unit !== 0x20 && !(word && afterWord)) {
        // Most walks would end by the third unit with nothing: a table of bits tells which (past
        // the end of the text reads as NUL, which no pattern holds). Other units: walk.
        const second = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        const third = i + 2 < n ? text.charCodeAt(i + 2) : 0;
        let start = second <= 0x20 || second >= 0x80 || third >= 0x80;
        if (!start) {
          const bit = startBit(
            unit,
            (asciiInfo[second] ?? 0) & UNIT_MASK,
            (asciiInfo[third] ?? 0) & UNIT_MASK,
          );
          // hasBit of packing.ts, spelt out for the hot loop.
          start = ((asciiStarts[bit >> BIT_WORD_SHIFT] ?? 0) & (1 << (bit & BIT_INDEX_MASK))) !== 0;
        }
        const child = start ? (rootNext[unit] ?? 0) : 0;
        if (child !== 0) {
          const end = walk(matcher, text, i, child, afterWord, mode, final, out, symbols);
          if (end > 0) {
            i = end;
            afterWord = wordBefore(text, end, mode, symbols);
            continue;
          }
          if (end === UNSETTLED) return i;
          if (end === WALK_NEEDS_NORMALISER) return NEEDS_NORMALISER;
        }
      }
      i++;
      afterWord = word;
      if (!word) continue;
      if (symbols !== null) {
        // Search text with symbols ("™" read as "TM") is read a unit at a time: a word may start
        // right after one.
        afterWord = !symbolAt(text, i - 1, mode, symbols, SYMBOL_LAST);
        continue;
      }
      // Inside a word nothing starts (and ASCII is never NEEDS_CONTEXT).
      for (; i < n; i++) {
        const next = text.charCodeAt(i);
        if (next >= 0x80 || (asciiInfo[next] ?? 0) < WORD_FLAG) break;
      }
      continue;
    }
    const unit = unitAt(text, i, mode);
    if (unit === NEEDS_CONTEXT) {
      // Left out of the search form, it only joins what stands either side of it: no match
      // starts on it, and the word before it goes on past it.
      if (isLeftOut(code)) {
        i++;
        continue;
      }
      // Expanded by NFKC ("…" is "...", "™" "tm"), it can be passed over when no unit of it
      // could start a pattern: the search form would have nothing start there either.
      const passed = passExpansion(expansionOf(code), rootNext, afterWord);
      if (passed < 0) return NEEDS_NORMALISER;
      afterWord = passed === 1 && !isSymbolAt(text, i);
      i++;
      continue;
    }
    const word = isWordUnit(unit);
    const child = rootNext[unit] ?? 0;
    if (child !== 0 && !(word && afterWord)) {
      const end = walk(matcher, text, i, child, afterWord, mode, final, out, symbols);
      if (end > 0) {
        i = end;
        afterWord = wordBefore(text, end, mode, symbols);
        continue;
      }
      if (end === UNSETTLED) return i;
      if (end === WALK_NEEDS_NORMALISER) return NEEDS_NORMALISER;
    }
    // A mark carries the word of the letter it sits on; a symbol ends a word ("TC260²").
    if (!isMarkUnit(code)) afterWord = word && !symbolAt(text, i, mode, symbols, SYMBOL_LAST);
    i++;
  }
  return i;
}

/**
 * Whether the scan can pass over `units` (what NFKC expands one unit into, see expansionOf) read
 * after a word unit or not (`afterWord`): when none of them could start a pattern there (a word
 * unit after another starts nothing). Returns -1 when one could, else 1 when the last is a word
 * unit, 0 when not.
 */
function passExpansion(units: string, rootNext: Int32Array, afterWord: boolean): number {
  if (units === '') return -1;
  let word = afterWord;
  for (let k = 0; k < units.length; k++) {
    const unit = units.charCodeAt(k);
    const isWord = isWordUnit(unit);
    if (!(isWord && word) && (rootNext[unit] ?? 0) !== 0) return -1;
    word = isWord;
  }
  return word ? 1 : 0;
}

/**
 * Where the context that a scan resuming at `at` looks back on begins: the character before `at`
 * with the marks and joined units that lean on it, and any ignorable units after it, which the
 * search form leaves out (what wordBefore and the normaliser read).
 */
export function contextStart(text: string, at: number): number {
  let j = at - 1;
  while (j > 0) {
    const code = text.charCodeAt(j);
    const leans = joinsPrevious(code) || isMarkUnit(code) || (code >= 0xdc00 && code <= 0xdfff);
    if (!(leans || isIgnorable(code))) break;
    j--;
  }
  return Math.max(0, j);
}
