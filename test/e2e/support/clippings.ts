/** Drives clippings the way a reader does: a real mouse selection, then the toolbar or the command. */
import type { Frame, Page } from 'puppeteer-core';

/** Where the text to select is: in a frame of the page, inside the open shadow root of a host. */
export interface SelectWhere {
  /** The `<iframe>` (a selector in the page) whose document holds the text. */
  frame?: string;
  /** The element (a selector in that document) whose open shadow root holds the text. */
  shadowHost?: string;
  /** The selection's rendered text, when the page hides some of `text` (display: none). */
  shown?: string;
}

/** A point in the page's viewport. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Where a drag across `text` (inside the element matching `selector`) starts and ends, in the
 * page's viewport, and the document that holds it.
 */
export async function passagePoints(
  page: Page,
  selector: string,
  text: string,
  where: SelectWhere = {},
): Promise<{ from: Point; to: Point; context: Page | Frame }> {
  let context: Page | Frame = page;
  let offset = { x: 0, y: 0 };
  if (where.frame) {
    const element = await page.$(where.frame);
    const frame = await element?.contentFrame();
    const box = await element?.boundingBox();
    if (!frame || !box) throw new Error(`no frame ${where.frame}`);
    context = frame;
    offset = { x: box.x, y: box.y };
  }
  const points = await context.evaluate(
    (selector: string, text: string, shadowHost: string | null) => {
      const scope = shadowHost ? document.querySelector(shadowHost)?.shadowRoot : document;
      const root = scope?.querySelector(selector);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const whole = nodes.map((n) => n.data).join('');
      const at = whole.indexOf(text);
      if (at < 0) return null;
      // The rects of the first and the last character (no named inner functions: tsx would wrap
      // them in a helper the page does not have).
      const rects = [at, at + text.length - 1].map((offset) => {
        let rest = offset;
        for (const node of nodes) {
          if (rest < node.data.length) {
            const r = document.createRange();
            r.setStart(node, rest);
            r.setEnd(node, rest + 1);
            return r.getClientRects()[0] ?? null;
          }
          rest -= node.data.length;
        }
        return null;
      });
      const [first, last] = rects;
      if (!first || !last) return null;
      return {
        from: { x: first.left + 0.5, y: first.top + first.height / 2 },
        to: { x: last.right - 0.5, y: last.top + last.height / 2 },
      };
    },
    selector,
    text,
    where.shadowHost ?? null,
  );
  if (!points) throw new Error(`"${text}" is not in ${selector}`);
  return {
    from: { x: points.from.x + offset.x, y: points.from.y + offset.y },
    to: { x: points.to.x + offset.x, y: points.to.y + offset.y },
    context,
  };
}

/** Selects `text` (inside the element matching `selector`) by dragging the real mouse across it. */
export async function dragSelect(
  page: Page,
  selector: string,
  text: string,
  where: SelectWhere = {},
): Promise<void> {
  const { from, to, context } = await passagePoints(page, selector, text, where);
  // A reader starts a drag on the text, not on the toolbar of the last selection: wait until that
  // toolbar (shown a moment after its selection settles, and closed by Escape) covers neither end.
  await page.waitForFunction(
    (ends: { x: number; y: number }[]) =>
      ends.every(({ x, y }) => !document.elementFromPoint(x, y)?.closest('[data-termlight-ui]')),
    { timeout: 5_000 },
    [from, to],
  );
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, to.y, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  const selected = await context.evaluate(() => document.getSelection()?.toString() ?? '');
  // The selection's text is the rendered text: white space in the source collapses, and blocks
  // are apart on lines of their own where the page text joins them.
  const squash = (t: string) => t.replace(/\s+/g, '');
  const want = where.shown ?? text;
  if (squash(selected) !== squash(want)) throw new Error(`Selected "${selected}" instead of "${want}"`);
}

/** Waits until `count` clipping anchoring passes (`termlight:clips` measures) have ended in the page. */
export async function waitForClipPass(page: Page | Frame, count = 1, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (n: number) => performance.getEntriesByName('termlight:clips').length >= n,
    { timeout, polling: 50 },
    count,
  );
}
