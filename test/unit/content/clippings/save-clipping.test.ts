import { describe, expect, it } from 'vitest';
import { shownText, withoutSpans } from '../../../../src/content/clippings/save-clipping';

describe('the passage as the reader saw it', () => {
  it('keeps the rendered text’s block breaks, drops source indentation, and falls back to the page text', () => {
    const cases: [string, string, string][] = [
      ['took shape in 2017.', 'took\n        shape in 2017.', 'took shape in 2017.'],
      ['First paragraph.\n\nSecond one.', 'First paragraph.Second one.', 'First paragraph.\n\nSecond one.'],
      ['  padded \t line  ', 'padded line', 'padded line'],
      // A selection that is not the saved range (a shadow root's, reported empty): the page text.
      ['', 'the CAC  reviews\n exports', 'the CAC reviews exports'],
      ['something else', 'the passage', 'the passage'],
      ['网信办\n发布', '网信办发布', '网信办\n发布'],
    ];
    const failing = cases.filter(([rendered, page, want]) => shownText(rendered, page) !== want);
    expect(failing).toEqual([]);
  });
});

describe('the passage without the text the page does not render', () => {
  it('drops each hidden span, counted from the start of the quote context', () => {
    // Spans count in prefix + exact + suffix; the passage starts at `offset` there.
    const cases: [string, number[], number, string][] = [
      ['The filing note deadline', [11, 16], 0, 'The filing deadline'],
      ['The filing note deadline', [15, 20], 4, 'The filing deadline'],
      // Spans over the context only, or over the passage's edges.
      ['passage', [0, 3, 20, 30], 5, 'passage'],
      ['hidden start', [0, 12], 5, 'start'],
      ['end hidden', [9, 20], 5, 'end '],
      ['a b c', [1, 2, 3, 4], 0, 'abc'],
      ['', [0, 4], 0, ''],
    ];
    const failing = cases.filter(([text, spans, offset, want]) => withoutSpans(text, spans, offset) !== want);
    expect(failing).toEqual([]);
  });
});
