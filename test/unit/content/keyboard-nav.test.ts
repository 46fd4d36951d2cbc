// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardController } from '../../../src/content/card/card-controller';
import { HighlightStore, type TermRange } from '../../../src/content/highlight-store';
import { initKeyboardNav, pageTerms, stepTerm } from '../../../src/content/keyboard-nav';
import browser from '../../../src/shared/browser';
import { EXTENSION_ID } from '../fakes/browser';
import { installHighlightFakes } from '../fakes/highlights';
import { stubRangeLayout } from '../fakes/range-layout';

beforeEach(() => {
  installHighlightFakes();
  stubRangeLayout();
  // happy-dom does not scroll.
  Element.prototype.scrollIntoView = () => undefined;
});

afterEach(() => vi.restoreAllMocks());

/** A card that records which terms it was opened on, and how. */
function fakeCard() {
  const opened: string[] = [];
  const card = {
    open: (termId: string, _rect: DOMRect, mode: string) => opened.push(`${termId} (${mode})`),
  } as unknown as CardController;
  return { card, opened };
}

/**
 * One paragraph per line, each term its whole text: "MLPS", "CAC", "MLPS", "TC260". A paragraph
 * given as `{ hidden: text }` is not laid out (a closed menu, a hidden tab).
 */
function page(lines: (string | { hidden: string })[]) {
  document.body.innerHTML = lines
    .map((line, i) =>
      typeof line === 'string'
        ? `<p data-line="${i}">${line}</p>`
        : `<p data-line="${i}" hidden>${line.hidden}</p>`,
    )
    .join('');
  const store = new HighlightStore(document);
  const entries = [...document.querySelectorAll('p')].map((p): TermRange => {
    const text = p.firstChild as Text;
    const termId = `g/${text.data.toLowerCase()}`;
    const range = new StaticRange({
      startContainer: text,
      startOffset: 0,
      endContainer: text,
      endOffset: text.length,
    });
    return { termId, range, nodes: [text] };
  });
  // Added out of order: the walk follows the page, not the store.
  for (const entry of [...entries].reverse()) store.add(entry);
  return { store, entries };
}

/** The terms `count` steps of `command` open from the start. */
function walk(store: HighlightStore, command: 'next-term' | 'previous-term', count: number, only?: string) {
  const { card, opened } = fakeCard();
  let current: TermRange | null = null;
  for (let i = 0; i < count; i++) current = stepTerm(document, store, card, current, command, only);
  return opened;
}

describe('stepTerm: the next and previous term in reading order', () => {
  it('goes forward through the page in reading order and wraps to the first', () => {
    const { store } = page(['MLPS', 'CAC', 'TC260']);
    expect(walk(store, 'next-term', 4)).toEqual([
      'g/mlps (keyboard)',
      'g/cac (keyboard)',
      'g/tc260 (keyboard)',
      'g/mlps (keyboard)',
    ]);
  });

  it('goes backward from the last term and wraps to the last', () => {
    const { store } = page(['MLPS', 'CAC', 'TC260']);
    expect(walk(store, 'previous-term', 4).map((s) => s.split(' ')[0])).toEqual([
      'g/tc260',
      'g/cac',
      'g/mlps',
      'g/tc260',
    ]);
  });

  it('walks the occurrences of one term only when asked to', () => {
    const { store } = page(['MLPS', 'CAC', 'MLPS', 'TC260']);
    const { card } = fakeCard();
    const first = stepTerm(document, store, card, null, 'next-term', 'g/mlps');
    const second = stepTerm(document, store, card, first, 'next-term', 'g/mlps');
    const third = stepTerm(document, store, card, second, 'next-term', 'g/mlps');
    expect([first, second, third].map((r) => r?.range.startContainer.parentElement?.dataset.line)).toEqual([
      '0',
      '2',
      '0',
    ]);
  });

  it('passes over terms the reader cannot see', () => {
    const { store } = page(['MLPS', { hidden: 'CAC' }, 'TC260']);
    expect(walk(store, 'next-term', 2).map((s) => s.split(' ')[0])).toEqual(['g/mlps', 'g/tc260']);
  });

  it('finds its place by position when the current term was replaced by a rescan', () => {
    const { store, entries } = page(['MLPS', 'CAC', 'TC260']);
    const { card, opened } = fakeCard();
    // A copy of the CAC range, as a rescan of its paragraph would make: not in the store.
    const stale = { ...(entries[1] as TermRange) };
    stepTerm(document, store, card, stale, 'next-term');
    stepTerm(document, store, card, stale, 'previous-term');
    expect(opened.map((s) => s.split(' ')[0])).toEqual(['g/tc260', 'g/mlps']);
  });

  it('opens nothing on a page without terms, and stays put when none can be seen', () => {
    const { card, opened } = fakeCard();
    expect(stepTerm(document, new HighlightStore(document), card, null, 'next-term')).toBeNull();
    const { store, entries } = page([{ hidden: 'MLPS' }, { hidden: 'CAC' }]);
    expect(stepTerm(document, store, card, entries[0] as TermRange, 'next-term')).toBe(entries[0]);
    expect(opened).toEqual([]);
  });
});

describe("pageTerms: a frame's terms for the popup", () => {
  it('counts each term and gives the index of its first occurrence in reading order', () => {
    const { store } = page(['MLPS', 'CAC', 'MLPS', 'TC260', 'CAC']);
    expect(pageTerms(store, 2)).toEqual({
      terms: [
        { id: 'g/mlps', count: 2, first: 0 },
        { id: 'g/cac', count: 2, first: 1 },
        { id: 'g/tc260', count: 1, first: 3 },
      ],
      clippings: 2,
    });
  });
});

describe('initKeyboardNav: who may ask', () => {
  type Listener = (message: unknown, sender: { id?: string; tab?: unknown }) => unknown;
  const listeners = () => (browser.runtime.onMessage as unknown as { listeners: Set<Listener> }).listeners;
  const ask = (message: unknown, sender: { id?: string; tab?: unknown }) =>
    [...listeners()].map((listener) => listener(message, sender));

  it('obeys its background and its own pages, and nobody else', async () => {
    const { store } = page(['MLPS', 'CAC']);
    const { card, opened } = fakeCard();
    const stop = new AbortController();
    initKeyboardNav(document, store, card, () => 0, stop.signal);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');

    ask({ type: 'command', command: 'next-term' }, { id: 'another-extension' });
    // A page of the extension in a tab cannot send keyboard commands: only the background can.
    ask({ type: 'command', command: 'next-term' }, { id: EXTENSION_ID, tab: { id: 1 } });
    expect(await ask({ type: 'pageTerms' }, { id: 'another-extension' })[0]).toBeUndefined();
    expect(opened).toEqual([]);

    ask({ type: 'command', command: 'next-term' }, { id: EXTENSION_ID });
    expect(opened).toEqual(['g/mlps (keyboard)']);
    expect(await ask({ type: 'pageTerms' }, { id: EXTENSION_ID, tab: { id: 1 } })[0]).toEqual(
      pageTerms(store, 0),
    );
    expect(await ask({ type: 'showTerm', id: 'g/cac' }, { id: EXTENSION_ID })[0]).toEqual({ shown: true });

    stop.abort();
    expect(listeners().size).toBe(0);
  });
});
