import { describe, expect, it } from 'vitest';
import { shownText } from '../../../../src/content/clippings/clip-capture';

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
