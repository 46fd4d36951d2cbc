// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { listTextNodes } from '../../../src/content/block-nodes';
import { PART_NODES, PART_UNITS, textBlocks } from '../../../src/content/block-text';
import { HighlightStore } from '../../../src/content/highlight-store';
import { type ScanStats, SLICE_UNITS, scanSteps } from '../../../src/content/scanner';
import { compileMatcher, findMatches } from '../../../src/shared/matcher';
import { highlightRegistry, installHighlightFakes } from '../fakes/highlights';

beforeEach(installHighlightFakes);

const matcher = compileMatcher([
  { id: 'g/dsl', forms: [{ text: 'Data Security Law', caseSensitive: false, exact: false }] },
  { id: 'g/mlps', forms: [{ text: 'MLPS', caseSensitive: true, exact: true }] },
  { id: 'g/cac', forms: [{ text: '网信办', caseSensitive: false, exact: false }] },
]);

/**
 * The text each registered range covers, in the order registered (document order, as the scan
 * goes), read from the nodes the store keeps for it (happy-dom's ranges are slow on big pages).
 */
function highlighted(store: HighlightStore): string[] {
  const out: string[] = [];
  for (const highlight of highlightRegistry().values()) {
    for (const range of highlight) {
      const entry = store.at(range.startContainer, range.startOffset);
      if (!entry) throw new Error('a registered range the store does not know');
      const nodes = entry.nodes as Text[];
      const text = nodes.map((node) => node.data).join('');
      const last = nodes.at(-1) as Text;
      out.push(text.slice(range.startOffset, text.length - last.data.length + range.endOffset));
    }
  }
  return out;
}

function scanAll(): { store: HighlightStore; stats: ScanStats; steps: number } {
  const store = new HighlightStore(document);
  store.attach();
  const stats: ScanStats = { textNodes: 0, chars: 0, matches: 0 };
  const step = scanSteps(
    [document.body],
    matcher,
    store,
    { includeCode: false, firstOccurrenceOnly: false },
    {},
    stats,
  );
  let steps = 1;
  while (step()) steps++;
  store.commit();
  return { store, stats, steps };
}

describe('scanning a page that is one huge block', () => {
  it('reads it in parts and matches it in slices, finding what the whole text holds', () => {
    // One paragraph of many inline elements: no block ends anywhere, and terms run across the
    // elements ("Data <b>Security</b> Law") and so across the parts the block is read in.
    const sentence = (i: number) =>
      i % 3 === 0
        ? `the Data <b>Security</b> Law ${i} `
        : i % 3 === 1
          ? `<i>MLPS</i> ${i} 国家网`
          : `信办 ${i} `;
    // The rule ends it, so the paragraph is not read whole (as one textContent) but walked.
    document.body.innerHTML = `<div><hr>${Array.from({ length: 3000 }, (_, i) => sentence(i)).join('')}</div>`;
    const whole = document.body.textContent ?? '';
    const expected = findMatches(matcher, whole).map((m) => whole.slice(m.start, m.end));
    expect(expected.length).toBe(3000);

    const parts = [...textBlocks(document.body, { includeCode: false })];
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts.slice(0, -1)) {
      expect(part.more).toBe(true);
      expect(part.kind).toBe('walked');
      expect(listTextNodes(part).nodes.length <= PART_NODES || part.text.length <= PART_UNITS + 64).toBe(
        true,
      );
    }
    expect(parts.at(-1)?.more).toBe(false);
    expect(parts.map((p) => p.text).join('')).toBe(whole);

    const { store, stats, steps } = scanAll();
    expect(highlighted(store)).toEqual(expected);
    expect(stats.matches).toBe(3000);
    expect(stats.chars).toBe(whole.length);
    expect(steps).toBeGreaterThan(parts.length);
  });

  it('reads a paragraph of plain running text whole, unless it is too long to list in one task', () => {
    const sentence = (i: number) =>
      i % 2 === 0 ? `the Data <b>Security</b> Law ${i} ` : `<i>MLPS</i> ${i} 国家网信办 `;
    const paragraph = (count: number) =>
      `<p>${Array.from({ length: count }, (_, i) => sentence(i)).join('')}</p>`;
    document.body.innerHTML = paragraph(1000);
    const whole = document.body.textContent ?? '';
    expect(whole.length).toBeLessThan(PART_UNITS);
    const parts = [...textBlocks(document.body, { includeCode: false })];
    expect(
      parts.map((p) => [p.kind === 'whole' ? p.element.tagName : undefined, p.more, p.text === whole]),
    ).toEqual([['P', false, true]]);
    const { store, stats } = scanAll();
    expect(highlighted(store)).toEqual(findMatches(matcher, whole).map((m) => whole.slice(m.start, m.end)));
    expect(stats.matches).toBe(1500);
    expect(stats.textNodes).toBe(2001);

    document.body.innerHTML = paragraph(3000);
    const long = [...textBlocks(document.body, { includeCode: false })];
    expect(long.length).toBeGreaterThan(1);
    expect(long.every((p) => p.kind === 'walked')).toBe(true);
    expect(scanAll().stats.matches).toBe(4500);
  });

  it('matches one huge text node a slice per step', () => {
    const text = 'MLPS and the Data Security Law. '.repeat(5_000);
    document.body.innerHTML = '<p></p>';
    document.querySelector('p')?.append(text);
    const { store, stats, steps } = scanAll();
    expect(stats.textNodes).toBe(1);
    expect(stats.matches).toBe(10_000);
    expect(highlighted(store).slice(0, 2)).toEqual(['MLPS', 'Data Security Law']);
    // 160 000 units take a step per slice.
    expect(steps).toBeGreaterThan(160_000 / SLICE_UNITS);
  });

  it('reads a huge block in small parts first, each twice the last up to the limit', () => {
    document.body.innerHTML = `<div><hr>${'<b>x</b> '.repeat(PART_NODES * 3)}</div>`;
    const sizes = [...textBlocks(document.body, { includeCode: false })].map(
      (p) => listTextNodes(p).nodes.length,
    );
    expect(sizes[0]).toBe(PART_NODES / 16);
    expect(sizes.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 16].map((k) => (k * PART_NODES) / 16));
    expect(Math.max(...sizes)).toBe(PART_NODES);
  });

  it('ends a block read in parts where the block ends', () => {
    document.body.innerHTML = `<div><hr>${'<b>x</b> '.repeat(PART_NODES)}MLPS</div><p>MLPS</p>`;
    const parts = [...textBlocks(document.body, { includeCode: false })];
    // The div comes in parts (small ones first, while the code is cold), the last of them saying
    // the block ends; then the paragraph, whole.
    const more = parts.map((p) => p.more);
    expect(more.length).toBeGreaterThan(2);
    expect(more.slice(0, -2).every(Boolean)).toBe(true);
    expect(more.slice(-2)).toEqual([false, false]);
    expect(parts.at(-2)?.text.endsWith('MLPS')).toBe(true);
    expect(parts.at(-1)?.text).toBe('MLPS');
    expect(highlighted(scanAll().store)).toEqual(['MLPS', 'MLPS']);
  });
});
