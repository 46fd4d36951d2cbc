/** A page of a site with frames of every kind, and the term highlights each frame shows. */
import type { Page } from 'puppeteer-core';
import type { E2EContext } from './fixture';

/** The kinds of frame on the framed page. */
export type FrameKind = 'top' | 'srcdoc' | 'blank' | 'cross-origin';

export const FRAME_KINDS: readonly FrameKind[] = ['top', 'srcdoc', 'blank', 'cross-origin'];

/**
 * Serves `e2e/framed.html` on 127.0.0.1: a term in the page itself, in a srcdoc frame, in an
 * about:blank frame the page writes into, and in a cross-origin frame (the same server as
 * `localhost`). Returns its URL.
 */
export function serveFramedPage(ctx: E2EContext): string {
  const crossOrigin = ctx.server.origin.replace('127.0.0.1', 'localhost');
  ctx.server.route(
    '/e2e/framed.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title></head><body>
<p>The page itself names MLPS.</p>
<iframe id="srcdoc" title="srcdoc" srcdoc="<p>A srcdoc frame names TC260.</p>"></iframe>
<iframe id="blank" title="blank"></iframe>
<iframe id="cross" title="cross-origin" src="${crossOrigin}/e2e/four-terms.html"></iframe>
<script>
  setTimeout(() => {
    document.getElementById('blank').contentDocument.body.innerHTML =
      '<p>An about:blank frame names the Global Initiative on Data Security.</p>';
  }, 300);
</script>
</body></html>`,
  );
  return `${ctx.server.origin}/e2e/framed.html`;
}

function kindOf(url: string): FrameKind | null {
  if (url === 'about:srcdoc') return 'srcdoc';
  if (url === 'about:blank') return 'blank';
  if (url.startsWith('http://localhost')) return 'cross-origin';
  return null;
}

/** The number of term ranges highlighted in each frame of the framed page. */
export async function highlightsByFrame(page: Page): Promise<Record<FrameKind, number>> {
  const counts = { top: -1, srcdoc: -1, blank: -1, 'cross-origin': -1 } as Record<FrameKind, number>;
  for (const frame of page.frames()) {
    const kind = frame === page.mainFrame() ? 'top' : kindOf(frame.url());
    if (!kind) continue;
    counts[kind] = await frame
      .evaluate(() =>
        [...CSS.highlights]
          .filter(([name]) => name.startsWith('termlight-term'))
          .reduce((n, [, h]) => n + h.size, 0),
      )
      .catch(() => -1);
  }
  return counts;
}

/** Waits until every frame's count satisfies `ok`; throws with the last counts otherwise. */
export async function waitForFrames(
  page: Page,
  ok: (count: number) => boolean,
  what: string,
  timeout = 15_000,
): Promise<Record<FrameKind, number>> {
  const end = Date.now() + timeout;
  let last = await highlightsByFrame(page);
  while (!FRAME_KINDS.every((kind) => ok(last[kind]))) {
    if (Date.now() > end) throw new Error(`frames not ${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await highlightsByFrame(page);
  }
  return last;
}
