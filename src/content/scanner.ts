/** Finds glossary terms in blocks of page text and registers them as highlight ranges. */
import {
  type Matcher,
  MatchStream,
  STREAM_DONE,
  STREAM_MORE,
  STREAM_NEEDS_TEXT,
  type StreamState,
} from '../shared/matcher';
import { listTextNodes, nodeIndexAt, TextNodeLister } from './block-nodes';
import { BlockReader, type BlockVisitor, type TextBlock } from './block-text';
import { compareStarts, type HighlightStore, type TermRange } from './highlight-store';
import type { ScanOptions } from './skip-rules';

/** What one scan pass read and found (the `detail` of the `termlight:scan` measure). */
export interface ScanStats {
  textNodes: number;
  chars: number;
  matches: number;
}

/** Matches of one step, as flat `start, end, term` triples in offsets of the block (reused). */
const spans: number[] = [];

/** Units matched per step, so that a block of any size is matched over several tasks. */
export const SLICE_UNITS = 32_768;
/**
 * Units matched by a highlighter's first step: its code starts cold (interpreted, some ten times
 * slower than once optimised), and a first slice of SLICE_UNITS made the scan's first task of a
 * page that is one huge paragraph a long task. Each step doubles the slice up to SLICE_UNITS.
 */
const FIRST_SLICE_UNITS = 1_024;

/**
 * Matches one block at a time, as it is read (a huge block comes in parts), and registers a range
 * per match. Each step matches at most a slice of the block.
 */
export class BlockHighlighter {
  private readonly stream: MatchStream;
  /** The running block's nodes so far, and where each begins in the whole block. */
  private nodes: Text[] = [];
  private starts: number[] = [];
  private length = 0;
  /** The node that held the last match's start: matches come in order, so each search resumes there. */
  private cursor = 0;
  private state: StreamState = STREAM_DONE;
  private slice = FIRST_SLICE_UNITS;
  /** Lists the nodes of the blocks read whole. */
  private readonly lister = new TextNodeLister();
  /** With "first occurrence only": the occurrence of each term this highlighter knows is shown. */
  private readonly shown = new Map<string, TermRange>();

  constructor(
    private readonly matcher: Matcher,
    private readonly store: HighlightStore,
    private readonly stats: ScanStats,
    private readonly firstOccurrenceOnly = false,
    /** The store holds no range in the blocks to come (a full pass, after a clear): none to forget. */
    private readonly fresh = false,
  ) {
    this.stream = new MatchStream(matcher);
  }

  /** True when the running block needs its next part (see {@link addPart}). */
  get needsText(): boolean {
    return this.state === STREAM_NEEDS_TEXT;
  }

  /** True when a block is under way: its next {@link step} matches more of it. */
  get busy(): boolean {
    return this.state !== STREAM_DONE;
  }

  /** Starts the next block with `part`, or adds `part` to the running block when it needs text. */
  addPart(part: TextBlock): void {
    const { nodes, store, stats } = this;
    // Read whole, a block is never in parts (it starts a block and ends it, below): its nodes are
    // listed now, in the task that read its text.
    const block = listTextNodes(part, this.lister);
    // The block's old ranges go: it is matched afresh. (Asking the store about a node costs the
    // node's wrapper a hash of its own, which a full pass over an empty store need not pay.)
    if (!this.fresh) for (const node of block.nodes) store.forgetNode(node);
    stats.textNodes += block.nodes.length;
    stats.chars += part.text.length;
    if (this.state === STREAM_NEEDS_TEXT) {
      for (let i = 0; i < block.nodes.length; i++) {
        nodes.push(block.nodes[i] as Text);
        this.starts.push(this.length + (block.starts[i] ?? 0));
      }
      this.stream.push(part.text, !part.more);
    } else {
      this.nodes = block.nodes;
      this.starts = block.starts;
      this.length = 0;
      this.cursor = 0;
      this.stream.start(part.text, !part.more);
    }
    this.length += part.text.length;
    this.state = STREAM_MORE;
  }

  /** Matches the next slice of the running block and registers its ranges. */
  step(): void {
    spans.length = 0;
    this.state = this.stream.step(this.slice, spans);
    if (this.slice < SLICE_UNITS) this.slice *= 2;
    const { matcher, store, nodes, starts } = this;
    let first = this.cursor;
    for (let p = 0; p < spans.length; p += 3) {
      const from = spans[p] ?? 0;
      const to = spans[p + 1] ?? 0;
      const termId = matcher.termIds[spans[p + 2] ?? 0] ?? '';
      first = nodeIndexAt(starts, from, false, first);
      const end = nodeIndexAt(starts, to, true, first);
      const range = new StaticRange({
        startContainer: nodes[first] as Text,
        startOffset: from - (starts[first] ?? 0),
        endContainer: nodes[end] as Text,
        endOffset: to - (starts[end] ?? 0),
      });
      const entry: TermRange = {
        termId,
        range,
        nodes: first === end ? [nodes[first] as Text] : nodes.slice(first, end + 1),
      };
      if (this.firstOccurrenceOnly && !this.takesOver(entry)) continue;
      store.add(entry);
      this.stats.matches++;
    }
    this.cursor = first;
  }

  /**
   * With "first occurrence only": whether `entry` is now its term's first occurrence in the page,
   * in which case the one shown so far (found later in the page, or read earlier: text added above
   * it, an open shadow root read after its light tree) leaves the highlight.
   */
  private takesOver(entry: TermRange): boolean {
    const { store, shown } = this;
    let current = shown.get(entry.termId);
    if (current === undefined || !store.holds(current)) current = store.anyOf(entry.termId);
    if (current !== undefined) {
      if (compareStarts(current.range, entry.range) <= 0) return false;
      store.remove(current);
    }
    shown.set(entry.termId, entry);
    return true;
  }
}

/**
 * A resumable scan over several roots: each `step()` reads blocks, or part of a huge one, and
 * matches them or a slice, a few thousand units in all; it returns false when all are done, so the
 * caller decides how to slice the work into tasks.
 */
export function scanSteps(
  roots: readonly Node[],
  matcher: Matcher,
  store: HighlightStore,
  options: ScanOptions,
  visit: BlockVisitor,
  stats: ScanStats,
  fresh = false,
): () => boolean {
  let i = 0;
  let blocks: BlockReader | null = null;
  const highlighter = new BlockHighlighter(matcher, store, stats, options.firstOccurrenceOnly, fresh);
  // One block at a time, most of a page's blocks being a few hundred units, would make the caller
  // read the clock thousands of times (each read costs a microsecond from a content script).
  const one = (): boolean => {
    if (highlighter.busy) {
      // A part always follows one that says the block goes on.
      if (highlighter.needsText) highlighter.addPart(blocks?.read() ?? END_OF_BLOCK);
      highlighter.step();
      return true;
    }
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
      highlighter.addPart(block);
      highlighter.step();
      return true;
    }
  };
  // Steps grow as the code warms up, like the highlighter's slices.
  let stepUnits = FIRST_STEP_UNITS;
  return () => {
    const before = stats.chars;
    const units = stepUnits;
    if (stepUnits < STEP_UNITS) stepUnits *= 2;
    while (one()) if (stats.chars - before >= units || highlighter.busy) return true;
    return false;
  };
}

/** Units read per step at least (unless a block is under way): a few hundred microseconds of work. */
const STEP_UNITS = 4_096;
const FIRST_STEP_UNITS = 256;

const END_OF_BLOCK: TextBlock = { kind: 'walked', text: '', nodes: [], starts: [], more: false };
