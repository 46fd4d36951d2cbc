// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightStore, liveRange } from '../../../src/content/highlight-store';
import { HighlightStyles } from '../../../src/content/highlight-style';
import { SHADOW_ATTACHED_EVENT } from '../../../src/content/main-world/hook-events';
import { OWN_UI_ATTRIBUTE } from '../../../src/content/own-ui';
import { PageScanner } from '../../../src/content/page-scanner';
import type { ScanStats } from '../../../src/content/scanner';
import { compileMatcher } from '../../../src/shared/matcher';
import { installHighlightFakes } from '../fakes/highlights';
import { failingItems } from '../support/data-table';

const matcher = compileMatcher([
  { id: 'g/dsl', forms: [{ text: 'Data Security Law', caseSensitive: false, exact: false }] },
  { id: 'g/mlps', forms: [{ text: 'MLPS', caseSensitive: true, exact: true }] },
  { id: 'g/cac', forms: [{ text: 'CAC', caseSensitive: true, exact: true }] },
]);

let controller: AbortController;

beforeEach(() => {
  installHighlightFakes();
  performance.clearMeasures();
  controller = new AbortController();
});

afterEach(() => controller.abort());

/** A scanner over `html`, after its first full pass. */
async function scanned(html: string, signal = controller.signal, firstOccurrenceOnly = false) {
  document.body.innerHTML = html;
  return scannedAsItIs(signal, firstOccurrenceOnly);
}

/** A scanner over the document as it is, after its first full pass. */
async function scannedAsItIs(signal = controller.signal, firstOccurrenceOnly = false) {
  const store = new HighlightStore(document);
  const scanner = new PageScanner(
    document,
    store,
    { includeCode: false, firstOccurrenceOnly },
    new HighlightStyles(document, signal),
    signal,
  );
  expect(await scanner.setMatcher(matcher)).not.toBeNull();
  return { store, scanner };
}

/** The text of every highlighted occurrence, in reading order. */
function highlighted(store: HighlightStore): string[] {
  return store.inDocumentOrder().map((entry) => liveRange(document, entry.range).toString());
}

const updates = () => performance.getEntriesByName('termlight:update') as PerformanceMeasure[];

/** Waits for the `count`th incremental pass and gives what it read. */
async function update(count = 1): Promise<ScanStats> {
  await vi.waitFor(() => expect(updates().length).toBe(count), { timeout: 2000, interval: 5 });
  return updates()[count - 1]?.detail as ScanStats;
}

