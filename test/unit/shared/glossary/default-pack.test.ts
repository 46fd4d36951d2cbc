import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveCaseSensitive, surfaceForms } from '../../../../src/shared/glossary/alias-rules';
import type { GlossaryPack, Term } from '../../../../src/shared/glossary/model';
import { validatePack } from '../../../../src/shared/glossary/validate';
import { compileMatcher, findMatches } from '../../../../src/shared/matcher';
import { HEADLINE_FORMS } from './headline-terms';

const path = fileURLToPath(new URL('../../../../glossary/china-cyber-policy.json', import.meta.url));
const result = validatePack(JSON.parse(readFileSync(path, 'utf8')), { strict: true });
if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
const pack: GlossaryPack = result.pack;
const byId = new Map(pack.terms.map((term) => [term.id, term]));
const matcher = compileMatcher(pack.terms.map((term) => ({ id: term.id, forms: surfaceForms(term) })));

function termOf(id: string): Term {
  const term = byId.get(id);
  if (!term) throw new Error(`missing term ${id}`);
  return term;
}

describe('the default pack china-cyber-policy', () => {
  it('is the China cyber policy pack in English', () => {
    expect(pack.id).toBe('china-cyber-policy');
    expect(pack.name).toBe('China cyber policy');
    expect(pack.language).toBe('en');
  });

  it('has at least 150 terms', () => {
    expect(pack.terms.length).toBeGreaterThanOrEqual(150);
  });

  it('has every headline term, each with an English name and a simplified Chinese form', () => {
    // Projects known in Chinese only by their English names: the pack gives them no Chinese form.
    const noChineseName = new Set(['digichina', 'hague-program-for-cyber-norms']);
    const failing = Object.keys(HEADLINE_FORMS).filter((id) => {
      const term = byId.get(id);
      const simplified = (term?.aliases ?? []).some(
        (alias) => alias.lang === 'zh-Hans' || alias.lang === 'zh',
      );
      return !term || !/[A-Za-z]/.test(term.term) || (!simplified && !noChineseName.has(id));
    });
    expect(failing).toEqual([]);
  });

  it('reads every headline form, standing alone, as its headline term and nothing else', () => {
    const failing = Object.entries(HEADLINE_FORMS).flatMap(([id, forms]) =>
      forms.filter((form) => {
        const text = `(${form})`;
        const found = findMatches(matcher, text).map((m) => [text.slice(m.start, m.end), m.termId]);
        return JSON.stringify(found) !== JSON.stringify([[form, id]]);
      }),
    );
    expect(failing).toEqual([]);
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
    const untagged = pack.terms.flatMap((term) =>
      (term.aliases ?? []).filter(
        (alias) => /\p{Script=Han}/u.test(alias.text) && !/^zh(-Hans|-Hant(-TW)?)?$/.test(alias.lang ?? ''),
      ),
    );
    expect(untagged.map((alias) => alias.text)).toEqual([]);
  });
});
