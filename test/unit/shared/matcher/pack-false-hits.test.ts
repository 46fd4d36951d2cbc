import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { surfaceForms } from '../../../../src/shared/glossary/alias-rules';
import type { GlossaryPack } from '../../../../src/shared/glossary/model';
import { compileMatcher, findMatches } from '../../../../src/shared/matcher';

const packPath = fileURLToPath(new URL('../../../../glossary/china-cyber-policy.json', import.meta.url));
const pack = JSON.parse(readFileSync(packPath, 'utf8')) as GlossaryPack;
const matcher = compileMatcher(pack.terms.map((t) => ({ id: t.id, forms: surfaceForms(t) })));

/** The term ids highlighted in `text`. */
function termsIn(text: string): string[] {
  return findMatches(matcher, text).map((m) => m.termId);
}

/** English text in which the default pack once highlighted a term that is not meant, and that term. */
const FALSE_HITS: [phrase: string, wrongTerm: string][] = [
  ['the CAC 40 index fell', 'cac'],
  ['the Codex Alimentarius Commission (CAC) sets food standards', 'cac'],
  ['a spool of PLA filament', 'pla'],
  ['our MSS provider', 'mss'],
  ['TCP MSS clamping on the router', 'mss'],
  ['shares in Banca MPS rose', 'mps'],
  ['the average Google Ads CPC', 'ccp'],
  ['the Confederation of Indian Industry (CII)', 'critical-information-infrastructure'],
  ['the Climate and Clean Air Coalition (CCAC)', 'central-cyberspace-affairs-commission'],
  ["the UK's CCRC referred the case", 'ccrc'],
  ['the Criminal Cases Review Commission (CCRC)', 'ccrc'],
  [
    'the Central Leading Small Group for Financial and Economic Affairs',
    'central-leading-group-internet-security-informatization',
  ],
  ['the 11th Bureau of the MSS', 'mps-eleventh-bureau'],
  ["Vietnam's Cybersecurity Law took effect in 2019", 'cybersecurity-law'],
];

/** The real uses of the same forms, which must still be highlighted as the term. */
const REAL_USES: [phrase: string, term: string][] = [
  ['the CAC said on Friday', 'cac'],
  ['the CAC 2024 measures', 'cac'],
  ['the PLA Navy', 'pla'],
  ['the MSS arrested him', 'mss'],
  ['the MPS announced', 'mps'],
  ['the CPC Central Committee', 'ccp'],
  ['operators of CII must', 'critical-information-infrastructure'],
  ['the CCAC was set up in 2018', 'central-cyberspace-affairs-commission'],
  ['certified by the CCRC', 'ccrc'],
  ['the MPS 11th Bureau', 'mps-eleventh-bureau'],
  ["China's Cybersecurity Law", 'cybersecurity-law'],
  ['under the Cybersecurity Law', 'cybersecurity-law'],
  [
    'Central Leading Group for Internet Security and Informatization',
    'central-leading-group-internet-security-informatization',
  ],
  ['a new leading small group', 'leading-small-group'],
  ['the public security organs may inspect', 'public-security-organs'],
  ['state security organs', 'state-security-organs'],
];

describe('English false hits of the default pack', () => {
  it('highlights none of the meanings that are not the term', () => {
    const failing = FALSE_HITS.filter(([phrase, id]) => termsIn(phrase).includes(id));
    expect(failing).toEqual([]);
  });

  it('still highlights the real uses of the same forms', () => {
    const failing = REAL_USES.filter(([phrase, id]) => !termsIn(phrase).includes(id));
    expect(failing).toEqual([]);
  });
});
