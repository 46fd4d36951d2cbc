import { describe, expect, it } from 'vitest';
import { decodeCharClasses } from '../../../../src/shared/matcher/char-class';
import { classifyUnit, encodeCharClasses } from '../../../../src/shared/matcher/char-properties';
import { CHAR_CLASS_RUNS } from '../../../../src/shared/matcher/char-table';

describe('the character table shipped in char-table.ts', () => {
  it('gives every BMP unit the class Unicode property regexes give it in this engine', () => {
    // Fails after an upgrade to a Node.js with newer Unicode data: run `npm run chars`.
    const table = decodeCharClasses(CHAR_CLASS_RUNS);
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const expected = classifyUnit(code);
      if (table[code] !== expected) wrong.push(`${code.toString(16)}: ${table[code]} for ${expected}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('decodes runs back to the classes they were written from', () => {
    // A made-up classification with runs at both ends and runs over 36 units long.
    const made = (code: number) =>
      code < 3 ? 1 : code < 0x1000 ? 3 : code === 0xfffe ? 63 : code === 0xffff ? 33 : 17;
    const table = decodeCharClasses(encodeCharClasses(made));
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (table[code] !== made(code)) wrong.push(code);
    expect(wrong).toEqual([]);
  });
});
