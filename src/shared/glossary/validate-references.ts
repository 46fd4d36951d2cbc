/**
 * Cross-reference rules that a JSON Schema cannot express: unique term ids, `related` and
 * `supersededBy` resolving inside the pack, no supersession cycles. They read the raw terms
 * defensively, so they also run (and report) when some terms failed the structural checks.
 */

import type { ProblemList } from './problem-list';
import { at, say } from './problem-words';

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
export function checkReferences(terms: readonly unknown[], errors: ProblemList, warnings: ProblemList): void {
  const first = firstIndexById(terms);
  terms.forEach((term, i) => {
    if (!isRecord(term)) return;
    const termAt = `$.terms[${i}]`;
    const ownId = term.id;
    if (typeof ownId === 'string' && first.get(ownId) !== i) {
      errors.add({
        path: `${termAt}.id`,
        ...say('duplicateId', ownId, at(`$.terms[${first.get(ownId)}].id`)),
      });
    }
    if (Array.isArray(term.related)) {
      const seen = new Set<string>();
      term.related.forEach((ref: unknown, j) => {
        if (typeof ref !== 'string') return;
        const path = `${termAt}.related[${j}]`;
        if (!first.has(ref)) {
          errors.add({ path, ...say('unknownRelated', ref) });
        } else if (ref === ownId) {
          warnings.add({ path, ...say('selfRelated') });
        } else if (seen.has(ref)) {
          warnings.add({ path, ...say('repeatedRelated', ref) });
        }
        seen.add(ref);
      });
    }
    checkSupersession(term, termAt, first, errors);
  });
  checkSupersessionCycles(terms, first, errors);
}

function checkSupersession(
  term: RawTerm,
  termAt: string,
  first: Map<string, number>,
  errors: ProblemList,
): void {
  const { status, supersededBy } = term;
  const path = `${termAt}.supersededBy`;
  if (status === 'superseded' && supersededBy === undefined) {
    errors.add({ path, ...say('supersededWithoutSuccessor') });
    return;
  }
  if (supersededBy === undefined) return;
  if (status !== 'superseded') {
    errors.add({ path, ...say('supersededByWithoutStatus') });
  }
  if (typeof supersededBy !== 'string') return;
  if (supersededBy === term.id) {
    errors.add({ path, ...say('supersededBySelf') });
  } else if (!first.has(supersededBy)) {
    errors.add({ path, ...say('unknownSuccessor', supersededBy) });
  }
}

/** Follows each supersededBy chain; a chain that returns to a term already on it is a cycle. */
function checkSupersessionCycles(
  terms: readonly unknown[],
  first: Map<string, number>,
  errors: ProblemList,
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
      errors.add({
        path: `$.terms[${first.get(current)}].supersededBy`,
        ...say('supersessionCycle', describeCycle(chain.slice(chain.indexOf(current)))),
      });
    }
    for (const idInChain of chain) settled.add(idInChain);
  }
}

/** How many ids of a supersession cycle its message names; a cycle can run through every term. */
const CYCLE_IDS_SHOWN = 10;

/** `a → b → a`, or for a long cycle its first ids and how many more there are. */
function describeCycle(loop: readonly string[]): string {
  if (loop.length <= CYCLE_IDS_SHOWN) return [...loop, loop[0]].join(' → ');
  const shown = loop.slice(0, CYCLE_IDS_SHOWN).join(' → ');
  return `${shown} → … (${loop.length - CYCLE_IDS_SHOWN} more) → ${loop[0]}`;
}
