import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveCaseSensitive, surfaceForms } from '../../../../src/shared/glossary/alias-rules';
import type { GlossaryPack } from '../../../../src/shared/glossary/model';
import { packLint, validatePack } from '../../../../src/shared/glossary/validate';

const glossaryDir = fileURLToPath(new URL('../../../../glossary/', import.meta.url));
const packFiles = readdirSync(glossaryDir).filter((name) => name.endsWith('.json') && name !== 'schema.json');

function loadPack(name: string): GlossaryPack {
  const result = validatePack(JSON.parse(readFileSync(`${glossaryDir}${name}`, 'utf8')), { strict: true });
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
  const pack = loadPack(name);
  const allForms = pack.terms.flatMap((term) => [{ text: term.term }, ...(term.aliases ?? [])]);

  it('passes strict validation (no warnings either)', () => {
    expect(pack.terms.length).toBeGreaterThan(0);
  });

  it('has unique term ids, and related and supersededBy ids that resolve', () => {
    const ids = pack.terms.map((term) => term.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const term of pack.terms) {
      for (const ref of [...(term.related ?? []), ...(term.supersededBy ? [term.supersededBy] : [])]) {
        expect(ids, `${term.id} → ${ref}`).toContain(ref);
      }
    }
  });

  it('has no surface form claimed by two terms', () => {
    expect(packLint(pack)).toEqual([]);
  });

  it('matches every all-capitals form (acronyms such as MLPS, TC 260, SAC/TC260) case-sensitively', () => {
    const loose = allForms.filter((form) => {
      const letters = form.text.replace(/[^A-Za-z]/g, '');
      return letters.length >= 2 && letters === letters.toUpperCase() && !resolveCaseSensitive(form);
    });
    expect(loose.map((form) => form.text)).toEqual([]);
  });

  it('uses no form so generic that it would highlight ordinary English', () => {
    const generic = allForms.filter((form) => TOO_GENERIC.includes(form.text.toLowerCase()));
    expect(generic.map((form) => form.text)).toEqual([]);
  });

  it('links only to http(s) sources', () => {
    for (const term of pack.terms) {
      for (const source of term.sources ?? []) {
        expect(['http:', 'https:'], `${term.id}: ${source.url}`).toContain(new URL(source.url).protocol);
      }
    }
  });

  it('uses the fixed category vocabulary and plain-text definitions of at most four sentences', () => {
    for (const term of pack.terms) {
      expect(CATEGORIES, term.id).toContain(term.category);
      expect(term.definition, term.id).not.toMatch(/<[a-z!/]/i);
      const sentences = term.definition.split(/(?<=[.!?]["”]?)\s+(?=["“A-Z0-9])/u);
      expect(sentences.length, `${term.id}: ${sentences.length} sentences`).toBeLessThanOrEqual(4);
    }
  });

  it('marks superseded terms with their successor', () => {
    for (const term of pack.terms.filter((t) => t.status === 'superseded')) {
      expect(term.supersededBy, term.id).toBeTruthy();
    }
  });

  it('has surface forms the matcher can use for every term', () => {
    for (const term of pack.terms) expect(surfaceForms(term).length, term.id).toBeGreaterThan(0);
  });
});
