import { describe, expect, it } from 'vitest';
import {
  isAcronymLike,
  resolveCaseSensitive,
  surfaceForms,
} from '../../../../src/shared/glossary/alias-rules';
import { compileMatcher, findMatches } from '../../../../src/shared/matcher';
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
      { text: '网信办', caseSensitive: false, exact: true },
    ]);
  });

  it("lets only English forms match their plurals: by the alias's language, else its pack's", () => {
    const term = {
      term: 'Gesetz',
      aliases: [{ text: 'law', lang: 'en' }, { text: 'loi', lang: 'fr' }, { text: 'Datenschutz' }],
    };
    const plural = (packLanguage?: string) =>
      surfaceForms(term, packLanguage).map((form) => [form.text, !form.exact]);
    expect(plural('de')).toEqual([
      ['Gesetz', false],
      ['law', true],
      ['loi', false],
      ['Datenschutz', false],
    ]);
    // A pack in English, or one that names no language, reads the forms without one as English.
    for (const language of ['en-GB', undefined, 'und'])
      expect(plural(language)).toEqual([
        ['Gesetz', true],
        ['law', true],
        ['loi', false],
        ['Datenschutz', true],
      ]);
    const matcher = compileMatcher([{ id: 't', forms: surfaceForms(term, 'de') }]);
    const text = 'des Gesetzes, zwei laws, des lois, das Gesetz';
    expect(findMatches(matcher, text).map((m) => text.slice(m.start, m.end))).toEqual(['laws', 'Gesetz']);
  });
});
