import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { glossarySchemaText } from '../../../../scripts/glossary-schema';
import { validatePack } from '../../../../src/shared/glossary/validate';
import {
  DATE_PATTERN,
  GLOSSARY_LIMITS,
  HTTP_URL_PATTERN,
  ID_PATTERN,
  LANGUAGE_TAG_PATTERN,
} from '../../../../src/shared/glossary/validate-rules';
import { failingItems } from '../../support/data-table';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

type SchemaNode = { readonly [key: string]: unknown };
const schema = readJson(root('glossary/schema.json')) as SchemaNode;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const schemaAccepts = ajv.compile(schema);

/** The subschema at a path of keys, e.g. at('$defs', 'term', 'properties', 'id'). */
function at(...keys: string[]): SchemaNode {
  let node: unknown = schema;
  for (const key of keys) {
    node = (node as SchemaNode)[key];
    if (typeof node !== 'object' || node === null) throw new Error(`schema has no ${keys.join('.')}`);
  }
  return node as SchemaNode;
}

const fixtureDir = root('test/fixtures/glossaries');
const fixtures = readdirSync(fixtureDir).filter((name) => name.endsWith('.json'));
const shippedPacks = readdirSync(root('glossary')).filter(
  (name) => name.endsWith('.json') && name !== 'schema.json',
);

describe('glossary/schema.json is generated', () => {
  it('is what scripts/glossary-schema.ts writes from the valibot schemas (run npm run build)', () => {
    expect(readFileSync(root('glossary/schema.json'), 'utf8')).toBe(glossarySchemaText());
  });
});

describe('glossary/schema.json and validatePack agree', () => {
  it('has fixtures of every kind', () => {
    for (const kind of ['valid-', 'invalid-structure-', 'invalid-semantic-']) {
      expect(fixtures.some((name) => name.startsWith(kind))).toBe(true);
    }
  });

  /** What each side says of a file: [the schema accepts it, the validator accepts it]. */
  const verdicts = (path: string): [boolean, boolean] => {
    const data = readJson(path);
    return [schemaAccepts(data), validatePack(data).ok];
  };
  const saying = (expected: [boolean, boolean]) => (path: string) => {
    const got = verdicts(path);
    return got[0] === expected[0] && got[1] === expected[1]
      ? true
      : `schema ${got[0] ? 'accepts' : 'rejects'}, validator ${got[1] ? 'accepts' : 'rejects'}`;
  };
  const inFixtures = (kind: string) =>
    fixtures.filter((name) => name.startsWith(kind)).map((name) => `${fixtureDir}/${name}`);

  it('both accept the shipped packs and the valid- fixtures', () => {
    const files = [...shippedPacks.map((name) => root(`glossary/${name}`)), ...inFixtures('valid-')];
    expect(failingItems(files, saying([true, true]))).toEqual([]);
  });

  it('both reject the invalid-structure- fixtures', () => {
    expect(failingItems(inFixtures('invalid-structure-'), saying([false, false]))).toEqual([]);
  });

  it('only the validator rejects the invalid-semantic- fixtures (cross-references a schema cannot express)', () => {
    expect(failingItems(inFixtures('invalid-semantic-'), saying([true, false]))).toEqual([]);
  });

  it('count a length in characters, as maxLength does: an emoji or a rare CJK character is one', () => {
    const packWith = (term: Record<string, unknown>, name = 'Pack') => ({
      format: 'termlight-glossary',
      version: 1,
      id: 'p',
      name,
      terms: [{ id: 't', term: 'T', definition: 'D.', ...term }],
    });
    const cases: [string, (chars: string) => unknown, number][] = [
      ['definition', (chars) => packWith({ definition: chars }), GLOSSARY_LIMITS.longText],
      ['term', (chars) => packWith({ term: chars }), GLOSSARY_LIMITS.shortText],
      ['name', (chars) => packWith({}, chars), GLOSSARY_LIMITS.shortText],
      [
        'guard',
        (chars) => packWith({ aliases: [{ text: 'T', notFollowedBy: [chars] }] }),
        GLOSSARY_LIMITS.guardText,
      ],
    ];
    const rows = cases.flatMap(([field, make, limit]) =>
      ['😀', '𠀀'].flatMap((char) => [
        { label: `${field} of ${limit} ${char}`, data: make(char.repeat(limit)), ok: true },
        { label: `${field} of ${limit + 1} ${char}`, data: make(char.repeat(limit + 1)), ok: false },
      ]),
    );
    const failing = failingItems(
      rows,
      ({ data, ok }) => {
        const got: [boolean, boolean] = [schemaAccepts(data), validatePack(data).ok];
        return got[0] === ok && got[1] === ok ? true : `schema ${got[0]}, validator ${got[1]}`;
      },
      (row) => row.label,
    );
    expect(failing).toEqual([]);
  });
});

