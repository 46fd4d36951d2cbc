import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../../src/shared/formats/json-syntax';

describe('locating a JSON syntax error', () => {
  it('points at a bare word where a value should be', () => {
    expect(locateJsonError('{\n  "a": 1,\n  "id": oops\n}')).toEqual({
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
  });
});
