/** Finds glossary terms in blocks of page text and registers them as highlight ranges. */
import { findMatches, type Matcher } from '../shared/matcher';
import { BlockReader, type BlockVisitor, pointAt, type TextBlock } from './block-text';
import type { HighlightStore } from './highlight-store';
import type { ScanOptions } from './skip-rules';

/** What one scan pass read and found (the `detail` of the `termlight:scan` measure). */
export interface ScanStats {
  textNodes: number;
  chars: number;
  matches: number;
}

/** Forgets the block's old ranges, matches it afresh and registers a range per match. */
export function highlightBlock(
  block: TextBlock,
  matcher: Matcher,
  store: HighlightStore,
  firstOccurrenceOnly = false,
): number {
  for (const node of block.nodes) store.forgetNode(node);
  const matches = findMatches(matcher, block.text);
  let added = 0;
  for (const match of matches) {
    if (firstOccurrenceOnly && store.countOf(match.termId) > 0) continue;
    const start = pointAt(block, match.start, false);
    const end = pointAt(block, match.end, true);
    const range = new StaticRange({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
    });
    store.add({ termId: match.termId, range, nodes: block.nodes.slice(start.index, end.index + 1) });
    added++;
  }
  return added;
}

/**
 * A resumable scan over several roots: each `step()` handles one block and returns false when all
 * are done, so the caller decides how to slice the work into tasks.
 */
export function scanSteps(
  roots: readonly Node[],
  matcher: Matcher,
  store: HighlightStore,
  options: ScanOptions,
  visit: BlockVisitor,
  stats: ScanStats,
): () => boolean {
  let i = 0;
  let blocks: BlockReader | null = null;
  return () => {
    for (;;) {
      if (!blocks) {
        const root = roots[i++];
        if (!root) return false;
        blocks = new BlockReader(root, options, visit);
      }
      const block = blocks.read();
      if (block === null) {
        blocks = null;
        continue;
      }
      stats.textNodes += block.nodes.length;
      stats.chars += block.text.length;
      stats.matches += highlightBlock(block, matcher, store, options.firstOccurrenceOnly);
      return true;
    }
  };
}
