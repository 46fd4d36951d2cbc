/** Finds glossary terms in a subtree's text and registers them as highlight ranges. */
import { findMatches, type Matcher } from '../shared/matcher';
import { pointAt, type TextBlock, textBlocks } from './block-text';
import type { HighlightStore } from './highlight-store';
import { runInChunks } from './idle-chunks';
import type { SkipOptions } from './skip-rules';

/** What one scan pass read and found (the `detail` of the `termlight:scan` measure). */
export interface ScanStats {
  textNodes: number;
  chars: number;
  matches: number;
}

/** Matches one block and registers a range for each match; returns the number of matches. */
export function highlightBlock(block: TextBlock, matcher: Matcher, store: HighlightStore): number {
  const matches = findMatches(matcher, block.text);
  for (const match of matches) {
    const start = pointAt(block, match.start, false);
    const end = pointAt(block, match.end, true);
    const range = new StaticRange({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
    });
    store.add({ termId: match.termId, range }, block.nodes.slice(start.index, end.index + 1));
  }
  return matches.length;
}

/**
 * Scans `root` in idle chunks and ends with a `termlight:scan` performance measure. Resolves null
 * when `signal` aborted the pass.
 */
export async function scanRoot(
  root: Node,
  matcher: Matcher,
  store: HighlightStore,
  options: SkipOptions,
  signal: AbortSignal,
): Promise<ScanStats | null> {
  const startTime = performance.now();
  const stats: ScanStats = { textNodes: 0, chars: 0, matches: 0 };
  const blocks = textBlocks(root, options);
  const finished = await runInChunks(() => {
    const next = blocks.next();
    if (next.done) return false;
    const block = next.value;
    stats.textNodes += block.nodes.length;
    stats.chars += block.text.length;
    stats.matches += highlightBlock(block, matcher, store);
    return true;
  }, signal);
  if (!finished) return null;
  performance.measure('termlight:scan', { start: startTime, end: performance.now(), detail: stats });
  return stats;
}
