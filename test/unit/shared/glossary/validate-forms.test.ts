import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCaseSensitive } from '../../../../src/shared/glossary/alias-rules';
import type { Alias, GlossaryPack, Term } from '../../../../src/shared/glossary/model';
import { normalizeSurfaceForm, packLint } from '../../../../src/shared/glossary/validate';
import { englishPlural } from '../../../../src/shared/matcher/plural';
import { errorsOf, inEnglish, pack, passOf, term, typedPack } from './validate-helpers';

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
    expect(inEnglish(lint)).toEqual([
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
    expect(inEnglish(lint)).toEqual([
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

/**
 * The lint's rules applied naively, every form against every earlier one: each form that clashes
 * with an earlier one is reported once per case-folded form it claims, naming the earliest.
 */
function naiveLint(pack: GlossaryPack): Array<{ path: string; earlier: string }> {
  interface NaiveClaim {
    term: number;
    path: string;
    key: string;
    form: string;
    caseSensitive: boolean;
    plural: boolean;
  }
  const claims: NaiveClaim[] = [];
  pack.terms.forEach((term, i) => {
    const forms: Array<[Alias, string]> = [
      [{ text: term.term }, `$.terms[${i}].term`],
      ...(term.aliases ?? []).map((alias, j): [Alias, string] => [alias, `$.terms[${i}].aliases[${j}].text`]),
    ];
    for (const [alias, path] of forms) {
      const form = normalizeSurfaceForm(alias.text);
      if (form === '') continue;
      const caseSensitive = resolveCaseSensitive(alias);
      claims.push({ term: i, path, key: form.toLowerCase(), form, caseSensitive, plural: false });
      const plural = caseSensitive || alias.exact ? null : englishPlural(form.toLowerCase());
      if (plural !== null)
        claims.push({ term: i, path, key: plural, form: plural, caseSensitive, plural: true });
    }
  });
  const found: Array<{ path: string; earlier: string }> = [];
  claims.forEach((later, j) => {
    const earlier = claims.slice(0, j).find((a) => {
      if (a.key !== later.key || (a.plural && later.plural)) return false;
      if (a.term === later.term && (a.plural || later.plural)) return false;
      return !(a.caseSensitive && later.caseSensitive) || a.form === later.form;
    });
    if (earlier) found.push({ path: later.path, earlier: earlier.path });
  });
  return found;
}

describe('packLint against a naive every-pair reference', () => {
  const texts = [
    'CAC',
    'cac',
    'Cac',
    'box',
    'Boxes',
    'boxes',
    'policy',
    'Policies',
    'MSS',
    'Mss',
    '等级保护',
  ];
  const alias = fc.record(
    { text: fc.constantFrom(...texts), caseSensitive: fc.boolean(), exact: fc.boolean() },
    { requiredKeys: ['text'] },
  );
  const terms = fc.array(
    fc.record({ term: fc.constantFrom(...texts), aliases: fc.array(alias, { maxLength: 3 }) }),
    {
      minLength: 1,
      maxLength: 8,
    },
  );

  it('reports the same forms, each naming the same earliest clash', () => {
    fc.assert(
      fc.property(terms, (raw) => {
        const pack = typedPack(raw.map((r, i) => ({ id: `t${i}`, definition: 'D.', ...r })));
        const lint = packLint(pack).map((w) => ({
          path: w.path,
          earlier: /at (\$\S+?)\)?$/.exec(w.message)?.[1],
        }));
        expect(lint).toEqual(naiveLint(pack));
      }),
      { numRuns: 2_000 },
    );
  });
});
