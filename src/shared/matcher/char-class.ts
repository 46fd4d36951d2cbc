/**
 * Per-code-unit character facts the matcher needs in its hot loops, read from a table of every BMP
 * unit that is written once from Unicode's properties (char-table.ts, see char-properties.ts):
 * property regexes are far too slow to run per character, and compiling them cost every page.
 */
import { CHAR_CLASS_RUNS } from './char-table';

/** Set for every unit: a class of 0 is never stored. */
export const KNOWN = 1;
/** A letter of the Latin, Greek or Cyrillic scripts, or a decimal digit: the units words are made of. */
export const WORD = 2;
/** A combining mark: it belongs to the word of the character before it. */
export const MARK = 4;
/** Joins the preceding character into one normalisation cluster (marks, Hangul jamo, kana voicing). */
export const JOINS = 8;
/** Already in NFKC form when standing alone. */
export const STABLE = 16;
/** Invisible and meaningless inside a word (soft hyphen, zero-width space, variation selector…). */
export const IGNORABLE = 32;

/** The class of each BMP unit, from the runs of encodeCharClasses (char-properties.ts). */
export function decodeCharClasses(runs: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  let start = 0;
  let bits = 0;
  let delta = 0;
  for (let i = 0; i < runs.length; i++) {
    const c = runs.charCodeAt(i);
    if (c < 0x40) delta = delta * 36 + (c - 0x30);
    else if (c >= 0x61) delta = delta * 36 + (c - 0x61 + 10);
    else {
      const next = start + delta;
      table.fill(bits, start, next);
      start = next;
      bits = ((c - 0x40) << 1) | KNOWN;
      delta = 0;
    }
  }
  table.fill(bits, start);
  return table;
}

/**
 * Decoded on first use, not at load: content.js loads in every frame of a page, most of them
 * (ads, widgets, blank frames) with no text to read.
 */
let classes: Uint8Array | null = null;
const folds = new Uint16Array(0x10000);

const LATIN_LETTER = /^\p{Script=Latin}$/u;
const LETTER = /\p{L}/u;
const LETTER_DIGIT_OR_MARK = /^[\p{L}\p{Nd}\p{M}]/u;

/**
 * True for the CJK ideographs (extension A and the unified block) and Hangul syllables: letters
 * outside every word script, unchanged by NFKC and by case folding. A Chinese page meets thousands
 * of distinct ones, and working each out on first sight would cost milliseconds.
 */
function isPlainCjk(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3);
}

function classOf(code: number): number {
  classes ??= decodeCharClasses(CHAR_CLASS_RUNS);
  return classes[code] ?? KNOWN;
}

/** True for a Latin/Greek/Cyrillic letter or a decimal digit: the characters word boundaries guard. */
export function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return (classOf(code) & WORD) !== 0;
}

/** True for a combining mark, which continues whatever word precedes it. */
export function isMarkUnit(code: number): boolean {
  return code >= 0x300 && (classOf(code) & MARK) !== 0;
}

/** True when the unit must be normalised together with the character before it. */
export function joinsPrevious(code: number): boolean {
  return code >= 0x300 && (classOf(code) & JOINS) !== 0;
}

/** True when the unit is unchanged by NFKC on its own (lone surrogates are never reported stable). */
export function isNfkcStable(code: number): boolean {
  return code < 0xa0 || (classOf(code) & STABLE) !== 0;
}

/**
 * True for a unit that the search form leaves out: a default-ignorable code point of the BMP, such
 * as a soft hyphen or a zero-width space a hyphenator or CMS put inside a word ("Cyber\u00adsecurity").
 */
export function isIgnorable(code: number): boolean {
  return code >= 0xad && (classOf(code) & IGNORABLE) !== 0;
}

/** True for a Latin-script letter (the only endings that get an English plural). */
export function isLatinLetter(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  const ch = String.fromCharCode(code);
  return LATIN_LETTER.test(ch) && LETTER.test(ch);
}

/**
 * True when the character at `index` of page text (the first unit of a surrogate pair, if one) is
 * no letter, digit or mark of any script, though NFKC may make letters or digits of it: "™" (TM),
 * "℠", "²", "①", "½". Beyond a term's edge such a character does not go on with the term's word
 * ("Huawei™", "TC260²"), whatever its search form says. Word units of the table answer at once;
 * the property regex, compiled the first time it runs, only reads the rare others.
 */
export function isSymbolAt(text: string, index: number): boolean {
  const codePoint = text.codePointAt(index) ?? 0;
  if ((classOf(codePoint) & (WORD | MARK)) !== 0) return false;
  // With a mark on it, it is read with the mark, as a letter with its accent is (a variation
  // selector, which the search form leaves out, does not count).
  const after = text.charCodeAt(index + (codePoint > 0xffff ? 2 : 1));
  if (joinsPrevious(after) && !isIgnorable(after)) return false;
  return !LETTER_DIGIT_OR_MARK.test(String.fromCodePoint(codePoint));
}

function computeFold(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return code;
  // Final sigma is a positional spelling of sigma, so both fold to the same unit.
  if (code === 0x3c2) return 0x3c3;
  // Taking the first unit keeps the text length fixed: "İ" lower-cases to "i" + a combining dot.
  const lower = String.fromCharCode(code).toLowerCase().charCodeAt(0);
  return lower >= 0xd800 && lower <= 0xdfff ? code : lower;
}

/** Case-folds one UTF-16 unit to one unit, so folded and unfolded text share every offset. */
export function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
  if (isPlainCjk(code)) return code;
  const known = folds[code] ?? 0;
  if (known !== 0) return known;
  const folded = computeFold(code);
  folds[code] = folded;
  return folded;
}

