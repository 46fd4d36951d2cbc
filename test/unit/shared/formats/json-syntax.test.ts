import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../../src/shared/formats/json-syntax';

describe('locating a JSON syntax error', () => {
  it('points at a bare word where a value should be', () => {
    expect(locateJsonError('{\n  "a": 1,\n  "id": oops\n}')).toMatchObject({
      line: 3,
      column: 9,
      message: 'unexpected character',
    });
  });

  it('points at a trailing comma', () => {
    expect(locateJsonError('[1, 2,]')).toMatchObject({ line: 1, column: 7 });
  });

  it('reports a file cut short', () => {
    expect(locateJsonError('{"terms": [')).toMatchObject({
      message: 'the file ended where a value was expected',
    });
  });

  it('reports a missing colon', () => {
    expect(locateJsonError('{"a" 1}')).toMatchObject({ column: 6, message: 'expected ":"' });
  });

  it('locates the end of a file of 100 000 open brackets', () => {
    expect(locateJsonError('['.repeat(100_000))).toMatchObject({
      line: 1,
      column: 100_001,
      message: 'the file ended where a value was expected',
    });
  });

  it('locates the end of a file of 100 000 nested objects', () => {
    expect(locateJsonError('{"a":'.repeat(100_000))).toMatchObject({
      line: 1,
      column: 500_001,
      message: 'the file ended where a value was expected',
    });
  });

  it('locates a mistake after 100 000 levels of nesting and accepts the same nesting when closed', () => {
    const open = '[{"a":'.repeat(100_000);
    const close = '}]'.repeat(100_000);
    expect(locateJsonError(`${open}1${close}`)).toBeNull();
    expect(locateJsonError(`${open}1${close.slice(0, -1)}}`)).toMatchObject({
      column: open.length + close.length + 1,
      message: 'expected "]"',
    });
  });

  it('counts lines to the error', () => {
    expect(locateJsonError(`[\n${'1,\n'.repeat(1_000)}]`)).toMatchObject({
      line: 1_002,
      column: 1,
      message: 'unexpected character',
    });
  });

  it('counts CRLF and a lone CR as line ends, and an emoji as one column', () => {
    const places = ['\r\n', '\r', '\n'].map((end) =>
      locateJsonError(`{${end}"a": "😀", "b": 1,${end}"c": oops${end}}`),
    );
    expect(places.map((place) => place && [place.line, place.column])).toEqual([
      [3, 6],
      [3, 6],
      [3, 6],
    ]);
    expect(locateJsonError('["😀😀", oops]')).toMatchObject({ line: 1, column: 8 });
  });

  it('reads a number of any length', () => {
    expect(locateJsonError(`[${'9'.repeat(1_000)}, x]`)).toMatchObject({ column: 1_004 });
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(locateJsonError(text)).toBeNull();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(locateJsonError(text) === null).toBe(valid);
      }),
      { numRuns: 500 },
    );
    const edit = fc.tuple(fc.nat(), fc.constantFrom('', ',', ':', '[', ']', '{', '}', '"', 'x', '1', ' '));
    fc.assert(
      fc.property(fc.json(), edit, (json, [at, insert]) => {
        const cut = json.length === 0 ? 0 : at % json.length;
        const text = json.slice(0, cut) + insert + json.slice(cut + 1);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(locateJsonError(text) === null).toBe(valid);
      }),
      { numRuns: 1_000 },
    );
  });
});
