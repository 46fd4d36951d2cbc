import { describe, expect, it } from 'vitest';
import { failingItems } from '../../support/data-table';
import { errorsOf, pack, passOf, term } from './validate-helpers';

const withSource = (url: unknown) => pack([term('a', { sources: [{ title: 'Source', url }] })]);

describe('validatePack: source URLs', () => {
  it('reports a javascript: source URL at $.terms[0].sources[0].url', () => {
    expect(errorsOf(withSource('javascript:alert(1)'))).toEqual([
      { path: '$.terms[0].sources[0].url', message: 'source URL must use http: or https:, not javascript:' },
    ]);
  });

  it('reports any other scheme by name', () => {
    const schemes = [
      ['data:text/html,<b>hi</b>', 'data'],
      ['ftp://ftp.example.org/file', 'ftp'],
      ['JavaScript:void(0)', 'javascript'],
      ['file:///etc/passwd', 'file'],
    ] as const;
    const failing = failingItems(schemes, ([url, scheme]) => {
      expect(errorsOf(withSource(url))).toEqual([
        { path: '$.terms[0].sources[0].url', message: `source URL must use http: or https:, not ${scheme}:` },
      ]);
    });
    expect(failing).toEqual([]);
  });

  it('reports a URL that is not absolute http(s)', () => {
    const urls = ['/relative/page', 'www.example.org', 'https://', 'https://exa mple.org'];
    const failing = failingItems(urls, (url) => {
      expect(errorsOf(withSource(url))).toEqual([
        { path: '$.terms[0].sources[0].url', message: 'source URL must be an absolute http: or https: URL' },
      ]);
    });
    expect(failing).toEqual([]);
  });

  it('reports a URL that has the right shape but does not parse', () => {
    expect(errorsOf(withSource('https://[::1/'))).toEqual([
      { path: '$.terms[0].sources[0].url', message: 'source URL does not parse as a URL' },
    ]);
  });

  it('reports a source without a URL at $.terms[0].sources[0].url', () => {
    expect(errorsOf(pack([term('a', { sources: [{ title: 'No link' }] })]))).toEqual([
      { path: '$.terms[0].sources[0].url', message: 'missing required property "url"' },
    ]);
  });

  it('accepts http and https URLs, whatever the case of the scheme', () => {
    const urls = [
      'http://www.npc.gov.cn/',
      'https://www.cac.gov.cn/',
      'HTTPS://DIGICHINA.STANFORD.EDU/work/',
    ];
    expect(failingItems(urls, (url) => void passOf(withSource(url)))).toEqual([]);
  });
});

describe('validatePack: ids and references', () => {
  it('reports a duplicate term id at the second use, naming the first', () => {
    expect(errorsOf(pack([term('mlps'), term('cac'), term('mlps')]))).toEqual([
      { path: '$.terms[2].id', message: 'duplicate term id "mlps" (first used at $.terms[0].id)' },
    ]);
  });

  it('reports a related id that matches no term at $.terms[0].related[1]', () => {
    expect(errorsOf(pack([term('a', { related: ['b', 'nowhere'] }), term('b')]))).toEqual([
      { path: '$.terms[0].related[1]', message: 'related id "nowhere" does not match any term in this pack' },
    ]);
  });

  it('warns about a term related to itself or a related id listed twice', () => {
    const { warnings } = passOf(pack([term('a', { related: ['a', 'b', 'b'] }), term('b')]));
    expect(warnings).toEqual([
      { path: '$.terms[0].related[0]', message: 'a term lists itself as related' },
      { path: '$.terms[0].related[2]', message: 'related id "b" is listed twice' },
    ]);
  });

  it('still resolves references to a term that failed its own structural checks', () => {
    const errors = errorsOf(pack([term('a', { related: ['b'] }), term('b', { definition: '' })]));
    expect(errors).toEqual([{ path: '$.terms[1].definition', message: 'definition must not be empty' }]);
  });
});

describe('validatePack: supersession', () => {
  it('accepts a superseded term that names its successor', () => {
    passOf(pack([term('old', { status: 'superseded', supersededBy: 'new' }), term('new')]));
  });

  it('reports a superseded term without supersededBy at $.terms[0].supersededBy', () => {
    expect(errorsOf(pack([term('old', { status: 'superseded' })]))).toEqual([
      {
        path: '$.terms[0].supersededBy',
        message: 'a superseded term must name its successor in supersededBy',
      },
    ]);
  });

  it('reports supersededBy on a term whose status is not superseded', () => {
    expect(errorsOf(pack([term('old', { supersededBy: 'new' }), term('new')]))).toEqual([
      {
        path: '$.terms[0].supersededBy',
        message: 'supersededBy is only allowed when status is "superseded"',
      },
    ]);
  });

  it('reports a supersededBy id that matches no term', () => {
    expect(errorsOf(pack([term('old', { status: 'superseded', supersededBy: 'gone' })]))).toEqual([
      {
        path: '$.terms[0].supersededBy',
        message: 'supersededBy id "gone" does not match any term in this pack',
      },
    ]);
  });

  it('reports a term superseded by itself', () => {
    expect(errorsOf(pack([term('a', { status: 'superseded', supersededBy: 'a' })]))).toEqual([
      { path: '$.terms[0].supersededBy', message: 'a term cannot be superseded by itself' },
    ]);
  });

  it('reports a supersession cycle once, at the first term of the loop', () => {
    const terms = [
      term('a', { status: 'superseded', supersededBy: 'b' }),
      term('b', { status: 'superseded', supersededBy: 'c' }),
      term('c', { status: 'superseded', supersededBy: 'a' }),
    ];
    expect(errorsOf(pack(terms))).toEqual([
      { path: '$.terms[0].supersededBy', message: 'supersededBy forms a cycle: a → b → c → a' },
    ]);
  });

  it('names the first ten terms of a long cycle and counts the rest', () => {
    const count = 100_000;
    const terms = Array.from({ length: count }, (_, i) =>
      term(`t${i}`, { status: 'superseded', supersededBy: `t${(i + 1) % count}` }),
    );
    const first = Array.from({ length: 10 }, (_, i) => `t${i}`).join(' → ');
    expect(errorsOf(pack(terms))).toEqual([
      {
        path: '$.terms[0].supersededBy',
        message: `supersededBy forms a cycle: ${first} → … (${count - 10} more) → t0`,
      },
    ]);
  });

  it('accepts a chain of supersessions that ends in a current term', () => {
    const terms = [
      term('a', { status: 'superseded', supersededBy: 'b' }),
      term('b', { status: 'superseded', supersededBy: 'c' }),
      term('c'),
    ];
    passOf(pack(terms));
  });
});
