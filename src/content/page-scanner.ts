/**
 * Keeps a document's highlights in step with its text: a full pass (viewport first, then idle
 * chunks), then a MutationObserver that only queues changed roots and a flush that rescans them.
 */
import type { Matcher } from '../shared/matcher';
import { blockRootOf, outermostRoots } from './block-root';
import type { HighlightStore } from './highlight-store';
import type { HighlightStyles } from './highlight-style';
import { afterNextPaint, CHUNK_MS, runInChunks } from './idle-chunks';
import { SHADOW_ATTACHED_EVENT } from './main-world/hook-events';
import { OWN_UI_ATTRIBUTE } from './own-ui';
import { type ScanStats, scanSteps } from './scanner';
import { isInline, type ScanOptions, SKIP_ATTRIBUTES } from './skip-rules';
import { opensAtItsTop, viewportRoots } from './viewport-roots';

/** How often a long pass shows its progress: often enough to feel live, rarely enough to stay cheap. */
const COMMIT_EVERY_MS = 300;

const RECORDS_PER_FLUSH = 2_000;
const UPDATE = 'termlight:update';
const MAX_UPDATE_MEASURES = 100;

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  // The attributes that make a zone skipped (skip-rules.ts): a region that becomes hidden,
  // editable or opted out loses its highlights, and one that stops being so gets them.
  attributeFilter: SKIP_ATTRIBUTES,
};

/** Scans one document and its open shadow roots for as long as `signal` is live. */
export class PageScanner {
  private matcher: Matcher | null = null;
  private pass: AbortController | null = null;
  /** Full passes started. */
  private passes = 0;
  private readonly queued = new Set<Node>();
  /**
   * Mutation records not read yet. The observer's callback only keeps them: a page that makes
   * thousands of changes in one task would otherwise get one long task of ours on top of its own.
   */
  private records: MutationRecord[][] = [];
  private recordAt = 0;
  private flushing = false;
  private readonly shadowRoots = new WeakSet<ShadowRoot>();
  private readonly observer: MutationObserver;
  private readonly visit = { onShadowRoot: (root: ShadowRoot) => this.adoptShadowRoot(root) };

  constructor(
    private readonly doc: Document,
    private readonly store: HighlightStore,
    private readonly options: ScanOptions,
    private readonly styles: HighlightStyles,
    private readonly signal: AbortSignal,
  ) {
    this.observer = new MutationObserver((records) => this.enqueue(records));
    this.observer.observe(doc, OBSERVE);
    // An open shadow root attached to an element already in the page makes no mutation record: the
    // page-world hook (main-world/shadow-watch.ts) reports it, and its host is rescanned.
    doc.addEventListener(SHADOW_ATTACHED_EVENT, (event) => this.onShadowAttached(event), {
      capture: true,
      signal,
    });
    signal.addEventListener('abort', () => {
      this.observer.disconnect();
      this.pass?.abort();
    });
  }

  /** Uses `matcher` from now on and rescans the whole page with it. */
  setMatcher(matcher: Matcher): Promise<ScanStats | null> {
    this.matcher = matcher;
    return this.fullScan();
  }

