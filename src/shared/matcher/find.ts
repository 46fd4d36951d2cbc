import type { Matcher } from './automaton';
import {
  ASCII_RAW_FOLDED,
  foldUnit,
  isMarkUnit,
  isWordUnit,
  NEEDS_CONTEXT,
  rawFoldedUnit,
  rawSearchUnit,
  SPACE,
} from './char-class';
import { LeftmostLongest } from './leftmost-longest';
import { normalizeForSearchTransient, originalEnd, originalStart } from './normalize';
import { GUARD_BEFORE } from './patterns';
import { ASCII_ROW, FAIL, link, NODE_STRIDE, REPORT, REPORT_MIDWORD, SHAPE, transition } from './trie';
import type { TermMatch } from './types';

/**
 * How the scan reads its text. RAW: page text as it is, each unit mapped to its search form on the
 * way and whitespace runs read as one space, so offsets need no map; it gives up on a unit that
 * needs its neighbours to normalise. SEARCH: text already in search form (from the normaliser).
 */
const RAW = 0;
const SEARCH = 1;
type Mode = typeof RAW | typeof SEARCH;

/** Folded search unit of `code` as read in `mode`; NEEDS_CONTEXT only in RAW. */
function unitOf(code: number, mode: Mode): number {
  if (mode === RAW) return rawFoldedUnit(code);
  // Search text holds ASCII whitespace only as a space, so the raw ASCII table serves it too.
  return code < 0x80 ? (ASCII_RAW_FOLDED[code] ?? code) : foldUnit(code);
}

/**
 * True when no word character sits just before a hit whose pattern starts with one. The check
 * after the hit needs no code here: inside a word, the scan only follows the REPORT_MIDWORD chain.
 */
function clearBefore(text: string, start: number, guards: number, mode: Mode): boolean {
  if ((guards & GUARD_BEFORE) === 0 || start === 0) return true;
  let j = start - 1;
  // A combining mark carries the word of the letter it sits on (RAW text has no marks).
  while (j > 0 && isMarkUnit(text.charCodeAt(j))) j--;
  return !isWordUnit(unitOf(text.charCodeAt(j), mode));
}

function isSpaceAt(text: string, i: number): boolean {
  return i >= 0 && rawFoldedUnit(text.charCodeAt(i)) === SPACE;
}

/**
 * Where in RAW text a hit of `length` search units ending at `end` starts: each unit is one search
 * unit, except the second and later units of a whitespace run, which are none.
 */
function rawStart(text: string, end: number, length: number): number {
  let j = end;
  for (let k = length; k > 0; ) {
    j--;
    if (!(isSpaceAt(text, j) && isSpaceAt(text, j - 1))) k--;
  }
  return j;
}

