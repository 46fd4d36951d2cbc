/**
 * Describing a passage of page text with the W3C selectors a clipping stores. Pure string code: the
 * content script turns the reader's selection into offsets over the page text first.
 */
import {
  type ClippingSelector,
  QUOTE_CONTEXT_CHARS,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './model';

/** The quote (with up to QUOTE_CONTEXT_CHARS of context each side) and position of `text[start, end)`. */
export function describePassage(text: string, start: number, end: number): ClippingSelector[] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`passage [${start}, ${end}) is outside a text of ${text.length} characters`);
  }
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart(text, start), start),
    suffix: text.slice(end, suffixEnd(text, end)),
  };
  const position: TextPositionSelector = { type: 'TextPositionSelector', start, end };
  return [quote, position];
}

// A context edge inside a surrogate pair would store a lone surrogate, which a Text Fragment link
// and JSON export cannot carry; the half character is left out rather than the context widened.
function prefixStart(text: string, start: number): number {
  const from = Math.max(0, start - QUOTE_CONTEXT_CHARS);
  return from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))
    ? from + 1
    : from;
}

function suffixEnd(text: string, end: number): number {
  const to = Math.min(text.length, end + QUOTE_CONTEXT_CHARS);
  return to < text.length && isHighSurrogate(text.charCodeAt(to - 1)) && isLowSurrogate(text.charCodeAt(to))
    ? to - 1
    : to;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
