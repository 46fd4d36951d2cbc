import { describe, expect, it } from 'vitest';
import { isHomePageUrl } from '../../../../src/shared/glossary/validate-sources';
import { errorsOf, pack, passOf, term } from './validate-helpers';

const HOME_PAGES = [
  'https://www.cac.gov.cn/',
  'http://www.npc.gov.cn',
  'https://www.tc260.org.cn/index.html',
  'https://www.mps.gov.cn/index.htm',
  'https://example.org/default.aspx',
  'https://www.fmprc.gov.cn/eng/',
  'https://www.fmprc.gov.cn/eng/index.shtml',
  'https://example.org/#about',
];

const SPECIFIC_PAGES = [
  'https://www.cac.gov.cn/2025-10/17/c_1762449729745366.htm',
  'https://digichina.stanford.edu/work/translation-data-security-law-of-the-peoples-republic-of-china/',
  'https://en.wikipedia.org/wiki/Great_Firewall',
  'https://www.gov.cn/zhengce/content/2021-08/17/content_5631671.htm',
  'https://flk.npc.gov.cn/detail2.html?id=1',
  'https://example.org/?p=42',
  'https://example.org/eng/news/index.html',
];

describe('isHomePageUrl', () => {
  it('calls a bare site root, a front-page file or a language root a home page', () => {
    expect(HOME_PAGES.filter((url) => !isHomePageUrl(url))).toEqual([]);
  });

  it('does not call a page with a path below the root, or a query, a home page', () => {
    expect(SPECIFIC_PAGES.filter((url) => isHomePageUrl(url))).toEqual([]);
  });
});

describe('validatePack: source URLs that are home pages', () => {
  const data = pack([
    term('a', {
      sources: [
        { title: 'Specific', url: 'https://en.wikipedia.org/wiki/Great_Firewall' },
        { title: 'Home', url: 'https://www.cac.gov.cn/' },
      ],
    }),
  ]);

  it('warns at the URL, and still accepts the pack', () => {
    expect(passOf(data).warnings).toEqual([
      {
        path: '$.terms[0].sources[1].url',
        message:
          "source URL https://www.cac.gov.cn/ is a site's home page; cite the page that supports the term",
      },
    ]);
  });

  it('rejects the pack in strict mode, as for a shipped pack', () => {
    expect(errorsOf(data, { strict: true }).map((error) => error.path)).toEqual([
      '$.terms[0].sources[1].url',
    ]);
  });
});
