/** Finds glossary terms in blocks of page text and registers them as highlight ranges. */
import { findMatchSpans, type Matcher } from '../shared/matcher';
import { BlockReader, type BlockVisitor, nodeIndexAt, type TextBlock } from './block-text';
import type { HighlightStore } from './highlight-store';
import type { ScanOptions } from './skip-rules';

/** What one scan pass read and found (the `detail` of the `termlight:scan` measure). */
export interface ScanStats {
  textNodes: number;
  chars: number;
  matches: number;
}

/** Matches of the block being highlighted, as flat `start, end, term` triples (reused: no garbage). */
const spans: number[] = [];

/** Forgets the block's old ranges, matches it afresh and registers a range per match. */
export function highlightBlock(
  block: TextBlock,
  matcher: Matcher,
  store: HighlightStore,
  firstOccurrenceOnly = false,
): number {
  const { nodes, starts } = block;
  for (const node of nodes) store.forgetNode(node);
  findMatchSpans(matcher, block.text, spans);
  let added = 0;
  // Matches come in order, so the node holding each end is found by moving forward, not searching.
  let first = 0;
  for (let p = 0; p < spans.length; p += 3) {
    const from = spans[p] ?? 0;
    const to = spans[p + 1] ?? 0;
    const termId = matcher.termIds[spans[p + 2] ?? 0] ?? '';
    if (firstOccurrenceOnly && store.countOf(termId) > 0) continue;
    first = nodeIndexAt(block, from, false, first);
    const end = nodeIndexAt(block, to, true, first);
    const range = new StaticRange({
      startContainer: nodes[first] as Text,
      startOffset: from - (starts[first] ?? 0),
      endContainer: nodes[end] as Text,
      endOffset: to - (starts[end] ?? 0),
    });
    store.add({ termId, range, nodes: first === end ? [nodes[first] as Text] : nodes.slice(first, end + 1) });
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
