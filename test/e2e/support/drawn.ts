/**
 * What the page shows, rather than what its layout says: the box Termlight's UI is drawn in as the
 * page's own hit test finds it, and the colours of a screenshot. A layout box (CDP's box model,
 * getBoundingClientRect) ignores clipping, overflow and other layers; these do not.
 */
import type { Page } from 'puppeteer-core';

export interface DrawnBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The box the open card or toolbar is drawn in: the bounds of the points (every 4 px) where the
 * element on top is Termlight's UI host (what a closed root's content is to the page). Null when
 * it is drawn nowhere.
 */
export async function drawnUiBox(page: Page): Promise<DrawnBox | null> {
  return page.evaluate(() => {
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (let x = 0; x < innerWidth; x += 4)
      for (let y = 0; y < innerHeight; y += 4) {
        if (!document.elementFromPoint(x, y)?.hasAttribute('data-termlight-ui')) continue;
        left = Math.min(left, x);
        top = Math.min(top, y);
        right = Math.max(right, x + 4);
        bottom = Math.max(bottom, y + 4);
      }
    return left === Infinity ? null : { left, top, right, bottom };
  });
}

/** The colours drawn at `points` (viewport CSS pixels), as `rgb(r, g, b)`, from one screenshot. */
export async function drawnColours(page: Page, points: { x: number; y: number }[]): Promise<string[]> {
  const png = await page.screenshot({ encoding: 'base64' });
  return page.evaluate(
    async (png: string, points: { x: number; y: number }[]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context?.drawImage(image, 0, 0);
      // The screenshot is in device pixels.
      const scale = image.naturalWidth / innerWidth;
      return points.map(({ x, y }) => {
        const [r, g, b] =
          context?.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data ?? [];
        return `rgb(${r}, ${g}, ${b})`;
      });
    },
    png,
    points,
  );
}
