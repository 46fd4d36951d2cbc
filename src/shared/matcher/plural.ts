import { isLatinLetter } from './char-class';

const S = 0x73;
const Y = 0x79;

/** An English consonant letter (already folded); accented letters are not English spelling. */
function isConsonant(code: number): boolean {
  const vowel = code === 0x61 || code === 0x65 || code === 0x69 || code === 0x6f || code === 0x75;
  return code >= 0x61 && code <= 0x7a && !vowel;
}

/** A plural as the singular's first `stem` units followed by `suffix`. */
export interface PluralEnding {
  stem: number;
  suffix: 's' | 'es' | 'ies';
}

/**
 * How the regular English plural of a case-folded search form is spelt ("policy" → "polic" +
 * "ies", "tax" → "tax" + "es", "group" → "group" + "s"), or null when the form does not end in a
 * Latin letter. The compiler adds only the suffix to the trie, so the whole plural is never built.
 */
export function pluralEnding(folded: string): PluralEnding | null {
  const n = folded.length;
  const last = folded.charCodeAt(n - 1);
  if (n === 0 || !isLatinLetter(last)) return null;
  const beforeLast = n > 1 ? folded.charCodeAt(n - 2) : 0;
  // -s, -x, -z, -ch, -sh
  const sibilant =
    last === S ||
    last === 0x78 ||
    last === 0x7a ||
    (last === 0x68 && (beforeLast === 0x63 || beforeLast === S));
  if (sibilant) return { stem: n, suffix: 'es' };
  if (last === Y && isConsonant(beforeLast)) return { stem: n - 1, suffix: 'ies' };
  return { stem: n, suffix: 's' };
}

/** The regular English plural of a case-folded search form, or null (see {@link pluralEnding}). */
export function englishPlural(folded: string): string | null {
  const ending = pluralEnding(folded);
  return ending === null ? null : folded.slice(0, ending.stem) + ending.suffix;
}