/** True when the RAW text from `start` reads `cased` in search form (case kept). */
function rawStartsWith(text: string, start: number, cased: string): boolean {
  let j = start;
  for (let k = 0; k < cased.length; k++, j++) {
    while (isSpaceAt(text, j) && isSpaceAt(text, j - 1) && j > start) j++;
    if (j >= text.length || rawSearchUnit(text.charCodeAt(j)) !== cased.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * The earliest term with an entry at node `v` that accepts the hit at `start` (case included), or
 * -1. Entry chains run from the earliest term, so the first that accepts is the one.
 */
function acceptingTerm(matcher: Matcher, v: number, text: string, start: number, mode: Mode): number {
  for (let e = matcher.entryHead[v] ?? -1; e >= 0; e = matcher.entryNext[e] ?? -1) {
    const cased = matcher.entryCased[e] ?? '';
    // The automaton read folded text; a case-sensitive form must also match unfolded.
    if (cased === '') return matcher.entryTerm[e] ?? 0;
    const same = mode === SEARCH ? text.startsWith(cased, start) : rawStartsWith(text, start, cased);
    if (same) return matcher.entryTerm[e] ?? 0;
  }
  return -1;
}

/**
 * Runs the automaton over `text`, offering every hit that passes its boundary and case checks.
 * False when RAW text holds a unit that needs the normaliser (the offers made are then void).
 */
function scan(matcher: Matcher, text: string, resolver: LeftmostLongest, mode: Mode): boolean {
  const { nodes, rootNext, asciiRows } = matcher;
  const n = text.length;
  let state = 0;
  let prevSpace = false;
  // Search units read so far: the resolver bounds candidates by their length in these.
  let pos = 0;
  // Offset of the last whitespace unit read as nothing: hits ending well after it need no walk back.
  let lastSkipped = -1;
  for (let i = 0; i < n; i++) {
    const unit = unitOf(text.charCodeAt(i), mode);
    if (unit === SPACE) {
      if (prevSpace) {
        lastSkipped = i;
        continue;
      }
      prevSpace = true;
    } else {
      if (unit === NEEDS_CONTEXT) return false;
      prevSpace = false;
    }
    pos++;
    // The common steps inline (from the root; through a lookup row), the rest in transition().
    if (state === 0) {
      state = rootNext[unit] ?? 0;
    } else {
      const row = unit < 0x80 ? (nodes[state * NODE_STRIDE + ASCII_ROW] ?? 0) : 0;
      state = row > 0 ? (asciiRows[((row - 1) << 7) | unit] ?? 0) : transition(matcher, state, unit);
    }
    const report = nodes[state * NODE_STRIDE + REPORT] ?? 0;
    // A node's links are made the first time any scan reaches it.
    if (report < 0) link(matcher, state);
    else if (report === 0) continue;
    const end = i + 1;
    const next = end < n ? unitOf(text.charCodeAt(end), mode) : SPACE;
    // Followed by a word character, a hit of a pattern ending in one would fail its boundary.
    const chain = isWordUnit(next) || isMarkUnit(next) ? REPORT_MIDWORD : REPORT;
    for (let v = nodes[state * NODE_STRIDE + chain] ?? 0; v !== 0; ) {
      const at = v * NODE_STRIDE;
      const shape = nodes[at + SHAPE] ?? 0;
      const length = shape >> 2;
      const start = lastSkipped < end - length ? end - length : rawStart(text, end, length);
      if (clearBefore(text, start, shape, mode)) {
        const term = acceptingTerm(matcher, v, text, start, mode);
        if (term >= 0) resolver.offer(pos - length, pos, term, start, end);
      }
      v = nodes[(nodes[at + FAIL] ?? 0) * NODE_STRIDE + chain] ?? 0;
    }
  }
  resolver.settle(Number.POSITIVE_INFINITY);
  return true;
}

/**
 * Finds the glossary terms in `text`: sorted, non-overlapping matches (leftmost-longest) with
 * offsets in the original text.
 */
export function findMatches(matcher: Matcher, original: string): TermMatch[] {
  const matches: TermMatch[] = [];
  const { termIds } = matcher;
  let resolver = LeftmostLongest.reuse(matcher.maxDepth);
  if (scan(matcher, original, resolver, RAW)) {
    const picks = resolver.picks;
    for (let p = 0; p < picks.length; p += 3) {
      matches.push({
        start: picks[p] ?? 0,
        end: picks[p + 1] ?? 0,
        termId: termIds[picks[p + 2] ?? 0] ?? '',
      });
    }
    return matches;
  }

  const search = normalizeForSearchTransient(original);
  resolver = LeftmostLongest.reuse(matcher.maxDepth);
  scan(matcher, search.text, resolver, SEARCH);
  const picks = resolver.picks;
  let lastEnd = 0;
  for (let p = 0; p < picks.length; p += 3) {
    const start = originalStart(search, picks[p] ?? 0);
    // Two hits inside one NFKC expansion ("㍿" → "株式会社") map onto the same original character.
    if (start < lastEnd) continue;
    lastEnd = originalEnd(search, picks[p + 1] ?? 0);
    matches.push({ start, end: lastEnd, termId: termIds[picks[p + 2] ?? 0] ?? '' });
  }
  return matches;
}
