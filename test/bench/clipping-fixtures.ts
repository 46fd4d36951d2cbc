/**
 * The saved clippings of the re-anchoring bench: passages spread over the bench article's page text,
 * described with the selectors the content script stores, then changed the way a page changes
 * between visits: some left in place, some moved (their stored position is off), some edited (one
 * word of the stored quote differs from the page). Each is checked in node against the anchoring
 * code, so every clipping is known to be found, where, and by which step.
 */
import { type Anchor, anchorPassage } from '../../src/shared/clippings/anchor';
import { describePassage } from '../../src/shared/clippings/describe';
import type {
  Clipping,
  ClippingSelector,
  TextPositionSelector,
  TextQuoteSelector,
} from '../../src/shared/clippings/model';
import { hostOf, normalizePageUrl } from '../../src/shared/clippings/page-url';
import { createRng, type Rng } from './prng';
import { median } from './stats';

export type AnchorMethod = Anchor['method'];

/** How many clippings of each kind: found by position, by exact quote, by approximate quote. */
export interface ClippingMix {
  position: number;
  quote: number;
  fuzzy: number;
}

export const DEFAULT_MIX: ClippingMix = { position: 400, quote: 75, fuzzy: 25 };

/** One bench clipping and where it must be found in the page text. */
export interface BenchClipping {
  clipping: Clipping;
  /** The passage in the page text (the edited ones: where the original words stand). */
  start: number;
  end: number;
  expected: AnchorMethod;
}

/** anchorPassage timed in node over the same text, per step that found the clippings. */
export interface NodeAnchorTimes {
  totalMs: number;
  byMethod: Record<AnchorMethod, { count: number; totalMs: number; medianMs: number; maxMs: number }>;
  /** The slowest single clipping. */
  slowest: { method: AnchorMethod; ms: number; chars: number };
}

const MIN_CHARS = 40;
const MAX_CHARS = 300;
/** How far a moved clipping's stored position is off, in characters (either way). */
const SHIFT_MIN = 100;
const SHIFT_MAX = 900;
/** Words an edited clipping's quote gets instead of one of the page's. */
const REPLACEMENTS = ['quarterly', 'unusual', 'regional', 'strategic', 'tentative', 'modest', 'formal'];

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

/** Whether `i` is where a word starts (after white space or at the start of the text). */
const wordStart = (text: string, i: number): boolean => !isSpace(text[i]) && isSpace(text[i - 1]);
/** Whether `i` is just after a word's end (before white space or at the end of the text). */
const wordEnd = (text: string, i: number): boolean => !isSpace(text[i - 1]) && isSpace(text[i]);

/** A passage of `[from, to)` of 40–300 characters that starts and ends at word boundaries, if any. */
function passageIn(text: string, from: number, to: number, rng: Rng): { start: number; end: number } | null {
  for (let attempt = 0; attempt < 20; attempt++) {
    let start = rng.int(from, Math.max(from, to - MIN_CHARS));
    while (start < to && !wordStart(text, start)) start++;
    const limit = Math.min(to, start + MAX_CHARS);
    let end = Math.min(limit, start + rng.int(MIN_CHARS, MAX_CHARS));
    while (end <= limit && !wordEnd(text, end)) end++;
    if (end > limit) {
      // No word end past the drawn length: the last one before it.
      end = Math.min(limit, start + MAX_CHARS);
      while (end > start && !wordEnd(text, end)) end--;
    }
    const passage = text.slice(start, end);
    // Mostly words, not the white space between blocks.
    if (end - start >= MIN_CHARS && passage.replace(/\s+/g, ' ').length >= MIN_CHARS) return { start, end };
  }
  return null;
}

/** The quote with one word (not the first or last, so the passage's ends stay put) replaced. */
function editOneWord(exact: string, rng: Rng): string | null {
  const words = [...exact.matchAll(/[A-Za-z]{3,}/g)].filter(
    (m) => m.index > 0 && m.index + m[0].length < exact.length,
  );
  if (words.length === 0) return null;
  const word = rng.pick(words);
  const others = REPLACEMENTS.filter((r) => r !== word[0].toLowerCase());
  const edited = `${exact.slice(0, word.index)}${rng.pick(others)}${exact.slice(word.index + word[0].length)}`;
  return edited.length >= MIN_CHARS ? edited : null;
}

function quoteOf(selectors: ClippingSelector[]): TextQuoteSelector {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quote) throw new Error('describePassage made no quote selector');
  return quote;
}

function positionOf(selectors: ClippingSelector[]): TextPositionSelector {
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!position) throw new Error('describePassage made no position selector');
  return position;
}

