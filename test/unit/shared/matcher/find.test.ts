import { describe, expect, it } from 'vitest';
import { compileMatcher, findMatches, findMatchSpans } from '../../../../src/shared/matcher';
import { acronym, form, highlights, term } from './helpers';

const mlps = term('mlps', 'Multi-Level Protection Scheme', acronym('MLPS'), acronym('MLPS 2.0'), '等保');

describe('normalisation', () => {
  it('matches full-width MLPS and highlights the full-width characters', () => {
    const text = '落实ＭＬＰＳ要求';
    expect(findMatches(compileMatcher([mlps]), text)).toEqual([{ start: 2, end: 6, termId: 'mlps' }]);
  });

  it('matches across any whitespace run, including NBSP, newlines and the ideographic space', () => {
    const terms = [term('dsl', 'Data Security Law')];
    for (const gap of ['\u00a0', '\n', '  \t', '\u3000', ' \r\n ']) {
      const text = `the Data${gap}Security Law applies`;
      expect(highlights(terms, text)).toEqual([[`Data${gap}Security Law`, 'dsl']]);
    }
  });

  it('treats every kind of dash or hyphen as "-"', () => {
    const terms = [term('mlp', 'Multi-Level Protection')];
    const failing = ['-', '\u2010', '\u2011', '\u2013', '\u2014', '\u2212'].filter(
      (dash) =>
        JSON.stringify(highlights(terms, `a Multi${dash}Level Protection scheme`)) !==
        JSON.stringify([[`Multi${dash}Level Protection`, 'mlp']]),
    );
    expect(failing).toEqual([]);
  });

  it('treats curly quotes as straight ones, in the text and in the pattern', () => {
    const terms = [term('q', 'the “Great Firewall”'), term('a', "China's rules")];
    expect(highlights(terms, 'behind the "Great Firewall" and China’s rules')).toEqual([
      ['the "Great Firewall"', 'q'],
      ['China’s rules', 'a'],
    ]);
  });

  it('reads the modifier letter apostrophe (ʼ) as an apostrophe too: People\u02bcs Liberation Army', () => {
    expect(
      highlights([term('pla', "People's Liberation Army")], 'the People\u02bcs Liberation Army'),
    ).toEqual([['People\u02bcs Liberation Army', 'pla']]);
  });

  it('reads through soft hyphens, zero-width spaces and other invisible format characters', () => {
    const terms = [term('csl', 'Cybersecurity Law'), term('cac', '网信办'), mlps];
    expect(highlights(terms, 'the Cyber\u00adsecur\u00adity Law and 国家网\u200b信办')).toEqual([
      ['Cyber\u00adsecur\u00adity Law', 'csl'],
      ['网\u200b信办', 'cac'],
    ]);
    for (const mark of ['\u00ad', '\u200b', '\u2060', '\ufeff', '\u200d']) {
      expect(highlights(terms, `ML${mark}PS rules`)).toEqual([[`ML${mark}PS`, 'mlps']]);
    }
  });

  it('keeps word boundaries across an invisible character: no MPS inside A\u00adMPS', () => {
    const terms = [term('mps', acronym('MPS'))];
    expect(highlights(terms, 'A\u00adMPS and AMPS\u200b')).toEqual([]);
    expect(highlights(terms, 'the \u00adMPS\u200b')).toEqual([['MPS', 'mps']]);
  });

  it('maps a match through a ligature back to the whole ligature', () => {
    const terms = [term('fi', 'financial data')];
    expect(highlights(terms, 'all ﬁnancial data')).toEqual([['ﬁnancial data', 'fi']]);
  });

  it('normalises patterns too: a full-width alias matches half-width text', () => {
    expect(highlights([term('tc', acronym('ＴＣ２６０'))], 'see TC260')).toEqual([['TC260', 'tc']]);
  });
});

describe('case', () => {
  const cac = term('cac', acronym('CAC'));

  it('does not match CAC inside cacao', () => {
    expect(highlights([cac], 'a cup of cacao')).toEqual([]);
  });

  it('does not match a case-sensitive form written in another case', () => {
    const mss = term('mss', acronym('MSS'));
    expect(highlights([mss], 'Mss and mss, but MSS')).toEqual([['MSS', 'mss']]);
  });

  it('matches a case-insensitive form in any case', () => {
    const terms = [term('cii', 'critical information infrastructure')];
    expect(highlights(terms, 'see CRITICAL INFORMATION INFRASTRUCTURE here')).toEqual([
      ['CRITICAL INFORMATION INFRASTRUCTURE', 'cii'],
    ]);
  });

  it('lets a case-sensitive and a case-insensitive term share one folded spelling', () => {
    const terms = [term('mps', acronym('MPS')), term('mps-word', 'mps')];
    expect(highlights(terms, 'MPS or mps')).toEqual([
      ['MPS', 'mps'],
      ['mps', 'mps-word'],
    ]);
  });
});

