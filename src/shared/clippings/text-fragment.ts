/**
 * Text Fragment links (WICG `#:~:text=`) that open a page scrolled to a clipping. Browsers match
 * each part of the directive on word boundaries and within one block of the page, so every part
 * is cut on word boundaries (found with `Intl.Segmenter`, which also splits CJK text into words)
 * and never spans a line break of the passage.
 */
import {
  type Clipping,
  QUOTE_CONTEXT_CHARS,
  quoteSelector,
  type TextQuoteSelector,
  withoutHiddenText,
} from './model';

/** Longer passages are linked by their first and last words, which keeps the URL short. */
const LONG_PASSAGE_CHARS = 300;

/** `textStart`/`textEnd` of a long passage: at least this many words and characters each. */
const EDGE_SIZE = { words: 4, chars: 10 };

/** Prefix and suffix: the nearest words only, since each must match next to the passage. */
const CONTEXT_SIZE = { words: 2, chars: 5 };

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Start and end offsets (UTF-16) of each word segment of `text`, word-like or not. */
interface Segment {
  start: number;
  end: number;
  wordLike: boolean;
}

function segments(text: string): Segment[] {
  return Array.from(words.segment(text), (s) => ({
    start: s.index,
    end: s.index + s.segment.length,
    wordLike: s.isWordLike ?? false,
  }));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** True when the text at `at` starts with a capital letter. */
function capitalAt(text: string, at: number): boolean {
  return /^\p{Lu}/u.test(text.slice(at, at + 2));
}

/**
 * How many characters of `text`, from its start (or its end) to a word's end (or start), hold at
 * least `size.words` words and `size.chars` visible characters, or all its words. It stops early
 * before a word that may begin another block: page text joins elements with no separator, so
 * "end!Next" may be two paragraphs, and a part spanning two blocks never matches.
 */
function edgeLength(text: string, from: 'start' | 'end', size: { words: number; chars: number }): number {
  const list = segments(text);
  if (from === 'end') list.reverse();
  let taken = 0;
  let wordCount = 0;
  let chars = 0;
  let lastWord: Segment | undefined;
  let spaceSinceLastWord = false;
  for (const segment of list) {
    const piece = text.slice(segment.start, segment.end);
    chars += piece.trim().length;
    if (!segment.wordLike) {
      spaceSinceLastWord ||= /\s/.test(piece);
      continue;
    }
    const later = from === 'start' ? segment : lastWord;
    if (later && !spaceSinceLastWord && lastWord && capitalAt(text, later.start)) break;
    wordCount++;
    lastWord = segment;
    spaceSinceLastWord = false;
    // Cut after a word only, so the edge does not end in punctuation of the text beyond it.
    taken = from === 'start' ? segment.end : text.length - segment.start;
    if (wordCount >= size.words && chars >= size.chars) break;
  }
  return lastWord ? taken : text.length;
}

/**
 * The passage widened to whole words, with the context left on either side. A selection dragged
 * from mid-word would otherwise never match: browsers require the passage to start and end on a
 * word boundary. A cut before a capital is left alone: page text joins elements with no
 * separator, so "Title|Passage" is more likely a heading and a paragraph than one word.
 */
function snapToWords(quote: TextQuoteSelector): { before: string; passage: string; after: string } {
  const whole = quote.prefix + quote.exact + quote.suffix;
  let start = quote.prefix.length;
  let end = start + quote.exact.length;
  for (const segment of segments(whole)) {
    if (!segment.wordLike) continue;
    if (segment.start < start && start < segment.end && !capitalAt(whole, start)) start = segment.start;
    if (segment.start < end && end < segment.end && !capitalAt(whole, end)) end = segment.end;
  }
  return { before: whole.slice(0, start), passage: whole.slice(start, end), after: whole.slice(end) };
}

/** The prefix term: the last words of the context line just before the passage, or '' for none. */
function prefixTerm(before: string, cutAtStart: boolean): string {
  // A full-length context was cut at a fixed width, so its first word may be a fragment of one.
  const whole = cutAtStart ? before.slice(segments(before)[0]?.end ?? 0) : before;
  const line =
    whole
      .trimEnd()
      .split(/[\r\n]/)
      .pop() ?? '';
  return collapse(line.slice(line.length - edgeLength(line, 'end', CONTEXT_SIZE)));
}

/** The suffix term: the first words of the context line just after the passage, or '' for none. */
function suffixTerm(after: string, cutAtEnd: boolean): string {
  const whole = cutAtEnd ? after.slice(0, segments(after).at(-1)?.start ?? 0) : after;
  const line = whole.trimStart().split(/[\r\n]/)[0] ?? '';
  return collapse(line.slice(0, edgeLength(line, 'start', CONTEXT_SIZE)));
}

/** `[textStart]` for a short one-line passage, `[textStart, textEnd]` for a long or multi-line one. */
function passageTerms(passage: string): string[] {
  const lines = passage.split(/[\r\n]+/).filter((line) => line.trim() !== '');
  const first = lines[0] ?? '';
  const last = lines.at(-1) ?? '';
  if (lines.length > 1) {
    // Each term must lie within one block, and a line break may be a block boundary.
    const head = first.slice(0, edgeLength(first, 'start', EDGE_SIZE));
    const tail = last.slice(last.length - edgeLength(last, 'end', EDGE_SIZE));
    return [collapse(head), collapse(tail)];
  }
  if (collapse(first).length <= LONG_PASSAGE_CHARS) return [collapse(first)];
  const headEnd = edgeLength(first, 'start', EDGE_SIZE);
  const tailStart = first.length - edgeLength(first, 'end', EDGE_SIZE);
  // A long passage of very few, very long words cannot be split without the halves overlapping.
  if (headEnd > tailStart) return [collapse(first)];
  return [collapse(first.slice(0, headEnd)), collapse(first.slice(tailStart))];
}

/** Half of a surrogate pair standing alone (a page that cut an emoji in two), which UTF-8 cannot hold. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes a directive part; `-`, `,` and `&` delimit the parts, so they are encoded too. A
 * lone surrogate becomes U+FFFD: encodeURIComponent throws on one, and one clipping would then
 * stop every export and the library's list.
 */
function encodePart(text: string): string {
  // encodeURIComponent already encodes `,` and `&`, but leaves `-` as it is.
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD')).replace(/-/g, '%2D');
}

/**
 * The quote with a line break at each block break (offsets in `prefix + exact + suffix`), which
 * the terms below never cross. A break at the passage's start ends the prefix's line; one at its
 * end starts the suffix's.
 */
function withBreaks(quote: TextQuoteSelector, breaks: readonly number[]): TextQuoteSelector {
  const whole = quote.prefix + quote.exact + quote.suffix;
  const exactStart = quote.prefix.length;
  const exactEnd = exactStart + quote.exact.length;
  const sorted = [...breaks].sort((a, b) => a - b);
  const cut = (from: number, to: number) => {
    let text = '';
    let at = from;
    for (const offset of sorted) {
      if (offset <= from || offset >= to) continue;
      text += `${whole.slice(at, offset)}\n`;
      at = offset;
    }
    return text + whole.slice(at, to);
  };
  const prefix = cut(0, exactStart) + (breaks.includes(exactStart) ? '\n' : '');
  const suffix = (breaks.includes(exactEnd) ? '\n' : '') + cut(exactEnd, whole.length);
  return { ...quote, prefix, exact: cut(exactStart, exactEnd), suffix };
}

/**
 * The block breaks of a clipping saved before they were recorded, inside its passage only: where
 * the passage as the reader saw it (`shown`, with a line break between blocks) breaks a line,
 * whatever the page text (`exact`) holds there (nothing, or a space from the source). Offsets
 * count from the passage's start; none when the two texts differ (`shown` was not the rendering).
 */
export function breaksFromShown(exact: string, shown: string): number[] {
  const breaks: number[] = [];
  let i = 0;
  let lineBreak = false;
  for (let j = 0; j < shown.length; j++) {
    const ch = shown[j] ?? '';
    if (/\s/.test(ch)) {
      lineBreak ||= ch === '\n';
      continue;
    }
    while (i < exact.length && /\s/.test(exact[i] ?? '')) i++;
    if (exact[i] !== ch) return [];
    if (lineBreak && i > 0) breaks.push(i);
    lineBreak = false;
    i++;
  }
  return breaks;
}

/** `url` (its own fragment dropped) with a `#:~:text=` directive that finds the quoted passage. */
export function textFragmentLink(
  url: string,
  pageQuote: TextQuoteSelector,
  blockBreaks: readonly number[] = [],
  hiddenText: readonly number[] = [],
): string {
  const base = url.split('#')[0] ?? url;
  const { quote, breaks } = withoutHiddenText(pageQuote, hiddenText, blockBreaks);
  const { before, passage, after } = snapToWords(withBreaks(quote, breaks));
  const terms = passageTerms(passage);
  if (terms.every((term) => term === '')) return base;
  // A context one unit short was cut too: describePassage keeps a surrogate pair whole.
  const prefix = prefixTerm(before, pageQuote.prefix.length >= QUOTE_CONTEXT_CHARS - 1);
  const suffix = suffixTerm(after, pageQuote.suffix.length >= QUOTE_CONTEXT_CHARS - 1);
  const parts = [
    ...(prefix ? [`${encodePart(prefix)}-`] : []),
    ...terms.map(encodePart),
    ...(suffix ? [`-${encodePart(suffix)}`] : []),
  ];
  return `${base}#:~:text=${parts.join(',')}`;
}

/**
 * The link to a clipping's passage on `url` (the clipping's own page unless another is given), cut
 * at the block breaks recorded when it was saved, or else at those its shown passage reveals, and
 * without the text the page did not render.
 */
export function clippingFragmentLink(
  clipping: Pick<Clipping, 'selectors' | 'exact' | 'blockBreaks' | 'hiddenText' | 'url'>,
  url = clipping.url,
): string {
  const quote = quoteSelector(clipping);
  const breaks =
    clipping.blockBreaks ??
    breaksFromShown(quote.exact, clipping.exact).map((at) => at + quote.prefix.length);
  return textFragmentLink(url, quote, breaks, clipping.hiddenText);
}
