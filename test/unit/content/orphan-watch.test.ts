// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHTS_CHANGED_EVENT } from '../../../src/content/main-world/hook-events';
import { watchForOrphaning } from '../../../src/content/orphan-watch';
import browser from '../../../src/shared/browser';
import { EXTENSION_ID } from '../fakes/browser';

const runtime = browser.runtime as { id: string | undefined };

describe('a content script orphaned by an update', () => {
  afterEach(() => {
    runtime.id = EXTENSION_ID;
  });

  it('stops once, at the first event after the extension went away, and not before', () => {
    const stop = vi.fn();
    watchForOrphaning(document, stop);
    document.dispatchEvent(new Event('pointerover'));
    expect(stop).not.toHaveBeenCalled();
    runtime.id = undefined;
    document.dispatchEvent(new Event(HIGHLIGHTS_CHANGED_EVENT));
    document.dispatchEvent(new Event('keydown'));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('is woken by a newer copy starting in another world, and stops if its extension is gone', () => {
    const older = vi.fn();
    watchForOrphaning(document, older);
    // Another world: the newer copy does not find the older one's stop function.
    delete (globalThis as Record<string, unknown>).__termlightStop;
    runtime.id = undefined;
    const newer = vi.fn();
    watchForOrphaning(document, newer);
    expect(older).toHaveBeenCalledTimes(1);
    expect(newer).not.toHaveBeenCalled();
  });

  it('is stopped by a newer copy starting in the same world, which itself keeps running', () => {
    const older = vi.fn();
    const newer = vi.fn();
    watchForOrphaning(document, older);
    watchForOrphaning(document, newer);
    expect(older).toHaveBeenCalledTimes(1);
    expect(newer).not.toHaveBeenCalled();
    runtime.id = undefined;
    document.dispatchEvent(new Event('pointerover'));
    expect(older).toHaveBeenCalledTimes(1);
    expect(newer).toHaveBeenCalledTimes(1);
  });
});
