import { DraftTrie } from './draft-trie';
import { collectPatterns, guardsOf, type Pattern } from './patterns';
import { layoutTrie, type TrieLayout } from './trie';
import type { MatchTerm } from './types';

/**
 * A compiled Aho–Corasick automaton over case-folded search text: plain typed arrays and strings,
 * cheap to keep and structured-cloneable. Treat it as opaque outside the matcher. Its failure
 * links fill in as texts are matched, so findMatches writes to it.
 */
export interface Matcher extends TrieLayout {
  readonly termIds: readonly string[];
  /** Entries (one per pattern ending at a node) chain from `entryHead[node]`; -1 ends a chain. */
  readonly entryNext: Int32Array;
  readonly entryTerm: Int32Array;
  /** The unfolded search form a case-sensitive entry must equal exactly; "" when case-insensitive. */
  readonly entryCased: readonly string[];
  /** Length of the longest pattern, in search units. */
  readonly maxDepth: number;
}

function sharedPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/** Terms or patterns handled between two pauses of {@link compileMatcherSteps}. */
const SLICE = 250;

/**
 * Compiles the terms' surface forms into one automaton. Blank forms are skipped; a form shared by
 * two terms is harmless (on equal spans the earlier term wins).
 */
export function compileMatcher(terms: readonly MatchTerm[]): Matcher {
  const steps = compileMatcherSteps(terms);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same compilation as {@link compileMatcher}, pausing (yielding) every few hundred terms so a
 * page can run a 10 000-term compile as short tasks; the generator returns the matcher.
 */
export function* compileMatcherSteps(terms: readonly MatchTerm[]): Generator<void, Matcher, undefined> {
  const patterns: Pattern[] = [];
  for (let start = 0; start < terms.length; start += SLICE) {
    collectPatterns(terms, patterns, start, Math.min(start + SLICE, terms.length));
    yield;
  }
  let units = 1;
  for (const p of patterns) units += p.folded.length + (p.plural === null ? 0 : 3);
  const draft = new DraftTrie(units);
  // A form yields up to two entries: itself and its plural.
  const entryNext = new Int32Array(patterns.length * 2);
  const entryTerm = new Int32Array(patterns.length * 2);
  const entryCased: string[] = [];
  let maxDepth = 0;

  const addEntry = (node: number, term: number, cased: string, guards: number, length: number) => {
    const head = draft.entryHead[node] ?? -1;
    // Case variants of one form ("Data Security Law", "data security law") collapse to one entry.
    if (head >= 0 && entryTerm[head] === term && entryCased[head] === cased) return;
    const entry = entryCased.length;
    // Terms arrive last to first, so each chain runs from the earliest term, and the first entry
    // that accepts a hit wins. A case-insensitive entry always accepts: nothing after it matters.
    entryNext[entry] = cased === '' ? -1 : head;
    entryTerm[entry] = term;
    entryCased.push(cased);
    draft.entryHead[node] = entry;
    draft.shape[node] = ((draft.shape[node] ?? 0) & ~3) | guards;
    if (length > maxDepth) maxDepth = length;
  };

  let done = 0;
  for (let p = patterns.length - 1; p >= 0; p--) {
    const { folded, cased, term, plural } = patterns[p] as Pattern;
    if (++done % SLICE === 0) yield;
    const stem = plural === null ? folded.length : sharedPrefix(folded, plural);
    const fork = draft.walk(0, folded, 0, stem);
    const singular = draft.walk(fork, folded, stem, folded.length);
    addEntry(singular, term, cased, guardsOf(cased === '' ? folded : cased), folded.length);
    if (plural !== null) {
      addEntry(draft.walk(fork, plural, stem, plural.length), term, '', guardsOf(plural), plural.length);
    }
  }
  yield;
  return {
    ...layoutTrie(draft),
    termIds: terms.map((t) => t.id),
    entryNext: entryNext.slice(0, entryCased.length),
    entryTerm: entryTerm.slice(0, entryCased.length),
    entryCased,
    maxDepth,
  };
}
