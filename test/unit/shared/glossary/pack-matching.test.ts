import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { surfaceForms } from '../../../../src/shared/glossary/alias-rules';
import { validatePack } from '../../../../src/shared/glossary/validate';
import { compileMatcher, findMatches } from '../../../../src/shared/matcher';

const path = fileURLToPath(new URL('../../../../glossary/china-cyber-policy.json', import.meta.url));
const result = validatePack(JSON.parse(readFileSync(path, 'utf8')), { strict: true });
if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
const matcher = compileMatcher(result.pack.terms.map((term) => ({ id: term.id, forms: surfaceForms(term) })));

/** Each match as [matched text, term id], in reading order. */
const hits = (text: string) => findMatches(matcher, text).map((m) => [text.slice(m.start, m.end), m.termId]);
const ids = (text: string) => findMatches(matcher, text).map((m) => m.termId);

describe('default pack matching: every surface form', () => {
  it('finds each surface form as its own term when it stands alone', () => {
    const failing = result.pack.terms.flatMap((term) =>
      surfaceForms(term)
        .filter((form) => JSON.stringify(hits(`(${form.text})`)) !== JSON.stringify([[form.text, term.id]]))
        .map((form) => `${term.id}: ${form.text} → ${JSON.stringify(hits(`(${form.text})`))}`),
    );
    expect(failing).toEqual([]);
  });
});

describe('default pack matching: English', () => {
  it.each([
    ['Operators must grade every system under the MLPS before the audit.', 'mlps', 'MLPS'],
    ['Draft standards from TC260 are open for comment until May.', 'tc260', 'TC260'],
    ['Members of TC 260 met in Beijing.', 'tc260', 'TC 260'],
    ['Observers expect the leading small group to meet again.', 'leading-small-group', 'leading small group'],
    [
      'Beijing promoted its Global Initiative on Data Security at the forum.',
      'global-initiative-on-data-security',
      'Global Initiative on Data Security',
    ],
    ['On Tuesday the CAC summoned three app makers.', 'cac', 'CAC'],
    ['Officers from the MPS inspected the data centre.', 'mps', 'MPS'],
    ['Analysts tied the intrusion to contractors of the MSS.', 'mss', 'MSS'],
    ['The MIIT ordered the apps removed.', 'miit', 'MIIT'],
    [
      'Operators of critical information infrastructure carry extra duties.',
      'critical-information-infrastructure',
      'critical information infrastructure',
    ],
    [
      'Under the Cybersecurity Law, logs must be kept for six months.',
      'cybersecurity-law',
      'Cybersecurity Law',
    ],
    [
      'Filings go to the State Encryption Management Bureau first.',
      'state-encryption-management-bureau',
      'State Encryption Management Bureau',
    ],
    ['The State Secrets Bureau inspected the contractor.', 'state-secrets-bureau', 'State Secrets Bureau'],
    [
      'Hardware was certified by the Chinese Compulsory Certification Center.',
      'cccc',
      'Chinese Compulsory Certification Center',
    ],
    [
      'The Internet Society of China drafted the code.',
      'internet-society-of-china',
      'Internet Society of China',
    ],
    [
      'Firms signed the Public Pledge on Self-Discipline for the Chinese Internet Industry.',
      'public-pledge-of-self-discipline',
      'Public Pledge on Self-Discipline for the Chinese Internet Industry',
    ],
    ["Inspections rest on the People's Police Law as well.", 'peoples-police-law', "People's Police Law"],
    [
      'Vendors had to prove their gear was secure and controllable.',
      'secure-and-controllable',
      'secure and controllable',
    ],
    ['The goal is to become a cyber superpower.', 'cyber-power', 'cyber superpower'],
    ['Few foreign sites get past the Great Firewall.', 'great-firewall', 'Great Firewall'],
    ['Prosecutors described Operation Fox Hunt in detail.', 'operation-fox-hunt', 'Operation Fox Hunt'],
    ['Washington urged allies to join the Clean Network.', 'clean-network', 'Clean Network'],
    ['A translation appeared on DigiChina last year.', 'digichina', 'DigiChina'],
    [
      'The Hague Program for Cyber Norms hosted the workshop.',
      'hague-program-for-cyber-norms',
      'The Hague Program for Cyber Norms',
    ],
    ['The Data Security Law took effect in September.', 'data-security-law', 'Data Security Law'],
    ['Consent rules under PIPL are strict.', 'personal-information-protection-law', 'PIPL'],
    [
      "China's National Security Law was passed in 2015.",
      'national-security-law',
      "China's National Security Law",
    ],
    [
      'Critics condemned the Hong Kong National Security Law.',
      'hong-kong-national-security-law',
      'Hong Kong National Security Law',
    ],
    ['A PLA unit was named in the report.', 'pla', 'PLA'],
    ['Chinese President Xi Jinping said', 'xi-jinping', 'President Xi Jinping'],
    ['The decision was made by the Politburo.', 'politburo', 'Politburo'],
    ['The Eleventh Bureau runs the inspections.', 'mps-eleventh-bureau', 'Eleventh Bureau'],
    [
      'The Central Cyberspace Affairs Commission met in April.',
      'central-cyberspace-affairs-commission',
      'Central Cyberspace Affairs Commission',
    ],
  ])('finds the term in %j', (text, id, matched) => {
    expect(hits(text)).toContainEqual([matched, id]);
  });

  it('prefers the longest form: MLPS 2.0 over MLPS', () => {
    expect(hits('Compliance with MLPS 2.0 is mandatory.')).toEqual([['MLPS 2.0', 'mlps']]);
  });

  it('prefers the full name of the 2014 leading group over its parts', () => {
    const text = 'The Central Leading Group for Internet Security and Informatization first met in 2014.';
    expect(ids(text)).toEqual(['central-leading-group-internet-security-informatization']);
  });

  it('highlights the plural of a generic alias: leading small groups', () => {
    expect(hits('Several leading small groups exist.')).toEqual([
      ['leading small groups', 'leading-small-group'],
    ]);
  });

  it('matches curly apostrophes and spaced-out runs like straight ones', () => {
    expect(ids('The People’s Liberation Army and the  Cyberspace Administration\nof China')).toEqual([
      'pla',
      'cac',
    ]);
  });
});

