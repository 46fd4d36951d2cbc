import { describe, expect, it } from 'vitest';
import { compileMatcher, findMatches, packMatcher, unpackMatcher } from '../../../../src/shared/matcher';
import { acronym, term } from './helpers';

const terms = [
  term('p/dsl', 'Data Security Law', '数据安全法'),
  term('p/mlps', acronym('MLPS'), 'Multi-Level Protection Scheme'),
  term('p/cac', acronym('CAC'), '网信办', 'Cyberspace Administration of China'),
  term('p/group', 'leading small group'),
];
const text =
  'The Data Security Law (数据安全法) and MLPS 2.0: leading small groups, the CAC (网信办), not mlps or cac.';

/** What Chromium does to a message: JSON out and back. */
const overJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('a matcher packed for a message', () => {
  it('finds exactly what the compiled matcher finds, after a trip through JSON', () => {
    const matcher = compileMatcher(terms);
    const unpacked = unpackMatcher(overJson(packMatcher(matcher)));
    expect(findMatches(unpacked, text)).toEqual(findMatches(matcher, text));
    expect(findMatches(unpacked, text).map((m) => m.termId)).toEqual([
      'p/dsl',
      'p/dsl',
      'p/mlps',
      'p/group',
      'p/cac',
      'p/cac',
    ]);
  });

  it('keeps every table whole', () => {
    const matcher = compileMatcher(terms);
    const unpacked = unpackMatcher(overJson(packMatcher(matcher)));
    expect(unpacked).toEqual(matcher);
  });

  it('keeps a large glossary whole, with wide labels and far children', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      term(`big/${i}`, `term ${i.toString(36)} of the set`, `术语${String.fromCharCode(0x4e00 + i)}第${i}`),
    );
    const matcher = compileMatcher(many);
    // Distances to far children and steps between CJK labels take several bytes each.
    expect(matcher.trie.length).toBeGreaterThan(100_000);
    expect(unpackMatcher(overJson(packMatcher(matcher)))).toEqual(matcher);
    // Comparing tables of some 10 000 entries element by element is slow on a loaded machine.
  }, 20_000);

  it('sends the trie as its Int32s where the browser decodes base64 natively, and unpacks it whole', () => {
    const matcher = compileMatcher(terms);
    const packed = overJson(packMatcher(matcher, 'int32'));
    expect(packed.trieEncoding).toBe('int32');
    expect(unpackMatcher(packed)).toEqual(matcher);
    expect(packMatcher(matcher).trieEncoding).toBe(
      typeof (Uint8Array as { fromBase64?: unknown }).fromBase64 === 'function' ? 'int32' : 'varint',
    );
    expect(() => unpackMatcher({ ...packed, trieLength: packed.trieLength + 1 })).toThrow(
      /not make a whole trie/,
    );
    expect(() => unpackMatcher({ ...packed, trie: '', trieLength: 0 })).toThrow(/not make a whole trie/);
  });

  it('packs an empty glossary into a matcher that finds nothing', () => {
    const unpacked = unpackMatcher(overJson(packMatcher(compileMatcher([]))));
    expect(findMatches(unpacked, text)).toEqual([]);
  });

  it('refuses packed data that cannot be a matcher rather than matching nothing quietly', () => {
    const packed = packMatcher(compileMatcher(terms));
    expect(() => unpackMatcher({ ...packed, entryNext: btoa('abc') })).toThrow(
      /entryNext is not a whole number/,
    );
    expect(() => unpackMatcher({ ...packed, entryCased: [] })).toThrow(/entry tables disagree/);
    expect(() => unpackMatcher({ ...packed, trieLength: packed.trieLength + 1 })).toThrow(
      /not make a whole trie/,
    );
    expect(() => unpackMatcher({ ...packed, trie: packed.trie.slice(0, 8) })).toThrow(
      /not make a whole trie/,
    );
    expect(() => unpackMatcher({ ...packed, trie: '', trieLength: 0 })).toThrow(
      /root entry 0 is out of range/,
    );
  });
});
