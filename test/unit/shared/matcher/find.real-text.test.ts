import { describe, expect, it } from 'vitest';
import { compileMatcher, findMatches } from '../../../../src/shared/matcher';
import { acronym, highlights, term } from './helpers';

const glossary = [
  term(
    'mlps',
    'Multi-Level Protection Scheme',
    acronym('MLPS'),
    acronym('MLPS 2.0'),
    '等级保护',
    '等保',
    '等級保護',
  ),
  term('cac', 'Cyberspace Administration of China', acronym('CAC'), '国家互联网信息办公室', '网信办'),
  term('tc260', acronym('TC260'), acronym('TC 260'), '全国信息安全标准化技术委员会'),
  term('lsg', 'Central Leading Group on Internet Security and Informatization', 'leading small group'),
];

describe('findMatches on real-world text', () => {
  it('finds English and Chinese forms in mixed text', () => {
    const text = 'The CAC (网信办) said MLPS 2.0 — 等级保护2.0 — applies; TC260标准 follow.';
    expect(highlights(glossary, text)).toEqual([
      ['CAC', 'cac'],
      ['网信办', 'cac'],
      ['MLPS 2.0', 'mlps'],
      ['等级保护', 'mlps'],
      ['TC260', 'tc260'],
    ]);
  });

  it('matches a traditional Chinese form listed as an alias', () => {
    expect(highlights(glossary, '臺灣也討論等級保護制度')).toEqual([['等級保護', 'mlps']]);
  });

  it('keeps offsets right after emoji and other surrogate pairs', () => {
    const text = '🔒🇨🇳 MLPS 𝐚nd 😀CAC';
    const matches = findMatches(compileMatcher(glossary), text);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['MLPS', 'CAC']);
    expect(matches[0]?.start).toBe(text.indexOf('MLPS'));
  });

  it('matches a multi-word term broken by a newline or an NBSP', () => {
    const text = 'the Cyberspace\nAdministration\u00a0of China and the leading\u00a0small\r\ngroups';
    expect(highlights(glossary, text)).toEqual([
      ['Cyberspace\nAdministration\u00a0of China', 'cac'],
      ['leading\u00a0small\r\ngroups', 'lsg'],
    ]);
  });

  it('matches the same term many times in a long text', () => {
    const text = 'MLPS and CAC. '.repeat(2000);
    const matches = findMatches(compileMatcher(glossary), text);
    expect(matches).toHaveLength(4000);
    expect(matches.at(-1)).toEqual({ start: text.length - 5, end: text.length - 2, termId: 'cac' });
  });

  it('matches a Chinese term inside an expanded compatibility character only once', () => {
    // U+337F "㍿" expands to 株式会社 under NFKC; both halves would map onto the same character.
    // The segmenter holds 株式会社 as one word: the word-edge rule is switched off for these forms.
    const whole = { caseSensitive: false, exact: false, ignoreSegmenter: true };
    const terms = [term('a', { text: '株式', ...whole }), term('b', { text: '会社', ...whole })];
    expect(highlights(terms, '㍿')).toEqual([['㍿', 'a']]);
  });

  it('finds every term of a large glossary whose terms share words', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i.toString(36)}x`);
    const terms = words.flatMap((a) => words.map((b) => term(`${a}-${b}`, `${a} ${b}`)));
    const text = terms.map((t) => `${t.forms[0]?.text}.`).join(' ');
    const matches = findMatches(compileMatcher(terms), text);
    expect(matches.map((m) => m.termId)).toEqual(terms.map((t) => t.id));
  });

  it('matches an alias tens of thousands of units long', () => {
    // NFKC turns each "ﷺ" into 18 units, so this alias is a trie path 18 000 nodes deep.
    const long = 'ﷺ'.repeat(1000);
    const text = `x ${long} y`;
    expect(highlights([term('long', long), term('short', 'ﷺ')], text)).toEqual([[long, 'long']]);
  });
});
