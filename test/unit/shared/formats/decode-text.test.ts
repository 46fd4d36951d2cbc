import { describe, expect, it } from 'vitest';
import { decodeGlossaryFile, firstInvalidUtf8 } from '../../../../src/shared/formats/decode-text';
import { parseGlossaryFile } from '../../../../src/shared/formats/glossary-file';
import { exportGlossaryTbx } from '../../../../src/shared/formats/glossary-tbx';
import { failingItems } from '../../support/data-table';
import { makePack, makeTerm } from '../../support/packs';

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (_, i) => text.charCodeAt(i))];
  units.forEach((unit, i) => {
    const [hi, lo] = [unit >> 8, unit & 0xff];
    bytes[2 * i] = order === 'le' ? lo : hi;
    bytes[2 * i + 1] = order === 'le' ? hi : lo;
  });
  return bytes;
}

const XML = '<?xml version="1.0"?><tbx xml:lang="zh">网信办 Équipe</tbx>';

describe('decoding a glossary file', () => {
  it('reads UTF-8 (with or without a BOM), UTF-16 TBX (with a BOM or by its first bytes) and declared XML encodings', () => {
    const latin1 = Uint8Array.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>\u00c9quipe</t>', (c) =>
      c.charCodeAt(0),
    );
    const gb18030 = Uint8Array.from([
      ...utf8('<?xml version="1.0" encoding="GB18030"?><t>'),
      // 网信办 in GB18030.
      0xcd,
      0xf8,
      0xd0,
      0xc5,
      0xb0,
      0xec,
      ...utf8('</t>'),
    ]);
    const rows: [string, string, Uint8Array, string][] = [
      ['UTF-8', 'a.csv', utf8('term,定义\n'), 'term,定义\n'],
      [
        'UTF-8 with a BOM',
        'a.json',
        Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('{"a":"网"}')]),
        '{"a":"网"}',
      ],
      ['UTF-16LE with a BOM', 'a.tbx', utf16(XML, 'le', true), XML],
      ['UTF-16BE with a BOM', 'a.xml', utf16(XML, 'be', true), XML],
      ['UTF-16LE without one', 'a.tbx', utf16(XML, 'le', false), XML],
      ['UTF-16BE without one', 'a.tbx', utf16(XML, 'be', false), XML],
      [
        'ISO-8859-1, declared',
        'a.tbx',
        latin1,
        '<?xml version="1.0" encoding="ISO-8859-1"?><t>\u00c9quipe</t>',
      ],
      ['GB18030, declared', 'a.tbx', gb18030, '<?xml version="1.0" encoding="GB18030"?><t>网信办</t>'],
    ];
    const failing = failingItems(
      rows,
      ([, name, bytes, text]) => {
        const decoded = decodeGlossaryFile(bytes, name);
        return decoded.ok && decoded.text === text ? true : JSON.stringify(decoded);
      },
      ([label]) => label,
    );
    expect(failing).toEqual([]);
  });

  it('refuses bytes that are not UTF-8, at the line where they go wrong, instead of reading them as �', () => {
    // A CSV a spreadsheet saved in GBK: 网信办 on line 3.
    const gbk = Uint8Array.from([
      ...utf8('term,definition\r\nMLPS,Scheme\r\n'),
      0xcd,
      0xf8,
      0xd0,
      0xc5,
      ...utf8(',x\r\n'),
    ]);
    expect(decodeGlossaryFile(gbk, 'team.csv')).toMatchObject({
      ok: false,
      errors: [
        { path: 'line 3', message: expect.stringContaining('not UTF-8 text'), words: { key: 'notUtf8' } },
      ],
    });
    const unknown = utf8('<?xml version="1.0" encoding="x-made-up"?><tbx/>');
    expect(decodeGlossaryFile(unknown, 'a.tbx')).toMatchObject({
      ok: false,
      errors: [{ path: 'line 1', words: { key: 'unknownEncoding', values: ['x-made-up'] } }],
    });
  });

  it('finds the first byte that breaks UTF-8: stray, overlong, surrogate, past U+10FFFF, cut short', () => {
    const cases: [string, number[], number][] = [
      ['well formed', [...utf8('a网😀')], -1],
      ['a stray continuation byte', [0x61, 0x80], 1],
      ['an overlong NUL', [0x61, 0xc0, 0x80], 1],
      ['an overlong three-byte form', [0xe0, 0x80, 0x80], 0],
      ['a surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
      ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
      ['cut short at the end', [0x61, 0xe7, 0xbd], 1],
    ];
    const failing = failingItems(
      cases,
      ([, bytes, at]) => firstInvalidUtf8(Uint8Array.from(bytes)) === at,
      ([label]) => label,
    );
    expect(failing).toEqual([]);
  });

  it('gives back a pack exported as TBX and saved as UTF-16 by another tool', () => {
    const pack = makePack('team', [
      makeTerm('cac', 'Cyberspace Administration', { aliases: [{ text: '网信办', lang: 'zh-Hans' }] }),
    ]);
    const decoded = decodeGlossaryFile(utf16(exportGlossaryTbx(pack), 'le', true), 'team.tbx');
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
    expect(parseGlossaryFile('team.tbx', decoded.text)).toMatchObject({
      ok: true,
      pack: { terms: [{ aliases: [{ text: '网信办' }] }] },
    });
  });
});