describe('word boundaries', () => {
  it('does not match MPS inside AMPS', () => {
    expect(highlights([term('mps', acronym('MPS'))], 'AMPS and MPS')).toEqual([['MPS', 'mps']]);
  });

  it('does not match PLA inside PLAN or plan', () => {
    expect(highlights([term('pla', 'PLA')], 'the PLAN, a plan')).toEqual([]);
  });

  it('does not match MSS inside MSSQL', () => {
    expect(highlights([term('mss', acronym('MSS'))], 'MSSQL')).toEqual([]);
  });

  it('does not match a term glued to a digit, Greek or Cyrillic letter', () => {
    const cac = term('cac', acronym('CAC'));
    expect(highlights([cac], '2CAC CACβ ДCAC CAC7')).toEqual([]);
  });

  it('matches a Chinese term inside running Chinese text', () => {
    expect(highlights([mlps], '落实等保要求')).toEqual([['等保', 'mlps']]);
  });

  it('matches a Chinese term right before a digit', () => {
    expect(highlights([term('cac', '网信办')], '国家网信办7月发布')).toEqual([['网信办', 'cac']]);
  });

  it('matches a Latin term right next to a Chinese character', () => {
    expect(highlights([term('tc', acronym('TC260'))], 'TC260标准')).toEqual([['TC260', 'tc']]);
  });

  it('keeps a letter with a combining accent inside its word', () => {
    const cac = term('cac', acronym('CAC'));
    expect(highlights([cac], 'CAC\u20dd, e\u0301CAC, x\u20ddCAC')).toEqual([]);
    expect(highlights([cac], '\u20ddCAC')).toEqual([['CAC', 'cac']]);
  });

  it('matches next to punctuation', () => {
    expect(highlights([term('cac', acronym('CAC'))], '(CAC), "CAC".')).toHaveLength(2);
  });

  it('takes a symbol that NFKC makes letters or digits as an edge, and a letter NFKC makes as none', () => {
    const terms = [term('huawei', 'Huawei'), term('tc', acronym('TC260'))];
    // Each text alone, and after an accent that sends its block through the normaliser.
    const found = [
      'Huawei™',
      'Huawei℠ phones',
      'Huawei® phones',
      'TC260² standards',
      'TC260①',
      'TC260½',
      '™Huawei',
      'note²Huawei',
    ].filter((text) => ['', 'cafe\u0301 '].some((before) => highlights(terms, before + text).length !== 1));
    expect(found).toEqual([]);
    // Letters that NFKC makes ASCII still go on with the word: a ligature, bold maths, full width.
    const glued = ['Huaweiﬁ', 'Huawei𝐛', 'HuaweiＢ', 'TC2602', 'TC260２', 'Huawei™\u0301'].filter((text) =>
      ['', 'cafe\u0301 '].some((before) => highlights(terms, before + text).length !== 0),
    );
    expect(glued).toEqual([]);
  });
});

describe('boundary failures before overlaps', () => {
  it('highlights "Data Security" in "Data Security Lawyers" when "Data Security Law" fails its boundary', () => {
    const terms = [term('dsl', 'Data Security Law'), term('ds', 'data security')];
    expect(highlights(terms, 'Data Security Lawyers')).toEqual([['Data Security', 'ds']]);
  });
});

