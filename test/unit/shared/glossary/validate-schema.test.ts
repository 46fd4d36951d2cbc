import { describe, expect, it } from 'vitest';
import { GLOSSARY_LIMITS, MAX_REPORTED_ERRORS, validatePack } from '../../../../src/shared/glossary/validate';
import { failingItems } from '../../support/data-table';
import { errorsOf, pack, passOf, term } from './validate-helpers';

describe('validatePack: pack structure', () => {
  it('accepts a minimal pack and returns it typed', () => {
    const { pack: valid, warnings } = passOf(pack([term('mlps')]));
    expect(valid.terms[0]?.id).toBe('mlps');
    expect(warnings).toEqual([]);
  });

  it('reports a value that is not an object at $', () => {
    expect(errorsOf([])).toEqual([{ path: '$', message: 'a glossary pack must be a JSON object' }]);
    expect(errorsOf('termlight')).toEqual([{ path: '$', message: 'a glossary pack must be a JSON object' }]);
  });

  it('reports a missing terms array at $.terms', () => {
    const data = pack([]);
    delete data.terms;
    expect(errorsOf(data)).toEqual([{ path: '$.terms', message: 'missing required property "terms"' }]);
  });

  it('reports a wrong format at $.format', () => {
    expect(errorsOf(pack([], { format: 'other-glossary' }))).toEqual([
      { path: '$.format', message: 'format must be "termlight-glossary"' },
    ]);
  });

  it('reports an unsupported version at $.version', () => {
    expect(errorsOf(pack([], { version: 2 }))).toEqual([
      { path: '$.version', message: 'version must be 1 (the only version this reader knows)' },
    ]);
  });

  it('reports a pack id that is not lower-case letters, digits and dashes at $.id', () => {
    expect(errorsOf(pack([], { id: 'China Cyber' }))).toEqual([
      { path: '$.id', message: 'pack id must match ^[a-z0-9-]+$ (lower-case letters, digits and dashes)' },
    ]);
  });

  it('reports an empty pack name at $.name', () => {
    expect(errorsOf(pack([], { name: '  ' }))).toEqual([
      { path: '$.name', message: 'name must not be empty' },
    ]);
  });

  it('reports an updated value that is not a date at $.updated', () => {
    expect(errorsOf(pack([], { updated: 'last Tuesday' }))).toEqual([
      { path: '$.updated', message: 'updated must be a date such as 2026-11-22' },
    ]);
  });

  it('takes an updated date or date-time that exists, with or without an offset, and no other', () => {
    const rows = [
      ...['2026-11-22', '2024-02-29', '2026-11-22T10:00', '2026-11-22T10:00:00', '2026-11-22T23:59:60Z'].map(
        (updated) => ({ updated, ok: true }),
      ),
      ...[
        '2026-13-45',
        '2026-02-29',
        '2026-00-10',
        '2026-11-31',
        '2026-11-22T24:00',
        '2026-11-22T10:00+25:00',
      ].map((updated) => ({ updated, ok: false })),
    ];
    const failing = failingItems(
      rows,
      ({ updated, ok }) => validatePack(pack([], { updated })).ok === ok,
      ({ updated, ok }) => `${updated} should be ${ok ? 'accepted' : 'refused'}`,
    );
    expect(failing).toEqual([]);
  });

  it('tolerates unknown top-level properties, warns about them and drops them', () => {
    const { pack: valid, warnings } = passOf(pack([term('a')], { $schema: './schema.json', homepage: 'x' }));
    expect(warnings).toEqual([{ path: '$.homepage', message: 'unknown property "homepage" is ignored' }]);
    expect(valid).not.toHaveProperty('$schema');
    expect(valid).not.toHaveProperty('homepage');
  });

  it('turns warnings into errors in strict mode', () => {
    expect(errorsOf(pack([term('a')], { homepage: 'x' }), { strict: true })).toEqual([
      { path: '$.homepage', message: 'unknown property "homepage" is ignored' },
    ]);
  });
});

