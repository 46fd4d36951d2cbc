import { describe, expect, it } from 'vitest';
import { compileMatcher, findMatches, findMatchSpansFrom } from '../../../../src/shared/matcher';
import { NEEDS_NORMALISER, RAW, scan } from '../../../../src/shared/matcher/scan';
import { acronym, term } from './helpers';

const terms = [
  term('mlps', 'Multi-Level Protection Scheme', acronym('MLPS')),
  term('csl', 'Cybersecurity Law'),
];
const matcher = compileMatcher(terms);

/** What a RAW scan of the whole text makes of it: its matches, or NEEDS_NORMALISER. */
function rawScan(text: string): number[] | typeof NEEDS_NORMALISER {
  const out: number[] = [];
  return scan(matcher, text, RAW, out) === NEEDS_NORMALISER ? NEEDS_NORMALISER : out;
}

describe('the scan reading page text as it is', () => {
  it('reads emoji and invisible units without the normaliser, between words and inside them', () => {
    // Each text: the RAW scan must finish on its own and find what the normaliser would.
    const texts = [
      'MLPS 👍 applies',
      'MLPS👍 and the Cybersecurity Law 🇨🇳',
      'a thread ❤\ufe0f on MLPS',
      'family 👨\u200d👩\u200d👧 and MLPS',
      'skin 👍🏽 tones, the Cybersecurity Law',
      'a flag 🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f} beside MLPS',
      'hyphen\u00adated words\u200b and MLPS',
      'the Cyber\u00adsecur\u00adity\u200b Law',
      'ML\u00adPS\u00ad and M\u200bLPS',
      'the Cybersecurity\u00ad Law\u00ad, not the Cybersecurity Law\u00adful',
      'the Cybersecurity Law… and MLPS…',
      'MLPS™ is a mark, the Cybersecurity Law… is not',
      'the ﬁle on MLPS',
    ];
    const failing = texts.filter((text) => {
      const raw = rawScan(text);
      const expected = findMatches(matcher, text).flatMap((m) => [
        m.start,
        m.end,
        m.termId === 'mlps' ? 0 : 1,
      ]);
      return raw === NEEDS_NORMALISER || raw.join() !== expected.join() || expected.length === 0;
    });
    expect(failing).toEqual([]);
  });

  it('leaves to the normaliser what only it can read', () => {
    // A letter and a joining accent, a pair that NFKC changes, units NFKC expands into units a
    // pattern starts with (".NET", "FIPS"), and an invisible unit that NFKC changes (a Hangul filler).
    const texts = ['cafe\u0301 MLPS', '𝐌LPS', 'the …NET MLPS', 'a ﬁle on FIPS', 'MLPS \u3164'];
    const more = compileMatcher([...terms, term('net', '.NET'), term('fips', 'FIPS')]);
    const failing = texts.filter((text) => scan(more, text, RAW, []) !== NEEDS_NORMALISER);
    expect(failing).toEqual([]);
  });

  it('leaves a walk that reads invisible units up to the end of a text that goes on unsettled', () => {
    // More text may lengthen "Data Security" into "Data Security Law": decide once it has come.
    const matcher = compileMatcher([term('ds', 'Data Security'), term('dsl', 'Data Security Law')]);
    const out: number[] = [];
    const text = 'the Data Security\u00ad\u200b';
    expect(findMatchSpansFrom(matcher, text, 0, text.length, false, out)).toBe(4);
    expect(out).toEqual([]);
  });
});
