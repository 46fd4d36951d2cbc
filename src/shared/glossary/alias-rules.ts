import type { Alias, Term } from './model';

/**
 * True for an acronym-like form: all its letters are capitals and there are at most 6 of them,
 * ignoring digits, spaces, dots and dashes (MLPS, CAC, TC260, "TC 260", "MLPS 2.0").
 */
export function isAcronymLike(text: string): boolean {
  const letters = text.replace(/[\d\s.\-‐‑–—]/gu, '');
  if (letters.length === 0 || letters.length > 6) return false;
  // Every remaining character must be a cased letter in its upper form (so CJK forms are not acronyms).
  for (const ch of letters) {
    if (ch === ch.toLowerCase() || ch !== ch.toUpperCase()) return false;
  }
  return true;
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
