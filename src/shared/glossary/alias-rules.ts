import type { SurfaceForm } from '../matcher/types';
import type { Alias, Term } from './model';

const LETTER = /\p{L}/u;
const CAPITAL = /\p{Lu}/u;

/**
 * True for an acronym-like form: all its letters are capitals and there are at most 6 of them,
 * ignoring digits, spaces, dots and dashes (MLPS, CAC, TC260, "TC 260", "MLPS 2.0").
 */
export function isAcronymLike(text: string): boolean {
  // Only letters decide: digits, spaces, dots, dashes (and other marks such as "/") neither count
  // nor disqualify. Uncased letters (CJK) are not capitals, so Chinese forms are never acronyms.
  // The loop stops at the first letter that rules the form out, as the lint runs it on every form.
  let letters = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (letters > 6 || !CAPITAL.test(ch)) return false;
  }
  return letters > 0;
}

/** Whether an alias matches case-sensitively, applying the acronym default when it does not say. */
export function resolveCaseSensitive(alias: Pick<Alias, 'text' | 'caseSensitive'>): boolean {
  return alias.caseSensitive ?? isAcronymLike(alias.text);
}

/**
 * Whether text in `lang` (a BCP 47 tag) takes English plurals: English, or a language nobody named
 * (no tag, or "und"), which is how packs without one have always been read.
 */
export function takesEnglishPlurals(lang: string | undefined): boolean {
  const primary = lang?.toLowerCase().split('-')[0];
  return primary === undefined || primary === '' || primary === 'en' || primary === 'und';
}

/**
 * Every surface form of a term (its name first, then its aliases) with defaults applied. Only an
 * English form also matches its plural (DESIGN): a form in another language, by its own `lang` or
 * else its pack's `packLanguage`, is exact, so a German pack's "Gesetz" does not find "Gesetzes".
 */
export function surfaceForms(term: Pick<Term, 'term' | 'aliases'>, packLanguage?: string): SurfaceForm[] {
  const all: Alias[] = [{ text: term.term }, ...(term.aliases ?? [])];
  return all
    .filter((a) => a.text.trim().length > 0)
    .map((a) => {
      const form: SurfaceForm = {
        text: a.text,
        caseSensitive: resolveCaseSensitive(a),
        exact: a.exact ?? !takesEnglishPlurals(a.lang ?? packLanguage),
      };
      if (a.notFollowedBy?.length) form.notFollowedBy = a.notFollowedBy;
      if (a.notPrecededBy?.length) form.notPrecededBy = a.notPrecededBy;
      if (a.ignoreSegmenter) form.ignoreSegmenter = true;
      return form;
    });
}
