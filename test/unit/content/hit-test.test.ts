// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightStore, type TermRange } from '../../../src/content/highlight-store';
import { termAt } from '../../../src/content/hit-test';
import { installHighlightFakes } from '../fakes/highlights';
import { pointOver, rangeRects, stubRangeLayout } from '../fakes/range-layout';

beforeEach(() => {
  installHighlightFakes();
  stubRangeLayout();
});

afterEach(() => {
  vi.restoreAllMocks();
  // Set on the document itself by the tests; happy-dom has neither.
  Reflect.deleteProperty(document, 'caretPositionFromPoint');
  Reflect.deleteProperty(document, 'caretRangeFromPoint');
});

function term(termId: string, node: Text, start: number, end: number): TermRange {
  return {
    termId,
    range: new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }),
    nodes: [node],
  };
}

/** A page of one line, "MLPS and CAC", with both terms highlighted. */
function page() {
  document.body.innerHTML = '<p data-line="0">MLPS and CAC</p>';
  const text = document.querySelector('p')?.firstChild as Text;
  const store = new HighlightStore(document);
  const mlps = term('g/mlps', text, 0, 4);
  const cac = term('g/cac', text, 9, 12);
  store.add(mlps);
  store.add(cac);
  return { store, text, mlps, cac };
}

/** The browser's caret API as Firefox has it, answering with `answer(x, y, options)`. */
function caretPositions(answer: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => unknown) {
  Object.assign(document, { caretPositionFromPoint: answer });
}

describe('termAt: the term under a point', () => {
  it('finds the term whose text the point is over, with the box it was hit in', () => {
    const { store, text, cac } = page();
    caretPositions(() => ({ offsetNode: text, offset: 10 }));
    const { x, y } = pointOver(text, 10);
    expect(termAt(document, store, x, y)).toEqual({ entry: cac, rect: rangeRects(cac.range)[0] });
  });

  it('finds the term when the caret lands just after its last character', () => {
    const { store, text, mlps } = page();
    // Over the right half of "S" the caret goes after it, at the term's exclusive end.
    caretPositions(() => ({ offsetNode: text, offset: 4 }));
    const { x, y } = pointOver(text, 3);
    expect(termAt(document, store, x + 4, y)?.entry).toBe(mlps);
  });

  it('finds nothing between terms, or where the caret snaps to a term the point is not over', () => {
    const { store, text } = page();
    caretPositions(() => ({ offsetNode: text, offset: 6 }));
    expect(termAt(document, store, pointOver(text, 6).x, pointOver(text, 6).y)).toBeNull();
    // Past the end of the line the caret snaps to the last character: the pointer is in the margin.
    caretPositions(() => ({ offsetNode: text, offset: 12 }));
    expect(termAt(document, store, 500, pointOver(text, 11).y)).toBeNull();
    // Positive control: the same caret over the term's own box finds it.
    expect(termAt(document, store, pointOver(text, 11).x, pointOver(text, 11).y)?.entry.termId).toBe('g/cac');
  });

  it('uses caretRangeFromPoint where caretPositionFromPoint is missing', () => {
    const { store, text, mlps } = page();
    const caretRangeFromPoint = () => {
      const range = document.createRange();
      range.setStart(text, 1);
      return range;
    };
    Object.assign(document, { caretRangeFromPoint });
    const { x, y } = pointOver(text, 1);
    expect(termAt(document, store, x, y)?.entry).toBe(mlps);
  });

  it('asks again from inside the open shadow root the point is over', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p data-line="0">CAC</p>';
    const text = shadow.querySelector('p')?.firstChild as Text;
    const store = new HighlightStore(document);
    const cac = term('g/cac', text, 0, 3);
    store.add(cac);
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(host);
    // happy-dom's shadow roots have no elementFromPoint; browsers' do.
    Object.assign(shadow, { elementFromPoint: () => shadow.querySelector('p') });
    // Without the shadow roots the caret stays at the host, as browsers do.
    caretPositions((_x, _y, options) =>
      options?.shadowRoots?.includes(shadow)
        ? { offsetNode: text, offset: 1 }
        : { offsetNode: host, offset: 0 },
    );
    const { x, y } = pointOver(text, 1);
    expect(termAt(document, store, x, y)?.entry).toBe(cac);
  });

  it('finds nothing when no caret is under the point', () => {
    const { store } = page();
    caretPositions(() => null);
    expect(termAt(document, store, 5, 5)).toBeNull();
  });
});
