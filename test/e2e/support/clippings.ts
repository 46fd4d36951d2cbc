/** Drives clippings the way a reader does: a real mouse selection, then the toolbar or the command. */
import type { Page } from 'puppeteer-core';

/** Selects `text` (inside the element matching `selector`) by dragging the real mouse across it. */
export async function dragSelect(page: Page, selector: string, text: string): Promise<void> {
  const points = await page.evaluate(
    (selector: string, text: string) => {
      const root = document.querySelector(selector);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const whole = nodes.map((n) => n.data).join('');
      const at = whole.indexOf(text);
      if (at < 0) return null;
      const locate = (offset: number) => {
        let rest = offset;
        for (const node of nodes) {
          if (rest <= node.data.length) return { node, offset: rest };
          rest -= node.data.length;
        }
        return null;
      };
      const rectAt = (offset: number) => {
        const p = locate(offset);
        if (!p) return null;
        const r = document.createRange();
        r.setStart(p.node, p.offset);
        r.setEnd(p.node, Math.min(p.offset + 1, p.node.data.length));
        return r.getClientRects()[0] ?? null;
      };
      const first = rectAt(at);
      const last = rectAt(at + text.length - 1);
      if (!first || !last) return null;
      return {
        from: { x: first.left + 0.5, y: first.top + first.height / 2 },
        to: { x: last.right - 0.5, y: last.top + last.height / 2 },
      };
    },
    selector,
    text,
  );
  if (!points) throw new Error(`"${text}" is not in ${selector}`);
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move((points.from.x + points.to.x) / 2, points.to.y, { steps: 4 });
  await page.mouse.move(points.to.x, points.to.y, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
  if (selected.trim() !== text) throw new Error(`Selected "${selected}" instead of "${text}"`);
}

/** Waits until `count` clipping anchoring passes (`termlight:clips` measures) have ended in the page. */
export async function waitForClipPass(page: Page, count = 1, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (n: number) => performance.getEntriesByName('termlight:clips').length >= n,
    { timeout, polling: 50 },
    count,
  );
}
