import { describe, expect, it } from 'vitest';
import { hostOf, normalizePageUrl, sameOrigin } from '../../../../src/shared/clippings/page-url';

describe('normalizePageUrl', () => {
  it('gives one key per page, whatever fragment or tracking parameters the link carried', () => {
    const rows: [input: string, expected: string][] = [
      ['https://example.com/a', 'https://example.com/a'],
      ['https://example.com/a#section-2', 'https://example.com/a'],
      ['https://example.com/a#', 'https://example.com/a'],
      ['https://example.com/a#:~:text=Multi-Level,Scheme', 'https://example.com/a'],
      ['https://example.com/a?utm_source=news&utm_medium=email', 'https://example.com/a'],
      ['https://example.com/a?UTM_Campaign=x&Utm_Term=y', 'https://example.com/a'],
      ['https://example.com/a?fbclid=IwAR0&gclid=Cj0&msclkid=1', 'https://example.com/a'],
      ['https://example.com/a?dclid=1&gbraid=2&wbraid=3&yclid=4&twclid=5&igshid=6', 'https://example.com/a'],
      ['https://example.com/a?mc_eid=1&mc_cid=2&_ga=3&_gl=4&ref_src=twsrc&spm=a2.b', 'https://example.com/a'],
      ['https://example.com/a?_hsenc=1&mkt_tok=2&hsCtaTracking=3', 'https://example.com/a'],
      ['https://example.com/a?', 'https://example.com/a'],
      ['https://example.com/a?id=7&utm_source=x&page=2', 'https://example.com/a?id=7&page=2'],
      ['https://example.com/a?page=2&id=7&fbclid=1', 'https://example.com/a?page=2&id=7'],
      ['https://example.com/search?q=a%20b&flag', 'https://example.com/search?q=a%20b&flag'],
      ['https://example.com/a?q=1&&utm_id=2', 'https://example.com/a?q=1'],
      [
        'https://example.com/a?ref=home&source=feed&cid=9',
        'https://example.com/a?ref=home&source=feed&cid=9',
      ],
      ['https://example.com/a?utm=1&utmost=2', 'https://example.com/a?utm=1&utmost=2'],
      ['https://example.com/a?%75tm_source=x&b=1', 'https://example.com/a?b=1'],
      ['https://example.com/a?q=%E0%A4%A&fbclid=1', 'https://example.com/a?q=%E0%A4%A'],
      ['HTTPS://Example.COM/Path?Q=1#x', 'https://example.com/Path?Q=1'],
      ['https://例え.jp/記事?utm_source=x', 'https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B'],
      ['http://example.com:8080/a?utm_source=x#top', 'http://example.com:8080/a'],
    ];
    const failing = rows
      .map(([input, expected]) => ({ input, expected, actual: normalizePageUrl(input) }))
      .filter(({ expected, actual }) => actual !== expected);
    expect(failing).toEqual([]);
  });

  it('returns input that is not a URL unchanged', () => {
    const rows = ['', 'not a url', '/relative/path?utm_source=x', 'example.com/a#b'];
    expect(rows.filter((input) => normalizePageUrl(input) !== input)).toEqual([]);
  });
});

describe('sameOrigin', () => {
  it('compares scheme, host and port', () => {
    const rows: [a: string, b: string, same: boolean][] = [
      ['https://example.com/a', 'https://example.com/b?x=1#y', true],
      ['https://EXAMPLE.com/a', 'https://example.com:443/b', true],
      ['https://example.com/a', 'http://example.com/a', false],
      ['https://example.com/a', 'https://www.example.com/a', false],
      ['https://example.com/a', 'https://example.com:8443/a', false],
      ['https://example.com/a', 'not a url', false],
      ['data:text/html,hi', 'data:text/html,hi', false],
      ['about:blank', 'about:blank', false],
    ];
    const failing = rows.filter(([a, b, same]) => sameOrigin(a, b) !== same);
    expect(failing).toEqual([]);
  });
});

describe('hostOf', () => {
  it('gives the lower-cased host name, or an empty string when there is none', () => {
    const rows: [url: string, host: string][] = [
      ['https://News.Example.com/a?b=1', 'news.example.com'],
      ['http://example.com:8080/', 'example.com'],
      ['https://[::1]/a', '[::1]'],
      ['file:///home/reader/page.html', ''],
      ['about:blank', ''],
      ['not a url', ''],
    ];
    const failing = rows.filter(([url, host]) => hostOf(url) !== host);
    expect(failing).toEqual([]);
  });
});