describe('plurals', () => {
  it('matches "policies" for "policy" and highlights the plural', () => {
    expect(highlights([term('p', 'policy')], 'new policies')).toEqual([['policies', 'p']]);
  });

  it('matches "leading small groups" for "leading small group"', () => {
    const terms = [term('lsg', 'leading small group')];
    expect(highlights(terms, 'two leading small groups')).toEqual([['leading small groups', 'lsg']]);
  });

  it('adds -es after s, x, z, ch and sh', () => {
    const terms = [term('a', 'access'), term('b', 'tax'), term('c', 'search'), term('d', 'hash')];
    expect(highlights(terms, 'accesses taxes searches hashes').map(([s]) => s)).toEqual([
      'accesses',
      'taxes',
      'searches',
      'hashes',
    ]);
  });

  it('adds -s after a vowel + y', () => {
    expect(highlights([term('k', 'key')], 'keys, not keies')).toEqual([['keys', 'k']]);
  });

  it('does not pluralise an exact form', () => {
    expect(highlights([term('l', form('Law', { exact: true }))], 'Laws')).toEqual([]);
  });

  it('does not pluralise a case-sensitive acronym: CACs is no match', () => {
    expect(highlights([term('cac', acronym('CAC'))], 'the CACs')).toEqual([]);
  });

  it('does not pluralise a form that ends in a Chinese character or a digit', () => {
    const terms = [term('a', '等保'), term('b', 'TC 260')];
    expect(highlights(terms, '等保s TC 260s')).toEqual([['等保', 'a']]);
  });
});

describe('overlaps', () => {
  it('prefers "MLPS 2.0" over "MLPS"', () => {
    expect(highlights([mlps], 'MLPS 2.0 replaced MLPS')).toEqual([
      ['MLPS 2.0', 'mlps'],
      ['MLPS', 'mlps'],
    ]);
  });

  it('prefers the longest term across terms', () => {
    const terms = [
      term('lg', 'leading group'),
      term('clg', 'Central Leading Group on Internet Security and Informatization'),
    ];
    const text = 'the Central Leading Group on Internet Security and Informatization met';
    expect(highlights(terms, text)).toEqual([
      ['Central Leading Group on Internet Security and Informatization', 'clg'],
    ]);
  });

  it('prefers the leftmost match over a longer one that starts later', () => {
    const terms = [term('ds', 'data security'), term('sl', 'security law enforcement')];
    expect(highlights(terms, 'data security law enforcement')).toEqual([['data security', 'ds']]);
  });

  it('gives an equal span claimed by two terms to the first term', () => {
    const terms = [term('first', 'MLPS'), term('second', acronym('MLPS'))];
    expect(highlights(terms, 'MLPS')).toEqual([['MLPS', 'first']]);
    expect(highlights([...terms].reverse(), 'MLPS')).toEqual([['MLPS', 'second']]);
  });

  it('returns matches sorted and without overlaps', () => {
    const terms = [term('a', 'data'), term('b', 'data security'), term('c', 'security law')];
    const matches = findMatches(compileMatcher(terms), 'data security law, security law, data');
    expect(matches.map((m) => m.termId)).toEqual(['b', 'c', 'a']);
  });
});

describe('degenerate forms', () => {
  it('ignores empty and whitespace-only forms', () => {
    const terms = [term('blank', '', '   ', '\u00a0\n'), term('cac', acronym('CAC'))];
    expect(highlights(terms, ' CAC ')).toEqual([['CAC', 'cac']]);
  });

  it('tolerates the same form in two terms and twice in one term', () => {
    const terms = [term('a', 'policy', 'Policy', 'policy'), term('b', 'policy')];
    expect(highlights(terms, 'policy policies')).toEqual([
      ['policy', 'a'],
      ['policies', 'a'],
    ]);
  });

  it('finds nothing with no terms or in empty text', () => {
    expect(highlights([], 'anything')).toEqual([]);
    expect(highlights([mlps], '')).toEqual([]);
  });
});

describe('flat spans', () => {
  const terms = [term('dsl', 'Data Security Law'), term('fi', 'financial data')];

  it('gives start, end, term index triples in original offsets, clearing the array first', () => {
    const matcher = compileMatcher(terms);
    const out = [7, 7, 7];
    // Two spaces and a ligature: offsets must survive both ways of reading the text.
    findMatchSpans(matcher, 'the Data  Security Law on ﬁnancial data', out);
    expect(out).toEqual([4, 22, 0, 26, 39, 1]);
    findMatchSpans(matcher, 'the Data  Security Law', out);
    expect(out).toEqual([4, 22, 0]);
    findMatchSpans(matcher, 'nothing here', out);
    expect(out).toEqual([]);
  });

  it('matches through a structured clone of the matcher, as one sent to another context', () => {
    const text = 'Data Security Law and financial data';
    const out: number[] = [];
    findMatchSpans(structuredClone(compileMatcher(terms)), text, out);
    expect(out).toEqual([0, 17, 0, 22, 36, 1]);
  });
});
