// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPageState } from '../../../src/content/page-state';
import browser from '../../../src/shared/browser';
import type { PageState } from '../../../src/shared/settings';

const ON: PageState = { on: true, firstOccurrenceOnly: false, includeCode: false };
const OFF: PageState = { ...ON, on: false };

afterEach(() => vi.restoreAllMocks());

/** Sends `message` to the frame's listeners as `sender`. */
function deliver(message: unknown, sender: { id?: string }): void {
  for (const listener of (
    browser.runtime.onMessage as unknown as { listeners: Set<(m: unknown, s: unknown) => void> }
  ).listeners)
    listener(message, sender);
}

describe("a frame's state from the background", () => {
  it('applies the answer, then every push from the extension, and stops when the signal aborts', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: ON });
    const seen: PageState[] = [];
    const life = new AbortController();
    watchPageState((state) => seen.push(state), life.signal);
    await vi.waitFor(() => expect(seen).toEqual([ON]));
    deliver({ type: 'pageState', state: OFF }, { id: browser.runtime.id });
    // Not from this extension, or not a state: ignored.
    deliver({ type: 'pageState', state: ON }, { id: 'another-extension' });
    deliver({ type: 'pageState', state: { on: 'yes' } }, { id: browser.runtime.id });
    life.abort();
    deliver({ type: 'pageState', state: ON }, { id: browser.runtime.id });
    expect(seen).toEqual([ON, OFF]);
  });

  it('drops an answer that arrives after a newer push', async () => {
    let answer: (value: unknown) => void = () => undefined;
    vi.spyOn(browser.runtime, 'sendMessage').mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const seen: PageState[] = [];
    const life = new AbortController();
    watchPageState((state) => seen.push(state), life.signal);
    deliver({ type: 'pageState', state: OFF }, { id: browser.runtime.id });
    answer({ ok: true, value: ON });
    await new Promise((r) => setTimeout(r, 10));
    life.abort();
    expect(seen).toEqual([OFF]);
  });
});
