import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../../src/shared/clippings/model';
import { exportClippingsJson } from '../../../../src/shared/formats/clippings-json';
import { makeClipping } from '../../support/clippings';

const ctx = {
  termNames: { 'g/latency': 'Latency' },
  exportedAt: new Date(Date.UTC(2026, 11, 6, 8, 0)),
};

function clipping(overrides: Partial<Clipping> = {}): Clipping {
  return makeClipping({
    canonicalUrl: 'https://example.com/canonical',
    note: 'A note',
    tags: ['read'],
    termIds: ['g/latency', 'g/gone'],
    createdAt: Date.UTC(2026, 11, 1),
    updatedAt: Date.UTC(2026, 11, 2),
    ...overrides,
  });
}

describe('exportClippingsJson', () => {
  it('writes the format, version and export date', () => {
    const file = JSON.parse(exportClippingsJson([], ctx));
    expect(file).toEqual({
      format: 'termlight-clippings',
      version: 1,
      exported: '2026-12-06T08:00:00.000Z',
      clippings: [],
    });
  });

  it('keeps every stored field of each clipping', () => {
    const stored = [clipping(), clipping({ id: 'c2', exact: '用語', note: '', tags: [], termIds: [] })];
    const file = JSON.parse(exportClippingsJson(stored, ctx));
    const failing = stored.filter((c, i) => {
      const { terms: _terms, link: _link, ...rest } = file.clippings[i];
      return JSON.stringify(rest) !== JSON.stringify(c);
    });
    expect(failing).toEqual([]);
  });

  it('names each term, falling back to its id', () => {
    const file = JSON.parse(exportClippingsJson([clipping()], ctx));
    expect(file.clippings[0].terms).toEqual([
      { id: 'g/latency', name: 'Latency' },
      { id: 'g/gone', name: 'g/gone' },
    ]);
  });

  it('adds a text-fragment link to the passage', () => {
    const file = JSON.parse(exportClippingsJson([clipping()], ctx));
    expect(file.clippings[0].link).toBe(
      'https://example.com/article#:~:text=Before-,the%20saved%20passage,-after',
    );
  });

  it('is pretty-printed', () => {
    expect(exportClippingsJson([], ctx)).toBe(
      '{\n  "format": "termlight-clippings",\n  "version": 1,\n  "exported": "2026-12-06T08:00:00.000Z",\n  "clippings": []\n}\n',
    );
  });
});
