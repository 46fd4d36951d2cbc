/** "On this page": the frames' answers to `pageTerms`, merged into one list for the tab. */
import type { FramePageTerms } from '../shared/messages';

/** One frame's answer (or `null` when the frame did not answer: no content script there). */
export interface FrameAnswer {
  frameId: number;
  answer: FramePageTerms | null;
}

/** A term of the tab: its occurrences in all frames, and the frame holding its first one. */
export interface PageTerm {
  id: string;
  count: number;
  frameId: number;
}

/** The tab's terms and clippings. */
export interface PageSummary {
  terms: PageTerm[];
  clippings: number;
}

/**
 * Sums counts by term id over the frames, ordered by first appearance: the top frame first, then
 * the other frames in the order given, and within a frame by reading order.
 */
export function mergeFrameTerms(frames: readonly FrameAnswer[]): PageSummary {
  const ordered = [...frames].sort((a, b) => (a.frameId === 0 ? -1 : b.frameId === 0 ? 1 : 0));
  const byId = new Map<string, PageTerm>();
  let clippings = 0;
  for (const { frameId, answer } of ordered) {
    if (!answer) continue;
    clippings += answer.clippings;
    const terms = [...answer.terms].sort((a, b) => a.first - b.first);
    for (const term of terms) {
      const known = byId.get(term.id);
      if (known) known.count += term.count;
      else byId.set(term.id, { id: term.id, count: term.count, frameId });
    }
  }
  return { terms: [...byId.values()], clippings };
}
