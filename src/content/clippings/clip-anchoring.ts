/**
 * Finds this page's saved clippings again and paints them: position, then quote with context, then
 * an approximate quote (shared/clippings/anchor.ts), over the page text read in short steps and the
 * clippings anchored a few at a time, so 500 clippings on a huge page make no long task. A page that
 * changes (a dynamic page, a single-page app's move) is anchored again.
 */
import type { Anchor, ApproximateSearch } from '../../shared/clippings/anchor';
import type { Clipping } from '../../shared/clippings/model';
import { send } from '../../shared/messages';
import { nextTask, runInChunks } from '../idle-chunks';
import { contentUi } from '../lazy-ui';
import type { ContentUi } from '../ui/ui-module';
import type { ClipHighlights, ClipRange } from './clip-highlights';
import { pointAt, readTextMap, type TextMap } from './text-map';

/** How long a page may take to show a clipping's passage before the clipping counts as an orphan. */
const ORPHAN_GRACE_MS = 3_000;
/** Quiet time after the page's last change before anchoring again. */
const SETTLE_MS = 600;
/** Passes after the first, at most, per page (a page that never stops changing stops costing). */
const MAX_RETRIES = 30;

/** The outcome of one pass, as the `termlight:clips` measure's detail. */
export interface AnchorStats {
  clippings: number;
  anchored: number;
  orphans: number;
}

/** The canonical URL the page declares, if any (the background decides whether it counts). */
export function declaredCanonical(doc: Document): string | undefined {
  const href = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  return href ? href.slice(0, 8_000) : undefined;
}

/** Turns offsets in the page text into a range over the page. */
export function rangeAt(map: TextMap, start: number, end: number): StaticRange | null {
  const from = pointAt(map, start, 'start');
  const to = pointAt(map, end, 'end');
  if (!from || !to) return null;
  return new StaticRange({
    startContainer: from.node,
    startOffset: from.offset,
    endContainer: to.node,
    endOffset: to.offset,
  });
}

/**
 * Anchors `clippings` in `map`, a few per step: the position and exact quote of a clipping cost an
 * indexOf or two; an approximate search goes a segment of the page text per step (see
 * ApproximateSearch), so no clipping makes a long task. Null when `signal` aborts first.
 */
async function anchorClippings(
  map: TextMap,
  clippings: readonly Clipping[],
  ui: Pick<ContentUi, 'anchorExactly' | 'ApproximateSearch' | 'NEEDS_APPROXIMATE'>,
  signal: AbortSignal,
): Promise<{ found: ClipRange[]; orphans: Clipping[] } | null> {
  const shown: ClipRange[] = [];
  const orphans: Clipping[] = [];
  let i = 0;
  let searching: { clipping: Clipping; search: ApproximateSearch } | null = null;
  const settle = (clipping: Clipping, anchor: Anchor | null) => {
    const range = anchor && rangeAt(map, anchor.start, anchor.end);
    if (range) shown.push({ clipping, range });
    else orphans.push(clipping);
  };
  const step = () => {
    if (searching) {
      if (searching.search.step()) return true;
      settle(searching.clipping, searching.search.result());
      searching = null;
      return i < clippings.length;
    }
    const clipping = clippings[i++];
    if (!clipping) return false;
    const quick = ui.anchorExactly(map.text, clipping.selectors);
    if (quick === ui.NEEDS_APPROXIMATE) {
      searching = { clipping, search: new ui.ApproximateSearch(map.text, clipping.selectors) };
      return true;
    }
    settle(clipping, quick);
    return i < clippings.length;
  };
  if (clippings.length > 0 && !(await runInChunks(step, signal))) return null;
  return { found: shown, orphans };
}

/** The clippings of one document: fetched, anchored, kept anchored, reported. */
export class PageClippings {
  private clippings: Clipping[] = [];
  private pass: AbortController | null = null;
  private retries = 0;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly startedAt = performance.now();
  private observer: MutationObserver | null = null;
  /** The orphan the reader was sent here to re-attach, if any. */
  reattach: { id: string; exact: string } | undefined;

