/**
 * Paces how Termlight puts back what a page script took away (its highlights from `CSS.highlights`,
 * its style sheet from `adoptedStyleSheets`). Never inside the page's own call: a page that empties
 * the registry in a loop (`while (CSS.highlights.size) …`) must see its loop end. Soon after a lone
 * change, and ever later while the page keeps taking things away, so a page that fights back costs
 * a few restores a second at most rather than a busy loop.
 */

/** A restore soon after a lone change: the next task. */
const FIRST_DELAY_MS = 0;
const MIN_BACKOFF_MS = 16;
const MAX_BACKOFF_MS = 2_000;
/** A change this soon after a restore counts as the page fighting back. */
const FIGHT_WINDOW_MS = 1_000;

export interface PacerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The delay before the next restore, given the last delay and how long ago the last restore ran. */
export function nextDelay(lastDelay: number, sinceLastRestore: number): number {
  if (sinceLastRestore > FIGHT_WINDOW_MS) return FIRST_DELAY_MS;
  return Math.min(MAX_BACKOFF_MS, Math.max(MIN_BACKOFF_MS, lastDelay * 2));
}

/** Runs `restore` once per burst of {@link request}s, at a pace set by {@link nextDelay}, until `signal` aborts. */
export class RestorePacer {
  private timer: unknown = null;
  private delay = FIRST_DELAY_MS;
  private lastRestore = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly restore: () => void,
    private readonly signal: AbortSignal,
    private readonly clock: PacerClock = realClock,
  ) {
    signal.addEventListener('abort', () => {
      if (this.timer !== null) clock.clearTimeout(this.timer);
      this.timer = null;
    });
  }

  /** Asks for a restore; requests made while one is pending join it. */
  request(): void {
    if (this.timer !== null || this.signal.aborted) return;
    this.delay = nextDelay(this.delay, this.clock.now() - this.lastRestore);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.lastRestore = this.clock.now();
      if (!this.signal.aborted) this.restore();
    }, this.delay);
  }
}
