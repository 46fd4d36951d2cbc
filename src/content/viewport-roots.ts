/** The blocks a reader is looking at, so they are highlighted before the rest of the page. */
import { blockRootOf } from './block-root';
import type { SkipOptions } from './skip-rules';

const SAMPLES = 12;
const MAX_CHILDREN = 24;
/**
 * How far up from a sample point to look for its block. Every sample of a page nested thousands
 * deep would otherwise climb thousands of elements; its blocks are simply not read first.
 */
const MAX_DEPTH = 256;
/**
 * How long sampling may take, ms. A hit test costs the page's layout: on a page that is one huge
 * paragraph each is slow, and all the samples took about half the first task's time. Samples
 * go top to bottom, so a cut keeps the top of the view first.
 */
const BUDGET_MS = 4;

/**
 * True for a page just opened from a link or the address bar, with no fragment to scroll to: the
 * browser shows its top, so the blocks in view are its first in document order, and nothing needs
 * to ask. Asking (a hit test, even reading `scrollY`) makes the browser lay the page out there and
 * then, and a page still loading has its layout to do: tens of milliseconds on a big one.
 */
export function opensAtItsTop(doc: Document): boolean {
  if (doc.location.hash !== '') return false;
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation?.type === 'navigate';
}

/** Block elements under a column of sample points down the viewport (never body itself). */
export function viewportRoots(doc: Document, options: SkipOptions): Element[] {
  const view = doc.defaultView;
  if (!view || !doc.body) return [];
  const found = new Set<Element>();
  const deadline = performance.now() + BUDGET_MS;
  for (let i = 0; i < SAMPLES && performance.now() < deadline; i++) {
    const y = ((i + 0.5) / SAMPLES) * view.innerHeight;
    for (const x of [view.innerWidth * 0.3, view.innerWidth * 0.6]) {
      const hit = doc.elementFromPoint(x, y);
      const root = hit && blockRootOf(hit, options, MAX_DEPTH);
      // A point in a margin hits a container (an article, a page wrapper): too big to go first.
      if (
        root &&
        root !== doc.body &&
        root.nodeType === 1 &&
        (root as Element).childElementCount <= MAX_CHILDREN
      ) {
        found.add(root as Element);
      }
    }
  }
  // Keep the innermost of nested hits: a point between paragraphs hits the wrapper around them
  // (often the whole page), and reading that first would put the whole page first. No root then
  // holds another, so no block is read twice; the rest of the page comes after.
  return [...found].filter((el) => ![...found].some((other) => other !== el && el.contains(other)));
}
