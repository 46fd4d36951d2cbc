import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveCaseSensitive } from '../../../../src/shared/glossary/alias-rules';
import type { GlossaryPack } from '../../../../src/shared/glossary/model';
import { validatePack } from '../../../../src/shared/glossary/validate';

const glossaryDir = fileURLToPath(new URL('../../../../glossary/', import.meta.url));
const packFiles = readdirSync(glossaryDir).filter((name) => name.endsWith('.json') && name !== 'schema.json');

/** Strict validation of a shipped file: ids, references, clashing forms and home-page sources fail it. */
const validateShipped = (name: string) =>
  validatePack(JSON.parse(readFileSync(`${glossaryDir}${name}`, 'utf8')), { strict: true });

function loadPack(name: string): GlossaryPack {
  const result = validateShipped(name);
  if (!result.ok) throw new Error(`${name} is invalid:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.pack;
}

const CATEGORIES = new Set([
  'institution',
  'standards-body',
  'organization',
  'law',
  'regulation',
  'standard',
  'framework',
  'programme',
  'initiative',
  'doctrine',
  'concept',
  'operation',
  'person',
]);

/** Forms that would light up ordinary English text; no pack may use them. */
const TOO_GENERIC = [
  'initiative',
  'commission',
  'the ministry',
  'ministry',
  'law',
  'bureau',
  'committee',
  'regulation',
  'standard',
  'security',
  'data',
  'cyber',
  'internet',
  'china',
  'party',
  'state',
  'police',
  'network',
  'leading group',
  'cybersecurity',
  'data security',
  'critical infrastructure',
];

describe.each(packFiles)('shipped pack %s', (name) => {
  it('passes strict validation with no errors and no warnings', () => {
    const result = validateShipped(name);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  const pack = loadPack(name);
  const allForms = pack.terms.flatMap((term) => [{ text: term.term }, ...(term.aliases ?? [])]);

  it('matches every all-capitals form (acronyms such as MLPS, TC 260, SAC/TC260) case-sensitively', () => {
    const loose = allForms.filter((form) => {
      const letters = form.text.replace(/[^A-Za-z]/g, '');
      return letters.length >= 2 && letters === letters.toUpperCase() && !resolveCaseSensitive(form);
    });
    expect(loose.map((form) => form.text)).toEqual([]);
  });

  it('every term cites at least one specific source', () => {
    // Home-page sources already fail strict validation in loadPack, so any source left here is specific.
    const unsourced = pack.terms.filter((term) => !(term.sources ?? []).length);
    expect(unsourced.map((term) => term.id)).toEqual([]);
  });

  it('uses no form so generic that it would highlight ordinary English', () => {
    const generic = allForms.filter((form) => TOO_GENERIC.includes(form.text.toLowerCase()));
    expect(generic.map((form) => form.text)).toEqual([]);
  });

  it('uses the fixed category vocabulary and plain-text definitions of at most four sentences', () => {
    const failing = pack.terms.flatMap((term) => {
      const sentences = term.definition.split(/(?<=[.!?]["”]?)\s+(?=["“A-Z0-9])/u).length;
      const problems = [
        ...(CATEGORIES.has(term.category ?? '') ? [] : [`category ${term.category}`]),
        ...(/<[a-z!/]/i.test(term.definition) ? ['markup in the definition'] : []),
        ...(sentences > 4 ? [`${sentences} sentences`] : []),
      ];
      return problems.map((problem) => `${term.id}: ${problem}`);
    });
    expect(failing).toEqual([]);
  });
});
