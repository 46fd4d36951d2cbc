import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { surfaceForms } from '../../../../src/shared/glossary/alias-rules';
import type { GlossaryPack } from '../../../../src/shared/glossary/model';
import {
  compileMatcher,
  findMatches,
  findMatchSpans,
  findMatchSpansFrom,
  type Matcher,
  type MatchTerm,
} from '../../../../src/shared/matcher';
import { CJK_UNIT, isCjkUnit } from '../../../../src/shared/matcher/cjk-word-edges';
import { highlights, term } from './helpers';

const packPath = fileURLToPath(new URL('../../../../glossary/china-cyber-policy.json', import.meta.url));
const pack = JSON.parse(readFileSync(packPath, 'utf8')) as GlossaryPack;
const terms: MatchTerm[] = pack.terms.map((t) => ({ id: t.id, forms: surfaceForms(t) }));
const withRule = compileMatcher(terms);
const withoutRule = compileMatcher(terms, { cjkWordEdges: false });

/** The term ids the matcher highlights in `text`, each with the text it covers. */
function found(matcher: Matcher, text: string): string[] {
  return findMatches(matcher, text).map((m) => `${text.slice(m.start, m.end)}=${m.termId}`);
}

/** Chinese phrases and the highlight each must keep: the term where it stands as a word. */
const MUST_MATCH: [phrase: string, highlight: string][] = [
  ['落实等保要求', '等保=mlps'],
  ['国家网信办7月发布', '国家网信办=cac'],
  ['《网络安全法》', '网络安全法=cybersecurity-law'],
  ['符合等保2.0', '等保2.0=mlps'],
  ['网信办', '网信办=cac'],
  ['公安部发布通知', '公安部=mps'],
  ['国家安全部表示', '国家安全部=mss'],
  ['根据网络安全法规定', '网络安全法=cybersecurity-law'],
  ['违反保密法的', '保密法=state-secrets-law'],
  ['依据《数据安全法》', '数据安全法=data-security-law'],
  ['推进信创产业', '信创=xinchuang'],
  ['TC260与信安标委WG7', '信安标委WG7=tc260-wg7'],
  ['3C认证', '3C认证=cccc'],
  ['61398部队', '61398部队=unit-61398'],
  ['Huawei（华为）', '华为=huawei'],
  ['公安机关依法', '公安机关=public-security-organs'],
  ['国家安全机关', '国家安全机关=state-security-organs'],
  ['中央财经领导小组', '领导小组=leading-small-group'],
  ['國家網信辦', '國家網信辦=cac'],
  // Names the segmenter splits wrongly next to common words; the pack switches the rule off for them.
  ['中央网络安全和信息化委员会对此', '中央网络安全和信息化委员会=central-cyberspace-affairs-commission'],
  ['国家安全部将于', '国家安全部=mss'],
  ['全国人大于近日', '全国人大=national-peoples-congress'],
  ['公安机关于近日', '公安机关=public-security-organs'],
  ['根据网信办的规定', '网信办=cac'],
  ['习近平和国务院', '习近平=xi-jinping'],
];

/** Chinese phrases in which a term's alias is only part of another word, and the term it must not produce. */
const MUST_NOT_MATCH: [phrase: string, termId: string][] = [
  ['公安部门', 'mps'],
  ['公安部队', 'mps'],
  ['公安部署', 'mps'],
  ['公安部門', 'mps'],
  ['国家安全部门', 'mss'],
  ['网络安全法律法规', 'cybersecurity-law'],
  ['网络安全法规', 'cybersecurity-law'],
  ['国家安全法治', 'national-security-law'],
  ['保密法律', 'state-secrets-law'],
  ['数据安全法律', 'data-security-law'],
  ['密码法律', 'cryptography-law'],
  ['反恐法律', 'counter-terrorism-law'],
  ['平等保护', 'mlps'],
  ['技术等保障', 'mlps'],
  ['医疗等保险', 'mlps'],
  ['通信创新', 'xinchuang'],
  ['征信创新', 'xinchuang'],
];

describe('the CJK word-edge rule on the default pack', () => {
  it('keeps every term that stands as a word in Chinese text', () => {
    const failing = MUST_MATCH.filter(([phrase, highlight]) => !found(withRule, phrase).includes(highlight));
    expect(failing).toEqual([]);
  });

  it('highlights no term whose alias is only part of a longer Chinese word', () => {
    const failing = MUST_NOT_MATCH.filter(([phrase, id]) =>
      found(withRule, phrase).some((h) => h.endsWith(`=${id}`)),
    );
    expect(failing).toEqual([]);
  });

  it('is what drops those false hits: without it the aliases match inside the words', () => {
    const hitWithout = MUST_NOT_MATCH.filter(([phrase, id]) =>
      found(withoutRule, phrase).some((h) => h.endsWith(`=${id}`)),
    );
    // All but the forms a pack guard stops anyway (公安部 / 国家安全部 before 门, 队, 署).
    expect(hitWithout.length).toBeGreaterThanOrEqual(MUST_NOT_MATCH.length - 5);
  });
});

