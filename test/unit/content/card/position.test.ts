import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../../src/content/card/position';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };

describe('placing a card', () => {
  it('goes below the term when there is room', () => {
    expect(placeCard({ left: 100, top: 100, width: 50, height: 20 }, card, viewport)).toEqual({
      left: 100,
      top: 126,
      side: 'below',
    });
  });

  it('flips above a term near the bottom of the viewport', () => {
    expect(placeCard({ left: 100, top: 700, width: 50, height: 20 }, card, viewport)).toEqual({
      left: 100,
      top: 494,
      side: 'above',
    });
  });

  it('shifts left to stay inside the right edge', () => {
    expect(placeCard({ left: 900, top: 100, width: 50, height: 20 }, card, viewport).left).toBe(692);
  });

  it('stays inside the viewport when it fits neither above nor below', () => {
    const place = placeCard(
      { left: 10, top: 100, width: 50, height: 20 },
      { width: 300, height: 790 },
      viewport,
    );
    expect(place.top).toBeGreaterThanOrEqual(8);
    expect(place.top + (place.maxHeight ?? 790)).toBeLessThanOrEqual(792);
  });

  it('takes the roomier side and shortens itself rather than cover the term', () => {
    const anchor = { left: 100, top: 340, width: 50, height: 20 };
    const place = placeCard(anchor, { width: 300, height: 380 }, { width: 900, height: 600 });
    expect(place).toEqual({ left: 100, top: 8, side: 'above', maxHeight: 326 });
    expect(place.top + (place.maxHeight ?? 0)).toBeLessThanOrEqual(anchor.top);
  });

  it('never goes past the left edge on a narrow viewport', () => {
    expect(
      placeCard(
        { left: 5, top: 100, width: 50, height: 20 },
        { width: 400, height: 100 },
        { width: 300, height: 800 },
      ).left,
    ).toBe(8);
  });
});