describe('PageScanner: what a change queues, and what a flush reads again', () => {
  it('reads an added paragraph, and only it, in one flush', async () => {
    const { store } = await scanned('<p>MLPS one</p><p>CAC two</p><p>the Data Security Law</p>');
    const p = document.createElement('p');
    p.textContent = 'MLPS again';
    document.body.append(p);
    const read = await update();
    expect(highlighted(store)).toEqual(['MLPS', 'CAC', 'Data Security Law', 'MLPS']);
    expect(read).toEqual({ textNodes: 1, chars: 'MLPS again'.length, matches: 1 });
  });

  it('reads a changed text node again: its old match goes and its new one comes', async () => {
    const { store } = await scanned('<p id="a">MLPS here</p><p>CAC there</p>');
    (document.getElementById('a')?.firstChild as Text).data = 'now the Data Security Law';
    const read = await update();
    expect(highlighted(store)).toEqual(['Data Security Law', 'CAC']);
    expect(read.textNodes).toBe(1);
  });

  it('reads the block around an inline element that left it, so the text that closes up is matched', async () => {
    const { store } = await scanned('<p>CAC and Data <span id="x">x</span>Security Law</p>');
    expect(highlighted(store)).toEqual(['CAC']);
    document.getElementById('x')?.remove();
    await update();
    expect(highlighted(store)).toEqual(['CAC', 'Data Security Law']);
  });

  it('forgets the ranges of a removed block, reading nothing again', async () => {
    const { store } = await scanned('<p id="a">MLPS and CAC</p><p>the Data Security Law</p>');
    const registry = window.CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
    expect([...registry.values()].reduce((n, h) => n + h.size, 0)).toBe(3);
    document.getElementById('a')?.remove();
    // The flush commits the removal to the registry; with nothing to read it measures no update.
    await vi.waitFor(() => expect([...registry.values()].reduce((n, h) => n + h.size, 0)).toBe(1), {
      timeout: 2000,
      interval: 5,
    });
    expect(highlighted(store)).toEqual(['Data Security Law']);
    expect(updates()).toEqual([]);
  });

  it('drops the terms of a block that becomes skipped, and finds them again when it is not', async () => {
    const { store } = await scanned('<p id="a">MLPS and CAC</p><p>the Data Security Law</p>');
    const a = document.getElementById('a') as HTMLElement;
    a.setAttribute('aria-hidden', 'true');
    await vi.waitFor(() => expect(highlighted(store)).toEqual(['Data Security Law']), { timeout: 2000 });
    a.removeAttribute('aria-hidden');
    await update();
    expect(highlighted(store)).toEqual(['MLPS', 'CAC', 'Data Security Law']);
  });

  it('does not read a whole container again for the whitespace added between its blocks', async () => {
    await scanned('<div id="feed"><p>MLPS</p><p>CAC</p><p>MLPS</p></div>');
    const feed = document.getElementById('feed') as HTMLElement;
    const p = document.createElement('p');
    p.textContent = 'CAC';
    feed.append('\n  ', p, '\n');
    // Queueing the whitespace would read the feed (four text nodes), not just the new paragraph.
    expect(await update()).toEqual({ textNodes: 1, chars: 3, matches: 1 });
  });

  it("never reads Termlight's own UI added to the page", async () => {
    const { store } = await scanned('<p>MLPS</p>');
    const ui = document.createElement('div');
    ui.setAttribute(OWN_UI_ATTRIBUTE, '');
    ui.textContent = 'CAC in a card';
    const p = document.createElement('p');
    p.textContent = 'the Data Security Law';
    document.body.append(ui, p);
    await update();
    expect(highlighted(store)).toEqual(['MLPS', 'Data Security Law']);
  });

  it('reads a host whose open shadow root the page hook reports', async () => {
    const { store } = await scanned('<p>MLPS</p><div id="host"></div>');
    const host = document.getElementById('host') as HTMLElement;
    // Attaching a shadow root to an element already in the page makes no mutation record.
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>CAC inside</p>';
    host.dispatchEvent(new CustomEvent(SHADOW_ATTACHED_EVENT, { bubbles: true, composed: true }));
    await update();
    expect(highlighted(store)).toEqual(['MLPS', 'CAC']);
  });

  it('stops watching the page when its signal aborts', async () => {
    const stopped = new AbortController();
    const { store: stoppedStore } = await scanned('<p>MLPS</p>', stopped.signal);
    // A second scanner of the same page is the positive control: it must see the change.
    const live = new HighlightStore(document);
    const watcher = new PageScanner(
      document,
      live,
      { includeCode: false, firstOccurrenceOnly: false },
      new HighlightStyles(document, controller.signal),
      controller.signal,
    );
    await watcher.setMatcher(matcher);
    stopped.abort();
    const p = document.createElement('p');
    p.textContent = 'CAC';
    document.body.append(p);
    await update();
    expect(highlighted(live)).toEqual(['MLPS', 'CAC']);
    expect(highlighted(stoppedStore)).toEqual(['MLPS']);
    expect(updates()).toHaveLength(1);
  });

  it('highlights each occurrence once when a full pass starts while an update is under way', async () => {
    const { store, scanner } = await scanned('<p>MLPS</p>');
    // The full pass starts in a task of its own once the update has found its first occurrence:
    // a message, as the update's own chunks yield with messages and this one is posted first.
    let fullPass: Promise<unknown> | null = null;
    let updateEndedFirst = false;
    const add = store.add.bind(store);
    vi.spyOn(store, 'add').mockImplementation((entry) => {
      fullPass ??= new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          updateEndedFirst = updates().length > 0;
          resolve(scanner.fullScan());
        };
        channel.port2.postMessage(null);
      });
      add(entry);
    });
    const added = document.createElement('div');
    added.innerHTML = '<p>CAC here</p>'.repeat(3000);
    document.body.append(added);
    await vi.waitFor(() => expect(fullPass).not.toBeNull(), { timeout: 5000 });
    await fullPass;
    await update();
    expect(updateEndedFirst).toBe(false);
    expect(store.countOf('g/cac')).toBe(3000);
    expect(store.inDocumentOrder()).toHaveLength(3001);
  });
});