  constructor(
    private readonly doc: Document,
    private readonly highlights: ClipHighlights,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => {
      clearTimeout(this.settleTimer);
      this.observer?.disconnect();
      this.pass?.abort();
      highlights.detach();
    });
  }

  /** Asks for this page's clippings (again: after a move to another page) and anchors them. */
  async load(): Promise<void> {
    const answer = await send({ type: 'getPageClippings', canonicalUrl: declaredCanonical(this.doc) });
    if (this.signal.aborted) return;
    this.clippings = answer.clippings;
    this.reattach = answer.reattach;
    this.retries = 0;
    this.watch();
    await this.anchor();
  }

  /** A clipping saved or re-attached here just now (it is already painted by the caller). */
  remember(clipping: Clipping): void {
    this.clippings = [...this.clippings.filter((c) => c.id !== clipping.id), clipping];
    if (this.reattach?.id === clipping.id) this.reattach = undefined;
    this.watch();
  }

  private watch(): void {
    if (this.observer || this.clippings.length === 0) return;
    this.observer = new MutationObserver(() => this.onChange());
    this.observer.observe(this.doc, { childList: true, subtree: true, characterData: true });
  }

  private onChange(): void {
    // Only a change that can matter: a clipping still missing, or a shown one whose text went.
    const missing = this.highlights.shown.length < this.clippings.length;
    if (!missing && !this.highlights.hasStaleRanges()) return;
    if (this.retries >= MAX_RETRIES) return;
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.retries++;
      void this.anchor().catch(report);
    }, SETTLE_MS);
  }

  /** One anchoring pass over the whole page; ends with a `termlight:clips` measure. */
  async anchor(): Promise<AnchorStats | null> {
    this.pass?.abort();
    const pass = new AbortController();
    this.pass = pass;
    const abort = () => pass.abort();
    this.signal.addEventListener('abort', abort, { once: true });
    const start = performance.now();
    const clippings = this.clippings;
    // A page with no clippings loads no anchorer and reads no text.
    const ui = clippings.length > 0 ? await contentUi() : null;
    const map = ui ? await readTextMap(this.doc, pass.signal) : null;
    if (ui && !map) return null;
    // Reading the text and anchoring are separate tasks: their last and first steps add up otherwise.
    if (map) await nextTask();
    const result =
      ui && map ? await anchorClippings(map, clippings, ui, pass.signal) : { found: [], orphans: [] };
    this.signal.removeEventListener('abort', abort);
    if (!result || pass.signal.aborted) return null;
    this.highlights.set(result.found);
    const stats: AnchorStats = {
      clippings: clippings.length,
      anchored: result.found.length,
      orphans: result.orphans.length,
    };
    performance.measure('termlight:clips', { start, end: performance.now(), detail: stats });
    this.report(
      result.found.map((f) => f.clipping),
      result.orphans,
    );
    return stats;
  }

  /**
   * Tells the background what changed. A passage still missing within the first seconds may yet
   * appear (a page that renders late): it is reported as an orphan only after the grace time, and
   * the page is looked at again then.
   */
  private report(found: Clipping[], missing: Clipping[]): void {
    const anchored = found.filter((c) => !c.anchored).map((c) => c.id);
    const wait = this.startedAt + ORPHAN_GRACE_MS - performance.now();
    let orphaned: string[] = [];
    if (missing.length > 0 && wait > 0) {
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => void this.anchor().catch(report), wait);
    } else {
      orphaned = missing.filter((c) => c.anchored).map((c) => c.id);
    }
    if (anchored.length === 0 && orphaned.length === 0) return;
    const canonicalUrl = declaredCanonical(this.doc);
    send({ type: 'reportAnchoring', anchored, orphaned, canonicalUrl }).then(() => {
      const state = new Map([
        ...anchored.map((id) => [id, true] as const),
        ...orphaned.map((id) => [id, false] as const),
      ]);
      this.clippings = this.clippings.map((c) =>
        state.has(c.id) ? { ...c, anchored: state.get(c.id) ?? c.anchored } : c,
      );
    }, report);
  }
}

function report(error: unknown): void {
  console.warn("Termlight: could not anchor this page's clippings:", error);
}
