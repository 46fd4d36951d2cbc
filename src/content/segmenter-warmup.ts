/**
 * Readies the CJK word-edge rule's segmenter while a page waits for its matcher. The first
 * `Intl.Segmenter` of a renderer costs 10–25 ms; made in the first scan, it was half the scan of a
 * page with a Chinese term in Chinese text. Only a page that shows Chinese or Japanese pays for it.
 */
import { warmSegmenter } from '../shared/matcher';

/** A Han ideograph (unified, extension A, compatibility), an iteration mark or a kana. */
const CJK = /[\u3005-\u3007\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * True when `doc`'s title or text holds a CJK character. One native read of the text, and a
 * search that stops at the first: far below a millisecond on an ordinary page.
 */
export function mayShowCjk(doc: Document): boolean {
  return CJK.test(doc.title) || CJK.test(doc.body?.textContent ?? '');
}

/** Makes the segmenter now when `doc` may need it. */
export function warmSegmenterFor(doc: Document): void {
  if (mayShowCjk(doc)) warmSegmenter();
}
