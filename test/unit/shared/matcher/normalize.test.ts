import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForSearch, originalEnd, originalStart } from '../../../../src/shared/matcher';

/** The original text behind the search units `[start, end)`. */
function source(text: string, start: number, end: number): string {
  const search = normalizeForSearch(text);
  return text.slice(originalStart(search, start), originalEnd(search, end));
}

describe('normalizeForSearch', () => {
  it('returns text already in search form as is, without a position map', () => {
    const text = 'MLPS 2.0 and 等保 apply.';
    expect(normalizeForSearch(text)).toEqual({ text, starts: null, symbols: null });
  });

  it('turns full-width letters and digits into ASCII, one for one', () => {
    const search = normalizeForSearch('ＴＣ２６０标准');
    expect(search.text).toBe('TC260标准');
    expect(source('ＴＣ２６０标准', 0, 5)).toBe('ＴＣ２６０');
  });

  it('collapses each whitespace run to one space that maps back to the whole run', () => {
    const text = 'a \u00a0\n\t\u3000b\u2003c';
    expect(normalizeForSearch(text).text).toBe('a b c');
    expect(source(text, 1, 2)).toBe(' \u00a0\n\t\u3000');
  });

  it('turns dashes and curly quotes into ASCII', () => {
    expect(normalizeForSearch('a‐b‑c–d—e−f ‘g’ “h”').text).toBe('a-b-c-d-e-f \'g\' "h"');
  });

  it('expands a ligature and maps both letters back to it', () => {
    const text = 'ﬁne';
    expect(normalizeForSearch(text).text).toBe('fine');
    expect(source(text, 0, 1)).toBe('ﬁ');
    expect(source(text, 1, 3)).toBe('ﬁn');
  });

  it('composes a letter and its combining accent and maps back to both', () => {
    const text = 'cafe\u0301s';
    expect(normalizeForSearch(text).text).toBe('cafés');
    expect(source(text, 3, 4)).toBe('e\u0301');
    expect(source(text, 4, 5)).toBe('s');
  });

  it('keeps surrogate pairs whole', () => {
    const text = 'x😀  y';
    expect(normalizeForSearch(text).text).toBe('x😀 y');
    expect(source(text, 1, 3)).toBe('😀');
    expect(source(text, 4, 5)).toBe('y');
  });

  it('keeps case: folding is the matcher’s job', () => {
    expect(normalizeForSearch('Ｍlps\u00a0X').text).toBe('Mlps X');
  });
});

const pieces = [
  'a',
  'B',
  ' ',
  '  ',
  '\u00a0',
  '\n',
  'Ｍ',
  '２',
  'ﬁ',
  '㍿',
  '—',
  '“',
  'e\u0301',
  '😀',
  '等',
  '-',
];

describe('normalizeForSearch position map', () => {
  it('maps every run of search units back to original text that normalises to the same units', () => {
    const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const search = normalizeForSearch(text);
        const starts = search.starts;
        const n = search.text.length;
        // Cut only between units that come from different original characters.
        const cuts = [0, n].concat(
          starts === null
            ? Array.from({ length: n }, (_, i) => i)
            : Array.from({ length: n }, (_, i) => i).filter((i) => i > 0 && starts[i] !== starts[i - 1]),
        );
        const from = Math.min(cuts[a % cuts.length] ?? 0, cuts[b % cuts.length] ?? 0);
        const to = Math.max(cuts[a % cuts.length] ?? 0, cuts[b % cuts.length] ?? 0);
        const slice = text.slice(originalStart(search, from), originalEnd(search, to));
        expect(normalizeForSearch(slice).text).toBe(search.text.slice(from, to));
      }),
      { numRuns: 500 },
    );
  });
});
