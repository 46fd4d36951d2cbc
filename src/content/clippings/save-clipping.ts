/** Turns the reader's selection into a clipping: its place in the page text, its selectors, saved. */
import { type Clipping, MAX_CLIP_CHARS } from '../../shared/clippings/model';
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
  // The capture's code is in the page UI module, loaded by the time a toolbar offers to save.
  const { captureOf } = await contentUi();
  const answer = await send({
    type: 'saveClipping',
    clip: {
      ...captureOf(map, start, end, rendered),
      title: doc.title.trim().slice(0, 2_000),
      canonicalUrl: declaredCanonical(doc),
      reattachId,
    },
  });
  return { ...answer, range };
}
