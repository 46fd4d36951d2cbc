/**
 * Matching a text that comes in parts, or is too long to match in one task: a block of a page
 * that is one huge paragraph, or one huge text node. Each step matches a slice and keeps only the
 * tail that a match could still run into, so the matches are exactly those of the whole text.
 */
import type { Matcher } from './compile';
import { EDGE_CONTEXT } from './edge-rules';
import { findMatchSpansFrom, startsCluster } from './find';
import { contextStart } from './scan';

/** Call {@link MatchStream.step} again. */
export const STREAM_MORE = 0;
/** Push the next part of the text before the next step. */
export const STREAM_NEEDS_TEXT = 1;
/** Every match of the whole text has been found. */
export const STREAM_DONE = 2;
export type StreamState = typeof STREAM_MORE | typeof STREAM_NEEDS_TEXT | typeof STREAM_DONE;

export class MatchStream {
  /** The part of the text still needed: what is left to match and the context before it. */
  private text = '';
  /** Offset of `text` in the whole text. */
  private base = 0;
  /** Where matching goes on, in `text`. */
  private from = 0;
  private final = false;
  /** End of the last match, in the whole text: a scan resumed inside a cluster may find it again. */
  private lastEnd = 0;
  private readonly spans: number[] = [];

  constructor(private readonly matcher: Matcher) {}

  /** Starts a new text with its first part (`last` when it is the whole text). */
  start(part: string, last: boolean): void {
    this.text = part;
    this.base = 0;
    this.from = 0;
    this.final = last;
    this.lastEnd = 0;
  }

  /** Adds the next part of the text (`last` when no more follows). */
  push(part: string, last: boolean): void {
    // The context kept is what the edge rules may read before a match (and the normaliser needs).
    const keep = this.from > 0 ? contextStart(this.text, Math.max(1, this.from - EDGE_CONTEXT)) : 0;
    this.text = this.text.slice(keep) + part;
    this.base += keep;
    this.from -= keep;
    // The part may open with units that join the one before it: match from their cluster's start
    // (no match ends there, since a walk that reached the end of the text left it unsettled).
    while (this.from > 0 && !startsCluster(this.text, this.from)) this.from--;
    this.final = last;
  }

  /**
   * Matches about `budget` more units, appending the matches found as `start, end, term` triples
   * in offsets of the whole text to `out`, and says what comes next.
   */
  step(budget: number, out: number[]): StreamState {
    const { text, spans, base } = this;
    const n = text.length;
    const stop = Math.min(n, this.from + budget);
    const next = findMatchSpansFrom(this.matcher, text, this.from, stop, this.final, spans);
    for (let p = 0; p < spans.length; p += 3) {
      const start = base + (spans[p] ?? 0);
      if (start < this.lastEnd) continue;
      this.lastEnd = base + (spans[p + 1] ?? 0);
      out.push(start, this.lastEnd, spans[p + 2] ?? 0);
    }
    this.from = next;
    if (next >= n) return this.final ? STREAM_DONE : STREAM_NEEDS_TEXT;
    // Below the stop only when the text ran out under a possible match.
    return next < stop ? STREAM_NEEDS_TEXT : STREAM_MORE;
  }
}
