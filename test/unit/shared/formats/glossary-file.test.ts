import { describe, expect, it } from 'vitest';
import { exportGlossaryCsv } from '../../../../src/shared/formats/glossary-csv';
import { parseGlossaryFile } from '../../../../src/shared/formats/glossary-file';
import { exportGlossaryJson } from '../../../../src/shared/formats/glossary-json';
import { exportGlossaryTbx } from '../../../../src/shared/formats/glossary-tbx';
import { failingItems } from '../../support/data-table';
import { makePack, makeTerm } from '../../support/packs';

const sample = makePack('team', [makeTerm('cache', 'Cache')]);

describe('choosing the reader by file extension', () => {
  it('reads a file by its extension, in any case, with or without a BOM', () => {
    const files: [string, string][] = [
      ['team.json', exportGlossaryJson(sample)],
      ['TEAM.JSON', exportGlossaryJson(sample)],
      ['team.csv', exportGlossaryCsv(sample)],
      ['Team.CSV', exportGlossaryCsv(sample)],
      ['team.tbx', exportGlossaryTbx(sample)],
      ['team.TBX', `\uFEFF${exportGlossaryTbx(sample)}`],
      ['team.xml', exportGlossaryTbx(sample)],
    ];
    const failing = failingItems(
      files,
      ([fileName, text]) => {
        const result = parseGlossaryFile(fileName, text);
        expect(result.ok && result.pack.terms).toEqual([
          expect.objectContaining({ id: 'cache', term: 'Cache' }),
        ]);
      },
      ([fileName]) => fileName,
    );
    expect(failing).toEqual([]);
  });

  it('reads a .xml file as TBX, and says where and why one is not TBX', () => {
    const tbx2008 =
      '<?xml version="1.0"?>\n<!-- from a termbase -->\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n<martif type="TBX-Basic" xml:lang="en"><text><body/></text></martif>';
    expect(parseGlossaryFile('terms.xml', tbx2008)).toMatchObject({
      ok: true,
      pack: { id: 'terms', terms: [] },
    });
    expect(parseGlossaryFile('feed.xml', '<?xml version="1.0"?><rss/>')).toMatchObject({
      ok: false,
      errors: [{ path: 'line 1', message: expect.stringContaining('the root element is <rss>') }],
    });
    const broken =
      '<?xml version="1.0"?>\n<!-- bad -- comment -->\n<tbx xml:lang="en"><text><body/></text></tbx>';
    expect(parseGlossaryFile('terms.xml', broken)).toMatchObject({
      ok: false,
      errors: [{ path: 'line 2, column 13', message: expect.stringContaining('not well-formed XML') }],
    });
  });

  it('names the three formats it reads when it refuses a file type', () => {
    const result = parseGlossaryFile('notes.docx', 'x');
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: 'notes.docx', message: expect.stringMatching(/"\.docx".*\.json.*\.csv.*\.tbx/) }],
    });
  });

  it('reports a CSV by line and column and a TBX by line and element', () => {
    const csv = parseGlossaryFile('team.csv', 'term,definition\nCache,\n');
    expect(csv.ok || csv.errors[0]?.path).toBe('line 2, column "definition"');
    const tbx = parseGlossaryFile('team.tbx', exportGlossaryTbx(sample).replace('Definition of Cache.', ''));
    expect(tbx.ok || tbx.errors[0]?.path).toMatch(
      /^line \d+, <conceptEntry id="cache">\/<langSec xml:lang="en">\/<descrip type="definition">$/,
    );
  });
});
