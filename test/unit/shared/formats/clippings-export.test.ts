import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../../src/shared/clippings/model';
import {
  type ClippingExportKind,
  clippingLink,
  EXPORT_MIME_TYPES,
  exportFileName,
  termName,
} from '../../../../src/shared/formats/clippings-export';

describe('clipping export names and types', () => {
  it('names each export file with the local date and its extension', () => {
    const date = new Date(2026, 11, 6, 23, 30);
    const expected: [ClippingExportKind, string][] = [
      ['markdown', 'termlight-clippings-2026-12-06.md'],
      ['csv', 'termlight-clippings-2026-12-06.csv'],
      ['json', 'termlight-clippings-2026-12-06.json'],
      ['web-annotations', 'termlight-annotations-2026-12-06.jsonld'],
    ];
    const failing = expected
      .map(([kind, name]) => ({ kind, name, got: exportFileName(kind, date) }))
      .filter(({ name, got }) => name !== got);
    expect(failing).toEqual([]);
  });

  it('pads single-digit months and days', () => {
    expect(exportFileName('csv', new Date(2027, 0, 5, 12))).toBe('termlight-clippings-2027-01-05.csv');
  });

  it('gives each export its MIME type', () => {
    expect(EXPORT_MIME_TYPES).toEqual({
      markdown: 'text/markdown;charset=utf-8',
      csv: 'text/csv;charset=utf-8',
      json: 'application/json',
      'web-annotations': 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
    });
  });
});

describe('termName', () => {
  const ctx = { termNames: { 'g1/t1': 'Latency' }, exportedAt: new Date(0) };

  it('names a term from the glossaries', () => {
    expect(termName('g1/t1', ctx)).toBe('Latency');
  });

  it('falls back to the id of a term no longer in the glossaries', () => {
    const failing = ['g1/gone', 'constructor', '__proto__', 'toString'].filter(
      (id) => termName(id, ctx) !== id,
    );
    expect(failing).toEqual([]);
  });
});

describe('clippingLink', () => {
  it("links the clipping's page with a text fragment for its quote", () => {
    const clipping: Clipping = {
      id: 'c1',
      url: 'https://example.com/a',
      site: 'example.com',
      title: 'A',
      exact: 'stored passage',
      selectors: [{ type: 'TextQuoteSelector', exact: 'stored passage', prefix: 'the ', suffix: ' here' }],
      note: '',
      tags: [],
      termIds: [],
      createdAt: 0,
      updatedAt: 0,
      anchored: true,
    };
    expect(clippingLink(clipping)).toBe('https://example.com/a#:~:text=the-,stored%20passage,-here');
  });
});