/** Sentinel returned by {@link searchUnit} for any whitespace; the normaliser collapses runs of it. */
export const SPACE = 0x20;

/**
 * Maps one NFKC-normalised unit to its search form: whitespace to a space, dashes and hyphens to
 * "-", curly quotes (and the modifier letter apostrophe) to straight ones; everything else is itself.
 */
export function searchUnit(code: number): number {
  if (code < 0x80) return code >= 0x09 && code <= 0x0d ? SPACE : code;
  switch (code) {
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return SPACE;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x2e3a:
    case 0x2e3b:
      return 0x2d;
    // U+02BC, the modifier letter apostrophe, stands for one in some texts and keyboards.
    case 0x2bc:
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
      return 0x27;
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
      return 0x22;
    default:
      return code >= 0x2000 && code <= 0x200a ? SPACE : code;
  }
}

/**
 * Returned by {@link rawSearchUnit} for a unit whose search form depends on its neighbours or is longer
 * than one unit: a surrogate, a mark joining the character before it, an NFKC expansion ("ﬁ").
 */
export const NEEDS_CONTEXT = -1;

/**
 * The search unit (case kept) that one unit of page text stands for on its own, or NEEDS_CONTEXT.
 * Most page text is made only of such units, and is matched without building a normalised copy.
 * Not cached: the scan reads {@link rawFoldedUnit}, and this only checks a case-sensitive hit.
 */
export function rawSearchUnit(code: number): number {
  if (code < 0x80) return code >= 0x09 && code <= 0x0d ? SPACE : code;
  // An ignorable unit stands for nothing, which a unit-for-unit reading cannot say.
  if ((code >= 0xd800 && code <= 0xdfff) || joinsPrevious(code) || isIgnorable(code)) return NEEDS_CONTEXT;
  if (isNfkcStable(code)) return searchUnit(code);
  const nfkc = String.fromCharCode(code).normalize('NFKC');
  return nfkc.length === 1 ? searchUnit(nfkc.charCodeAt(0)) : NEEDS_CONTEXT;
}

/** {@link rawSearchUnit} case-folded, for ASCII units (the bulk of most pages), precomputed. */
export const ASCII_RAW_FOLDED = Uint16Array.from({ length: 0x80 }, (_, code) =>
  foldUnit(rawSearchUnit(code)),
);

const rawFolded = new Int32Array(0x10000);

/** {@link rawSearchUnit} case-folded (NEEDS_CONTEXT stays), cached per unit. */
export function rawFoldedUnit(code: number): number {
  if (code < 0x80) return ASCII_RAW_FOLDED[code] ?? code;
  if (isPlainCjk(code)) return code;
  const known = rawFolded[code] ?? 0;
  if (known !== 0) return known === 0x10000 ? NEEDS_CONTEXT : known;
  const unit = rawSearchUnit(code);
  const folded = unit === NEEDS_CONTEXT ? unit : foldUnit(unit);
  // 0 marks "not yet known" (no unit above ASCII folds to 0); NEEDS_CONTEXT is stored apart.
  rawFolded[code] = folded === NEEDS_CONTEXT ? 0x10000 : folded;
  return folded;
}

/** Per code point above the BMP, whether NFKC leaves it alone (see {@link pairUnitAt}). */
const stablePairs = new Map<number, boolean>();

/**
 * The unit at `index` when it is half of a surrogate pair that NFKC leaves alone (an emoji, a
 * flag's tag), or NEEDS_CONTEXT. The normaliser keeps such a pair as its two units, neither of
 * them a word unit or a mark, so a scan of page text can read them as they are, and a page with
 * emoji is matched without building a normalised copy.
 */
export function pairUnitAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdfff) return NEEDS_CONTEXT;
  const codePoint = text.codePointAt(code >= 0xdc00 ? index - 1 : index) ?? 0;
  if (codePoint < 0x10000) return NEEDS_CONTEXT;
  let stable = stablePairs.get(codePoint);
  if (stable === undefined) {
    const ch = String.fromCodePoint(codePoint);
    stable = ch.normalize('NFKC') === ch;
    stablePairs.set(codePoint, stable);
  }
  return stable ? code : NEEDS_CONTEXT;
}

/**
 * True for a unit the search form leaves out without touching anything around it: an ignorable
 * unit NFKC leaves alone (a soft hyphen, a zero-width space or joiner, a variation selector). None
 * of them composes with a neighbour. Outside a walk, the scan reads past it as if it were not there.
 */
export function isLeftOut(code: number): boolean {
  return isIgnorable(code) && isNfkcStable(code);
}

/** Per BMP unit, what {@link expansionOf} says of it, once known. */
const expansions = new Map<number, string>();

/**
 * The folded search units that NFKC makes of `code` standing alone when it makes several, each
 * stable, none a mark or ignorable ("…" gives "...", "™" "tm"); "" for any other unit. The search
 * form holds those units in its place, so a scan of page text knows what stands there without
 * the normaliser, even though it cannot keep its offsets one for one.
 */
export function expansionOf(code: number): string {
  let units = expansions.get(code);
  if (units === undefined) {
    units = computeExpansion(code);
    expansions.set(code, units);
  }
  return units;
}

function computeExpansion(code: number): string {
  // A surrogate is never reported stable, and makes no expansion below.
  if (code < 0xa0 || joinsPrevious(code) || isNfkcStable(code)) return '';
  const nfkc = String.fromCharCode(code).normalize('NFKC');
  if (nfkc.length < 2) return '';
  let units = '';
  for (let k = 0; k < nfkc.length; k++) {
    const unit = nfkc.charCodeAt(k);
    if (!isNfkcStable(unit) || isMarkUnit(unit) || isIgnorable(unit)) return '';
    units += String.fromCharCode(foldUnit(searchUnit(unit)));
  }
  return units;
}
