import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedImport } from '../../../../src/shared/formats/glossary-import';
import { exportGlossaryTbx, parseGlossaryTbx, TBX_LIMITS } from '../../../../src/shared/formats/glossary-tbx';
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

/** A TBX v3 file around the given entries. */
function tbx(entries: string, rootLang = 'en'): string {
  return `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="${rootLang}" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
${entries}
</body></text>
</tbx>`;
}

describe('reading TBX v3 from a terminology tool', () => {
  const result = parseGlossaryTbx(fixture('tbx-v3-security.tbx'), 'export.tbx');
  const imported = pack(result);
  const [mlps, mps, licence] = imported.terms;

  it('names the pack after the header title, in the root language', () => {
    expect(imported).toMatchObject({
      id: 'security-compliance-terms',
      name: 'Security & Compliance Terms',
      language: 'en',
    });
    expect(imported.description).toBeUndefined();
  });

  it('takes the first term of the pack language as the name and every other term as an alias', () => {
    expect(mlps?.term).toBe('Multi-Level Protection Scheme');
    expect(mlps?.aliases?.map((alias) => alias.text)).toEqual(['MLPS', '等级保护', '等保']);
  });

  it('gives aliases outside the pack language their langSec language', () => {
    expect(mlps?.aliases?.map((alias) => alias.lang)).toEqual([undefined, 'zh-Hans', 'zh-Hans']);
  });

  it('makes an acronym or abbreviation case-sensitive', () => {
    expect(mlps?.aliases?.map((alias) => alias.caseSensitive)).toEqual([true, undefined, true]);
  });

  it('takes the definition in the pack language over another language', () => {
    expect(mlps?.definition).toBe(
      "China's tiered scheme for the security protection of information systems.",
    );
  });

  it('reads subject field, cross references, external links (not images) and subsets as tags', () => {
    expect(mlps).toMatchObject({
      id: 'c1',
      category: 'regulation',
      related: ['c2'],
      sources: [{ title: 'MPS portal', url: 'https://www.mps.gov.cn/' }],
      tags: ['compliance'],
      status: 'current',
    });
  });

  it('finds the pack-language term when another language section comes first', () => {
    expect(mps?.term).toBe('Ministry of Public Security');
    expect(mps?.aliases).toEqual([
      { text: 'Ministerium für Öffentliche Sicherheit', lang: 'de' },
      { text: 'MPS', caseSensitive: true },
    ]);
  });

  it('reads a concept-level definition with inline markup as its text', () => {
    expect(licence?.definition).toBe(
      'A licensing scheme for commercial encryption products, replaced in 2020.',
    );
  });

  it("reads a superseded term's cross reference as its successor", () => {
    expect(licence).toMatchObject({ status: 'superseded', supersededBy: 'c2' });
  });

  it('leaves out a cross reference to an entry the file does not hold, with a warning', () => {
    expect(licence?.related).toBeUndefined();
    expect(result.ok && inEnglish(result.warnings)).toContainEqual({
      path: 'line 81, <conceptEntry id="c3">/<ref type="crossReference">',
      message: 'left out: the cross reference "c99" matches no entry in this file',
    });
  });
});

