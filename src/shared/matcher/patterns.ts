import { foldUnit, isMarkUnit, isWordUnit } from './char-class';
import { type EdgeOptions, type EdgeRule, edgeRuleOf } from './edge-rules';
import { patternSearchForm } from './normalize';
import { type PluralEnding, pluralEnding } from './plural';
import type { MatchTerm } from './types';

/** Edge flag: the pattern starts with a word character, so the unit before a hit must not be one. */
export const GUARD_BEFORE = 1;
/** Edge flag: the pattern ends with a word character, so the unit after a hit must not be one. */
export const GUARD_AFTER = 2;

/** One surface form ready for the trie. */
export interface Pattern {
  /** Search form, case-folded: the path in the trie. */
  folded: string;
  /** Search form with case kept, which a hit must equal exactly; "" for a case-insensitive form. */
  cased: string;
  /** Index of the term in the input, which also breaks ties between equal spans. */
  term: number;
  /** How the folded English plural the form also matches ends, or null. */
  plural: PluralEnding | null;
  /** What the match's surroundings must allow (CJK word edges, the alias's guards), or null. */
  edges: EdgeRule | null;
}

function foldString(text: string): string {
  let ascii = 0;
  while (ascii < text.length && text.charCodeAt(ascii) < 0x80) ascii++;
  // On ASCII, the native lower-casing is exactly foldUnit's, and needs no array of codes.
  if (ascii === text.length) return text.toLowerCase();
  let i = 0;
  while (i < text.length && foldUnit(text.charCodeAt(i)) === text.charCodeAt(i)) i++;
  if (i === text.length) return text;
  const codes = new Array<number>(text.length);
  for (let k = 0; k < text.length; k++) codes[k] = foldUnit(text.charCodeAt(k));
  return String.fromCharCode(...codes);
}

/** Every non-blank form of the terms in search form, with the plural it allows. */
export function collectPatterns(terms: readonly MatchTerm[], options: EdgeOptions = {}): Pattern[] {
  const patterns: Pattern[] = [];
  for (let index = 0; index < terms.length; index++) {
    const term = terms[index] as MatchTerm;
    for (const form of term.forms) {
      const cased = patternSearchForm(form.text);
      if (cased === '') continue;
      const folded = foldString(cased);
      const pluralises = !form.caseSensitive && !form.exact;
      patterns.push({
        folded,
        cased: form.caseSensitive ? cased : '',
        term: index,
        plural: pluralises ? pluralEnding(folded) : null,
        edges: edgeRuleOf(form, folded, options),
      });
    }
  }
  return patterns;
}

/** Which edges of a pattern need a word-boundary check (GUARD_BEFORE | GUARD_AFTER). */
export function guardsOf(pattern: string): number {
  let guards = isWordUnit(pattern.charCodeAt(0)) ? GUARD_BEFORE : 0;
  let last = pattern.length - 1;
  // A trailing combining mark belongs to the letter it sits on; that letter decides the guard.
  while (last > 0 && isMarkUnit(pattern.charCodeAt(last))) last--;
  if (isWordUnit(pattern.charCodeAt(last))) guards |= GUARD_AFTER;
  return guards;
}
