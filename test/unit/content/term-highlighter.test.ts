// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightStore } from '../../../src/content/highlight-store';
import { compileMatcher, packMatcher } from '../../../src/shared/matcher';
import { installHighlightFakes } from '../fakes/highlights';

const matcher = compileMatcher([
  { id: 'g/cac', forms: [{ text: '网信办', caseSensitive: false, exact: false }] },
  { id: 'g/mlps', forms: [{ text: 'MLPS', caseSensitive: true, exact: true }] },
]);

const RealSegmenter = Intl.Segmenter;
/** `Intl`, whose properties are writable at run time though typed read-only. */
const writableIntl = Intl as { -readonly [K in keyof typeof Intl]: (typeof Intl)[K] };
let made = 0;
let life: AbortController;

beforeEach(() => {
  installHighlightFakes();
  performance.clearMeasures();
  made = 0;
  // Counts the segmenters made, and makes real ones.
  writableIntl.Segmenter = class extends RealSegmenter {
    constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
      super(...args);
      made++;
    }
  };
  life = new AbortController();
});

afterEach(() => {
  life.abort();
  writableIntl.Segmenter = RealSegmenter;
  vi.restoreAllMocks();
});

/**
 * Starts highlighting `html` with fresh modules (the segmenter is made once per module instance),
 * holding the snapshot back until the returned function is called.
 */
async function start(html: string) {
  vi.resetModules();
  const { default: browser } = await import('../../../src/shared/browser');
  const { HighlightStore, liveRange } = await import('../../../src/content/highlight-store');
  const { initTermHighlighter } = await import('../../../src/content/term-highlighter');
  document.title = 'Page';
  document.body.innerHTML = html;
  let answer: () => void = () => undefined;
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(
    (message: unknown) =>
      new Promise((resolve) => {
        if ((message as { type?: string }).type !== 'getSnapshot') return;
        answer = () =>
          resolve({ ok: true, value: { version: 1, matcher: packMatcher(matcher), colours: { g: 0 } } });
      }),
  );
  const store: HighlightStore = new HighlightStore(document);
  initTermHighlighter(document, store, { includeCode: false, firstOccurrenceOnly: false }, life.signal);
  const highlighted = () =>
    store.inDocumentOrder().map((entry) => liveRange(document, entry.range).toString());
  return { answer: () => answer(), highlighted };
}

const scanned = () =>
  vi.waitFor(() => expect(performance.getEntriesByName('termlight:scan')).toHaveLength(1));

describe('initTermHighlighter: the CJK segmenter is ready before the first scan', () => {
  it('makes it while the page waits for its matcher, on a page that shows Chinese', async () => {
    const page = await start('<p>中央网信办发布通知</p>');
    // Made before the background has answered: the wait, not the scan, pays for it.
    await vi.waitFor(() => expect(made).toBe(1));
    page.answer();
    await scanned();
    expect(made).toBe(1);
    expect(page.highlighted()).toEqual(['网信办']);
  });

  it('makes none on a page with no Chinese or Japanese', async () => {
    const page = await start('<p>The MLPS rules</p>');
    page.answer();
    await scanned();
    // The control: the page was scanned, and its term found.
    expect(page.highlighted()).toEqual(['MLPS']);
    expect(made).toBe(0);
  });
});

describe('initTermHighlighter: a snapshot change heard while the first answer is on its way', () => {
  it('asks once more with the version it got, and scans the page once', async () => {
    vi.resetModules();
    const { default: browser } = await import('../../../src/shared/browser');
    const { HighlightStore } = await import('../../../src/content/highlight-store');
    const { initTermHighlighter } = await import('../../../src/content/term-highlighter');
    document.body.innerHTML = '<p>The MLPS rules</p>';
    const asks: (number | undefined)[] = [];
    let answerFirst: () => void = () => undefined;
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((message: unknown) => {
      const { type, knownVersion } = message as { type?: string; knownVersion?: number };
      if (type !== 'getSnapshot') return new Promise(() => undefined);
      asks.push(knownVersion);
      if (knownVersion === 1) return Promise.resolve({ ok: true, value: { unchanged: true } });
      return new Promise((resolve) => {
        answerFirst = () =>
          resolve({ ok: true, value: { version: 1, matcher: packMatcher(matcher), colours: { g: 0 } } });
      });
    });
    initTermHighlighter(
      document,
      new HighlightStore(document),
      { includeCode: false, firstOccurrenceOnly: false },
      life.signal,
    );
    await vi.waitFor(() => expect(asks).toEqual([undefined]));
    // The background bumps the version as it seeds, after the page asked: the page hears of it.
    await browser.storage.local.set({ snapshotVersion: 1 });
    answerFirst();
    await scanned();
    await vi.waitFor(() => expect(asks).toEqual([undefined, 1]));
    // Give a second scan, had one been started, the time to end.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(performance.getEntriesByName('termlight:scan')).toHaveLength(1);
  });
});
