import type { Alias, Term } from './model';

/**
 * True for an acronym-like form: all its letters are capitals and there are at most 6 of them,
 * ignoring digits, spaces, dots and dashes (MLPS, CAC, TC260, "TC 260", "MLPS 2.0").
 */
export function isAcronymLike(text: string): boolean {
  // Only letters decide: digits, spaces, dots, dashes (and other marks such as "/") neither count
  // nor disqualify. Uncased letters (CJK) are not capitals, so Chinese forms are never acronyms.
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.length <= 6 && letters.every((ch) => /\p{Lu}/u.test(ch));
}

/** Whether an alias matches case-sensitively, applying the acronym default when it does not say. */
export function resolveCaseSensitive(alias: Pick<Alias, 'text' | 'caseSensitive'>): boolean {
  return alias.caseSensitive ?? isAcronymLike(alias.text);
}

/** A surface form the matcher looks for, with its flags resolved. */
export interface SurfaceForm {
  text: string;
  caseSensitive: boolean;
  exact: boolean;
}

/** Every surface form of a term (its name first, then its aliases) with defaults applied. */
export function surfaceForms(term: Pick<Term, 'term' | 'aliases'>): SurfaceForm[] {
  const all: Alias[] = [{ text: term.term }, ...(term.aliases ?? [])];
  return all
    .filter((a) => a.text.trim().length > 0)
    .map((a) => ({ text: a.text, caseSensitive: resolveCaseSensitive(a), exact: a.exact ?? false }));
}