describe('reading a pretty-printed file', () => {
  const file = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en-US" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>
        Team terms
      </title></titleStmt></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="a">
      <xref type="externalCrossReference" target="https://example.org/mlps">
      </xref>
      <langSec xml:lang="EN-us">
        <descrip type="definition">
          China's graded scheme.
        </descrip>
        <descrip type="definition">A second sense.</descrip>
        <termSec>
          <term>
            Multi-Level Protection Scheme
          </term>
        </termSec>
        <termSec><term>MLPS</term></termSec>
      </langSec>
      <langSec xml:lang="zh-Hans"><termSec><term xml:space="preserve"> 等级保护 </term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>`;
  const result = parseGlossaryTbx(file, 'team.tbx');

  it('reads each value without the line breaks and indentation around it, unless xml:space keeps them', () => {
    expect(pack(result)).toMatchObject({
      name: 'Team terms',
      terms: [
        {
          term: 'Multi-Level Protection Scheme',
          definition: "China's graded scheme.",
          aliases: [{ text: 'MLPS' }, { text: ' 等级保护 ', lang: 'zh-Hans' }],
          sources: [{ url: 'https://example.org/mlps' }],
        },
      ],
    });
  });

  it('takes a language tag in another case as the pack language (BCP 47 ignores case)', () => {
    expect(pack(result).terms[0]?.aliases?.[0]).toEqual({ text: 'MLPS' });
  });

  it('keeps the first of two definitions in one language and says where it left the other out', () => {
    expect(result.ok && inEnglish(result.warnings)).toEqual([
      {
        path: 'line 14, <conceptEntry id="a">/<langSec xml:lang="EN-us">/<descrip type="definition">',
        message: 'left out: another definition (a term keeps the first one)',
      },
    ]);
  });
});

describe('reading a definition where a tool put it', () => {
  it('takes one written in the term section, or typed "Definition", when its language has none above', () => {
    const file = tbx(`
<conceptEntry id="a"><langSec xml:lang="en">
  <termSec><term>Cache</term><descrip type="definition">A fast store.</descrip></termSec>
</langSec></conceptEntry>
<conceptEntry id="b"><langSec xml:lang="en">
  <descrip type="Definition">A line of items.</descrip><termSec><term>Queue</term></termSec>
</langSec></conceptEntry>
<conceptEntry id="c"><langSec xml:lang="en">
  <descrip type="definition">A pile.</descrip>
  <termSec><term>Stack</term><descrip type="definition">Ignored: its langSec has one.</descrip></termSec>
</langSec></conceptEntry>`);
    expect(pack(parseGlossaryTbx(file, 'a.tbx')).terms.map((term) => term.definition)).toEqual([
      'A fast store.',
      'A line of items.',
      'A pile.',
    ]);
  });
});

describe('reading TBX-Basic 2008', () => {
  it('reads <tig> terms, ignoring a DOCTYPE that only names the DTD', () => {
    const imported = pack(parseGlossaryTbx(fixture('tbx-basic-2008-tig.tbx'), 'network.tbx'));
    expect(imported).toMatchObject({ id: 'network-terms', name: 'Network terms', language: 'en-US' });
    expect(imported.terms).toEqual([
      {
        id: 'eid-network-1',
        term: 'firewall',
        aliases: [{ text: 'packet filter' }, { text: 'pare-feu', lang: 'fr-FR' }],
        definition: 'A network security system that monitors and controls incoming and outgoing traffic.',
        category: 'networking',
        status: 'current',
      },
      {
        id: 'eid-network-2',
        term: 'virtual private network',
        aliases: [
          { text: 'VPN', caseSensitive: true },
          { text: '虚拟专用网络', lang: 'zh-Hans' },
        ],
        definition: 'An encrypted tunnel between a device and a private network.',
      },
    ]);
  });

  it('reads <ntig> terms in <termGrp>, with concept-level definitions and links', () => {
    const result = parseGlossaryTbx(fixture('tbx-basic-2008-ntig.tbx'), 'Malware terms.tbx');
    const imported = pack(result);
    expect(imported).toMatchObject({ id: 'malware-terms', name: 'Malware terms', language: 'en' });
    expect(imported.terms).toEqual([
      {
        id: '1',
        term: 'malware',
        aliases: [{ text: 'malicious software' }, { text: '惡意軟體', lang: 'zh-Hant' }],
        definition: 'Software designed to disrupt, damage or gain unauthorised access to a computer system.',
        sources: [{ title: 'NIST CSRC', url: 'https://csrc.nist.gov/glossary/term/malware' }],
      },
      {
        id: '2',
        term: 'ransomware',
        definition: "Malware that encrypts a victim's files and demands payment for the key.",
        related: ['1'],
      },
    ]);
    expect(result.ok && inEnglish(result.warnings)).toContainEqual({
      path: 'line 17, <termEntry id="_1">/<xref type="externalCrossReference">',
      message: 'left out: "ftp://files.example.org/malware.txt" is not an http(s) link',
    });
  });

  it('reads DCT-style data categories (elements named for the category)', () => {
    const text = tbx(
      `<conceptEntry id="x"><min:subjectField>networking</min:subjectField>
       <langSec xml:lang="en"><basic:definition>A test.</basic:definition>
       <termSec><term>Example</term></termSec>
       <termSec><term>Ex</term><basic:termType>abbreviation</basic:termType></termSec></langSec></conceptEntry>`,
    ).replace(
      'xmlns=',
      'xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic" xmlns=',
    );
    expect(pack(parseGlossaryTbx(text, 'a.tbx')).terms[0]).toEqual({
      id: 'x',
      term: 'Example',
      aliases: [{ text: 'Ex', caseSensitive: true }],
      definition: 'A test.',
      category: 'networking',
    });
  });

  it('takes the first language section as the pack language when the root has none', () => {
    const text = `<martif type="TBX-Basic"><text><body><termEntry><langSet xml:lang="de">
      <descrip type="definition">Eine Prüfung.</descrip><tig><term>Prüfung</term></tig></langSet>
      <langSet xml:lang="en"><tig><term>audit</term></tig></langSet></termEntry></body></text></martif>`;
    expect(pack(parseGlossaryTbx(text, 'de.tbx'))).toMatchObject({
      language: 'de',
      terms: [{ id: 'prufung', term: 'Prüfung', aliases: [{ text: 'audit', lang: 'en' }] }],
    });
  });
});

describe('reading statuses', () => {
  it('imports a deprecated term without a successor without a status, and says so', () => {
    const result = parseGlossaryTbx(
      tbx(`<conceptEntry id="a"><langSec xml:lang="en"><descrip type="definition">A.</descrip>
      <termSec><term>Alpha</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec></conceptEntry>`),
      'a.tbx',
    );
    expect(pack(result).terms[0]?.status).toBeUndefined();
    expect(result.ok && result.warnings).toMatchObject([
      {
        path: 'line 5, <conceptEntry id="a">/<langSec xml:lang="en">/<termSec>/<term>',
        message:
          '"deprecatedTerm-admn-sts" without a cross reference to its successor: imported without a status',
      },
    ]);
  });
});

describe('refusing hostile or broken TBX', () => {
  it.each([
    [
      'a DOCTYPE declaring an external entity (XXE)',
      fixture('tbx-hostile-xxe.tbx'),
      'line 2, column 1',
      /^DTDs are not accepted/,
    ],
    [
      'a DOCTYPE declaring nested entities (billion laughs)',
      fixture('tbx-hostile-billion-laughs.tbx'),
      'line 2, column 1',
      /^DTDs are not accepted/,
    ],
    [
      'an entity that is not one of XML’s five',
      tbx('<conceptEntry id="a">&nbsp;</conceptEntry>'),
      'line 4, column 28',
      /entity other than the five of XML/,
    ],
    [
      'elements nested too deep',
      tbx(`${'<note>'.repeat(50)}${'</note>'.repeat(50)}`),
      'line 4, <note>',
      /nested more than 40 deep/,
    ],
    [
      'a root that is not <tbx> or <martif>',
      '<glossary><term>a</term></glossary>',
      'line 1',
      /not a TBX file: the root element is <glossary>/,
    ],
    [
      'an unclosed element',
      tbx('<conceptEntry id="a"><langSec xml:lang="en"></conceptEntry>'),
      'line 4, column 60',
      /not well-formed XML: unexpected close tag/,
    ],
  ])('refuses %s, naming the line', (_name, text, path, message) => {
    expect(errors(parseGlossaryTbx(text, 'a.tbx'))).toEqual([
      { path, message: expect.stringMatching(message) },
    ]);
  });

  it('never reads the DTD a bare DOCTYPE names, so its entities stay undefined', () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "http://attacker.example/entities.dtd">
<martif xml:lang="en"><text><body><termEntry id="a"><langSet xml:lang="en">
<descrip type="definition">&secret;</descrip><tig><term>a</term></tig></langSet></termEntry></body></text></martif>`;
    expect(errors(parseGlossaryTbx(text, 'a.tbx'))).toEqual([
      { path: 'line 4, column 36', message: expect.stringMatching(/entity other than the five of XML/) },
    ]);
  });

  it('refuses a file above the size limit before parsing it', () => {
    // Only a length: reading anything else of the text would throw.
    const huge = { length: TBX_LIMITS.characters + 1 } as unknown as string;
    expect(errors(parseGlossaryTbx(huge, 'big.tbx'))[0]?.message).toMatch(/more than \d+ characters/);
  });

  it.each([
    [
      'a concept without a definition',
      '<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>Alpha</term></termSec></langSec></conceptEntry>',
      'line 4, <conceptEntry id="a">',
      'missing required property "definition"',
    ],
    [
      'an alias language that is no BCP 47 tag',
      '<conceptEntry id="a"><langSec xml:lang="en"><descrip type="definition">A.</descrip><termSec><term>Alpha</term></termSec></langSec>\n<langSec xml:lang="english!"><termSec><term>Alfa</term></termSec></langSec></conceptEntry>',
      'line 5, <conceptEntry id="a">/<langSec xml:lang="english!">/<termSec>/<term>',
      'lang "english!" is not a BCP 47 language tag (e.g. en, zh-Hans)',
    ],
    [
      'a source that is no URL',
      '<conceptEntry id="a">\n<xref type="externalCrossReference" target="https://">x</xref><langSec xml:lang="en"><descrip type="definition">A.</descrip><termSec><term>Alpha</term></termSec></langSec></conceptEntry>',
      'line 5, <conceptEntry id="a">/<xref type="externalCrossReference">',
      'source URL must be an absolute http: or https: URL',
    ],
    [
      'two entries with one id',
      '<conceptEntry id="a"><langSec xml:lang="en"><descrip type="definition">A.</descrip><termSec><term>Alpha</term></termSec></langSec></conceptEntry>\n<conceptEntry id="a"><langSec xml:lang="en"><descrip type="definition">B.</descrip><termSec><term>Beta</term></termSec></langSec></conceptEntry>',
      'line 5, <conceptEntry id="a">',
      'duplicate term id "a" (first used at line 4, <conceptEntry id="a">)',
    ],
  ])('locates %s by line and element', (_name, entries, path, message) => {
    expect(errors(parseGlossaryTbx(tbx(entries), 'a.tbx'))).toContainEqual({ path, message });
  });
});