describe('default pack matching: no false positives', () => {
  it.each([
    'The cacao harvest fell this year.',
    'Save the file as report.cac before sending it.',
    'The MSSQL server was patched overnight.',
    'Old manuscripts (Mss) were scanned.',
    'We need a plan for the PLAN exercises.',
    'Keep a plan ready, and Plan B too.',
    'The AMPS network was switched off; amps and mps are units.',
    'Several CACs were mentioned in the French index.',
    'She has sharp eyes and a clean network of friends.',
    'The state council on ageing met the fox hunt committee.',
    'The Data Security Lawyers Association met in Boston.',
    'The Metropolitan Police Service (MPS) said',
    'Monte dei Paschi di Siena (MPS) shares fell',
    'Managed Security Services (MSS) are on offer.',
    'The CAC-40 index rose.',
    'The Soviet Politburo met in 1953.',
  ])('finds nothing in %j', (text) => {
    expect(hits(text)).toEqual([]);
  });
});

describe('default pack matching: no false positives in Chinese running text', () => {
  it.each([
    ['其中共有三人获奖。', '中共 across 其中 + 共有'],
    ['相关基础设施已经完工。', '关基 across 相关 + 基础'],
    ['各地国安部门加强了宣传。', '国安部 inside 国安部门'],
    ['美国国务院发言人表示', 'the US State Department is no State Council'],
    ['美國國務院發言人表示', 'the same in traditional characters'],
    ['美国务院发言人称', 'and in its short form'],
    ['警視庁公安部は、中国籍の男を逮捕した。', "Tokyo police's Public Security Bureau"],
    ['越南公安部发布通知', "Vietnam's Ministry of Public Security"],
    ['韩国个人信息保护法修订案', "Korea's Personal Information Protection Act"],
    ['国民党中央宣传部部长', "the Kuomintang's propaganda department"],
    ['银行核心数据库遭到攻击', '核心数据 in 数据库 (database)'],
    ['建立重要数据库', '重要数据 in 数据库'],
    ['报告中国家安全部分', '国家安全部 across 国家安全 + 部分'],
    ['维护国家安全部际联席会议', '国家安全部 across 国家安全 + 部际'],
    ['其價值升華為一種精神', '華為 in 升華 + 為 (sublimated into)'],
  ])('finds nothing in %s (%s)', (text) => {
    expect(hits(text)).toEqual([]);
  });
});

describe('default pack matching: Chinese news phrasing', () => {
  it('finds each term where the segmenter or a shorter form would get it wrong', () => {
    // [text, the highlights expected in it, in reading order]
    const cases: [string, [string, string][]][] = [
      ['国家数据局在北京举行新闻发布会', [['国家数据局', 'national-data-administration']]],
      ['國家數據局在北京召開', [['國家數據局', 'national-data-administration']]],
      ['国家保密局在官网发布', [['国家保密局', 'state-secrets-bureau']]],
      ['网安局在检查', [['网安局', 'mps-eleventh-bureau']]],
      ['商务部决定将该公司从不可靠实体清单中移出', [['不可靠实体清单', 'unreliable-entity-list']]],
      ['中共中央国家安全委员会', [['中共中央国家安全委员会', 'central-national-security-commission']]],
      [
        '中共中央政治局常委、国务院总理李强',
        [
          ['中共中央政治局常委', 'politburo-standing-committee'],
          ['国务院', 'state-council'],
        ],
      ],
      ['《香港国家安全法》', [['香港国家安全法', 'hong-kong-national-security-law']]],
      [
        '中国人民解放军与人民解放军',
        [
          ['中国人民解放军', 'pla'],
          ['人民解放军', 'pla'],
        ],
      ],
      ['網路安全審查辦法', [['網路安全審查辦法', 'cybersecurity-review-measures']]],
      ['華為對此回應', [['華為', 'huawei']]],
      [
        '其中華為與北京華為',
        [
          ['華為', 'huawei'],
          ['華為', 'huawei'],
        ],
      ],
      [
        'MLPS2.0与GB/T22239-2019',
        [
          ['MLPS2.0', 'mlps'],
          ['GB/T22239-2019', 'gb-t-22239'],
        ],
      ],
    ];
    const wrong = cases.filter(([text, expected]) => JSON.stringify(hits(text)) !== JSON.stringify(expected));
    expect(wrong.map(([text]) => [text, hits(text)])).toEqual([]);
  });
});

