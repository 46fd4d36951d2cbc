import { describe, expect, it } from 'vitest';
import { describePassage } from '../../../../src/shared/clippings/describe';
import { QUOTE_CONTEXT_CHARS } from '../../../../src/shared/clippings/model';

const text =
  'The Cybersecurity Law took effect on 1 June 2017. It requires network operators to follow the ' +
  'Multi-Level Protection Scheme (MLPS) and to store personal information in China.';

describe('describePassage', () => {
  it('describes a passage with its quote, 32 characters of context each side, and its offsets', () => {
    const start = text.indexOf('network operators');
    const end = start + 'network operators'.length;
    expect(describePassage(text, start, end)).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'network operators',
        prefix: text.slice(start - QUOTE_CONTEXT_CHARS, start),
        suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
      },
      { type: 'TextPositionSelector', start, end },
    ]);
    expect(QUOTE_CONTEXT_CHARS).toBe(32);
  });

  it('keeps only the context there is at the edges of the text', () => {
    const rows = [
      { name: 'passage at the start', start: 0, end: 3, prefix: '', suffix: text.slice(3, 35) },
      { name: 'passage near the start', start: 4, end: 17, prefix: 'The ', suffix: text.slice(17, 49) },
      {
        name: 'passage at the end',
        start: text.length - 6,
        end: text.length,
        prefix: text.slice(text.length - 38, text.length - 6),
        suffix: '',
      },
      { name: 'the whole text', start: 0, end: text.length, prefix: '', suffix: '' },
      { name: 'an empty passage', start: 10, end: 10, prefix: text.slice(0, 10), suffix: text.slice(10, 42) },
    ];
    const failing = rows.filter(({ start, end, prefix, suffix }) => {
      const [quote] = describePassage(text, start, end);
      return !(
        quote?.type === 'TextQuoteSelector' &&
        quote.exact === text.slice(start, end) &&
        quote.prefix === prefix &&
        quote.suffix === suffix
      );
    });
    expect(failing.map((r) => r.name)).toEqual([]);
  });

  it('never cuts a surrogate pair at the edge of the context', () => {
    // 𝕏 (U+1D54F) is two UTF-16 units; each is placed so the 32-unit edge falls between them.
    const emoji = '𝕏';
    const before = `${emoji}${'a'.repeat(QUOTE_CONTEXT_CHARS - 1)}`;
    const after = `${'b'.repeat(QUOTE_CONTEXT_CHARS - 1)}${emoji}`;
    const page = `${before}PASSAGE${after}`;
    const start = before.length;
    const end = start + 'PASSAGE'.length;
    const [quote] = describePassage(page, start, end);
    expect(quote).toMatchObject({
      exact: 'PASSAGE',
      prefix: 'a'.repeat(QUOTE_CONTEXT_CHARS - 1),
      suffix: 'b'.repeat(QUOTE_CONTEXT_CHARS - 1),
    });
  });

  it('keeps a whole surrogate pair that fits inside the context', () => {
    const page = `x😀${'a'.repeat(QUOTE_CONTEXT_CHARS - 2)}PASSAGE${'b'.repeat(QUOTE_CONTEXT_CHARS - 2)}😀x`;
    const start = page.indexOf('PASSAGE');
    const [quote] = describePassage(page, start, start + 7);
    expect(quote).toMatchObject({
      prefix: `😀${'a'.repeat(QUOTE_CONTEXT_CHARS - 2)}`,
      suffix: `${'b'.repeat(QUOTE_CONTEXT_CHARS - 2)}😀`,
    });
  });

  it('refuses offsets outside the text', () => {
    const rows: [number, number][] = [
      [-1, 3],
      [5, 4],
      [0, text.length + 1],
      [1.5, 3],
    ];
    const accepted = rows.filter(([start, end]) => {
      try {
        describePassage(text, start, end);
        return true;
      } catch (error) {
        return !(error instanceof RangeError);
      }
    });
    expect(accepted).toEqual([]);
  });
});
