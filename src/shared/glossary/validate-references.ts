/**
 * Cross-reference rules that a JSON Schema cannot express: unique term ids, `related` and
 * `supersededBy` resolving inside the pack, no supersession cycles. They read the raw terms
 * defensively, so they also run (and report) when some terms failed the structural checks.
 */

import type { ValidationError } from './validate-types';

type RawTerm = Record<string, unknown>;

function isRecord(value: unknown): value is RawTerm {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ids of the raw terms that carry a string id, with the index of each id's first use. */
function firstIndexById(terms: readonly unknown[]): Map<string, number> {
  const first = new Map<string, number>();
  terms.forEach((term, i) => {
    if (isRecord(term) && typeof term.id === 'string' && !first.has(term.id)) first.set(term.id, i);
  });
  return first;
}

/** Errors for duplicate ids, unresolved references and supersession mistakes; warnings for oddities. */
export function checkReferences(
  terms: readonly unknown[],
  errors: ValidationError[],
  warnings: ValidationError[],
): void {
  const first = firstIndexById(terms);
  terms.forEach((term, i) => {
    if (!isRecord(term)) return;
    const at = `$.terms[${i}]`;
    const ownId = term.id;
    if (typeof ownId === 'string' && first.get(ownId) !== i) {
      errors.push({
        path: `${at}.id`,
        message: `duplicate term id "${ownId}" (first used at $.terms[${first.get(ownId)}].id)`,
      });
    }
    if (Array.isArray(term.related)) {
      const seen = new Set<string>();
      term.related.forEach((ref: unknown, j) => {
        if (typeof ref !== 'string') return;
        const path = `${at}.related[${j}]`;
        if (!first.has(ref)) {
          errors.push({ path, message: `related id "${ref}" does not match any term in this pack` });
        } else if (ref === ownId) {
          warnings.push({ path, message: 'a term lists itself as related' });
        } else if (seen.has(ref)) {
          warnings.push({ path, message: `related id "${ref}" is listed twice` });
        }
        seen.add(ref);
      });
    }
    checkSupersession(term, at, first, errors);
  });
  checkSupersessionCycles(terms, first, errors);
}

function checkSupersession(
  term: RawTerm,
  at: string,
  first: Map<string, number>,
  errors: ValidationError[],
): void {
  const { status, supersededBy } = term;
  const path = `${at}.supersededBy`;
  if (status === 'superseded' && supersededBy === undefined) {
    errors.push({ path, message: 'a superseded term must name its successor in supersededBy' });
    return;
  }
  if (supersededBy === undefined) return;
  if (status !== 'superseded') {
    errors.push({ path, message: 'supersededBy is only allowed when status is "superseded"' });
  }
  if (typeof supersededBy !== 'string') return;
  if (supersededBy === term.id) {
    errors.push({ path, message: 'a term cannot be superseded by itself' });
  } else if (!first.has(supersededBy)) {
    errors.push({ path, message: `supersededBy id "${supersededBy}" does not match any term in this pack` });
  }
}

/** Follows each supersededBy chain; a chain that returns to a term already on it is a cycle. */
function checkSupersessionCycles(
  terms: readonly unknown[],
  first: Map<string, number>,
  errors: ValidationError[],
): void {
  const next = new Map<string, string>();
  for (const term of terms) {
    if (isRecord(term) && typeof term.id === 'string' && typeof term.supersededBy === 'string') {
      if (term.supersededBy !== term.id && !next.has(term.id)) next.set(term.id, term.supersededBy);
    }
  }
  const settled = new Set<string>();
  for (const start of next.keys()) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current: string | undefined = start;
    while (current !== undefined && !settled.has(current) && !onChain.has(current)) {
      chain.push(current);
      onChain.add(current);
      current = next.get(current);
    }
    if (current !== undefined && onChain.has(current)) {
      const loop = chain.slice(chain.indexOf(current));
      errors.push({
        path: `$.terms[${first.get(current)}].supersededBy`,
        message: `supersededBy forms a cycle: ${[...loop, current].join(' → ')}`,
      });
    }
    for (const idInChain of chain) settled.add(idInChain);
  }
}
