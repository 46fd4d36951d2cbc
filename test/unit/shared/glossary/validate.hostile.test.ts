import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_WARNINGS, packLint, validatePack } from '../../../../src/shared/glossary/validate';
import { errorsOf, inEnglish, pack, passOf, term, typedPack } from './validate-helpers';

/** `count` minimal terms that all have the same name (and so claim the same surface form). */
function sameNameTerms(count: number, name: string): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({ id: `t${i}`, term: name, definition: 'D.' }));
}

/** A pack as a file would hold it, parsed from its text, and the text's length. */
function parsedFile(terms: unknown[]): { data: unknown; chars: number } {
  const text = JSON.stringify(pack(terms));
  return { data: JSON.parse(text), chars: text.length };
}

const moreWarnings = (count: number) => ({ path: '$', message: `… and ${count} more warnings` });

describe('validatePack: packs whose terms share one name', () => {
  it('validates 1 000 terms with the same name and the same alias, with the warnings capped', () => {
    const terms = sameNameTerms(1_000, 'Cyberspace Administration').map((raw) => ({
      ...raw,
      aliases: [{ text: 'CAC' }],
    }));
    const { data } = parsedFile(terms);
    const result = validatePack(data);
    expect(result.ok).toBe(true);
    // 999 later names and 999 later aliases clash, one warning each; the list stops at the cap.
    expect(result.warnings).toHaveLength(MAX_REPORTED_WARNINGS + 1);
    expect(inEnglish(result.warnings)[0]).toEqual({
      path: '$.terms[1].term',
      message:
        'surface form "Cyberspace Administration" is also claimed by term "t0" ("Cyberspace Administration" at $.terms[0].term)',
    });
    expect(inEnglish(result.warnings).at(-1)).toEqual(moreWarnings(2 * 999 - MAX_REPORTED_WARNINGS));
  });

  it('validates 20 000 terms with the same name without running out of memory', () => {
    const { data, chars } = parsedFile(sameNameTerms(20_000, 'MLPS'));
    expect(chars).toBeGreaterThan(200_000);
    const result = validatePack(data);
    expect(result.ok).toBe(true);
    expect(result.warnings).toHaveLength(MAX_REPORTED_WARNINGS + 1);
    expect(inEnglish(result.warnings).at(-1)).toEqual(moreWarnings(19_999 - MAX_REPORTED_WARNINGS));
  });

  it('counts every kind of warning against one cap', () => {
    const unknownKeys = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`x${i}`, i]));
    const twiceRelated = term('r', { related: ['t0', 't0'] });
    const result = validatePack(pack([twiceRelated, ...sameNameTerms(600, 'MLPS')], unknownKeys));
    expect(result.ok).toBe(true);
    const kinds = new Set(result.warnings.map((w) => w.message.split(' ')[0]));
    expect(kinds).toEqual(new Set(['unknown', 'related', 'surface', '…']));
    expect(result.warnings).toHaveLength(MAX_REPORTED_WARNINGS + 1);
    // 600 unknown properties + 1 related id listed twice + 599 clashing names.
    expect(inEnglish(result.warnings).at(-1)).toEqual(moreWarnings(600 + 1 + 599 - MAX_REPORTED_WARNINGS));
  });

  it('reports each later form once, naming the first term that claims it', () => {
    const lint = packLint(
      typedPack(['a', 'b', 'c'].map((id) => ({ id, term: 'Great Firewall', definition: 'D.' }))),
    );
    expect(inEnglish(lint)).toEqual([
      {
        path: '$.terms[1].term',
        message:
          'surface form "Great Firewall" is also claimed by term "a" ("Great Firewall" at $.terms[0].term)',
      },
      {
        path: '$.terms[2].term',
        message:
          'surface form "Great Firewall" is also claimed by term "a" ("Great Firewall" at $.terms[0].term)',
      },
    ]);
  });

  it('rejects a same-name pack in strict mode with the errors capped', () => {
    const errors = errorsOf(pack(sameNameTerms(2_000, 'MLPS')), { strict: true });
    expect(errors.at(0)?.path).toBe('$.terms[1].term');
    expect(errors.at(-1)?.message).toMatch(/^more errors not shown/);
  });
});

describe('validatePack: deeply nested values', () => {
  const deepArray = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;

  it('reports a deep value in a term field as an error without walking into it', () => {
    expect(errorsOf(pack([term('a', { related: deepArray })]))).toEqual([
      { path: '$.terms[0].related[0]', message: 'related id must be a string' },
    ]);
    expect(errorsOf(pack([term('a', { notes: deepArray })]))).toEqual([
      { path: '$.terms[0].notes', message: 'unknown property "notes"' },
    ]);
  });

  it('ignores a deep value in an unknown top-level property with a warning', () => {
    expect(passOf(pack([term('a')], { notes: deepArray })).warnings).toEqual([
      { path: '$.notes', message: 'unknown property "notes" is ignored' },
    ]);
  });
});

describe('validatePack: a file of real size', () => {
  it('validates a generated 20 MB pack', () => {
    const definition = 'A term from a generated term base, defined at some length. '.repeat(8);
    const terms = Array.from({ length: 30_000 }, (_, i) => ({
      id: `term-${i}`,
      term: `Generated term ${i}`,
      aliases: [
        { text: `GT${i}`, caseSensitive: true },
        { text: `生成术语${i}`, lang: 'zh-Hans' },
        { text: `generated-term-${i}`, exact: true },
      ],
      definition,
      category: `Category ${i % 50}`,
      related: i > 0 ? [`term-${i - 1}`] : [],
      sources: [{ title: 'Term base', url: `https://example.org/terms/${i}` }],
      tags: ['generated', `batch-${i % 10}`],
      status: 'current',
    }));
    const { data, chars } = parsedFile(terms);
    expect(chars).toBeGreaterThan(20_000_000);
    const { pack: valid, warnings } = passOf(data);
    expect(valid.terms).toHaveLength(30_000);
    expect(warnings).toEqual([]);
    // A size test, not a speed test: the speed is measured by the import bench; a loaded CI
    // machine must not fail it on the default 5-second limit.
  }, 60_000);
});