describe('validatePack: term fields', () => {
  it('reports a term id with capitals at $.terms[0].id', () => {
    expect(errorsOf(pack([term('MLPS')]))).toEqual([
      {
        path: '$.terms[0].id',
        message: 'term id must match ^[a-z0-9-]+$ (lower-case letters, digits and dashes)',
      },
    ]);
  });

  it('reports an empty term at $.terms[0].term and a blank definition at $.terms[1].definition', () => {
    expect(errorsOf(pack([term('a', { term: '' }), term('b', { definition: ' \n ' })]))).toEqual([
      { path: '$.terms[0].term', message: 'term must not be empty' },
      { path: '$.terms[1].definition', message: 'definition must not be empty' },
    ]);
  });

  it('reports a missing definition at $.terms[0].definition', () => {
    const bad = term('a');
    delete bad.definition;
    expect(errorsOf(pack([bad]))).toEqual([
      { path: '$.terms[0].definition', message: 'missing required property "definition"' },
    ]);
  });

  it('reports a status outside current, superseded and draft at $.terms[0].status', () => {
    expect(errorsOf(pack([term('a', { status: 'retired' })]))).toEqual([
      { path: '$.terms[0].status', message: 'status must be one of current, superseded, draft' },
    ]);
  });

  it('rejects an unknown term property such as a misspelt field at $.terms[0].defintion', () => {
    expect(errorsOf(pack([term('a', { defintion: 'typo' })]))).toEqual([
      { path: '$.terms[0].defintion', message: 'unknown property "defintion"' },
    ]);
  });

  it('rejects an unknown alias property at $.terms[0].aliases[0].caseSensitve', () => {
    const aliases = [{ text: 'MLPS', caseSensitve: true }];
    expect(errorsOf(pack([term('a', { aliases })]))).toEqual([
      { path: '$.terms[0].aliases[0].caseSensitve', message: 'unknown property "caseSensitve"' },
    ]);
  });

  it('reports an alias that is not an object at $.terms[0].aliases[1]', () => {
    expect(errorsOf(pack([term('a', { aliases: [{ text: 'A' }, 'B'] })]))).toEqual([
      { path: '$.terms[0].aliases[1]', message: 'an alias must be an object' },
    ]);
  });

  it('reports a non-boolean caseSensitive at $.terms[0].aliases[0].caseSensitive', () => {
    expect(errorsOf(pack([term('a', { aliases: [{ text: 'A', caseSensitive: 'yes' }] })]))).toEqual([
      { path: '$.terms[0].aliases[0].caseSensitive', message: 'caseSensitive must be true or false' },
    ]);
  });

  it('reports every error, not just the first', () => {
    const errors = errorsOf(pack([term('ok'), term('Bad'), term('c', { status: 'old', term: '' })]));
    expect(errors.map((e) => e.path)).toEqual(['$.terms[1].id', '$.terms[2].term', '$.terms[2].status']);
  });
});

describe('validatePack: alias languages', () => {
  it('accepts BCP 47 tags, with script, region, variant or private use', () => {
    const tags = ['en', 'zh-Hans', 'zh-Hant', 'zh-Hant-TW', 'zh-yue-HK', 'sr-Latn-RS', 'x-pinyin'];
    const failing = failingItems(
      tags,
      (lang) => void passOf(pack([term('a', { aliases: [{ text: 'alias', lang }] })])),
    );
    expect(failing).toEqual([]);
  });

  it('reports what is not a BCP 47 tag at $.terms[0].aliases[0].lang', () => {
    const failing = failingItems(['zh_CN', 'chinese', 'zh-', ''], (lang) => {
      expect(errorsOf(pack([term('a', { aliases: [{ text: 'alias', lang }] })]))).toEqual([
        {
          path: '$.terms[0].aliases[0].lang',
          message: `lang ${JSON.stringify(lang)} is not a BCP 47 language tag (e.g. en, zh-Hans)`,
        },
      ]);
    });
    expect(failing).toEqual([]);
  });

  it('reports an implausible pack language at $.language', () => {
    expect(errorsOf(pack([], { language: 'English' }))[0]?.path).toBe('$.language');
  });
});

describe('validatePack: size limits', () => {
  it(`reports a definition over ${GLOSSARY_LIMITS.longText} characters`, () => {
    const definition = 'x'.repeat(GLOSSARY_LIMITS.longText + 1);
    expect(errorsOf(pack([term('a', { definition })]))).toEqual([
      {
        path: '$.terms[0].definition',
        message: `definition is longer than ${GLOSSARY_LIMITS.longText} characters`,
      },
    ]);
  });

  it('refuses 500 001 terms without checking each one, giving the count and the limit', () => {
    const terms = new Array(500_001).fill(null);
    expect(errorsOf(pack(terms))).toEqual([
      { path: '$.terms', message: 'terms has 500001 entries, more than the 500000 a pack may hold' },
    ]);
  });

  it('accepts 50 001 terms', () => {
    const terms = Array.from({ length: 50_001 }, (_, i) => ({
      id: `t${i}`,
      term: `T${i}`,
      definition: 'D.',
    }));
    const { pack: valid, warnings } = passOf(pack(terms));
    expect(valid.terms).toHaveLength(50_001);
    expect(warnings).toEqual([]);
  });

  it(`reports more than ${GLOSSARY_LIMITS.aliasesPerTerm} aliases without checking each one`, () => {
    const aliases = new Array(GLOSSARY_LIMITS.aliasesPerTerm + 1).fill(42);
    expect(errorsOf(pack([term('a', { aliases })]))).toEqual([
      {
        path: '$.terms[0].aliases',
        message: `aliases has more than ${GLOSSARY_LIMITS.aliasesPerTerm} entries`,
      },
    ]);
  });

  it(`stops after ${MAX_REPORTED_ERRORS} errors and says more were found`, () => {
    const terms = Array.from({ length: 500 }, (_, i) => term(`Bad-${i}`));
    const errors = errorsOf(pack(terms));
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)).toEqual({
      path: '$',
      message: `more errors not shown (stopped after ${MAX_REPORTED_ERRORS})`,
    });
  });
});
