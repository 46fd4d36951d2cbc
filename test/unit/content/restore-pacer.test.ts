import { describe, expect, it } from 'vitest';
import { nextDelay, type PacerClock, RestorePacer } from '../../../src/content/restore-pacer';

/** A clock whose time moves only when the test says. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  const clock: PacerClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.push({ at: now + ms, run, id: ++ids });
      return ids;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.run();
    }
    now = end;
  };
  return { clock, advance };
}

describe('nextDelay', () => {
  it('restores at once after a quiet spell, and backs off while the page keeps taking things away', () => {
    const cases: [number, number, number][] = [
      [0, Number.POSITIVE_INFINITY, 0],
      [0, 5_000, 0],
      [0, 10, 16],
      [16, 10, 32],
      [1_024, 10, 2_000],
      [2_000, 900, 2_000],
      [2_000, 1_001, 0],
    ];
    const failing = cases.filter(([last, since, want]) => nextDelay(last, since) !== want);
    expect(failing).toEqual([]);
  });
});

describe('RestorePacer', () => {
  it('never restores inside the call that asked, and joins requests made while one is pending', () => {
    const { clock, advance } = fakeClock();
    let restores = 0;
    const pacer = new RestorePacer(() => restores++, new AbortController().signal, clock);
    pacer.request();
    pacer.request();
    expect(restores).toBe(0);
    advance(0);
    expect(restores).toBe(1);
  });

  it('restores a few times a second at most against a page that deletes in a loop', () => {
    const { clock, advance } = fakeClock();
    let restores = 0;
    const pacer = new RestorePacer(() => restores++, new AbortController().signal, clock);
    // The page takes the highlights away again every millisecond for ten seconds.
    for (let ms = 0; ms < 10_000; ms++) {
      pacer.request();
      advance(1);
    }
    expect(restores).toBeGreaterThan(5);
    expect(restores).toBeLessThan(20);
    // Once the page stops, the next lone change is restored at once again.
    advance(5_000);
    const before = restores;
    pacer.request();
    advance(0);
    expect(restores).toBe(before + 1);
  });

  it('does nothing once its signal aborted', () => {
    const { clock, advance } = fakeClock();
    let restores = 0;
    const controller = new AbortController();
    const pacer = new RestorePacer(() => restores++, controller.signal, clock);
    pacer.request();
    controller.abort();
    pacer.request();
    advance(10_000);
    expect(restores).toBe(0);
  });
});
