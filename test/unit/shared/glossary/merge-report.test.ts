import { describe, expect, it } from 'vitest';
import { mergeReport } from '../../../../src/shared/glossary/merge-report';
import { makePack, makeTerm } from '../../support/packs';

describe('the merge report', () => {
  it('lists added, changed and removed terms by id, and whether the pack itself changed', () => {
    const current = makePack('team', [
      makeTerm('mlps', 'MLPS'),
      makeTerm('cac', 'CAC'),
      makeTerm('old', 'Old term'),
    ]);
    const incoming = makePack(
      'team',
      [
        makeTerm('cac', 'CAC', { definition: 'A new definition.' }),
        makeTerm('mlps', 'MLPS'),
        makeTerm('tc260', 'TC260'),
      ],
      { name: 'Team pack, 2nd edition' },
    );
    expect(mergeReport(current, incoming)).toEqual({
      added: ['tc260'],
      changed: ['cac'],
      removed: ['old'],
      packChanged: true,
    });
  });

  it('sees no change in a pack whose terms only list their fields in another order', () => {
    const term = makeTerm('mlps', 'MLPS', { tags: ['a'], category: 'regulation' });
    const reordered = {
      category: 'regulation',
      tags: ['a'],
      definition: term.definition,
      term: 'MLPS',
      id: 'mlps',
    };
    expect(mergeReport(makePack('p', [term]), makePack('p', [reordered]))).toEqual({
      added: [],
      changed: [],
      removed: [],
      packChanged: false,
    });
  });

  it('sees a change inside an alias or a source, not only in a term’s own fields', () => {
    const before = makeTerm('mlps', 'MLPS', {
      aliases: [{ text: '等保', lang: 'zh-Hans' }],
      sources: [{ title: 'MPS', url: 'https://www.mps.gov.cn/' }],
    });
    const changes = [
      { ...before, aliases: [{ text: '等保', lang: 'zh-Hant' }] },
      { ...before, aliases: [{ text: '等级保护', lang: 'zh-Hans' }] },
      { ...before, sources: [{ title: 'MPS', url: 'https://www.mps.gov.cn/en/' }] },
    ];
    const missed = changes.filter(
      (after) => mergeReport(makePack('p', [before]), makePack('p', [after])).changed.length !== 1,
    );
    expect(missed).toEqual([]);
  });
});
