import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportGlossaryCsv } from '../../../../src/shared/formats/glossary-csv';
import { parseGlossaryFile } from '../../../../src/shared/formats/glossary-file';
import type { ParsedImport } from '../../../../src/shared/formats/glossary-import';
import { exportGlossaryJson } from '../../../../src/shared/formats/glossary-json';
import { exportGlossaryTbx } from '../../../../src/shared/formats/glossary-tbx';
import type { GlossaryPack, Term } from '../../../../src/shared/glossary/model';
import { validatePack } from '../../../../src/shared/glossary/validate';
import { failingItems } from '../../support/data-table';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

function readPack(path: string): GlossaryPack {
  const result = validatePack(JSON.parse(readFileSync(root(path), 'utf8')));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.pack;
}

function pack(result: ParsedImport): GlossaryPack {
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result.pack;
}

const EXPORTS = { json: exportGlossaryJson, csv: exportGlossaryCsv, tbx: exportGlossaryTbx } as const;

/** Export, then import the file under the name the library gives the download (`<pack id>.<kind>`). */
function roundTrip(original: GlossaryPack, kind: keyof typeof EXPORTS): GlossaryPack {
  return pack(parseGlossaryFile(`${original.id}.${kind}`, EXPORTS[kind](original)));
}

/** The ids of the packs (shipped, every field, awkward, empty) that do not come back exactly through `kind`. */
function notGivenBack(kind: 'json' | 'tbx'): string[] {
  return failingItems(
    [shipped, full, awkward, empty],
    (original) => expect(roundTrip(original, kind)).toEqual(original),
    (p) => p.id,
  );
}

const shipped = readPack('glossary/china-cyber-policy.json');
const full = readPack('test/fixtures/glossaries/valid-full.json');

/** A pack that uses every corner of the model that TBX-Basic has no element for. */
const awkward: GlossaryPack = {
  format: 'termlight-glossary',
  version: 1,
  id: 'awkward',
  name: '  Padded & <odd> "name"  ',
  description: '',
  updated: '2026-11-22T08:30:00+08:00',
  terms: [
    {
      id: '5g',
      term: 'Tab\there, CR LF\r\nand a lone CR\r',
      aliases: [
        { text: 'five-g', lang: 'und' },
        { text: 'FIVE G', caseSensitive: false },
        { text: 'Skynet', caseSensitive: true },
        { text: 'NR', caseSensitive: true, exact: false, notFollowedBy: [' 40', '"<&>\'', '门'] },
        { text: 'NRX', notPrecededBy: ['TCP ', '\t two  spaces '], ignoreSegmenter: true },
        { text: '第五代', lang: 'zh-Hans' },
        { text: 'back in the main language', exact: true },
        { text: '第五代移动通信', lang: 'zh-Hans' },
      ],
      definition: '  Leading spaces, <markup> & entities &amp; stay text.\n\nSecond paragraph.  ',
      sources: [
        { url: 'https://example.org/a?b=1&c="2"' },
        { title: '  spaced title ', url: 'http://example.org/' },
      ],
      tags: ['termlight:tag=nested', 'a|b'],
      status: 'draft',
    },
    {
      id: 'old',
      term: 'Old name',
      definition: 'Replaced.',
      related: ['5g', '5g'],
      status: 'superseded',
      supersededBy: 'new',
    },
    { id: 'new', term: 'New name', definition: 'Current.', status: 'current', category: 'naming' },
  ],
};

/**
 * A pack that says "undetermined" for its language in so many words, and lists that are there but
 * empty: both are what a pack without them means, but an import must give back what was exported.
 */
const empty: GlossaryPack = {
  format: 'termlight-glossary',
  version: 1,
  id: 'empty-lists',
  name: 'Empty lists',
  language: 'und',
  terms: [
    {
      id: 'bare',
      term: 'Bare',
      aliases: [],
      definition: 'Nothing listed.',
      related: [],
      sources: [],
      tags: [],
    },
    {
      id: 'guarded',
      term: 'Guarded',
      aliases: [{ text: 'GRD', notFollowedBy: [], notPrecededBy: [] }],
      definition: 'Empty guards.',
      related: ['bare'],
    },
  ],
};

describe('JSON export', () => {
  it('gives back a pack exactly: the shipped one, one with every field, one with awkward text, one with empty lists', () => {
    expect(notGivenBack('json')).toEqual([]);
  });

  it('writes the keys in the order of the model, whatever order the pack holds them in', () => {
    const text = exportGlossaryJson(full);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format',
      'version',
      'id',
      'name',
      'description',
      'language',
      'updated',
      'terms',
    ]);
    expect(Object.keys(JSON.parse(text).terms[0])).toEqual([
      'id',
      'term',
      'aliases',
      'definition',
      'category',
      'related',
      'sources',
      'tags',
      'status',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('TBX export', () => {
  it('gives back a pack exactly: the shipped one, one with every field, one with awkward text and no language, one with empty lists and "und"', () => {
    expect(notGivenBack('tbx')).toEqual([]);
  });

  it('keeps an alias that names the pack language (in any case) apart from one that names none', () => {
    const original: GlossaryPack = {
      ...full,
      terms: [
        {
          id: 'a',
          term: 'Alpha',
          definition: 'A.',
          aliases: [
            { text: 'alpha one' },
            { text: 'alpha two', lang: 'en' },
            { text: 'alpha three' },
            { text: 'alpha four', lang: 'EN' },
          ],
        },
      ],
    };
    expect(roundTrip(original, 'tbx').terms[0]?.aliases).toEqual(original.terms[0]?.aliases);
  });
});

/** What CSV has columns for: everything but an alias's language and case flags. */
function csvFields(term: Term): Term {
  return { ...term, ...(term.aliases ? { aliases: term.aliases.map(({ text }) => ({ text })) } : {}) };
}

describe('CSV export', () => {
  it('gives back every field that has a column: the shipped pack, one with every field, one with awkward text', () => {
    const packs: [string, GlossaryPack][] = [
      ['the shipped pack', shipped],
      ['a pack with every field', full],
      [
        'a pack with awkward text',
        { ...awkward, terms: awkward.terms.map((term) => ({ ...term, term: term.term.trim() })) },
      ],
    ];
    const failing = failingItems(
      packs,
      ([, original]) => {
        const back = roundTrip(original, 'csv');
        expect(back).toMatchObject({ id: original.id });
        expect(back.terms).toEqual(
          original.terms.map((term) => {
            const kept = csvFields(term);
            // A cell is read trimmed, as spreadsheets pad them.
            return {
              ...kept,
              definition: kept.definition.trim(),
              ...(kept.sources
                ? { sources: kept.sources.map((s) => (s.title ? { ...s, title: s.title.trim() } : s)) }
                : {}),
            };
          }),
        );
      },
      ([name]) => name,
    );
    expect(failing).toEqual([]);
  });
});