/** The selectors of a clipping of kind `kind` for `text[start, end)`, or null when it cannot be made. */
function selectorsFor(
  text: string,
  start: number,
  end: number,
  kind: AnchorMethod,
  rng: Rng,
): ClippingSelector[] | null {
  const selectors = describePassage(text, start, end);
  const quote = quoteOf(selectors);
  const position = positionOf(selectors);
  if (kind === 'position') return [quote, position];
  if (kind === 'quote') {
    const shift = rng.int(SHIFT_MIN, SHIFT_MAX) * (rng.chance(0.5) ? -1 : 1);
    const moved = start + shift >= 0 && end + shift <= text.length ? shift : -shift;
    return [quote, { ...position, start: start + moved, end: end + moved }];
  }
  const edited = editOneWord(quote.exact, rng);
  return edited ? [{ ...quote, exact: edited }, position] : null;
}

/** Whether the anchoring code finds `selectors` at `[start, end)` by the `kind` step. */
function anchorsAsExpected(
  text: string,
  selectors: ClippingSelector[],
  start: number,
  end: number,
  kind: AnchorMethod,
): boolean {
  const anchor = anchorPassage(text, selectors);
  return anchor !== null && anchor.method === kind && anchor.start === start && anchor.end === end;
}

/** The kinds of `mix` spread evenly over `count` slots (moved and edited ones not bunched up). */
function kindsOf(mix: ClippingMix, rng: Rng): AnchorMethod[] {
  const kinds: AnchorMethod[] = [
    ...Array<AnchorMethod>(mix.position).fill('position'),
    ...Array<AnchorMethod>(mix.quote).fill('quote'),
    ...Array<AnchorMethod>(mix.fuzzy).fill('fuzzy'),
  ];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j] as AnchorMethod, kinds[i] as AnchorMethod];
  }
  return kinds;
}

/**
 * Clippings of `url` over `text` (the page text as the content script reads it): one passage per
 * equal slice of the text, none overlapping, of the kinds in `mix`. Throws when a slice has no
 * passage that anchors as planned (the text is too short or too repetitive).
 */
export function benchClippings(text: string, url: string, mix = DEFAULT_MIX, seed = 11): BenchClipping[] {
  const rng = createRng(seed);
  const kinds = kindsOf(mix, rng);
  const slot = Math.floor(text.length / kinds.length);
  if (slot < MAX_CHARS + 2)
    throw new Error(`a text of ${text.length} chars is too short for ${kinds.length} clippings`);
  const pageUrl = normalizePageUrl(url);
  const site = hostOf(pageUrl);
  const created = Date.UTC(2026, 0, 1);
  return kinds.map((kind, i) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const passage = passageIn(text, i * slot, (i + 1) * slot - 1, rng);
      if (!passage) continue;
      const { start, end } = passage;
      const selectors = selectorsFor(text, start, end, kind, rng);
      if (!selectors || !anchorsAsExpected(text, selectors, start, end, kind)) continue;
      const clipping: Clipping = {
        id: `bench-clip-${String(i).padStart(4, '0')}`,
        url: pageUrl,
        site,
        title: 'Bench article',
        exact: quoteOf(selectors).exact,
        selectors,
        note: '',
        tags: [],
        termIds: [],
        createdAt: created + i * 1000,
        updatedAt: created + i * 1000,
        anchored: true,
      };
      return { clipping, start, end, expected: kind };
    }
    throw new Error(`no ${kind} clipping could be made in slice ${i} of the page text`);
  });
}

/** Times anchorPassage for every clipping over `text` in node (after one untimed round). */
export function timeAnchoring(text: string, clippings: readonly BenchClipping[]): NodeAnchorTimes {
  for (const c of clippings) anchorPassage(text, c.clipping.selectors);
  const ms: Record<AnchorMethod, number[]> = { position: [], quote: [], fuzzy: [] };
  let slowest: NodeAnchorTimes['slowest'] = { method: 'position', ms: 0, chars: 0 };
  for (const c of clippings) {
    const t0 = performance.now();
    anchorPassage(text, c.clipping.selectors);
    const took = performance.now() - t0;
    ms[c.expected].push(took);
    if (took > slowest.ms) slowest = { method: c.expected, ms: took, chars: c.clipping.exact.length };
  }
  const stats = (values: number[]) => ({
    count: values.length,
    totalMs: values.reduce((a, b) => a + b, 0),
    medianMs: median(values),
    maxMs: values.length > 0 ? Math.max(...values) : 0,
  });
  const byMethod = { position: stats(ms.position), quote: stats(ms.quote), fuzzy: stats(ms.fuzzy) };
  const totalMs = byMethod.position.totalMs + byMethod.quote.totalMs + byMethod.fuzzy.totalMs;
  return { totalMs, byMethod, slowest };
}
