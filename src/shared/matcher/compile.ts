import { asciiStartsOf } from './ascii-starts';
import { DraftTrie } from './draft-trie';
import { type EdgeOptions, type EdgeRule, edgeRuleKey } from './edge-rules';
import { collectPatterns, GUARD_AFTER, GUARD_BEFORE, guardsOf, type Pattern } from './patterns';
import { layoutTrie, type TrieLayout } from './trie';
import type { MatchTerm } from './types';

/**
 * A compiled glossary: a trie of the patterns over case-folded search text, in plain typed arrays
 * and strings, cheap to keep and structured-cloneable. Treat it as opaque outside the matcher.
 * Matching only reads it, so one matcher can serve any number of texts at once.
 */
export interface Matcher extends TrieLayout {
  readonly termIds: readonly string[];
  /** Entries (one per pattern ending at a node) chain from the node's HIT field; -1 ends a chain. */
  readonly entryNext: Int32Array;
  readonly entryTerm: Int32Array;
  /** The unfolded search form a case-sensitive entry must equal exactly; "" when case-insensitive. */
  readonly entryCased: readonly string[];
  /** 1 + the index in `edgeRules` of the rule an entry's hits must pass, or 0 for none. */
  readonly entryRule: Int32Array;
  readonly edgeRules: readonly EdgeRule[];
  /** Which three ASCII units may begin a hit (see ascii-starts.ts). */
  readonly asciiStarts: Int32Array;
}

/**
 * Compiles the terms' surface forms into one trie. Blank forms are skipped; a form shared by
 * two terms is harmless (on equal spans the earlier term wins). The background compiles once per
 * glossary change and sends the result packed, so no page ever waits on it.
 */
export function compileMatcher(terms: readonly MatchTerm[], options: EdgeOptions = {}): Matcher {
  const patterns = collectPatterns(terms, options);
  let units = 1;
  for (const p of patterns) units += p.folded.length + (p.plural === null ? 0 : p.plural.suffix.length);
  const draft = new DraftTrie(units);
  // A form yields up to two entries: itself and its plural.
  const entryNext = new Int32Array(patterns.length * 2);
  const entryTerm = new Int32Array(patterns.length * 2);
  const entryRule = new Int32Array(patterns.length * 2);
  const entryCased: string[] = [];
  const edgeRules: EdgeRule[] = [];
  const ruleNumbers = new Map<string, number>();
  const ruleNumber = (rule: EdgeRule | null): number => {
    if (rule === null) return 0;
    const key = edgeRuleKey(rule);
    let number = ruleNumbers.get(key);
    if (number === undefined) {
      number = edgeRules.push(rule);
      ruleNumbers.set(key, number);
    }
    return number;
  };

  const addEntry = (node: number, term: number, cased: string, rule: number, guards: number) => {
    const head = draft.entryHead(node);
    // Case variants of one form ("Data Security Law", "data security law") collapse to one entry.
    if (head >= 0 && entryTerm[head] === term && entryCased[head] === cased && entryRule[head] === rule)
      return;
    const entry = entryCased.length;
    // Terms arrive last to first, so each chain runs from the earliest term, and the first entry
    // that accepts a hit wins. A case-insensitive entry without an edge rule always accepts:
    // nothing after it matters.
    entryNext[entry] = cased === '' && rule === 0 ? -1 : head;
    entryTerm[entry] = term;
    entryRule[entry] = rule;
    entryCased.push(cased);
    draft.setEntryHead(node, entry, guards);
  };

  for (let p = patterns.length - 1; p >= 0; p--) {
    const { folded, cased, term, plural, edges } = patterns[p] as Pattern;
    const rule = ruleNumber(edges);
    const stem = plural === null ? folded.length : plural.stem;
    const fork = draft.walk(0, folded, 0, stem);
    const singular = draft.walk(fork, folded, stem, folded.length);
    const guards = guardsOf(cased === '' ? folded : cased);
    addEntry(singular, term, cased, rule, guards);
    // A plural starts as its singular does and ends in "s", a word unit.
    if (plural !== null) {
      const { suffix } = plural;
      addEntry(
        draft.walk(fork, suffix, 0, suffix.length),
        term,
        '',
        rule,
        (guards & GUARD_BEFORE) | GUARD_AFTER,
      );
    }
  }
  const layout = layoutTrie(draft);
  return {
    ...layout,
    asciiStarts: asciiStartsOf(layout),
    termIds: terms.map((t) => t.id),
    entryNext: entryNext.slice(0, entryCased.length),
    entryTerm: entryTerm.slice(0, entryCased.length),
    entryCased,
    entryRule: entryRule.slice(0, entryCased.length),
    edgeRules,
  };
}
