import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { surfaceForms } from '../../../../src/shared/glossary/alias-rules';
import { validatePack } from '../../../../src/shared/glossary/validate';
import { compileMatcher, findMatches } from '../../../../src/shared/matcher';
import { failingItems } from '../../support/data-table';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const result = validatePack(JSON.parse(readFileSync(root('glossary/china-cyber-policy.json'), 'utf8')));
if (!result.ok) throw new Error(JSON.stringify(result.errors));
const matcher = compileMatcher(result.pack.terms.map((term) => ({ id: term.id, forms: surfaceForms(term) })));

const BLOCK =
  /<\/?(?:p|h1|h2|blockquote|aside|figure|figcaption|nav|header|footer|main|article|title|div)\b[^>]*>/gi;

/** The readable text of a demo page: block tags become line breaks, inline tags vanish (as a block scan sees it). */
function pageText(file: string): string {
  const html = readFileSync(root(`test/fixtures/demo/${file}`), 'utf8');
  const body = html.slice(html.indexOf('<main>'), html.indexOf('</main>'));
  return body
    .replace(BLOCK, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

const PAGES: Record<string, string[]> = {
  'index.html': [
    'mlps',
    'tc260',
    'central-leading-group-internet-security-informatization',
    'central-cyberspace-affairs-commission',
    'cac',
    'mps',
    'mss',
    'miit',
    'cybersecurity-law',
    'critical-information-infrastructure',
    'global-initiative-on-data-security',
    'data-security-law',
    'personal-information-protection-law',
    'secure-and-controllable',
    'clean-network',
    'great-firewall',
    'operation-fox-hunt',
    'pla',
    'wang-yi',
    'xi-jinping',
    'digichina',
    'state-encryption-management-bureau',
  ],
  'zh.html': [
    'mlps',
    'cac',
    'tc260',
    'cybersecurity-law',
    'global-initiative-on-data-security',
    'mps',
    'mps-eleventh-bureau',
    'mss',
    'miit',
    'critical-information-infrastructure',
    'central-cyberspace-affairs-commission',
    'central-leading-group-internet-security-informatization',
    'data-security-law',
    'personal-information-protection-law',
    'cyber-power',
    'secure-and-controllable',
    'state-encryption-management-bureau',
    'gb-t-22239',
  ],
  'zh-hant.html': [
    'mlps',
    'cac',
    'mps',
    'mss',
    'pla',
    'tc260',
    'cybersecurity-law',
    'data-security-law',
    'personal-information-protection-law',
    'critical-information-infrastructure',
    'cii-security-protection-regulations',
    'global-initiative-on-data-security',
    'operation-fox-hunt',
    'great-firewall',
    'cyber-power',
    'cyber-sovereignty',
    'community-with-shared-future-in-cyberspace',
  ],
  'mixed.html': [
    'mlps',
    'cac',
    'tc260',
    'mss',
    'mps',
    'pla',
    'cybersecurity-law',
    'global-initiative-on-data-security',
    // "the leading small group behind the 2014 push": the generic term, not the 2014 group's name.
    'leading-small-group',
    'central-cyberspace-affairs-commission',
    'critical-information-infrastructure',
    'data-security-law',
  ],
};

describe('the demo pages', () => {
  it('highlight the terms each page is about', () => {
    const expected = Object.entries(PAGES).flatMap(([file, ids]) => ids.map((id) => [file, id] as const));
    const found = new Map(
      Object.keys(PAGES).map((file) => [
        file,
        new Set(findMatches(matcher, pageText(file)).map((m) => m.termId)),
      ]),
    );
    const failing = failingItems(
      expected,
      ([file, id]) => found.get(file)?.has(id) ?? false,
      ([file, id]) => `${file}: ${id}`,
    );
    expect(failing).toEqual([]);
  });

  it('highlight nothing inside the traps of mixed.html', () => {
    const text = pageText('mixed.html');
    const matches = findMatches(matcher, text);
    const traps = ['cacao', 'cac-coded', 'MSSQL', 'AMPS', 'amps', 'A plan', 'PLANET', 'CACs'];
    const failing = failingItems(traps, (trap) => {
      let at = text.indexOf(trap);
      if (at < 0) return 'not on the page';
      const inside: string[] = [];
      for (; at >= 0; at = text.indexOf(trap, at + 1)) {
        const start = at;
        for (const m of matches)
          if (m.start < start + trap.length && m.end > start) inside.push(text.slice(m.start, m.end));
      }
      return inside.length === 0 || `highlights ${JSON.stringify(inside)}`;
    });
    expect(failing).toEqual([]);
  });
});