  /** Clears every highlight and scans the whole page: the blocks in view first, then the rest. */
  async fullScan(): Promise<ScanStats | null> {
    const matcher = this.matcher;
    const body = this.doc.body;
    if (!matcher || !body || this.signal.aborted) return null;
    this.pass?.abort();
    const pass = new AbortController();
    this.pass = pass;
    this.queued.clear();
    this.records = [];
    this.recordAt = 0;
    const startTime = performance.now();
    this.store.clear();
    this.store.attach();
    const stats: ScanStats = { textNodes: 0, chars: 0, matches: 0 };
    // The first pass of a page opened at its top reads from the top, which is what is in view.
    const first = this.passes++ === 0 && opensAtItsTop(this.doc) ? [] : viewportRoots(this.doc, this.options);
    // The store was just cleared, and no block is read twice: no old ranges to forget.
    const inView = scanSteps(first, matcher, this.store, this.options, this.visit, stats, true);
    const rest = scanSteps(
      [body],
      matcher,
      this.store,
      this.options,
      { ...this.visit, done: new Set(first) },
      stats,
      true,
    );
    let viewDone = false;
    // One job: the blocks in view first (painted as soon as they are done), then the rest.
    const steps = () => {
      if (!viewDone) {
        if (inView()) return true;
        viewDone = true;
        this.store.commit();
      }
      return rest();
    };
    const firstPaint = first.length === 0 ? CHUNK_MS : COMMIT_EVERY_MS;
    if (!(await runInChunks(this.committing(steps, firstPaint), pass.signal))) return null;
    this.store.commit();
    performance.measure('termlight:scan', { start: startTime, end: performance.now(), detail: stats });
    return stats;
  }

  /**
   * Wraps a long job's steps so that what it found so far is painted a few times a second, and
   * first after `firstMs` (what a page read from its top shows first).
   */
  private committing(step: () => boolean, firstMs = COMMIT_EVERY_MS): () => boolean {
    let last = performance.now();
    let wait = firstMs;
    return () => {
      const more = step();
      const now = performance.now();
      if (now - last > wait) {
        this.store.commit();
        last = now;
        wait = COMMIT_EVERY_MS;
      }
      return more;
    };
  }

