import type { Matcher } from './automaton';
import { foldUnit, isMarkUnit, isWordUnit, SPACE } from './char-class';
import { LeftmostLongest } from './leftmost-longest';
import { normalizeForSearchTransient, originalEnd, originalStart } from './normalize';
import { GUARD_BEFORE } from './patterns';
import { FAIL, link, NODE_STRIDE, REPORT, REPORT_MIDWORD, SHAPE, transition } from './trie';
import type { TermMatch } from './types';

/**
 * True when no word character sits just before a hit whose pattern starts with one. The check
 * after the hit needs no code here: inside a word, the scan only follows the REPORT_MIDWORD chain.
 */
function clearBefore(text: string, start: number, guards: number): boolean {
  if ((guards & GUARD_BEFORE) === 0 || start === 0) return true;
  let j = start - 1;
  // A combining mark carries the word of the letter it sits on.
  while (j > 0 && isMarkUnit(text.charCodeAt(j))) j--;
  return !isWordUnit(text.charCodeAt(j));
}

/**
 * The earliest term with an entry at node `v` that accepts the hit at `start` (case included), or
 * -1. Entry chains run from the earliest term, so the first that accepts is the one.
 */
function acceptingTerm(matcher: Matcher, v: number, text: string, start: number): number {
  for (let e = matcher.entryHead[v] ?? -1; e >= 0; e = matcher.entryNext[e] ?? -1) {
    const cased = matcher.entryCased[e] ?? '';
    // The automaton read folded text; a case-sensitive form must also match unfolded.
    if (cased === '' || text.startsWith(cased, start)) return matcher.entryTerm[e] ?? 0;
  }
  return -1;
}

/** Runs the automaton over search text, offering every hit that passes its boundary and case checks. */
function scan(matcher: Matcher, text: string, resolver: LeftmostLongest): void {
  const nodes = matcher.nodes;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    state = transition(matcher, state, foldUnit(text.charCodeAt(i)));
    const report = nodes[state * NODE_STRIDE + REPORT] ?? 0;
    // A node's links are made the first time any scan reaches it.
    if (report < 0) link(matcher, state);
    else if (report === 0) continue;
    const end = i + 1;
    const next = end < text.length ? text.charCodeAt(end) : SPACE;
    // Followed by a word character, a hit of a pattern ending in one would fail its boundary.
    const chain = isWordUnit(next) || isMarkUnit(next) ? REPORT_MIDWORD : REPORT;
    for (let v = nodes[state * NODE_STRIDE + chain] ?? 0; v !== 0; ) {
      const at = v * NODE_STRIDE;
      const shape = nodes[at + SHAPE] ?? 0;
      const start = end - (shape >> 2);
      if (clearBefore(text, start, shape)) {
        const term = acceptingTerm(matcher, v, text, start);
        if (term >= 0) resolver.offer(start, end, term);
      }
      v = nodes[(nodes[at + FAIL] ?? 0) * NODE_STRIDE + chain] ?? 0;
    }
  }
  resolver.settle(Number.POSITIVE_INFINITY);
}

/**
 * Finds the glossary terms in `text`: sorted, non-overlapping matches (leftmost-longest) with
 * offsets in the original text.
 */
export function findMatches(matcher: Matcher, original: string): TermMatch[] {
  const search = normalizeForSearchTransient(original);
  const resolver = LeftmostLongest.reuse(matcher.maxDepth);
  scan(matcher, search.text, resolver);

  const matches: TermMatch[] = [];
  const picks = resolver.picks;
  let lastEnd = 0;
  for (let p = 0; p < picks.length; p += 3) {
    const start = originalStart(search, picks[p] ?? 0);
    // Two hits inside one NFKC expansion ("㍿" → "株式会社") map onto the same original character.
    if (start < lastEnd) continue;
    lastEnd = originalEnd(search, picks[p + 1] ?? 0);
    matches.push({ start, end: lastEnd, termId: matcher.termIds[picks[p + 2] ?? 0] ?? '' });
  }
  return matches;
}
