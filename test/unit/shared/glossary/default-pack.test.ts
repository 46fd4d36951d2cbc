import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveCaseSensitive } from '../../../../src/shared/glossary/alias-rules';
import type { GlossaryPack, Term } from '../../../../src/shared/glossary/model';
import { validatePack } from '../../../../src/shared/glossary/validate';
import { HEADLINE_FORMS } from './headline-terms';

const path = fileURLToPath(new URL('../../../../glossary/china-cyber-policy.json', import.meta.url));
const result = validatePack(JSON.parse(readFileSync(path, 'utf8')), { strict: true });
if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
const pack: GlossaryPack = result.pack;
const byId = new Map(pack.terms.map((term) => [term.id, term]));

function termOf(id: string): Term {
  const term = byId.get(id);
  if (!term) throw new Error(`missing term ${id}`);
  return term;
}

const formsOf = (term: Term) => [{ text: term.term }, ...(term.aliases ?? [])];

describe('the default pack china-cyber-policy', () => {
  it('is the China cyber policy pack in English', () => {
    expect(pack.id).toBe('china-cyber-policy');
    expect(pack.name).toBe('China cyber policy');
    expect(pack.language).toBe('en');
  });

  it('has at least 80 terms', () => {
    expect(pack.terms.length).toBeGreaterThanOrEqual(80);
  });

  it.each(Object.keys(HEADLINE_FORMS))(
    'has the headline term %s with an English and a simplified Chinese form',
    (id) => {
      const term = termOf(id);
      expect(term.term).toMatch(/[A-Za-z]/);
      const simplified = (term.aliases ?? []).filter(
        (alias) => alias.lang === 'zh-Hans' || alias.lang === 'zh',
      );
      expect(simplified.length, id).toBeGreaterThan(0);
    },
  );

  it.each(Object.entries(HEADLINE_FORMS))('lists the expected forms of %s', (id, expected) => {
    const texts = formsOf(termOf(id)).map((form) => form.text);
    for (const text of expected) expect(texts, id).toContain(text);
  });

  it('marks the 2014 leading group as superseded by the 2018 commission', () => {
    const group = termOf('central-leading-group-internet-security-informatization');
    expect(group.status).toBe('superseded');
    expect(group.supersededBy).toBe('central-cyberspace-affairs-commission');
  });

  it('matches PLA, CAC, MSS and MPS case-sensitively', () => {
    for (const [id, acronym] of [
      ['pla', 'PLA'],
      ['cac', 'CAC'],
      ['mss', 'MSS'],
      ['mps', 'MPS'],
    ] as const) {
      const alias = termOf(id).aliases?.find((a) => a.text === acronym);
      expect(alias && resolveCaseSensitive(alias), acronym).toBe(true);
    }
  });

  it('tags Chinese forms with a plausible Chinese language tag', () => {
    for (const term of pack.terms) {
      for (const alias of term.aliases ?? []) {
        if (/\p{Script=Han}/u.test(alias.text))
          expect(alias.lang, alias.text).toMatch(/^zh(-Hans|-Hant(-TW)?)?$/);
      }
    }
  });
});
