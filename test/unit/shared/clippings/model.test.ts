import { describe, expect, it } from 'vitest';
import { withoutHiddenText } from '../../../../src/shared/clippings/model';

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
    const shown = ([exact, spans, offset]: (typeof cases)[number]) =>
      withoutHiddenText(
        { type: 'TextQuoteSelector', prefix: 'p'.repeat(offset), exact, suffix: 's'.repeat(30) },
        spans,
      ).quote.exact;
    const failing = cases.filter((row) => shown(row) !== row[3]);
    expect(failing).toEqual([]);
  });
});
