import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportGlossaryCsv, parseGlossaryCsv } from '../../../../src/shared/formats/glossary-csv';
import type { ParsedImport } from '../../../../src/shared/formats/glossary-import';
import type { GlossaryPack } from '../../../../src/shared/glossary/model';
import { makePack, makeTerm } from '../../support/packs';
import { inEnglish } from '../glossary/validate-helpers';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/glossaries/${name}`, import.meta.url)), 'utf8');

function pack(result: ParsedImport): GlossaryPack {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.pack;
}

/** The errors of an import that must fail, where and in English. */
function errors(result: ParsedImport) {
  if (result.ok) throw new Error('expected the import to fail');
  return inEnglish(result.errors);
}

const HEADER = 'term,aliases,definition,category,related,sources,tags';

describe('reading a CSV exported from a spreadsheet', () => {
  const result = parseGlossaryCsv(fixture('csv-spreadsheet.csv'), 'Team terms.csv');
  const terms = pack(result).terms;

  it('reads every row, with the BOM, CRLF line ends and columns in another order and case', () => {
    expect(terms.map((term) => term.term)).toEqual([
      'Cyberspace Administration of China',
      'Cybersecurity Law',
      '数据出境安全评估办法',
    ]);
  });

  it('keeps a quoted cell whole: its commas, doubled quotes and line break', () => {
    expect(terms[0]?.definition).toBe(
      'China\'s internet regulator and censor; it also runs the Office of the Central Cyberspace Affairs Commission.\r\nSee also "the Office".',
    );
    expect(terms[1]?.definition).toContain('duties, data localisation and the MLPS');
  });

  it('splits list cells on | and reads Chinese aliases without a language or case flag', () => {
    expect(terms[0]?.aliases).toEqual([
      { text: 'CAC' },
      { text: '国家互联网信息办公室' },
      { text: '网信办' },
    ]);
    expect(terms[0]?.tags).toEqual(['regulator', 'internet']);
  });

  it('reads a source as "title <url>" or as a bare URL', () => {
    expect(terms[0]?.sources).toEqual([
      { title: 'CAC homepage', url: 'https://www.cac.gov.cn/' },
      { url: 'https://en.wikipedia.org/wiki/Cyberspace_Administration_of_China' },
    ]);
  });

  it('makes ids from the terms, and a hash id for a term without ASCII letters', () => {
    expect(terms.map((term) => term.id)).toEqual([
      'cyberspace-administration-of-china',
      'cybersecurity-law',
      expect.stringMatching(/^term-[0-9a-z]{7}$/),
    ]);
  });

  it('gives names a slug cannot keep whole ids of their own, the same however the rows are sorted', () => {
    const rows = [
      '5G,Fifth generation.',
      '5G网络,A network.',
      '5G专网,A private network.',
      '数据安全法 (2021),A law.',
    ];
    const idsOf = (lines: string[]) =>
      Object.fromEntries(
        pack(parseGlossaryCsv(['term,definition', ...lines].join('\n'), 'a.csv')).terms.map((t) => [
          t.term,
          t.id,
        ]),
      );
    const ids = idsOf(rows);
    expect(ids).toEqual({
      '5G': '5g',
      '5G网络': expect.stringMatching(/^5g-[0-9a-z]{7}$/),
      '5G专网': expect.stringMatching(/^5g-[0-9a-z]{7}$/),
      '数据安全法 (2021)': expect.stringMatching(/^2021-[0-9a-z]{7}$/),
    });
    expect(new Set(Object.values(ids)).size).toBe(4);
    expect(idsOf([...rows].reverse())).toEqual(ids);
  });

  it('numbers the second of two names whose hashes clash', () => {
    // Two names FNV-1a hashes alike (found by search): the import still takes both.
    const csv = 'term,definition\n丢涓磰縩,One.\n裢椳皰偉,Two.\n';
    const [first, second] = pack(parseGlossaryCsv(csv, 'a.csv')).terms;
    expect(second?.id).toBe(`${first?.id}-2`);
  });

  it('resolves a related cell by id, or by the exact text of a term', () => {
    expect(terms[0]?.related).toEqual(['cybersecurity-law']);
    expect(terms[2]?.related).toEqual(['cybersecurity-law']);
  });

  it('names the pack after the file and warns that an unknown column is ignored', () => {
    expect(pack(result)).toMatchObject({ id: 'team-terms', name: 'Team terms' });
    expect(result.ok && inEnglish(result.warnings)).toContainEqual({
      path: 'line 1, column "Notes"',
      message: 'unknown column is ignored',
    });
  });
});

describe('reading CSV', () => {
  it('gives a term without ASCII letters the same id whatever the row order', () => {
    const rows = ['网信办,The regulator.', 'Cache,A store.'];
    const first = pack(parseGlossaryCsv(`term,definition\n${rows.join('\n')}\n`, 'a.csv'));
    const second = pack(parseGlossaryCsv(`term,definition\n${[...rows].reverse().join('\n')}\n`, 'a.csv'));
    expect(first.terms[0]?.id).toBe(second.terms[1]?.id);
  });

  it('reads LF line ends, a missing final line end and blank rows', () => {
    const result = parseGlossaryCsv('term,definition\n\nCache,A store.\n,\nQueue,A line', 'a.csv');
    expect(pack(result).terms.map((term) => term.id)).toEqual(['cache', 'queue']);
  });

  it('reads a header delimited by semicolons, as some locales export', () => {
    const result = parseGlossaryCsv('term;definition;aliases\nCache;A store, fast;cache memory\n', 'a.csv');
    expect(pack(result).terms[0]).toEqual({
      id: 'cache',
      term: 'Cache',
      definition: 'A store, fast',
      aliases: [{ text: 'cache memory' }],
    });
  });

  it("takes the delimiter from Excel's sep= first line, and counts lines from the file's first", () => {
    expect(
      pack(parseGlossaryCsv('sep=;\r\nterm;definition\r\nCache;A store, fast.\r\n', 'a.csv')).terms,
    ).toEqual([{ id: 'cache', term: 'Cache', definition: 'A store, fast.' }]);
    expect(errors(parseGlossaryCsv('SEP=\t\nterm\tdefinition\nCache\t\n', 'a.csv'))).toEqual([
      { path: 'line 3, column "definition"', message: 'definition must not be empty' },
    ]);
  });

  it('uses the id column when there is one, and status and supersededBy', () => {
    const csv =
      'ID,Term,Definition,Status,Superseded By\nmlps-1,MLPS 1.0,Old.,Superseded,mlps\nmlps,MLPS 2.0,New.,current,\n';
    expect(pack(parseGlossaryCsv(csv, 'a.csv')).terms).toEqual([
      { id: 'mlps-1', term: 'MLPS 1.0', definition: 'Old.', status: 'superseded', supersededBy: 'mlps' },
      { id: 'mlps', term: 'MLPS 2.0', definition: 'New.', status: 'current' },
    ]);
  });

  it.each([
    ['a missing definition column', 'term,aliases\nCache,\n', 'line 1', /missing column "definition"/],
    ['a missing term column', 'definition\nA store.\n', 'line 1', /missing column "term"/],
    ['a column named twice', 'term,definition,Term\nA,B,C\n', 'line 1, column "Term"', /appears twice/],
    ['an empty file', '', 'line 1', /the file is empty/],
    [
      'an empty term',
      `${HEADER}\nCache,,A store.,,,,\n,,No term.,,,,\n`,
      'line 3, column "term"',
      /term must not be empty/,
    ],
    [
      'an empty definition',
      'term,definition\nCache,\n',
      'line 2, column "definition"',
      /definition must not be empty/,
    ],
    [
      'a stray quote inside a cell',
      'term,definition\nCache,A store.\nQueue,"A "line"" of items\n',
      'line 3',
      /malformed quoting/,
    ],
    ['an unclosed quote', 'term,definition\nCache,"A store.\nQueue,A line.\n', 'line 2', /malformed quoting/],
    [
      'a row with too many cells',
      'term,definition\nCache,A store, fast\n',
      'line 2',
      /3 cells where the header has 2/,
    ],
    [
      'a row with too few cells',
      'term,definition,category\nCache,A store.\n',
      'line 2',
      /2 cells where the header has 3/,
    ],
    [
      'two terms with one id',
      'term,definition\nCache,A store.\ncache,Also a store.\n',
      'line 3, column "term"',
      /duplicate term id "cache" \(first used at line 2, column "term"\)/,
    ],
    [
      'one Chinese term twice',
      'term,definition\n数据,Data.\n数据,Data again.\n',
      'line 3, column "term"',
      /duplicate term id "term-[0-9a-z]{7}" \(first used at line 2, column "term"\)/,
    ],
    [
      'a javascript: source',
      'term,definition,sources\nCache,A store.,Evil <javascript:alert(1)>\n',
      'line 2, column "sources"',
      /must use http: or https:, not javascript:/,
    ],
    [
      'a related id that matches no term',
      'term,definition,related\nCache,A store.,queue\n',
      'line 2, column "related"',
      /related id "queue" does not match any term/,
    ],
    [
      'an unknown status',
      'term,definition,status\nCache,A store.,retired\n',
      'line 2, column "status"',
      /status must be one of current, superseded, draft/,
    ],
    [
      'superseded without its successor',
      'term,definition,status\nCache,A store.,superseded\n',
      'line 2, column "status"',
      /must name its successor/,
    ],
    [
      'an id that is not lower-case',
      'id,term,definition\nCache,Cache,A store.\n',
      'line 2, column "id"',
      /must match \^\[a-z0-9-\]\+\$/,
    ],
  ])('refuses %s, naming the line and column', (_name, csv, path, message) => {
    expect(errors(parseGlossaryCsv(csv, 'a.csv'))).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
  });

  it('counts a cell spanning lines when it gives the line of a later row', () => {
    const csv = 'term,definition\nCache,"A store\nthat is fast."\nQueue,\n';
    expect(errors(parseGlossaryCsv(csv, 'a.csv'))).toEqual([
      { path: 'line 4, column "definition"', message: 'definition must not be empty' },
    ]);
  });
});

describe('exporting CSV', () => {
  const full = makePack('team', [
    makeTerm('cache', 'Cache', {
      aliases: [{ text: 'cache, memory' }, { text: '快取', lang: 'zh-Hant' }],
      definition: 'A store that says "fast",\nand keeps copies.',
      sources: [{ title: 'MDN', url: 'https://developer.mozilla.org/' }, { url: 'https://example.org/' }],
    }),
  ]);

  it('writes a BOM, the header with id and status, CRLF line ends and quotes where needed', () => {
    expect(exportGlossaryCsv(full)).toBe(
      '\uFEFFid,term,aliases,definition,category,related,sources,tags,status,supersededBy\r\n' +
        'cache,Cache,"cache, memory|快取","A store that says ""fast"",\nand keeps copies.",,,MDN <https://developer.mozilla.org/>|https://example.org/,,,\r\n',
    );
  });

  it('puts a quote before a cell a spreadsheet would run as a formula, and the import takes it off', () => {
    const risky = makePack('team', [
      makeTerm('sum', '=SUM(A1:A2)', { aliases: [{ text: '+cmd' }], definition: "-1 and '=x" }),
    ]);
    const csv = exportGlossaryCsv(risky);
    expect(csv).toContain(`sum,'=SUM(A1:A2),'+cmd,'-1 and '=x,`);
    expect(pack(parseGlossaryCsv(csv, 'team.csv')).terms[0]).toMatchObject({
      term: '=SUM(A1:A2)',
      aliases: [{ text: '+cmd' }],
      definition: "-1 and '=x",
    });
  });

  it('escapes | and \\ inside a list item so the item comes back whole', () => {
    const piped = makePack('team', [
      makeTerm('tcp', 'TCP', { aliases: [{ text: 'TCP|IP' }, { text: 'C:\\path\\' }], tags: ['a\\|b'] }),
    ]);
    const csv = exportGlossaryCsv(piped);
    expect(csv).toContain('TCP\\|IP|C:\\\\path\\\\');
    const term = pack(parseGlossaryCsv(csv, 'team.csv')).terms[0];
    expect(term?.aliases).toEqual([{ text: 'TCP|IP' }, { text: 'C:\\path\\' }]);
    expect(term?.tags).toEqual(['a\\|b']);
  });

  it('brings back a source URL holding < or >, with a title and bare, and still refuses <ftp://…>', () => {
    const sources = [
      { title: 'Search', url: 'https://example.org/search?q=a>b' },
      { title: 'See <https://a.example/> first', url: 'https://b.example/<x>' },
      { url: 'https://example.org/<tag>' },
    ];
    const csv = exportGlossaryCsv(makePack('team', [makeTerm('tcp', 'TCP', { sources })]));
    expect(pack(parseGlossaryCsv(csv, 'team.csv')).terms[0]?.sources).toEqual(sources);
    const ftp = `${HEADER}\nTCP,,d,,,Spec <ftp://example.org/x>,\n`;
    expect(errors(parseGlossaryCsv(ftp, 'team.csv'))).toEqual([
      expect.objectContaining({ message: expect.stringContaining('http') }),
    ]);
  });
});
