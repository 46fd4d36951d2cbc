import { describe, expect, it } from 'vitest';
import {
  isAcronymLike,
  resolveCaseSensitive,
  surfaceForms,
} from '../../../../src/shared/glossary/alias-rules';
import { failingItems } from '../../support/data-table';

describe('the acronym rule for case-sensitivity', () => {
  it('treats at most 6 capitals, with digits, spaces, dots, dashes and slashes, as an acronym', () => {
    const acronyms = ['MLPS', 'CAC', 'TC260', 'TC 260', 'MLPS 2.0', 'U.S.', 'GB/T 22239', 'MIIT', 'PLA'];
    expect(failingItems(acronyms, isAcronymLike)).toEqual([]);
  });

  it('does not treat lower case, long capitals, CJK or digits alone as an acronym', () => {
    const words = ['Mss', 'cac', 'leading small group', 'CYBERSEC', '等保', '网信办', '2019', 'TikTok'];
    expect(failingItems(words, (text) => !isAcronymLike(text))).toEqual([]);
  });

  it('lets an alias override the default either way', () => {
    expect(resolveCaseSensitive({ text: 'MLPS', caseSensitive: false })).toBe(false);
    expect(resolveCaseSensitive({ text: 'Huawei', caseSensitive: true })).toBe(true);
  });

  it('lists the term name first, then its aliases, skipping blank ones', () => {
    expect(
      surfaceForms({
        term: 'Cyberspace Administration of China',
        aliases: [{ text: 'CAC' }, { text: '  ' }, { text: '网信办', lang: 'zh-Hans' }],
      }),
    ).toEqual([
      { text: 'Cyberspace Administration of China', caseSensitive: false, exact: false },
      { text: 'CAC', caseSensitive: true, exact: false },
      { text: '网信办', caseSensitive: false, exact: false },
    ]);
  });
});
