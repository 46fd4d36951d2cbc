/**
 * Surface-form lint: a form (a term's name or an alias) that two different terms claim makes the
 * highlight ambiguous. Forms are compared the way the matcher sees them (its own search form:
 * NFKC, whitespace runs as one space, dashes as `-`, curly quotes straight, invisible characters
 * left out), and case-folded unless both forms are case-sensitive. A case-insensitive, non-exact
 * form also claims its English plural.
 */

import { patternSearchForm } from '../matcher/normalize';
import { englishPlural } from '../matcher/plural';
import { resolveCaseSensitive } from './alias-rules';
import type { Alias, GlossaryPack } from './model';
import type { ValidationError } from './validate-types';

interface Claim {
  termIndex: number;
  path: string;
  text: string;
  /** The normalised form before case-folding. */
  form: string;
  caseSensitive: boolean;
  /** True when this claim is the plural the matcher derives, not the written form. */
  plural: boolean;
}

/** The search form of a surface form, before case-folding: the matcher's own. */
export function normalizeSurfaceForm(text: string): string {
  return patternSearchForm(text);
}

/** The English plural the matcher derives for a case-folded form: the matcher's own rule. */
function pluralOf(folded: string): string | undefined {
  return englishPlural(folded) ?? undefined;
}

function claimsOf(pack: GlossaryPack): Claim[] {
  const claims: Claim[] = [];
  pack.terms.forEach((term, termIndex) => {
    const forms: Array<{ alias: Alias; path: string }> = [
      { alias: { text: term.term }, path: `$.terms[${termIndex}].term` },
      ...(term.aliases ?? []).map((alias, j) => ({
        alias,
        path: `$.terms[${termIndex}].aliases[${j}].text`,
      })),
    ];
    for (const { alias, path } of forms) {
      const form = normalizeSurfaceForm(alias.text);
      if (form.length === 0) continue;
      const caseSensitive = resolveCaseSensitive(alias);
      claims.push({ termIndex, path, text: alias.text, form, caseSensitive, plural: false });
      const plural = caseSensitive || alias.exact ? undefined : pluralOf(form.toLowerCase());
      if (plural !== undefined) {
        claims.push({ termIndex, path, text: alias.text, form: plural, caseSensitive, plural: true });
      }
    }
  });
  return claims;
}

function collide(a: Claim, b: Claim): boolean {
  if (a.plural && b.plural) return false;
  if (a.caseSensitive && b.caseSensitive) return a.form === b.form;
  return true;
}

/**
 * Warnings for surface forms claimed by two different terms, and for a form a term lists twice.
 * Each clash is reported once, at the later of the two forms.
 */
export function packLint(pack: GlossaryPack): ValidationError[] {
  const byKey = new Map<string, Claim[]>();
  for (const claim of claimsOf(pack)) {
    const key = claim.form.toLowerCase();
    const bucket = byKey.get(key);
    if (bucket) bucket.push(claim);
    else byKey.set(key, [claim]);
  }
  const warnings: ValidationError[] = [];
  const reported = new Set<string>();
  for (const bucket of byKey.values()) {
    if (bucket.length < 2) continue;
    for (let j = 1; j < bucket.length; j++) {
      const later = bucket[j] as Claim;
      for (let i = 0; i < j; i++) {
        const earlier = bucket[i] as Claim;
        const sameTerm = earlier.termIndex === later.termIndex;
        if ((sameTerm && (earlier.plural || later.plural)) || !collide(earlier, later)) continue;
        const pairKey = `${earlier.path}|${later.path}`;
        if (reported.has(pairKey)) continue;
        reported.add(pairKey);
        const owner = pack.terms[earlier.termIndex]?.id ?? '?';
        warnings.push({
          path: later.path,
          message: sameTerm
            ? `surface form "${later.text}" repeats "${earlier.text}" at ${earlier.path}`
            : `surface form "${later.text}" is also claimed by term "${owner}" ("${earlier.text}" at ${earlier.path})`,
        });
      }
    }
  }
  return warnings;
}
