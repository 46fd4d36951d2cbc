import * as v from 'valibot';
import type { GlossaryPack, Term } from './model';
import { packLint } from './validate-forms';
import { checkReferences } from './validate-references';
import { GLOSSARY_LIMITS, MAX_REPORTED_ERRORS } from './validate-rules';
import { PackHeaderSchema, TERM_LIST_LIMITS, TermSchema } from './validate-schema';
import type { ValidateOptions, ValidationError, ValidationResult } from './validate-types';

export { normalizeSurfaceForm, packLint } from './validate-forms';
export { GLOSSARY_LIMITS, MAX_REPORTED_ERRORS } from './validate-rules';
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

function issuesToErrors(base: string, issues: ReadonlyArray<v.BaseIssue<unknown>>): ValidationError[] {
  return issues.map((issue) => ({
    path: jsonPath(
      base,
      (issue.path ?? []).map((item) => item.key),
    ),
    message: issue.message,
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Oversized lists in a raw term, reported without parsing their items. */
function oversizedLists(raw: unknown, at: string): ValidationError[] {
  if (!isRecord(raw)) return [];
  const errors: ValidationError[] = [];
  for (const [field, max] of Object.entries(TERM_LIST_LIMITS)) {
    const value = raw[field];
    if (Array.isArray(value) && value.length > max) {
      errors.push({ path: `${at}.${field}`, message: `${field} has more than ${max} entries` });
    }
  }
  return errors;
}

/** Collects errors until the cap, then remembers only that there were more. */
class ErrorSink {
  readonly errors: ValidationError[] = [];
  overflow = false;
  add(found: readonly ValidationError[]): void {
    for (const error of found) {
      if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(error);
      else this.overflow = true;
    }
  }
  result(): ValidationError[] {
    if (!this.overflow) return this.errors;
    return [
      ...this.errors,
      { path: '$', message: `more errors not shown (stopped after ${MAX_REPORTED_ERRORS})` },
    ];
  }
}

/**
 * Validates parsed JSON as a `termlight-glossary` v1 pack: structure (valibot), then ids,
 * references and supersession, then the surface-form lint. Returns the typed pack, or every error
 * (up to {@link MAX_REPORTED_ERRORS}) with its JSON path. Unknown top-level properties are
 * tolerated (dropped, with a warning unless it is `$schema`); unknown term properties are errors.
 */
export function validatePack(data: unknown, options: ValidateOptions = {}): ValidationResult {
  const sink = new ErrorSink();
  const warnings: ValidationError[] = [];
  if (!isRecord(data)) {
    return { ok: false, errors: [{ path: '$', message: 'a glossary pack must be a JSON object' }], warnings };
  }
  for (const key of Object.keys(data)) {
    if (!PACK_KEYS.has(key) && !KNOWN_EXTRA_KEYS.has(key)) {
      warnings.push({ path: jsonPath('$', [key]), message: `unknown property "${key}" is ignored` });
    }
  }
  const rawTerms = Array.isArray(data.terms) ? data.terms : [];
  const header = v.safeParse(PackHeaderSchema, data);
  if (!header.success) sink.add(issuesToErrors('$', header.issues));
  const terms = rawTerms.length <= GLOSSARY_LIMITS.terms ? checkTerms(rawTerms, sink) : [];
  if (!sink.overflow && rawTerms.length <= GLOSSARY_LIMITS.terms) {
    const referenceErrors: ValidationError[] = [];
    checkReferences(rawTerms, referenceErrors, warnings);
    sink.add(referenceErrors);
  }
  if (!header.success || sink.errors.length > 0) return { ok: false, errors: sink.result(), warnings };

  const pack: GlossaryPack = { ...header.output, terms };
  warnings.push(...packLint(pack));
  if (options.strict && warnings.length > 0) {
    sink.add(warnings);
    return { ok: false, errors: sink.result(), warnings: [] };
  }
  return { ok: true, pack, warnings };
}

/** Parses each term on its own, stopping once the error cap is reached; returns the terms that passed. */
function checkTerms(rawTerms: readonly unknown[], sink: ErrorSink): Term[] {
  const terms: Term[] = [];
  for (let i = 0; i < rawTerms.length && !sink.overflow; i++) {
    const at = `$.terms[${i}]`;
    const oversized = oversizedLists(rawTerms[i], at);
    if (oversized.length > 0) {
      sink.add(oversized);
      continue;
    }
    const parsed = v.safeParse(TermSchema, rawTerms[i]);
    if (parsed.success) terms.push(parsed.output);
    else sink.add(issuesToErrors(at, parsed.issues));
  }
  return terms;
}
