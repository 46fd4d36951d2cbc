/**
 * The character facts of char-class.ts as Unicode's properties state them, through property
 * regexes. Too slow for page text (a content script met each new character with six regexes, and
 * paid for compiling them on every page), so scripts/char-table.ts writes their answers for every
 * BMP unit into char-table.ts once, and a unit test checks that file against this engine's Unicode.
 */
import { IGNORABLE, JOINS, KNOWN, MARK, STABLE, WORD } from './char-class';

const WORD_LETTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const COMBINING = /\p{M}/u;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/** The class bits of one UTF-16 unit (see char-class.ts). */
export function classifyUnit(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return KNOWN;
  const ch = String.fromCharCode(code);
  let bits = KNOWN;
  if ((LETTER.test(ch) && WORD_LETTER.test(ch)) || DIGIT.test(ch)) bits |= WORD;
  if (COMBINING.test(ch)) bits |= MARK | JOINS;
  // Hangul vowel/final jamo compose with the syllable before them; half-width kana voicing marks
  // compose with the kana before them once NFKC has widened them.
  if ((code >= 0x1160 && code <= 0x11ff) || code === 0xff9e || code === 0xff9f) bits |= JOINS;
  if (ch.normalize('NFKC') === ch) bits |= STABLE;
  if (DEFAULT_IGNORABLE.test(ch)) bits |= IGNORABLE;
  return bits;
}

/**
 * Every BMP unit's class as runs: each run is where it starts, as the distance from the last run's
 * start in base 36 (0-9a-z), then its class as one character from @ to _ (the bits above KNOWN,
 * which every unit has). About 900 runs, 2 KB.
 */
export function encodeCharClasses(classOf: (code: number) => number = classifyUnit): string {
  let out = '';
  let runStart = 0;
  let last = -1;
  for (let code = 0; code < 0x10000; code++) {
    const bits = classOf(code);
    if (bits === last) continue;
    out += (code - runStart).toString(36) + String.fromCharCode(0x40 + (bits >> 1));
    runStart = code;
    last = bits;
  }
  return out;
}
