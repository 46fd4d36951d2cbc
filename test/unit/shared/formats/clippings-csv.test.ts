import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../../src/shared/clippings/model';
import { exportCsv } from '../../../../src/shared/formats/clippings-csv';
import { splitList } from '../../../../src/shared/formats/csv-list';
import { makeClipping } from '../../support/clippings';

const ctx = { termNames: { 'g/latency': 'Latency', 'g/cache': 'Cache' }, exportedAt: new Date(2026, 11, 6) };

const HEADER = 'id,url,title,exact,prefix,suffix,start,end,note,tags,terms,link,created,updated,anchored';

function clipping(overrides: Partial<Clipping> = {}): Clipping {
  return makeClipping(overrides);
}

/**
 * A strict RFC 4180 reader: records end in CRLF, a field is quoted or holds no quote, comma, CR
 * or LF. Throws on anything else, so a malformed export fails the test that reads it.
 */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unclosed quote');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          field += text[i++];
        }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`expected , or CRLF at ${i}`);
    }
  }
  if (record.length > 0) throw new Error('last record does not end in CRLF');
  return records;
}

/** The export read back as one object per row, keyed by the header. */
function rows(csv: string): Record<string, string>[] {
  const [header = [], ...body] = readCsv(csv.replace(/^\uFEFF/, ''));
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

describe('exportCsv', () => {
  it('starts with a UTF-8 BOM and the header row', () => {
    expect(exportCsv([], ctx)).toBe(`\uFEFF${HEADER}\r\n`);
  });

  it('writes one CRLF-terminated record of 15 fields per clipping', () => {
    const records = readCsv(exportCsv([clipping(), clipping({ id: 'c2' })], ctx).slice(1));
    expect(records.map((record) => record.length)).toEqual([15, 15, 15]);
  });

  it('round-trips a note with a comma, a quote, a line break and CJK text', () => {
    const note = 'Compare, "quoted"\r\nand\nnext line: 用語の定義を確認する';
    const exact = '日本語の文章, with "quotes"';
    const [row] = rows(exportCsv([clipping({ note, exact, title: 'Title, with comma' })], ctx));
    expect({ note: row?.note, exact: row?.exact, title: row?.title }).toEqual({
      note,
      exact,
      title: 'Title, with comma',
    });
  });

  it('writes every column of a clipping', () => {
    const [row] = rows(
      exportCsv([clipping({ note: 'n', tags: ['read', 'later'], termIds: ['g/latency', 'g/cache'] })], ctx),
    );
    expect(row).toEqual({
      id: 'c1',
      url: 'https://example.com/article',
      title: 'An article',
      exact: 'the saved passage',
      prefix: 'Before ',
      suffix: ' after',
      start: '100',
      end: '117',
      note: 'n',
      tags: 'read|later',
      terms: 'Latency|Cache',
      link: 'https://example.com/article#:~:text=Before-,the%20saved%20passage,-after',
      created: '2026-12-01T09:30:00.000Z',
      updated: '2026-12-02T10:45:00.000Z',
      anchored: 'true',
    });
  });

  it('writes a | or \\ inside a tag or term name so each comes back whole', () => {
    const csv = exportCsv([clipping({ tags: ['a|b', 'C:\\dir', 'plain'], termIds: ['g/latency'] })], ctx);
    const [written] = rows(csv);
    expect(written?.tags).toBe('a\\|b|C:\\\\dir|plain');
    expect(splitList(written?.tags ?? '')).toEqual(['a|b', 'C:\\dir', 'plain']);
  });

  it('names a term no longer in the glossaries by its id', () => {
    const [row] = rows(exportCsv([clipping({ termIds: ['g/latency', 'g/gone'] })], ctx));
    expect(row?.terms).toBe('Latency|g/gone');
  });

  it('leaves start and end empty when there is no position selector', () => {
    const exact = 'the saved passage';
    const selectors: Clipping['selectors'] = [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }];
    const [row] = rows(exportCsv([clipping({ selectors, anchored: false })], ctx));
    expect({ start: row?.start, end: row?.end, anchored: row?.anchored }).toEqual({
      start: '',
      end: '',
      anchored: 'false',
    });
  });

  it('puts a quote before a cell that a spreadsheet would run as a formula', () => {
    const starts = ['=SUM(A1:A2)', '+1', '-1', '@cmd', '\tx', '\rx'];
    const failing = starts.flatMap((value) => {
      const [row] = rows(
        exportCsv([clipping({ exact: value, note: value, title: value, tags: [value] })], ctx),
      );
      return ['exact', 'note', 'title', 'tags']
        .filter((column) => row?.[column] !== `'${value}`)
        .map((column) => ({ value, column, got: row?.[column] }));
    });
    expect(failing).toEqual([]);
  });

  it('leaves other cells as they are', () => {
    const values = ['plain', 'a=b', "'quoted", ' =spaced', '用語'];
    const failing = values.flatMap((value) => {
      const [row] = rows(exportCsv([clipping({ note: value })], ctx));
      return row?.note === value ? [] : [{ value, got: row?.note }];
    });
    expect(failing).toEqual([]);
  });
});