describe('exporting TBX', () => {
  const sample = makePack(
    'team',
    [
      makeTerm('rd', 'R&D <lab>', {
        aliases: [{ text: 'R&D', caseSensitive: true }],
        sources: [{ title: 'A "quoted" title', url: 'https://example.org/?a=1&b=2' }],
      }),
    ],
    { name: 'Team & co', description: 'Line one\r\nline two' },
  );
  const text = exportGlossaryTbx(sample);

  it('writes TBX v3 in the TBX-Basic dialect, DCA style', () => {
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n/,
    );
    expect(text).toContain('<conceptEntry id="rd">');
    expect(text).toContain('<termNote type="termType">acronym</termNote>');
  });

  it('escapes text and attributes, and keeps a CR as a reference', () => {
    expect(text).toContain('<title>Team &amp; co</title>');
    expect(text).toContain('<term>R&amp;D &lt;lab&gt;</term>');
    expect(text).toContain('target="https://example.org/?a=1&amp;b=2">A "quoted" title</xref>');
    expect(text).toContain('Line one&#13;\nline two');
  });

  it('replaces characters XML 1.0 cannot hold, so the file stays readable', () => {
    const odd = makePack('odd', [makeTerm('bell', 'Bell', { definition: 'Rings \u0007 here.' })]);
    const result = parseGlossaryTbx(exportGlossaryTbx(odd), 'odd.tbx');
    expect(pack(result).terms[0]?.definition).toBe('Rings \uFFFD here.');
  });
});
