import * as v from 'valibot';
import type { GlossaryPack, Term } from './model';
import { ProblemList } from './problem-list';
import { readIssueMessage, say } from './problem-words';
import { lintSurfaceForms } from './validate-forms';
import { checkReferences } from './validate-references';
import { GLOSSARY_LIMITS, MAX_REPORTED_ERRORS, MAX_REPORTED_WARNINGS } from './validate-rules';
import { PackHeaderSchema, TERM_LIST_LIMITS, TermSchema } from './validate-schema';
import { lintSourceUrls } from './validate-sources';
import type { ValidateOptions, ValidationError, ValidationResult } from './validate-types';

export { normalizeSurfaceForm, packLint } from './validate-forms';
export { GLOSSARY_LIMITS, MAX_REPORTED_ERRORS, MAX_REPORTED_WARNINGS } from './validate-rules';
export type { ValidateOptions, ValidationError, ValidationResult } from './validate-types';

/** Top-level properties that are expected and never warned about although the format does not use them. */
const KNOWN_EXTRA_KEYS = new Set(['$schema']);
const PACK_KEYS = new Set(Object.keys(PackHeaderSchema.entries));

/** `$.terms[3].sources[0].url` from a base path and path keys; odd keys use `['…']`. */
export function jsonPath(base: string, keys: ReadonlyArray<unknown>): string {
  let path = base;
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) path += `.${key}`;
    else path += `[${JSON.stringify(String(key))}]`;
  }
  return path;
}

function addIssues(errors: ProblemList, base: string, issues: ReadonlyArray<v.BaseIssue<unknown>>): void {
  for (const issue of issues) {
    errors.add({
      path: jsonPath(
        base,
        (issue.path ?? []).map((item) => item.key),
      ),
      ...readIssueMessage(issue.message),
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports oversized lists in a raw term without parsing their items; true when there were any. */
function reportOversizedLists(raw: unknown, at: string, errors: ProblemList): boolean {
  if (!isRecord(raw)) return false;
  let found = false;
  for (const [field, max] of Object.entries(TERM_LIST_LIMITS)) {
    const value = raw[field];
    if (Array.isArray(value) && value.length > max) {
      errors.add({ path: `${at}.${field}`, ...say('tooManyEntries', field, String(max)) });
      found = true;
    }
  }
  return found;
}

const moreErrors = (): ValidationError => ({
  path: '$',
  ...say('moreErrors', String(MAX_REPORTED_ERRORS)),
});

const moreWarnings = (count: number): ValidationError => ({
  path: '$',
  ...say('moreWarnings', String(count)),
});

/**
 * Validates parsed JSON as a `termlight-glossary` v1 pack: structure (valibot), then ids,
 * references and supersession, then the surface-form and source-URL lints. Returns the typed pack, or every error
 * (up to {@link MAX_REPORTED_ERRORS}) with its JSON path. Warnings of all kinds share one cap
 * ({@link MAX_REPORTED_WARNINGS}), then one entry counts the rest. Unknown top-level properties are
 * tolerated (dropped, with a warning unless it is `$schema`); unknown term properties are errors.
 */
export function validatePack(data: unknown, options: ValidateOptions = {}): ValidationResult {
  const errors = new ProblemList(MAX_REPORTED_ERRORS);
  const warnings = new ProblemList(MAX_REPORTED_WARNINGS);
  if (!isRecord(data)) {
    return {
      ok: false,
      errors: [{ path: '$', ...say('packNotObject') }],
      warnings: [],
    };
  }
  for (const key of Object.keys(data)) {
    if (!PACK_KEYS.has(key) && !KNOWN_EXTRA_KEYS.has(key)) {
      warnings.add({ path: jsonPath('$', [key]), ...say('unknownTopLevel', key) });
    }
  }
  const rawTerms = Array.isArray(data.terms) ? data.terms : [];
  const header = v.safeParse(PackHeaderSchema, data);
  if (!header.success) addIssues(errors, '$', header.issues);
  const withinLimit = rawTerms.length <= GLOSSARY_LIMITS.terms;
  const terms = withinLimit ? checkTerms(rawTerms, errors) : [];
  if (!errors.overflowed && withinLimit) checkReferences(rawTerms, errors, warnings);
  if (!header.success || errors.kept.length > 0) {
    return { ok: false, errors: errors.list(moreErrors), warnings: warnings.list(moreWarnings) };
  }

  const pack: GlossaryPack = { ...header.output, terms };
  lintSurfaceForms(pack, (warning) => warnings.add(warning));
  lintSourceUrls(pack, (warning) => warnings.add(warning));
  if (options.strict && warnings.kept.length > 0) {
    for (const warning of warnings.list(moreWarnings)) errors.add(warning);
    return { ok: false, errors: errors.list(moreErrors), warnings: [] };
  }
  return { ok: true, pack, warnings: warnings.list(moreWarnings) };
}

/** Parses each term on its own, stopping once the error cap is reached; returns the terms that passed. */
function checkTerms(rawTerms: readonly unknown[], errors: ProblemList): Term[] {
  const terms: Term[] = [];
  for (let i = 0; i < rawTerms.length && !errors.overflowed; i++) {
    const at = `$.terms[${i}]`;
    if (reportOversizedLists(rawTerms[i], at, errors)) continue;
    const parsed = v.safeParse(TermSchema, rawTerms[i]);
    if (parsed.success) terms.push(parsed.output);
    else addIssues(errors, at, parsed.issues);
  }
  return terms;
}