  private adoptShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    // Document styles do not reach into shadow trees, and document observers do not see inside them.
    this.styles.adopt(root);
    this.observer.observe(root, OBSERVE);
  }

  private onShadowAttached(event: Event): void {
    // The path starts at the host even inside open shadow trees, where `target` is retargeted.
    const host = event.composedPath()[0] as Node | undefined;
    if (!host || host.nodeType !== Node.ELEMENT_NODE || !(host as Element).shadowRoot) return;
    this.queued.add(host);
    this.scheduleFlush();
  }

  /**
   * Flushes after the next paint when something is queued or records wait: a block that left the
   * page queues nothing, but its ranges must still leave the registry.
   */
  private scheduleFlush(): void {
    if ((this.queued.size > 0 || this.records.length > 0) && !this.flushing) {
      this.flushing = true;
      afterNextPaint(() => void this.flush());
    }
  }

  private enqueue(records: MutationRecord[]): void {
    this.records.push(records);
    this.scheduleFlush();
  }

  /**
   * Reads one kept record (false when none is left). Read after the scans that ran before it, its
   * forgetting also drops what such a scan found in a block that was hidden or removed meanwhile.
   */
  private readRecord(): boolean {
    const batch = this.records[0];
    if (!batch) return false;
    const record = batch[this.recordAt++];
    if (!record) {
      this.records.shift();
      this.recordAt = 0;
      return this.records.length > 0;
    }
    if (record.type === 'attributes') {
      const { target } = record;
      this.forgetSubtree(target);
      // An inline element changes the running text of its block: read the block around it. A
      // block element is read again itself, unless it is now skipped (blockRootOf gives none).
      const parent = target.parentNode;
      this.queued.add(flowsInline(target) && parent ? parent : target);
      return true;
    }
    if (record.type === 'characterData') {
      this.store.forgetNode(record.target);
      this.queued.add(record.target);
      return true;
    }
    for (const node of record.removedNodes) {
      this.forgetSubtree(node);
      // Inline content leaving a block changes the running text of what stays behind.
      if (flowsInline(node)) this.queued.add(record.target);
    }
    // An added node's own block root covers it; queueing the parent would rescan whole containers.
    for (const node of record.addedNodes) if (mayHoldTerms(node)) this.queued.add(node);
    return true;
  }

  /** Forgets the ranges in `node`'s subtree, and in the shadow trees read inside it. */
  private forgetSubtree(node: Node): void {
    if (node.nodeType === 3) {
      this.store.forgetNode(node);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const walker = this.doc.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let next: Node | null = walker.currentNode; next; next = walker.nextNode()) {
      if (next.nodeType === 3) {
        if (this.store.has(next)) this.store.forgetNode(next);
        continue;
      }
      // A host that leaves the page takes its shadow tree along: no mutation record says so.
      const root = (next as Element).shadowRoot;
      if (root && this.shadowRoots.has(root)) this.forgetSubtree(root);
    }
  }

  private async flush(): Promise<void> {
    // A full pass that starts meanwhile clears the store and reads every block afresh, forgetting
    // nothing (see fullScan): this update must add nothing after it has begun.
    const pass = this.passes;
    // With "first occurrence only", the terms shown now: one whose occurrence goes with this
    // update is looked for again in the whole page, where a later occurrence takes its place.
    const shown = this.options.firstOccurrenceOnly ? this.store.termIds() : [];
    // A few thousand at most, so a page that never stops changing still sees its text updated.
    let budget = RECORDS_PER_FLUSH;
    await runInChunks(() => budget-- > 0 && this.readRecord(), this.signal);
    const matcher = this.matcher;
    const changed = [...this.queued];
    this.queued.clear();
    const roots = new Set<Node>();
    for (const node of changed) {
      const root = blockRootOf(node, this.options);
      if (root) roots.add(root);
    }
    if (shown.length > 0 && this.doc.body) {
      this.store.commit();
      // Read the whole page again only if a term lost its one occurrence: the scan adds only
      // the terms shown nowhere (see BlockHighlighter), so the others keep their place.
      if (shown.some((termId) => this.store.countOf(termId) === 0)) roots.add(this.doc.body);
    }
    const startTime = performance.now();
    const stats: ScanStats = { textNodes: 0, chars: 0, matches: 0 };
    if (matcher && roots.size > 0) {
      const steps = scanSteps(outermostRoots(roots), matcher, this.store, this.options, this.visit, stats);
      await runInChunks(
        this.committing(() => this.passes === pass && steps()),
        this.signal,
      );
      this.store.commit();
      // The timeline keeps measures for the page's life: one that changes all day keeps the latest.
      if (performance.getEntriesByName(UPDATE).length >= MAX_UPDATE_MEASURES)
        performance.clearMeasures(UPDATE);
      performance.measure(UPDATE, { start: startTime, end: performance.now(), detail: stats });
    } else {
      // Nothing to read again (a block was removed, or became skipped): its ranges still go.
      this.store.commit();
    }
    this.flushing = false;
    if (!this.signal.aborted) this.scheduleFlush();
  }
}

function flowsInline(node: Node): boolean {
  return (
    node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && isInline(node as Element))
  );
}

/**
 * False for added nodes that cannot change any match: Termlight's own UI, and whitespace between
 * blocks (formatting text around appended paragraphs would otherwise rescan their whole container).
 */
function mayHoldTerms(node: Node): boolean {
  if (node.nodeType === Node.ELEMENT_NODE) return !(node as Element).hasAttribute(OWN_UI_ATTRIBUTE);
  if (node.nodeType !== Node.TEXT_NODE || /\S/.test((node as Text).data)) return true;
  const before = node.previousSibling;
  const after = node.nextSibling;
  // Whitespace joining two inline pieces ("Data" + " " + "Security") can complete a term.
  return before !== null && after !== null && flowsInline(before) && flowsInline(after);
}

/**
 * Ends at once a pass that reads nothing: a page found to hold no text (see page-text.ts), or one
 * that opts out. Whoever waits for the pass (a test, a benchmark) learns that it has ended.
 */
export function measureEmptyPass(): void {
  const now = performance.now();
  const detail: ScanStats = { textNodes: 0, chars: 0, matches: 0 };
  performance.measure('termlight:scan', { start: now, end: now, detail });
}
