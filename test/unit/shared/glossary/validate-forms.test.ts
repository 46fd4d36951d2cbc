import { describe, expect, it } from 'vitest';
import type { Alias, Term } from '../../../../src/shared/glossary/model';
import { normalizeSurfaceForm, packLint } from '../../../../src/shared/glossary/validate';
import { errorsOf, pack, passOf, term, typedPack } from './validate-helpers';

const t = (id: string, name: string, aliases: Alias[] = []): Term => ({
  id,
  term: name,
  aliases,
  definition: 'D.',
});

describe('packLint: surface forms claimed by two terms', () => {
  it('reports an alias another term already claims, at the later form', () => {
    const lint = packLint(
      typedPack([t('cac', 'Cyberspace Administration', [{ text: 'CAC' }]), t('x', 'X', [{ text: 'CAC' }])]),
    );
    expect(lint).toEqual([
      {
        path: '$.terms[1].aliases[0].text',
        message: 'surface form "CAC" is also claimed by term "cac" ("CAC" at $.terms[0].aliases[0].text)',
      },
    ]);
  });

  it('compares case-insensitive forms after case-folding', () => {
    const lint = packLint(
      typedPack([t('a', 'Data Security Law'), t('b', 'B', [{ text: 'data security law' }])]),
    );
    expect(lint.map((w) => w.path)).toEqual(['$.terms[1].aliases[0].text']);
  });

  it('compares after NFKC, so full-width letters clash with their ASCII forms', () => {
    const lint = packLint(
      typedPack([t('a', 'A', [{ text: 'TC260' }]), t('b', 'B', [{ text: 'ＴＣ２６０' }])]),
    );
    expect(lint.map((w) => w.path)).toEqual(['$.terms[1].aliases[0].text']);
  });

  it('treats whitespace runs and dash variants as the matcher does', () => {
    expect(normalizeSurfaceForm(' Multi–Level\u00a0 Protection ')).toBe('Multi-Level Protection');
    expect(normalizeSurfaceForm('Cyber\u00adsecurity Law')).toBe('Cybersecurity Law');
    const lint = packLint(typedPack([t('a', 'Multi-Level Protection'), t('b', 'Multi–Level  Protection')]));
    expect(lint.map((w) => w.path)).toEqual(['$.terms[1].term']);
  });

  it('does not report two case-sensitive forms that differ in case', () => {
    const forms = (text: string): Alias[] => [{ text, caseSensitive: true }];
    expect(packLint(typedPack([t('a', 'A', forms('MSS')), t('b', 'B', forms('Mss'))]))).toEqual([]);
  });

  it('reports a case-sensitive form that a case-insensitive one would also match', () => {
    const lint = packLint(
      typedPack([t('a', 'A', [{ text: 'PLA' }]), t('b', 'B', [{ text: 'Pla', caseSensitive: false }])]),
    );
    expect(lint.map((w) => w.path)).toEqual(['$.terms[1].aliases[0].text']);
  });

  it('reports a form that equals the plural another term matches', () => {
    const lint = packLint(typedPack([t('a', 'leading small group'), t('b', 'leading small groups')]));
    expect(lint.map((w) => w.path)).toEqual(['$.terms[1].term']);
  });

  it('does not derive a plural from a form marked exact', () => {
    const exact: Alias[] = [{ text: 'Clean Network', exact: true }];
    expect(packLint(typedPack([t('a', 'A', exact), t('b', 'Clean Networks')]))).toEqual([]);
  });

  it('reports a form listed twice in the same term', () => {
    const lint = packLint(typedPack([t('a', 'Great Firewall', [{ text: 'great firewall' }])]));
    expect(lint).toEqual([
      {
        path: '$.terms[0].aliases[0].text',
        message: 'surface form "great firewall" repeats "Great Firewall" at $.terms[0].term',
      },
    ]);
  });

  it('treats simplified and traditional spellings as different forms', () => {
    expect(
      packLint(typedPack([t('a', 'A', [{ text: '等级保护' }]), t('b', 'B', [{ text: '等級保護' }])])),
    ).toEqual([]);
  });
});

describe('validatePack: surface-form clashes', () => {
  const clash = pack([term('a', { aliases: [{ text: 'CAC' }] }), term('b', { aliases: [{ text: 'CAC' }] })]);

  it('passes an imported pack with a clash but returns a warning', () => {
    const { warnings } = passOf(clash);
    expect(warnings.map((w) => w.path)).toEqual(['$.terms[1].aliases[0].text']);
  });

  it('rejects the clash in strict mode, as the shipped packs are checked', () => {
    expect(errorsOf(clash, { strict: true }).map((e) => e.path)).toEqual(['$.terms[1].aliases[0].text']);
  });
});
