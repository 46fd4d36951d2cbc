/**
 * A monospace layout for happy-dom, which has none: every `<p data-line="n">` is line n, 20 px high
 * from y = 20n, and each character of its text is 10 px wide. Hidden blocks (`hidden`) have
 * no boxes. Enough for hit-testing and keyboard walking, which ask ranges for their rects.
 */
import { vi } from 'vitest';

const CHAR = 10;
const LINE = 20;

/** The line a node sits on: its paragraph's `data-line`, or -1 when it is not laid out. */
function lineOf(node: Node): number {
  const block = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('p');
  if (!block || block.closest('[hidden]') || block.dataset.line === undefined) return -1;
  return Number(block.dataset.line);
}

/** X of `offset` in `node`: the characters of the paragraph before it, 10 px each. */
function xOf(node: Node, offset: number): number {
  const block = node.parentElement?.closest('p');
  if (!block) return 0;
  let before = 0;
  const walker = node.ownerDocument?.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let text = walker?.nextNode(); text && text !== node; text = walker?.nextNode()) {
    before += (text as Text).data.length;
  }
  return (before + offset) * CHAR;
}

function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, right: left + width, bottom: top + height, width, height, x: left, y: top } as DOMRect;
}

/** The box of a range on one line, or none when it is not laid out. */
export function rangeRects(range: AbstractRange): DOMRect[] {
  const line = lineOf(range.startContainer);
  if (line < 0) return [];
  const left = xOf(range.startContainer, range.startOffset);
  const right = xOf(range.endContainer, range.endOffset);
  return [rect(left, line * LINE, right - left, LINE)];
}

/** The point over character `offset` of `node`, mid-height on its line. */
export function pointOver(node: Text, offset: number): { x: number; y: number } {
  return { x: xOf(node, offset) + CHAR / 2, y: lineOf(node) * LINE + LINE / 2 };
}

/** Gives happy-dom's Range the layout above; undone by vi.restoreAllMocks(). */
export function stubRangeLayout(): void {
  const proto = window.Range.prototype;
  vi.spyOn(proto, 'getClientRects').mockImplementation(function (this: Range) {
    return rangeRects(this) as unknown as DOMRectList;
  });
  vi.spyOn(proto, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    return rangeRects(this)[0] ?? rect(0, 0, 0, 0);
  });
}