describe('PageScanner with "first occurrence only"', () => {
  /** The text of the block holding each highlighted occurrence, in reading order. */
  const shownIn = (store: HighlightStore) =>
    store.inDocumentOrder().map((entry) => entry.range.startContainer.parentElement?.textContent);

  it('moves the highlight to an occurrence added above the one shown', async () => {
    const { store } = await scanned('<p>CAC here</p><p id="later">MLPS later</p>', controller.signal, true);
    expect(shownIn(store)).toEqual(['CAC here', 'MLPS later']);
    const above = document.createElement('p');
    above.textContent = 'MLPS above';
    document.body.prepend(above);
    await update();
    expect(shownIn(store)).toEqual(['MLPS above', 'CAC here']);
  });

  it('shows the occurrence in an open shadow root that stands above the light one', async () => {
    document.body.innerHTML = '<div id="host"></div><p>MLPS in the light tree</p>';
    const shadow = document.getElementById('host')?.attachShadow({ mode: 'open' });
    if (shadow) shadow.innerHTML = '<p>MLPS in the shadow tree</p>';
    const { store } = await scannedAsItIs(controller.signal, true);
    expect(shownIn(store)).toEqual(['MLPS in the shadow tree']);
  });
});

describe('PageScanner: what is in view, without making the page lay itself out', () => {
  /** Makes this document look opened by a `type` navigation, and counts its hit tests. */
  function opened(type: string) {
    vi.spyOn(performance, 'getEntriesByType').mockImplementation((kind) =>
      kind === 'navigation' ? ([{ type }] as unknown as PerformanceEntryList) : [],
    );
    return vi.spyOn(document, 'elementFromPoint');
  }

  afterEach(() => vi.restoreAllMocks());

  it('reads a page just opened at its top from the top, with no hit test, and hit-tests on later passes', async () => {
    const hits = opened('navigate');
    const { store, scanner } = await scanned('<p>MLPS one</p><p>CAC two</p>');
    expect(hits).not.toHaveBeenCalled();
    expect(highlighted(store)).toEqual(['MLPS', 'CAC']);
    // The control: a later pass (the page may have scrolled) asks what is in view.
    await scanner.fullScan();
    expect(hits).toHaveBeenCalled();
    expect(highlighted(store)).toEqual(['MLPS', 'CAC']);
  });

  it('hit-tests on the first pass of a page that may not show its top', async () => {
    const pages = [
      { type: 'reload', hash: '' },
      { type: 'back_forward', hash: '' },
      { type: 'navigate', hash: '#section-2' },
    ];
    const hitTests: number[] = [];
    for (const { type, hash } of pages) {
      vi.restoreAllMocks();
      const hits = opened(type);
      window.location.hash = hash;
      await scanned('<p>MLPS one</p>');
      hitTests.push(hits.mock.calls.length);
    }
    window.location.hash = '';
    const failing = failingItems(
      pages.map((page, i) => ({ ...page, hitTests: hitTests[i] ?? 0 })),
      (page) => page.hitTests > 0,
      (page) => `${page.type} ${page.hash || '(no fragment)'}`,
    );
    expect(failing).toEqual([]);
  });
});
