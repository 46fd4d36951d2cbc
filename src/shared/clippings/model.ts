/**
 * A clipping: a passage a reader saved from a page, with the W3C selectors that find it again.
 * Shared by the background (which stores it), the content script (which anchors it) and the
 * library (which lists and exports it).
 */

/** W3C `TextQuoteSelector`: the passage and up to 32 characters of text on either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C `TextPositionSelector`: UTF-16 offsets of the passage in the page text (see page-text rules). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type ClippingSelector = TextQuoteSelector | TextPositionSelector;

/** A saved passage may be long (a reader can clip several paragraphs), but not unbounded. */
export const MAX_CLIP_CHARS = 100_000;

/** How many characters of context a quote selector keeps on each side. */
export const QUOTE_CONTEXT_CHARS = 32;

/** A stored clipping, as every context sees it. */
export interface Clipping {
  /** A random UUID. */
  id: string;
  /** The page URL, normalised (no fragment, tracking parameters stripped): see page-url.ts. */
  url: string;
  /** The page's `<link rel="canonical">`, normalised, when it was on the page's own origin. */
  canonicalUrl?: string;
  /** The page's host name, for the library's site filter. */
  site: string;
  /** The page title when the clipping was saved. */
  title: string;
  /** The passage as the reader selected it. */
  exact: string;
  /** A TextQuoteSelector and a TextPositionSelector. */
  selectors: ClippingSelector[];
  note: string;
  tags: string[];
  /** Glossary terms found in the passage (`<glossaryId>/<termId>`), kept up to date by the background. */
  termIds: string[];
  createdAt: number;
  updatedAt: number;
  /** False once a visit to the page could not find the passage: an orphan (never deleted for it). */
  anchored: boolean;
  /** Where the page's blocks meet in the quote's text: see {@link ClipCapture.blockBreaks}. */
  blockBreaks?: number[];
  /** The quote's text that the page does not render: see {@link ClipCapture.hiddenText}. */
  hiddenText?: number[];
}

/** What a content script sends when the reader saves a selection (the URL comes from the sender). */
export interface ClipCapture {
  exact: string;
  selectors: ClippingSelector[];
  title: string;
  /** The page's `<link rel="canonical">` href, if any; it counts only on the sender's own origin. */
  canonicalUrl?: string;
  /** Set when the reader re-attaches an orphan to this selection (the library started it). */
  reattachId?: string;
  /**
   * Offsets in the quote selector's `prefix + exact + suffix` where one block of the page (a
   * paragraph, a list item, a cell) ends and the next begins, ascending. Page text joins blocks
   * with no separator ("…end.Next…"), and a Text Fragment link whose part crosses a block never
   * matches, so the link is cut there (text-fragment.ts).
   */
  blockBreaks?: number[];
  /**
   * Stretches of `prefix + exact + suffix` that the page does not render (text under an element
   * with `display: none`), as `start, end` pairs, ascending. The page text holds them, as
   * textContent does, but the reader never saw them and browsers pass over them when they find a
   * Text Fragment: the link and the shown passage leave them out.
   */
  hiddenText?: number[];
}

/** The most block breaks a clipping keeps (a passage of 100 000 characters has far fewer blocks). */
export const MAX_BLOCK_BREAKS = 20_000;

/** The quote selector of a clipping (every stored clipping has one). */
export function quoteSelector(clipping: Pick<Clipping, 'selectors' | 'exact'>): TextQuoteSelector {
  const found = clipping.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  return found ?? { type: 'TextQuoteSelector', exact: clipping.exact, prefix: '', suffix: '' };
}

/**
 * The quote without the text the page does not render (`hidden`: start, end pairs in `prefix +
 * exact + suffix`, see {@link ClipCapture.hiddenText}), and `breaks` (offsets in the same text)
 * moved to match: the passage as the reader saw it, and the text a browser searches when it
 * follows a Text Fragment, which passes over such text as if it were not there.
 */
export function withoutHiddenText(
  quote: TextQuoteSelector,
  hidden: readonly number[],
  breaks: readonly number[] = [],
): { quote: TextQuoteSelector; breaks: number[] } {
  if (hidden.length === 0) return { quote, breaks: [...breaks] };
  const whole = quote.prefix + quote.exact + quote.suffix;
  const shown = new Uint8Array(whole.length + 1).fill(1);
  for (let p = 0; p + 1 < hidden.length; p += 2) shown.fill(0, hidden[p], hidden[p + 1]);
  // Where each offset of the whole lands once the hidden text is gone.
  const moved = new Int32Array(whole.length + 1);
  let kept = '';
  for (let i = 0; i < whole.length; i++) {
    moved[i] = kept.length;
    if (shown[i]) kept += whole[i];
  }
  moved[whole.length] = kept.length;
  const at = (offset: number) => moved[Math.min(Math.max(offset, 0), whole.length)] ?? 0;
  const exactStart = at(quote.prefix.length);
  const exactEnd = at(quote.prefix.length + quote.exact.length);
  return {
    quote: {
      ...quote,
      prefix: kept.slice(0, exactStart),
      exact: kept.slice(exactStart, exactEnd),
      suffix: kept.slice(exactEnd),
    },
    breaks: [...new Set(breaks.map(at))],
  };
}

/** The position selector of a clipping, if it has one. */
export function positionSelector(clipping: Pick<Clipping, 'selectors'>): TextPositionSelector | undefined {
  return clipping.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}
