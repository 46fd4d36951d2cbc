/**
 * Finding a clipping's passage again in a page's text. Pure string code (the content script maps
 * the range back to DOM nodes), in the order of the Hypothesis client's anchoring: the stored
 * position while the text there still agrees, then the exact quote, then an approximate quote.
 * A passage that cannot be told apart from another place is not guessed at: it becomes an orphan.
 */
import search from 'approx-string-match';
import type { ClippingSelector, TextPositionSelector, TextQuoteSelector } from './model';

/** Where a passage was found (UTF-16 offsets in the page text), and which step found it. */
export interface Anchor {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

interface Candidate {
  start: number;
  end: number;
  /** Edits between the stored quote and the text at this place (0 for an exact occurrence). */
  errors: number;
}

// A candidate's score, after the weights of Hypothesis's match-quote: the passage itself counts
// most, each side of its context next, and nearness to the old position only breaks near-ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

// The best candidate must lead the runner-up by about half of one side's context: nearness to the
// old position (at most 2/92) can never reach it alone, so a repeated quote is not picked by it.
const CLEAR_LEAD = 0.1;

// Unrelated 32-character stretches of prose are commonly a quarter to two fifths alike by edit
// distance, so context support counts only similarity above this level: otherwise chance
// agreement could let one of several look-alike places lead the others.
const CHANCE_SIMILARITY = 0.5;

// Below this length an approximate match is more likely another phrase than the passage edited.
const MIN_FUZZY_QUOTE_LENGTH = 12;
const FUZZY_ERROR_RATE = 0.2;
// Keeps the bit-parallel search (cost grows with errors / 32) cheap for very long passages.
const MAX_FUZZY_ERRORS = 256;
// An approximate match must have a nearly intact quote (about 92 %) or one side of its context.
const MIN_FUZZY_SCORE = 0.5;

/** Finds the passage the selectors describe in `text`, or null when it is gone or ambiguous. */
export function anchorPassage(text: string, selectors: readonly ClippingSelector[]): Anchor | null {
  const quick = anchorExactly(text, selectors);
  if (quick !== NEEDS_APPROXIMATE) return quick;
  const approximate = new ApproximateSearch(text, selectors);
  while (approximate.step()) {
    // Each step searches one segment of the text.
  }
  return approximate.result();
}

/** What {@link anchorExactly} says when only an approximate search can tell. */
export const NEEDS_APPROXIMATE = 'needs-approximate';

/**
 * The first two steps of {@link anchorPassage}: the stored position, then the exact quote. Each costs
 * an indexOf or two; the approximate search that may follow is the caller's to spread over tasks.
 */
export function anchorExactly(
  text: string,
  selectors: readonly ClippingSelector[],
): Anchor | null | typeof NEEDS_APPROXIMATE {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quote || quote.exact === '') return null;
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (position && positionStillHolds(text, quote, position)) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const hint = position?.start;
  const exact = exactOccurrences(text, quote.exact);
  // One occurrence needs no scoring (a page whose text only shifted costs an indexOf), unless the
  // quote is short: a lone "MLPS" elsewhere on the page is another mention, not the passage, unless
  // some of its context came along.
  const [only] = exact;
  if (exact.length === 1 && only) {
    const trusted =
      quote.exact.length >= MIN_FUZZY_QUOTE_LENGTH ||
      prefixSupport(text, quote.prefix, only.start) + suffixSupport(text, quote.suffix, only.end) > 0;
    return trusted ? { start: only.start, end: only.end, method: 'quote' } : null;
  }
  if (exact.length > 1) {
    const best = clearBest(text, quote, hint, exact);
    return best && { start: best.start, end: best.end, method: 'quote' };
  }
  return quote.exact.length < MIN_FUZZY_QUOTE_LENGTH ? null : NEEDS_APPROXIMATE;
}

/** Characters of page text one approximate-search step reads (plus the overlap a match needs). */
const SEGMENT_CHARS = 32_768;

/**
 * The approximate step of {@link anchorPassage}, a segment of the text at a time: over a whole
 * 1 MB page one search takes tens of milliseconds, which must not be one task. Segments overlap by
 * the longest match, so a match across a boundary is found whole; only the matches with the
 * fewest errors over the whole text are kept, as one search of it would give.
 */
export class ApproximateSearch {
  private readonly quote: TextQuoteSelector | undefined;
  private readonly hint: number | undefined;
  private readonly maxErrors: number;
  private at = 0;
  private fewest = Number.POSITIVE_INFINITY;
  private found: Candidate[] = [];

