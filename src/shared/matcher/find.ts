import { isIgnorable, joinsPrevious } from './char-class';
import type { Matcher } from './compile';
import { EDGE_CONTEXT } from './edge-rules';
import { normalizeForSearchTransient, originalEnd, originalStart, type SearchText } from './normalize';
import { contextStart, NEEDS_NORMALISER, RAW, SEARCH, scan } from './scan';
import type { TermMatch } from './types';

/**
 * Finds the glossary terms in `text` and puts them in `out` (cleared first) as flat triples
 * `start, end, term`: offsets in `text`, and the term's index in `matcher.termIds`. The matches
 * are sorted and non-overlapping (leftmost-longest). Allocates nothing for most texts, so a scan
 * over many blocks can reuse one array.
 */
export function findMatchSpans(matcher: Matcher, text: string, out: number[]): void {
  findMatchSpansFrom(matcher, text, 0, text.length, true, out);
}

/**
 * {@link findMatchSpans} for part of a text: the matches starting in `[from, stop)` (the text
 * before `from` is context only). Returns where to go on: `stop` or past it when that part is done.
 * When `final` is false the text goes on past its end (a block read in parts), and a return below
 * `stop` means the text ran out under a possible match: resume there once more text has come.
 */
export function findMatchSpansFrom(
  matcher: Matcher,
  text: string,
  from: number,
  stop: number,
  final: boolean,
  out: number[],
): number {
  out.length = 0;
  const n = text.length;
  // Parts end between clusters, so a part never starts inside what the normaliser reads as one.
  let end = stop;
  while (end < n && !startsCluster(text, end)) end++;
  const next = scan(matcher, text, RAW, out, from, end, final);
  // A RAW scan that stopped before a joining unit has not looked at it: the normaliser must.
  if (next !== NEEDS_NORMALISER && (next >= n || startsCluster(text, next))) return next;
  // Only the part being matched is normalised (with what the matches need around it), so a huge
  // block costs no more per call than a small one. If a walk outruns the window, widen it.
  for (let reach = WINDOW_REACH; ; reach *= 4) {
    out.length = 0;
    const resume = findInWindow(matcher, text, from, end, final, reach, out);
    if (resume !== WINDOW_TOO_SMALL) return resume;
  }
}

/** How far past `stop` a normalised window reaches for the walks that start before it. */
const WINDOW_REACH = 256;
const WINDOW_TOO_SMALL = -1;

/** One normalised window of {@link findMatchSpansFrom}; WINDOW_TOO_SMALL when a walk outran it. */
function findInWindow(
  matcher: Matcher,
  text: string,
  from: number,
  stop: number,
  final: boolean,
  reach: number,
  out: number[],
): number {
  const n = text.length;
  // The window starts early enough for the edge rules to read what comes before a match.
  const w0 = from > 0 ? contextStart(text, Math.max(1, from - EDGE_CONTEXT)) : 0;
  let w1 = Math.min(n, stop + reach);
  // A window that ends before the text does must end between clusters (units the normaliser
  // reads together), and so must a text that goes on: its last cluster may not be complete.
  const cut = w1 < n;
  if (cut) while (w1 > from && !startsCluster(text, w1)) w1--;
  const search = normalizeForSearchTransient(w0 === 0 && w1 === n ? text : text.slice(w0, w1));
  const sFrom = searchIndexOf(search, from - w0);
  const sStop = searchIndexOf(search, stop - w0);
  const next = scan(matcher, search.text, SEARCH, out, sFrom, sStop, final && !cut, search.symbols);
  // A scan that went past `stop` went on from a match's end, which may fall inside a cluster (a
  // mark after a term, an NFKC expansion): resume past that cluster, as the whole text would. One
  // that stopped short stopped at a walk's start: resume at its cluster (the caller drops a match
  // found there again).
  // A scan that covered the whole slice is past `stop` even when the slice's last units made no
  // search units (ignorable ones): resuming before `stop` would match them again, forever.
  const resume =
    next >= search.text.length
      ? w1
      : w0 + (next >= sStop ? Math.max(stop - w0, originalEnd(search, next)) : originalStart(search, next));
  if (cut && resume < stop) return WINDOW_TOO_SMALL;
  let kept = 0;
  let lastEnd = 0;
  for (let p = 0; p < out.length; p += 3) {
    const start = w0 + originalStart(search, out[p] ?? 0);
    // Two hits inside one NFKC expansion ("㍿" → "株式会社") map onto the same original character.
    if (start < lastEnd) continue;
    lastEnd = w0 + originalEnd(search, out[p + 1] ?? 0);
    // Invisible units the search form left out after the match are not part of it.
    while (lastEnd > start + 1 && isIgnorable(text.charCodeAt(lastEnd - 1))) lastEnd--;
    out[kept++] = start;
    out[kept++] = lastEnd;
    out[kept++] = out[p + 2] ?? 0;
  }
  out.length = kept;
  return resume;
}

/** True when the unit at `at` begins a cluster: the normaliser reads nothing before it with it. */
export function startsCluster(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return !(joinsPrevious(code) || (code >= 0xdc00 && code <= 0xdfff));
}

/** The first search unit whose source begins at or after original offset `offset`. */
function searchIndexOf(search: SearchText, offset: number): number {
  const starts = search.starts;
  if (starts === null) return offset;
  let lo = 0;
  let hi = search.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reused by findMatches, which copies the spans out at once. */
const spans: number[] = [];

/**
 * Finds the glossary terms in `text`: sorted, non-overlapping matches (leftmost-longest) with
 * offsets in the original text.
 */
export function findMatches(matcher: Matcher, text: string): TermMatch[] {
  findMatchSpans(matcher, text, spans);
  const { termIds } = matcher;
  const matches: TermMatch[] = [];
  for (let p = 0; p < spans.length; p += 3) {
    matches.push({ start: spans[p] ?? 0, end: spans[p + 1] ?? 0, termId: termIds[spans[p + 2] ?? 0] ?? '' });
  }
  return matches;
}
