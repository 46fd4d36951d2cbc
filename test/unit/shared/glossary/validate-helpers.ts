/** Shared helpers for the glossary validator tests. */
import type { GlossaryPack, Term } from '../../../../src/shared/glossary/model';
import {
  type ValidateOptions,
  type ValidationError,
  validatePack,
} from '../../../../src/shared/glossary/validate';

/** A valid term with a definition made from its id; `extra` overrides or adds fields (even invalid ones). */
export function term(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, term: `Term ${id}`, definition: `Definition of ${id}.`, ...extra };
}

/** A valid pack around the given raw terms; `extra` overrides or adds top-level fields. */
export function pack(terms: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 'termlight-glossary', version: 1, id: 'test-pack', name: 'Test pack', terms, ...extra };
}

/**
 * Problems as these tests read them, where and in English, for the validator's and the file
 * readers' tests alike (test/unit/library/problem-text.test.ts checks their words).
 */
export function inEnglish(problems: readonly ValidationError[]): ValidationError[] {
  return problems.map(({ path, message }) => ({ path, message }));
}

/** The errors of data that must fail validation. */
export function errorsOf(data: unknown, options?: ValidateOptions): ValidationError[] {
  const result = validatePack(data, options);
  if (result.ok) throw new Error('expected validation to fail, but it passed');
  return inEnglish(result.errors);
}

/** The validated pack and warnings of data that must pass validation. */
export function passOf(
  data: unknown,
  options?: ValidateOptions,
): { pack: GlossaryPack; warnings: ValidationError[] } {
  const result = validatePack(data, options);
  if (!result.ok) throw new Error(`expected validation to pass: ${JSON.stringify(result.errors)}`);
  return { pack: result.pack, warnings: inEnglish(result.warnings) };
}

/** A typed pack for lint tests. */
export function typedPack(terms: Term[]): GlossaryPack {
  return { format: 'termlight-glossary', version: 1, id: 'lint-pack', name: 'Lint pack', terms };
}
