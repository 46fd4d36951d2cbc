/**
 * What a saved selection sends the background, worked out from the page text: its selectors, the
 * passage as the reader saw it, where the page's blocks meet and what it hides. Part of the page UI
 * module (content-ui.js), loaded by the time a reader saves: most pages never need this code.
 */
import { describePassage } from '../../shared/clippings/describe';
import { type ClipCapture, quoteSelector, withoutHiddenText } from '../../shared/clippings/model';
import { blockBreaksIn } from './block-breaks';
import { hiddenTextIn } from './hidden-text';
import type { TextMap } from './text-map';

/**
 * The passage as the reader saw it, for the library and exports: the selection's rendered text
 * (line breaks between blocks, source indentation gone) when it is the same text as the page
 * text's slice, else that slice with its white space collapsed. The selectors keep the page text.
 */
export function shownText(rendered: string, pageText: string): string {
  const bare = (t: string) => t.replace(/\s+/g, '');
  const tidy = rendered
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (tidy && bare(tidy) === bare(pageText)) return tidy;
  return pageText.replace(/\s+/g, ' ').trim();
}

/**
 * The capture of `map.text[start, end)`, selected as `rendered` (the selection's own text), without
 * the page's title, canonical URL and the orphan it may re-attach, which the caller adds.
 */
export function captureOf(
  map: TextMap,
  start: number,
  end: number,
  rendered: string,
): Pick<ClipCapture, 'exact' | 'selectors' | 'blockBreaks' | 'hiddenText'> {
  const selectors = describePassage(map.text, start, end);
  const quote = quoteSelector({ selectors, exact: map.text.slice(start, end) });
  const from = start - quote.prefix.length;
  const to = end + quote.suffix.length;
  const hiddenText = hiddenTextIn(map, from, to);
  return {
    exact: shownText(rendered, withoutHiddenText(quote, hiddenText).quote.exact),
    selectors,
    blockBreaks: blockBreaksIn(map, from, to),
    ...(hiddenText.length > 0 && { hiddenText }),
  };
}