  constructor(
    private readonly text: string,
    selectors: readonly ClippingSelector[],
    private readonly segment = SEGMENT_CHARS,
  ) {
    this.quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
    this.hint = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector')?.start;
    const length = this.quote?.exact.length ?? 0;
    this.maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(length * FUZZY_ERROR_RATE));
    if (!this.quote || length < MIN_FUZZY_QUOTE_LENGTH) this.at = text.length;
  }

  /** Searches the next segment; false once the whole text has been searched. */
  step(): boolean {
    const { quote, text } = this;
    if (!quote || this.at >= text.length) return false;
    const from = this.at;
    const to = Math.min(text.length, from + this.segment + quote.exact.length + this.maxErrors);
    // Only the matches with the fewest errors in the segment come back: every candidate kept ties
    // on the quote, and its context decides.
    for (const match of search(text.slice(from, to), quote.exact, this.maxErrors)) {
      const candidate = { start: from + match.start, end: from + match.end, errors: match.errors };
      if (candidate.errors < this.fewest) {
        this.fewest = candidate.errors;
        this.found = [];
      }
      if (candidate.errors > this.fewest) continue;
      // A match in the overlap is found by both segments.
      if (!this.found.some((c) => c.start === candidate.start && c.end === candidate.end))
        this.found.push(candidate);
    }
    this.at = from + this.segment;
    return this.at < text.length;
  }

  /** The clearly best approximate match, once every segment is searched; null when there is none. */
  result(): Anchor | null {
    if (!this.quote) return null;
    const best = clearBest(this.text, this.quote, this.hint, this.found);
    return best && best.score >= MIN_FUZZY_SCORE
      ? { start: best.start, end: best.end, method: 'fuzzy' }
      : null;
  }
}

function positionStillHolds(text: string, quote: TextQuoteSelector, position: TextPositionSelector): boolean {
  const { start, end } = position;
  // startsWith clamps a negative offset to 0, so a corrupt selector must be refused first.
  if (!Number.isInteger(start) || start < 0 || end - start !== quote.exact.length) return false;
  if (!text.startsWith(quote.exact, start)) return false;
  if (text.endsWith(quote.prefix, start) && text.startsWith(quote.suffix, end)) return true;
  // With its context changed, the old offsets are trusted only when no other place has the quote.
  return text.indexOf(quote.exact) === start && text.indexOf(quote.exact, start + 1) === -1;
}

function exactOccurrences(text: string, exact: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

/** The best-scoring candidate if it clearly leads every place that does not overlap it. */
function clearBest(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  candidates: readonly Candidate[],
): (Candidate & { score: number }) | null {
  const scored = candidates.map((c) => ({ ...c, score: score(text, quote, hint, c) }));
  let best = scored[0];
  for (const c of scored) if (best && c.score > best.score) best = c;
  if (!best) return null;
  // Overlapping candidates are one place (an approximate match found with several ends, or a
  // periodic quote), not rivals.
  let runnerUp = Number.NEGATIVE_INFINITY;
  for (const c of scored) if (!overlaps(best, c)) runnerUp = Math.max(runnerUp, c.score);
  return best.score - runnerUp >= CLEAR_LEAD ? best : null;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

function score(text: string, quote: TextQuoteSelector, hint: number | undefined, c: Candidate): number {
  const quoteSimilarity = 1 - c.errors / quote.exact.length;
  const nearness =
    hint === undefined ? 0 : 1 - Math.min(1, Math.abs(c.start - hint) / Math.max(1, text.length));
  return (
    (QUOTE_WEIGHT * quoteSimilarity +
      PREFIX_WEIGHT * prefixSupport(text, quote.prefix, c.start) +
      SUFFIX_WEIGHT * suffixSupport(text, quote.suffix, c.end) +
      POSITION_WEIGHT * nearness) /
    TOTAL_WEIGHT
  );
}

// describePassage stores empty context only at an edge of the text, so it agrees only there.
function prefixSupport(text: string, prefix: string, start: number): number {
  if (prefix === '') return start === 0 ? 1 : 0;
  return similarityAboveChance(prefix, text.slice(Math.max(0, start - prefix.length), start));
}

function suffixSupport(text: string, suffix: string, end: number): number {
  if (suffix === '') return end === text.length ? 1 : 0;
  return similarityAboveChance(suffix, text.slice(end, end + suffix.length));
}

/** 0 (no more alike than chance) to 1 (identical): how well stored context matches the text there. */
function similarityAboveChance(stored: string, actual: string): number {
  const errors = search(actual, stored, stored.length)[0]?.errors ?? stored.length;
  const similarity = 1 - errors / stored.length;
  return Math.max(0, (similarity - CHANCE_SIMILARITY) / (1 - CHANCE_SIMILARITY));
}
