/**
 * Readies the CJK word-edge rule's segmenter while a page waits for its matcher. The first
 * `Intl.Segmenter` of a renderer costs 10–25 ms; made in the first scan, it was half the scan of a
 * page with a Chinese term in Chinese text. Only a page that shows Chinese or Japanese pays for it.
 */
import { CJK_UNIT, warmSegmenter } from '../shared/matcher';

/**
 * True when `doc`'s title or text holds a character the CJK word-edge rule segments. One native
 * read of the text, and a search that stops at the first: far below a millisecond on an ordinary
 * page.
 */
export function mayShowCjk(doc: Document): boolean {
  return CJK_UNIT.test(doc.title) || CJK_UNIT.test(doc.body?.textContent ?? '');
}

/** Makes the segmenter now when `doc` may need it. */
export function warmSegmenterFor(doc: Document): void {
  if (mayShowCjk(doc)) warmSegmenter();
}
