/**
 * The CJK word-edge rule. Chinese and Japanese run without spaces, so a short alias also occurs
 * inside longer words: 公安部 in 公安部门, 等保 in 平等保护. A match edge that is a CJK character with
 * another CJK character beyond it must fall on a word boundary of `Intl.Segmenter` (word
 * granularity, dictionary-based for Chinese and Japanese). The segmenter is asked only about the
 * match and the CJK characters next to it, at most {@link CJK_WINDOW} each side, so the cost
 * follows the matches, not the text; and the outcome is one a reader can reproduce from that window.
 */

/**
 * How many CJK characters on each side of a match the segmenter sees: two or three words, which
 * is what its choice at an edge turns on. The cost of a check hardly depends on it.
 */
export const CJK_WINDOW = 8;

/**
 * True for a Han ideograph of the BMP (unified, extension A, compatibility), an ideographic
 * iteration mark, or a kana: the scripts the segmenter splits by dictionary. Hangul is left out:
 * Korean words are spaced, and its particles attach to the word before them.
 */
export function isCjkUnit(unit: number): boolean {
  if (unit < 0x3005) return false;
  if (unit >= 0x4e00) return unit <= 0x9fff || (unit >= 0xf900 && unit <= 0xfaff);
  return (
    unit <= 0x3007 ||
    (unit >= 0x3041 && unit <= 0x30fa) ||
    unit === 0x30fc ||
    (unit >= 0x31f0 && unit <= 0x31ff) ||
    (unit >= 0x3400 && unit <= 0x4dbf)
  );
}

/** A unit {@link isCjkUnit} accepts, as a pattern for searching a whole text natively. */
export const CJK_UNIT =
  /[\u3005-\u3007\u3041-\u30fa\u30fc\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** The edge is on a word boundary (or needs no check). */
export const EDGE_CLEAR = 0;
/** The edge cuts a word: the match is dropped. */
export const EDGE_BLOCKED = 1;
/** The text ran out before the window did, and more text is to come: decide once it has. */
export const EDGE_UNSETTLED = 2;
/** A unit in the window needs the normaliser (RAW text only). */
export const EDGE_NEEDS_NORMALISER = 3;
export type EdgeOutcome =
  | typeof EDGE_CLEAR
  | typeof EDGE_BLOCKED
  | typeof EDGE_UNSETTLED
  | typeof EDGE_NEEDS_NORMALISER;

/** The search unit at `index` as the scan reads it (folded), or -1 when only the normaliser knows. */
export type UnitReader = (text: string, index: number) => number;

const SPACE = 0x20;

let segmenter: Intl.Segmenter | undefined;

/** The one segmenter the rule asks, made on first use. */
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/**
 * Makes the segmenter the rule asks, and has it split a first text: the first of each costs a fresh
 * renderer some 10–25 ms (ICU loads its break rules and CJK dictionary), whatever the locale. A page
 * does it while it waits for its matcher, rather than in the middle of its first scan.
 */
export function warmSegmenter(): void {
  wordSegmenter().segment('数据安全').containing(1);
}

/** Reused between calls: the window's units. */
const window: number[] = [];

/**
 * Whether the CJK edges of the match `[start, end)` fall on word boundaries: the start when
 * `checkStart` (the form starts with a CJK character) and a CJK character comes before it, the end
 * likewise. The segmenter runs once per match, over its window: up to {@link CJK_WINDOW} CJK
 * characters before the match, the match, and up to as many after it. `limit` is where units stop
 * being readable (the text's end, or its last unit for a text that goes on); `final` says whether
 * the text ends there.
 */
export function cjkEdgesOutcome(
  text: string,
  start: number,
  end: number,
  checkStart: boolean,
  checkEnd: boolean,
  limit: number,
  final: boolean,
  unitAt: UnitReader,
): EdgeOutcome {
  window.length = 0;
  // The run before the match, read backwards, then turned round.
  for (let j = start - 1; j >= 0 && window.length < CJK_WINDOW; j--) {
    const unit = unitAt(text, j);
    if (unit < 0) return EDGE_NEEDS_NORMALISER;
    if (!isCjkUnit(unit)) break;
    window.push(unit);
  }
  window.reverse();
  const startAt = window.length;
  // The match as the search text reads it: a whitespace run is one space.
  for (let j = start; j < end; j++) {
    const unit = unitAt(text, j);
    if (unit < 0) return EDGE_NEEDS_NORMALISER;
    if (!(unit === SPACE && window[window.length - 1] === SPACE)) window.push(unit);
  }
  const endAt = window.length;
  for (let j = end; window.length - endAt < CJK_WINDOW; j++) {
    if (j >= limit) {
      if (!final) return EDGE_UNSETTLED;
      break;
    }
    const unit = unitAt(text, j);
    if (unit < 0) return EDGE_NEEDS_NORMALISER;
    if (!isCjkUnit(unit)) break;
    window.push(unit);
  }
  // Next to anything that is not CJK (or the text's edge) a CJK character ends its word anyway.
  const atStart = checkStart && startAt > 0;
  const atEnd = checkEnd && window.length > endAt;
  if (!atStart && !atEnd) return EDGE_CLEAR;
  const words = wordSegmenter().segment(String.fromCharCode(...window));
  if (atStart && words.containing(startAt)?.index !== startAt) return EDGE_BLOCKED;
  if (atEnd && words.containing(endAt)?.index !== endAt) return EDGE_BLOCKED;
  return EDGE_CLEAR;
}
