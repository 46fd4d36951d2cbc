import type { Matcher } from './compile';
import { normalizeForSearchTransient, originalEnd, originalStart } from './normalize';
import { RAW, SEARCH, scan } from './scan';
import type { TermMatch } from './types';

/**
 * Finds the glossary terms in `text` and puts them in `out` (cleared first) as flat triples
 * `start, end, term`: offsets in `text`, and the term's index in `matcher.termIds`. The matches
 * are sorted and non-overlapping (leftmost-longest). Allocates nothing for most texts, so a scan
 * over many blocks can reuse one array.
 */
export function findMatchSpans(matcher: Matcher, text: string, out: number[]): void {
  out.length = 0;
  if (scan(matcher, text, RAW, out)) return;

  out.length = 0;
  const search = normalizeForSearchTransient(text);
  scan(matcher, search.text, SEARCH, out);
  let kept = 0;
  let lastEnd = 0;
  for (let p = 0; p < out.length; p += 3) {
    const start = originalStart(search, out[p] ?? 0);
    // Two hits inside one NFKC expansion ("㍿" → "株式会社") map onto the same original character.
    if (start < lastEnd) continue;
    lastEnd = originalEnd(search, out[p + 1] ?? 0);
    out[kept++] = start;
    out[kept++] = lastEnd;
    out[kept++] = out[p + 2] ?? 0;
  }
  out.length = kept;
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
