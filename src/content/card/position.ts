/** Where a card goes: below its anchor if it fits, else above, always inside the viewport. */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** Set when the card fits on neither side: it is cut to this height and scrolls inside. */
  maxHeight?: number;
}

const MARGIN = 8;
/** Below this the card would be too short to read; it may then cover part of the line instead. */
const MIN_HEIGHT = 120;

/** Places a `card`-sized box next to `anchor` within a `viewport` of the given size. */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
): Placement {
  const below = anchor.top + anchor.height + gap;
  const roomBelow = viewport.height - MARGIN - below;
  const roomAbove = anchor.top - gap - MARGIN;
  const maxLeft = viewport.width - MARGIN - card.width;
  const left = Math.round(Math.max(MARGIN, Math.min(anchor.left, maxLeft)));
  if (card.height <= roomBelow) return { left, top: Math.round(below), side: 'below' };
  if (card.height <= roomAbove)
    return { left, top: Math.round(anchor.top - gap - card.height), side: 'above' };
  // Neither side fits: take the roomier one and shorten the card to it, so the term stays visible.
  const side = roomBelow >= roomAbove ? 'below' : 'above';
  const room = Math.max(MIN_HEIGHT, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(card.height, room, viewport.height - 2 * MARGIN);
  const wanted = side === 'below' ? below : anchor.top - gap - height;
  const top = Math.max(MARGIN, Math.min(wanted, viewport.height - MARGIN - height));
  return { left, top: Math.round(top), side, maxHeight: Math.floor(height) };
}
