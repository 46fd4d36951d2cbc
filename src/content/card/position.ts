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
}

const MARGIN = 8;

/** Places a `card`-sized box next to `anchor` within a `viewport` of the given size. */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
): Placement {
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - card.height;
  const fitsBelow = below + card.height <= viewport.height - MARGIN;
  const fitsAbove = above >= MARGIN;
  const side = fitsBelow || !fitsAbove ? 'below' : 'above';
  let top = side === 'below' ? below : above;
  // Neither side fits: keep as much of the card visible as possible.
  top = Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - card.height));
  const maxLeft = viewport.width - MARGIN - card.width;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  return { left: Math.round(left), top: Math.round(top), side };
}
