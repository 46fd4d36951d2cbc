import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  findMatchSpans,
  MatchStream,
  type MatchTerm,
  STREAM_DONE,
  STREAM_NEEDS_TEXT,
} from '../../../../src/shared/matcher';
import { randomGlossary } from './helpers';

// Small alphabets, so that random forms really occur in random texts. The noise has what makes
// cutting a text hard: whitespace runs (read as one space), marks that join the letter before
// them (so the normaliser must see both), an NFKC expansion (㍿), surrogate pairs (😀 and a tag
// read as they are, 𝐀 made an A by NFKC), and a soft hyphen, a zero-width space and a variation
// selector, which the search form leaves out; symbols that read as letters or digits (™, ²), which a
// mark to come would join.
const formUnits = ['a', 'b', 's', 'y', 'A', 'É', '1', ' ', '-', '等', '保', '😀'];
const noiseUnits = [
  ...formUnits,
  'e',
  '\u0301',
  '\u20dd',
  ' ',
  '  ',
  '\n',
  'ｂ',
  '㍿',
  '😀',
  '.',
  'ｶ',
  '\uff9e',
  '\u00ad',
  '\u200b',
  '\ufe0f',
  '\u{e0067}',
  '𝐀',
  '™',
  '²',
];

// Guards read the text next to a match, which a part may not yet hold or no longer hold.
const guards = fc.array(fc.constantFrom('a', 'b', ' a', 'a ', '等', '保', '1'), {
  minLength: 1,
  maxLength: 2,
});

const glossary = randomGlossary(
  fc.oneof(
    fc.string({ unit: fc.constantFrom(...formUnits), minLength: 1, maxLength: 6 }),
    fc.constantFrom('株式会社', 'é', 'ガ', 'a b', 'ab ab'),
  ),
  guards,
);

function textFor(terms: MatchTerm[]): fc.Arbitrary<string> {
  const forms = terms.flatMap((t) => t.forms.map((f) => f.text));
  const piece = fc.oneof(
    fc.constantFrom(...noiseUnits),
    fc.constantFrom(...forms),
    fc.constantFrom(...forms).map((f) => `${f}s`),
  );
  return fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
}

/** Cuts `text` at the given fractions of its length (sorted, deduplicated): the parts of a block. */
function cut(text: string, at: number[]): string[] {
  const offsets = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  for (const o of offsets) {
    parts.push(text.slice(last, o));
    last = o;
  }
  parts.push(text.slice(last));
  return parts;
}

/** The matches of a text fed to a stream in `parts`, matched `budget` units per step. */
function streamed(stream: MatchStream, parts: string[], budget: number): number[] {
  const out: number[] = [];
  let next = 0;
  stream.start(parts[next] ?? '', parts.length === 1);
  next++;
  for (let steps = 0; steps < 10_000; steps++) {
    const state = stream.step(budget, out);
    if (state === STREAM_DONE) return out;
    if (state === STREAM_NEEDS_TEXT) {
      stream.push(parts[next] ?? '', next === parts.length - 1);
      next++;
    }
  }
  throw new Error('the stream never finished');
}

describe('matching a text in parts and slices', () => {
  it('finds exactly the matches of the whole text, wherever it is cut', () => {
    const cases = glossary.chain((terms) =>
      fc.tuple(
        fc.constant(terms),
        textFor(terms),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
      ),
    );
    fc.assert(
      fc.property(cases, ([terms, text, at, budget]) => {
        const matcher = compileMatcher(terms);
        const whole: number[] = [];
        findMatchSpans(matcher, text, whole);
        expect(streamed(new MatchStream(matcher), cut(text, at), budget)).toEqual(whole);
      }),
      { numRuns: 3000 },
    );
    // Three thousand glossaries, each matched whole and in parts, take seconds on a busy machine.
  }, 30_000);

  it('waits for the next part before taking a symbol after a term as its edge', () => {
    // "Huawei™" ends the word at "™", "Huawei™\u0301" does not: the accent is in the next part.
    const matcher = compileMatcher([
      { id: 'h', forms: [{ text: 'Huawei', caseSensitive: false, exact: false }] },
    ]);
    // Each also after "cafe\u0301", which sends the text through the normaliser.
    const cases = (
      [
        ['Huawei™', '\u0301 x'],
        ['Huawei²', '\u0301 x'],
        ['Huawei①', '\u20dd'],
        ['Huawei™', '\ufe0f x'],
        ['Huawei²', ' x'],
      ] as const
    ).flatMap(([first, second]): [string, string][] => [
      [first, second],
      [`cafe\u0301 ${first}`, second],
    ]);
    const differ = cases.filter(([first, second]) => {
      const whole: number[] = [];
      findMatchSpans(matcher, first + second, whole);
      return (
        JSON.stringify(streamed(new MatchStream(matcher), [first, second], 64)) !== JSON.stringify(whole)
      );
    });
    expect(differ).toEqual([]);
    // Control: the symbols alone do end the word, and the accent does join them.
    const alone: number[] = [];
    findMatchSpans(matcher, 'Huawei™ Huawei² Huawei™\u0301', alone);
    expect(alone).toEqual([0, 6, 0, 8, 14, 0]);
  });

  it('reads a long text a slice at a time and keeps only a short tail between parts', () => {
    const matcher = compileMatcher([
      { id: 'law', forms: [{ text: 'Data Security Law', caseSensitive: false, exact: false }] },
    ]);
    const sentence = 'The Data Security Law applies. ';
    const text = sentence.repeat(2000);
    const whole: number[] = [];
    findMatchSpans(matcher, text, whole);
    expect(whole.length / 3).toBe(2000);
    const parts = cut(text, [0.1, 0.3, 0.30001, 0.7]);
    expect(streamed(new MatchStream(matcher), parts, 1000)).toEqual(whole);
    // A term cut in two by a part boundary is still found once.
    const split = ['the Data Secu', 'rity Law'];
    expect(streamed(new MatchStream(matcher), split, 4)).toEqual([4, 21, 0]);
  });
});
