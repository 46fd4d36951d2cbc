import fc from 'fast-check';
import { compileMatcher, findMatches, type MatchTerm } from '../../../../src/shared/matcher';
import type { SurfaceForm } from '../../../../src/shared/matcher/types';

/** A surface form; case-insensitive and pluralising unless told otherwise. */
export function form(text: string, flags: Partial<Omit<SurfaceForm, 'text'>> = {}): SurfaceForm {
  return { text, caseSensitive: flags.caseSensitive ?? false, exact: flags.exact ?? false };
}

/** A case-sensitive form, as acronyms like MLPS get by default. */
export function acronym(text: string): SurfaceForm {
  return form(text, { caseSensitive: true });
}

/** A term whose forms are given as plain strings (case-insensitive) or as ready forms. */
export function term(id: string, ...forms: (string | SurfaceForm)[]): MatchTerm {
  return { id, forms: forms.map((f) => (typeof f === 'string' ? form(f) : f)) };
}

/** What a reader sees: each highlighted slice of the text and the term it belongs to. */
export function highlights(terms: readonly MatchTerm[], text: string): [string, string][] {
  return findMatches(compileMatcher(terms), text).map((m) => [text.slice(m.start, m.end), m.termId]);
}

/**
 * Random glossaries for the property tests: one to six terms of one to three forms, each form's
 * text drawn from `text`, its flags at random, and its guards from `guards` (each test draws from
 * alphabets that make its own hard cases likely).
 */
export function randomGlossary(
  text: fc.Arbitrary<string>,
  guards: fc.Arbitrary<string[]>,
): fc.Arbitrary<MatchTerm[]> {
  const surfaceForm = fc.record(
    {
      text,
      caseSensitive: fc.boolean(),
      exact: fc.boolean(),
      notFollowedBy: guards,
      notPrecededBy: guards,
      ignoreSegmenter: fc.boolean(),
    },
    { requiredKeys: ['text', 'caseSensitive', 'exact'] },
  );
  return fc
    .array(fc.array(surfaceForm, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 })
    .map((terms) => terms.map((forms, i) => ({ id: `t${i}`, forms })));
}