describe('the CJK word-edge rule', () => {
  it('has one set of CJK units, as a test per unit and as a pattern for a whole text', () => {
    const disagree: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++)
      if (CJK_UNIT.test(String.fromCharCode(unit)) !== isCjkUnit(unit)) disagree.push(unit.toString(16));
    expect(disagree).toEqual([]);
    // The control: both say yes to a Han ideograph and a kana, and no to a Latin letter.
    expect([CJK_UNIT.test('法'), CJK_UNIT.test('ガ'), CJK_UNIT.test('a')]).toEqual([true, true, false]);
  });

  it('drops a candidate that cuts a word before overlaps are resolved, so a shorter one can win', () => {
    // 网络安全法 cuts 法规 in 网络安全法规; 网络安全 ends on a word boundary and is highlighted.
    const glossary = [term('law', '网络安全法'), term('security', '网络安全')];
    expect(highlights(glossary, '网络安全法规')).toEqual([['网络安全', 'security']]);
    expect(highlights(glossary, '网络安全法第一条')).toEqual([['网络安全法', 'law']]);
  });

  it('checks only edges between two CJK characters', () => {
    const glossary = [term('mlps', '等保')];
    expect(highlights(glossary, '等保')).toEqual([['等保', 'mlps']]);
    expect(highlights(glossary, 'MLPS等保2.0')).toEqual([['等保', 'mlps']]);
    expect(highlights(glossary, '平等保护')).toEqual([]);
  });

  it('is switched off for an alias that says ignoreSegmenter', () => {
    const glossary = [
      term('mlps', { text: '等保', caseSensitive: false, exact: false, ignoreSegmenter: true }),
    ];
    expect(highlights(glossary, '平等保护')).toEqual([['等保', 'mlps']]);
  });

  it('reads the search form: an invisible unit or a compatibility ideograph changes nothing', () => {
    const glossary = [term('mps', '公安部')];
    expect(highlights(glossary, '公安部\u200b门')).toEqual([]);
    expect(highlights(glossary, '公安部\u200b发布')).toEqual([['公安部', 'mps']]);
  });
});

describe('per-alias guards', () => {
  const cac = term('cac', {
    text: 'CAC',
    caseSensitive: true,
    exact: false,
    notFollowedBy: [' 40'],
    notPrecededBy: ['Alimentarius Commission ('],
  });

  it('void a match with the guarded text after or before it, in search form and any case', () => {
    expect(highlights([cac], 'the CAC 40 index')).toEqual([]);
    expect(highlights([cac], 'the CAC\u00a0\u00a040 index')).toEqual([]);
    expect(highlights([cac], 'Codex ALIMENTARIUS  Commission (CAC)')).toEqual([]);
  });

  it('leave a match alone when the guarded text is not next to it', () => {
    expect(highlights([cac], 'the CAC said')).toEqual([['CAC', 'cac']]);
    expect(highlights([cac], 'the CAC 4 rules')).toEqual([['CAC', 'cac']]);
    expect(highlights([cac], 'Commission (CAC)')).toEqual([['CAC', 'cac']]);
  });

  it('drop the guarded candidate before overlaps are resolved', () => {
    const glossary = [
      term('long', { text: 'MSS provider', caseSensitive: false, exact: true }),
      term('mss', { text: 'MSS', caseSensitive: true, exact: false, notPrecededBy: ['TCP '] }),
    ];
    expect(highlights(glossary, 'TCP MSS clamping')).toEqual([]);
    expect(highlights(glossary, 'our MSS provider')).toEqual([['MSS provider', 'long']]);
  });

  it('read the text after a match in search form even when only its first unit is being matched', () => {
    // "a" + U+0301 is "á" in search form, which the guard " a" does not read.
    const matcher = compileMatcher([
      term('t', { text: '等1', caseSensitive: false, exact: false, notFollowedBy: [' a'] }),
    ]);
    const text = '等1 a\u0301';
    const whole: number[] = [];
    findMatchSpans(matcher, text, whole);
    expect(whole).toEqual([0, 2, 0]);
    const part: number[] = [];
    findMatchSpansFrom(matcher, text, 0, 1, true, part);
    expect(part).toEqual(whole);
  });
});
