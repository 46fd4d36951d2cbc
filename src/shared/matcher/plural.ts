import { isLatinLetter } from './char-class';

const S = 0x73;
const Y = 0x79;

/** An English consonant letter (already folded); accented letters are not English spelling. */
function isConsonant(code: number): boolean {
  const vowel = code === 0x61 || code === 0x65 || code === 0x69 || code === 0x6f || code === 0x75;
  return code >= 0x61 && code <= 0x7a && !vowel;
}

/**
 * The regular English plural of a case-folded search form ("policy" → "policies", "tax" → "taxes",
 * "group" → "groups"), or null when the form does not end in a Latin letter.
 */
export function englishPlural(folded: string): string | null {
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
  if (sibilant) return `${folded}es`;
  if (last === Y && isConsonant(beforeLast)) return `${folded.slice(0, -1)}ies`;
  return `${folded}s`;
}
