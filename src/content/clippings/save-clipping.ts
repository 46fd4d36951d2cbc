/** Turns the reader's selection into a clipping: its place in the page text, its selectors, saved. */
import {
  type Clipping,
  MAX_CLIP_CHARS,
  quoteSelector,
  withoutHiddenText,
} from '../../shared/clippings/model';
import { send } from '../../shared/messages';
import { contentUi } from '../lazy-ui';
import { declaredCanonical, rangeAt } from './clip-anchoring';
import { offsetOf, readTextMapNow } from './text-map';

/** A saved clipping and the range it covers on this page. */
export interface SavedClipping {
  clipping: Clipping;
  range: StaticRange;
  reattached: boolean;
}

const SPACE = /\s/;

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
 * Saves the passage `selection` covers (without the blank space at its edges) as a clipping of
 * this page, or as the new passage of orphan `reattachId`. Resolves once the database has it.
 */
export async function saveSelection(
  doc: Document,
  selection: AbstractRange,
  reattachId?: string,
): Promise<SavedClipping> {
  const map = readTextMapNow(doc);
  let start = offsetOf(map, selection.startContainer, selection.startOffset, 'start');
  let end = offsetOf(map, selection.endContainer, selection.endOffset, 'end');
  if (start === null || end === null) throw new Error('The selection is not in the page text');
  while (start < end && SPACE.test(map.text[start] ?? '')) start++;
  while (end > start && SPACE.test(map.text[end - 1] ?? '')) end--;
  if (start >= end) throw new Error('The selection holds no text');
  if (end - start > MAX_CLIP_CHARS) throw new Error(`A clipping holds at most ${MAX_CLIP_CHARS} characters`);
  const range = rangeAt(map, start, end);
  if (!range) throw new Error('The selection is not in the page text');
  const rendered = doc.getSelection()?.toString() ?? '';
  // The selectors' and block breaks' code is in the page UI module, loaded by the time a toolbar
  // offers to save.
  const { describePassage, blockBreaksIn, hiddenTextIn } = await contentUi();
  const exact = map.text.slice(start, end);
  const selectors = describePassage(map.text, start, end);
  const quote = quoteSelector({ selectors, exact });
  const from = start - quote.prefix.length;
  const to = end + quote.suffix.length;
  const hiddenText = hiddenTextIn(map, from, to);
  const answer = await send({
    type: 'saveClipping',
    clip: {
      exact: shownText(rendered, withoutHiddenText(quote, hiddenText).quote.exact),
      selectors,
      blockBreaks: blockBreaksIn(map, from, to),
      ...(hiddenText.length > 0 && { hiddenText }),
      title: doc.title.trim().slice(0, 2_000),
      canonicalUrl: declaredCanonical(doc),
      reattachId,
    },
  });
  return { ...answer, range };
}
