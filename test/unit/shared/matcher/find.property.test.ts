import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMatches, type MatchTerm } from '../../../../src/shared/matcher';
import { randomGlossary } from './helpers';
import { referenceMatches } from './reference-matcher';

// Small alphabets, so that random forms really occur in random texts (and nearly occur, too).
const formUnits = [...'absyhABSÉ1 -.等保级护', '😀'];
// U+20DD is a combining mark that NFKC leaves alone, so it stays next to the letter it follows.
// U+00AD, U+200B and U+FE0F are left out of the search form, so a form can run across them.
// NFKC makes the mathematical 𝐀 (a surrogate pair) an A, "…" three dots and "™" TM, and leaves ❤,
// 😀 and the tag U+E0067 alone. "™", "²" and "①" are symbols that read as letters or digits, which
// end a word where "ﬁ" and 𝐀, letters, do not.
const noiseUnits = [
  ...formUnits,
  'Y',
  'é',
  ' ',
  '–',
  '\u00a0',
  '\n',
  'ｂ',
  'Ａ',
  '😀',
  '.',
  '\u20dd',
  '\u00ad',
  '\u200b',
  '\ufe0f',
  '\u{e0067}',
  '❤',
  '𝐀',
  '…',
  '™',
  '²',
  '①',
  'ﬁ',
];

/** Guard texts: short runs of the forms' own units, so they often stand next to a match. */
const guards = fc.array(
  fc.string({ unit: fc.constantFrom(...formUnits.filter((u) => u !== ' ')), minLength: 1, maxLength: 2 }),
  {
    minLength: 1,
    maxLength: 2,
  },
);

const glossary = randomGlossary(
  fc.string({ unit: fc.constantFrom(...formUnits), minLength: 1, maxLength: 5 }),
  guards,
);

/** Text made of noise and of the glossary's own forms, recased, pluralised or run together. */
function textFor(terms: MatchTerm[]): fc.Arbitrary<string> {
  const forms = terms.flatMap((t) => t.forms.map((f) => f.text));
  const piece = fc.oneof(
    fc.constantFrom(...noiseUnits),
    fc.constantFrom(...forms),
    fc.constantFrom(...forms).map((f) => f.toUpperCase()),
    fc.constantFrom(...forms).map((f) => f.toLowerCase()),
    fc.tuple(fc.constantFrom(...forms), fc.constantFrom('s', 'es', 'ies', 'S')).map(([f, s]) => f + s),
  );
  return fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));
}

describe('findMatches against a naive reference matcher', () => {
  it('agrees on random glossaries and texts', () => {
    const cases = glossary.chain((terms) => fc.tuple(fc.constant(terms), textFor(terms)));
    fc.assert(
      fc.property(cases, ([terms, sample]) => {
        expect(findMatches(compileMatcher(terms), sample)).toEqual(referenceMatches(terms, sample));
      }),
      { numRuns: 3000 },
    );
    // Three thousand compiles and two matchers per case take seconds on a busy machine.
  }, 30_000);

  it('agrees when one compiled matcher is reused across many texts', () => {
    const cases = glossary.chain((terms) =>
      fc.tuple(fc.constant(terms), fc.array(textFor(terms), { maxLength: 8 })),
    );
    fc.assert(
      fc.property(cases, ([terms, samples]) => {
        const matcher = compileMatcher(terms);
        for (const sample of samples) {
          expect(findMatches(matcher, sample)).toEqual(referenceMatches(terms, sample));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on glossaries with many forms that share prefixes', () => {
    // Every prefix is followed by a dozen units, so its node has many children, and the failure
    // targets of "$#" and "#$" (the nodes "#" and "$") have many children too. Punctuation needs
    // no word boundary, so any wrong trie walk shows up as a wrong match. Chinese children
    // are looked up by bisection, ASCII ones through lookup rows. "&!!" has many children and the
    // failure chain "!!" -> "!" -> root, whose nodes have few children but both an "a" child: the
    // row of "&!!" must take the nearer one.
    const prefixes = ['#', '$', '$#', '#$', '~#', '&!', '&!!'];
    const nexts = [...'%&*+/:;=?@^等级保护网信办'];
    const stems = prefixes.flatMap((p) => nexts.map((n) => p + n));
    const entry = fc.record({
      tail: fc.constantFrom('', '#', '%', '%#'),
      caseSensitive: fc.boolean(),
      exact: fc.boolean(),
    });
    const glossary = fc.array(entry, { minLength: stems.length, maxLength: stems.length }).map((all) => [
      ...all.map(({ tail, caseSensitive, exact }, i) => ({
        id: `t${i}`,
        forms: [{ text: `${stems[i]}${tail}`, caseSensitive, exact }],
      })),
      { id: 'bang', forms: [{ text: '!a', caseSensitive: false, exact: true }] },
      { id: 'bang-bang', forms: [{ text: '!!a', caseSensitive: false, exact: true }] },
    ]);
    const sample = fc
      .array(fc.oneof(fc.constantFrom(...'#$%&*+/:;=?@~! a等级保护网信办'), fc.constantFrom(...prefixes)), {
        maxLength: 40,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(glossary, sample, (terms, t) => {
        expect(findMatches(compileMatcher(terms), t)).toEqual(referenceMatches(terms, t));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on a large glossary whose terms share words and characters', () => {
    // Thousands of terms make wide nodes (hash lookups while building, bisection while scanning).
    const [glossary, sample] = fc.sample(largeCase, { numRuns: 1, seed: 7 })[0] ?? [[], ''];
    const matches = findMatches(compileMatcher(glossary), sample);
    expect(matches.length).toBeGreaterThan(100);
    expect(matches).toEqual(referenceMatches(glossary, sample));
  });
});

const words = ['data', 'security', 'law', 'network', 'policy', 'group', 'cyber', 'leading', 'china', 'cac'];
const hanzi = [...'数据安全法网络信息保护个人国家标准委员会领导小组中央'];

/** A glossary of 3 000 terms (English name, acronym, Chinese name) and a text drawn from them. */
const largeCase = fc
  .array(
    fc.tuple(
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      fc.string({ unit: fc.constantFrom(...'ABCDEFG'), minLength: 2, maxLength: 4 }),
      fc.string({ unit: fc.constantFrom(...hanzi), minLength: 2, maxLength: 4 }),
    ),
    { minLength: 3000, maxLength: 3000 },
  )
  .chain((rows) => {
    const glossary: MatchTerm[] = rows.map(([name, acronym, chinese], i) => ({
      id: `t${i}`,
      forms: [
        { text: name, caseSensitive: false, exact: false },
        { text: acronym, caseSensitive: true, exact: false },
        { text: chinese, caseSensitive: false, exact: false },
      ],
    }));
    // Chinese runs without spaces, so multi-character Chinese forms occur.
    const piece = fc.oneof(
      fc.constantFrom(...words, 'policies', 'groups', 'CAC', 'Data').map((w) => `${w} `),
      fc.constantFrom(...rows.map(([, acronym]) => `${acronym} `)),
      fc.string({ unit: fc.constantFrom(...hanzi), minLength: 1, maxLength: 6 }),
      fc.constantFrom(' ', ', ', '. ', '\n'),
    );
    return fc.tuple(
      fc.constant(glossary),
      fc.array(piece, { minLength: 1500, maxLength: 1500 }).map((p) => p.join('')),
    );
  });