describe('default pack matching: simplified Chinese', () => {
  it.each([
    ['企业须落实等保要求。', 'mlps', '等保'],
    ['网络安全等级保护制度已全面实施。', 'mlps', '网络安全等级保护制度'],
    ['国家网信办7月发布了通知。', 'cac', '国家网信办'],
    ['网信办约谈了三家平台。', 'cac', '网信办'],
    ['全国信息安全标准化技术委员会发布了新标准。', 'tc260', '全国信息安全标准化技术委员会'],
    ['信安标委秘书处组织了审查。', 'tc260', '信安标委'],
    ['《网络安全法》自2017年6月1日起施行。', 'cybersecurity-law', '网络安全法'],
    ['中方提出《全球数据安全倡议》。', 'global-initiative-on-data-security', '全球数据安全倡议'],
    [
      '中央网络安全和信息化领导小组成立于2014年。',
      'central-leading-group-internet-security-informatization',
      '中央网络安全和信息化领导小组',
    ],
    ['国家安全部通报了案件。', 'mss', '国家安全部'],
    ['公安部部署了专项行动。', 'mps', '公安部'],
    ['关键信息基础设施运营者应当履行义务。', 'critical-information-infrastructure', '关键信息基础设施'],
    ['中国人民解放军举行演习。', 'pla', '中国人民解放军'],
    ['“猎狐行动”持续开展。', 'operation-fox-hunt', '猎狐行动'],
    ['建设网络强国。', 'cyber-power', '网络强国'],
    ['产品必须安全可控。', 'secure-and-controllable', '安全可控'],
    ['《数据安全法》和《个人信息保护法》相继出台。', 'data-security-law', '数据安全法'],
    ['《香港国安法》生效。', 'hong-kong-national-security-law', '香港国安法'],
  ])('finds the term in %s', (text, id, matched) => {
    expect(hits(text)).toContainEqual([matched, id]);
  });

  it('finds both the ministry and its bureau in 公安部网安局', () => {
    expect(hits('公安部网安局开展检查。')).toEqual([
      ['公安部', 'mps'],
      ['网安局', 'mps-eleventh-bureau'],
    ]);
  });

  it('prefers 等级保护2.0 over 等级保护', () => {
    expect(hits('等级保护2.0标准')).toEqual([['等级保护2.0', 'mlps']]);
  });
});

describe('default pack matching: traditional Chinese', () => {
  it.each([
    ['網信辦發布新規。', 'cac', '網信辦'],
    ['國家互聯網信息辦公室公布了草案。', 'cac', '國家互聯網信息辦公室'],
    ['《網絡安全法》於2017年生效。', 'cybersecurity-law', '網絡安全法'],
    ['企業須完成等級保護測評。', 'mlps', '等級保護'],
    ['全國信息安全標準化技術委員會成立於2002年。', 'tc260', '全國信息安全標準化技術委員會'],
    ['中方提出《全球數據安全倡議》。', 'global-initiative-on-data-security', '全球數據安全倡議'],
    ['國家安全部發出警告。', 'mss', '國家安全部'],
    ['中國人民解放軍舉行演習。', 'pla', '中國人民解放軍'],
    ['「獵狐行動」持續進行。', 'operation-fox-hunt', '獵狐行動'],
    ['防火長城封鎖了網站。', 'great-firewall', '防火長城'],
    ['關鍵信息基礎設施須加強保護。', 'critical-information-infrastructure', '關鍵信息基礎設施'],
    [
      '中央網絡安全和信息化委員會召開會議。',
      'central-cyberspace-affairs-commission',
      '中央網絡安全和信息化委員會',
    ],
  ])('finds the term in %s', (text, id, matched) => {
    expect(hits(text)).toContainEqual([matched, id]);
  });
});

describe('default pack matching: mixed English and Chinese', () => {
  it('finds English names and their Chinese glosses in parentheses', () => {
    const text =
      'The Cyberspace Administration of China (国家互联网信息办公室) and the MPS (公安部) enforce the MLPS (等级保护制度).';
    expect(ids(text)).toEqual(['cac', 'cac', 'mps', 'mps', 'mlps', 'mlps']);
  });

  it('finds an acronym directly next to Chinese characters', () => {
    expect(ids('根据MLPS要求，TC260发布了标准')).toEqual(['mlps', 'tc260']);
  });

  it('finds full-width acronyms after NFKC', () => {
    expect(hits('ＴＣ２６０与ＣＡＣ')).toEqual([
      ['ＴＣ２６０', 'tc260'],
      ['ＣＡＣ', 'cac'],
    ]);
  });
});
