import { describe, expect, it } from 'vitest';
import {
  foldUnit,
  isMarkUnit,
  isNfkcStable,
  isWordUnit,
  rawFoldedUnit,
} from '../../../../src/shared/matcher/char-class';

// The ideograph and Hangul syllable blocks are answered without classifying each unit; these are
// the facts that shortcut relies on, checked against Unicode itself for every unit in them.
const PLAIN_CJK: readonly [number, number][] = [
  [0x3400, 0x9fff],
  [0xac00, 0xd7a3],
];

describe('character classes of CJK ideographs and Hangul syllables', () => {
  it('are no word letters, no marks, stable under NFKC and case folding', () => {
    const wrong: string[] = [];
    for (const [from, to] of PLAIN_CJK) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCharCode(code);
        const unicodeSaysPlain =
          !/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}\p{M}]/u.test(ch) &&
          ch.normalize('NFKC') === ch &&
          ch.toLowerCase() === ch;
        const weSayPlain =
          !isWordUnit(code) && !isMarkUnit(code) && isNfkcStable(code) && foldUnit(code) === code;
        if (unicodeSaysPlain !== weSayPlain || rawFoldedUnit(code) !== code) wrong.push(code.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });
});