describe('glossary/schema.json mirrors the validator rules', () => {
  const term = (field: string, ...rest: string[]) => at('$defs', 'term', 'properties', field, ...rest);

  it('uses the same patterns', () => {
    expect(at('properties', 'id').pattern).toBe(ID_PATTERN.source);
    expect(term('id').pattern).toBe(ID_PATTERN.source);
    expect(term('related', 'items').pattern).toBe(ID_PATTERN.source);
    expect(term('supersededBy').pattern).toBe(ID_PATTERN.source);
    expect(at('$defs', 'alias', 'properties', 'lang').pattern).toBe(LANGUAGE_TAG_PATTERN.source);
    expect(at('properties', 'language').pattern).toBe(LANGUAGE_TAG_PATTERN.source);
    expect(at('properties', 'updated').pattern).toBe(DATE_PATTERN.source);
    const urlPattern = at('$defs', 'source', 'properties', 'url').pattern as string;
    expect(new RegExp(urlPattern).source).toBe(HTTP_URL_PATTERN.source);
  });

  it('uses the same size limits', () => {
    expect(at('properties', 'terms').maxItems).toBe(GLOSSARY_LIMITS.terms);
    expect(term('aliases').maxItems).toBe(GLOSSARY_LIMITS.aliasesPerTerm);
    expect(term('sources').maxItems).toBe(GLOSSARY_LIMITS.sourcesPerTerm);
    expect(term('related').maxItems).toBe(GLOSSARY_LIMITS.relatedPerTerm);
    expect(term('tags').maxItems).toBe(GLOSSARY_LIMITS.tagsPerTerm);
    expect(term('definition').maxLength).toBe(GLOSSARY_LIMITS.longText);
    expect(term('term').maxLength).toBe(GLOSSARY_LIMITS.shortText);
    expect(at('$defs', 'alias', 'properties', 'text').maxLength).toBe(GLOSSARY_LIMITS.shortText);
    expect(at('$defs', 'source', 'properties', 'url').maxLength).toBe(GLOSSARY_LIMITS.url);
    expect(at('$defs', 'source', 'properties', 'title').maxLength).toBe(GLOSSARY_LIMITS.shortText);
    expect(at('properties', 'name').maxLength).toBe(GLOSSARY_LIMITS.shortText);
    expect(at('properties', 'description').maxLength).toBe(GLOSSARY_LIMITS.longText);
    for (const guard of ['notFollowedBy', 'notPrecededBy']) {
      expect(at('$defs', 'alias', 'properties', guard).maxItems).toBe(GLOSSARY_LIMITS.guardsPerAlias);
      expect(at('$defs', 'alias', 'properties', guard, 'items').maxLength).toBe(GLOSSARY_LIMITS.guardText);
    }
    for (const label of [
      at('properties', 'id'),
      at('properties', 'language'),
      term('id'),
      term('category'),
      term('related', 'items'),
      term('tags', 'items'),
      term('supersededBy'),
      at('$defs', 'alias', 'properties', 'lang'),
    ]) {
      expect(label.maxLength).toBe(GLOSSARY_LIMITS.label);
    }
  });

  it('rejects unknown term properties but tolerates unknown top-level ones, like the validator', () => {
    expect(at('$defs', 'term').additionalProperties).toBe(false);
    expect(at('$defs', 'alias').additionalProperties).toBe(false);
    expect(at('$defs', 'source').additionalProperties).toBe(false);
    expect(schema.additionalProperties).toBeUndefined();
  });
});
