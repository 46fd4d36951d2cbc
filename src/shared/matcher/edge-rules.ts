/**
 * What a match's surroundings must allow beyond the Latin word-boundary check, per surface form:
 * the CJK word-edge rule (cjk-word-edges.ts) and the pack's per-alias guards (`notFollowedBy`,
 * `notPrecededBy`). A candidate that fails is dropped before overlaps are resolved, like one that
 * fails a word boundary. Forms with none of these (most) carry no rule and cost nothing.
 */

import { foldUnit, SPACE } from './char-class';
import {
  cjkEdgesOutcome,
  EDGE_BLOCKED,
  EDGE_CLEAR,
  EDGE_NEEDS_NORMALISER,
  EDGE_UNSETTLED,
  type EdgeOutcome,
  isCjkUnit,
  type UnitReader,
} from './cjk-word-edges';
import { normalizeForSearch } from './normalize';
import type { SurfaceForm } from './types';

/**
 * How many units before a part of a text the edge rules may read (a CJK window, a guard of up to
 * 48 characters and whitespace it collapses): a text matched in parts keeps that much before it.
 */
export const EDGE_CONTEXT = 64;

/** A form's edge rule, plain data so a compiled matcher stays JSON-safe. */
export interface EdgeRule {
  /** The form starts with a CJK character: the start must be a CJK word edge. */
  readonly cjkStart: boolean;
  /** The form ends with a CJK character: the end must be a CJK word edge. */
  readonly cjkEnd: boolean;
  /** Folded search forms that void a match when they come right before / after it. */
  readonly notPrecededBy: readonly string[];
  readonly notFollowedBy: readonly string[];
}

/** Compile-time switches (the benchmark measures the matcher with and without the CJK rule). */
export interface EdgeOptions {
  /** Apply the CJK word-edge rule (default true). */
  cjkWordEdges?: boolean;
}

/** A guard text in the folded search form the scan compares with; leading and trailing spaces kept. */
function guardForm(text: string): string {
  const search = normalizeForSearch(text).text;
  let folded = '';
  for (let i = 0; i < search.length; i++) folded += String.fromCharCode(foldUnit(search.charCodeAt(i)));
  return folded;
}

/** The rule of a form whose search form is `pattern`, or null when it has none. */
export function edgeRuleOf(form: SurfaceForm, pattern: string, options: EdgeOptions = {}): EdgeRule | null {
  const segment = options.cjkWordEdges !== false && form.ignoreSegmenter !== true;
  const rule: EdgeRule = {
    cjkStart: segment && isCjkUnit(pattern.charCodeAt(0)),
    cjkEnd: segment && isCjkUnit(pattern.charCodeAt(pattern.length - 1)),
    notPrecededBy: (form.notPrecededBy ?? []).map(guardForm).filter((g) => g !== ''),
    notFollowedBy: (form.notFollowedBy ?? []).map(guardForm).filter((g) => g !== ''),
  };
  const none = !rule.cjkStart && !rule.cjkEnd && rule.notPrecededBy.length + rule.notFollowedBy.length === 0;
  return none ? null : rule;
}

/** A stable key for sharing one rule between the entries that have it. */
export function edgeRuleKey(rule: EdgeRule): string {
  return JSON.stringify([rule.cjkStart, rule.cjkEnd, rule.notPrecededBy, rule.notFollowedBy]);
}

/** Whether the text right after `end` reads `guard` (whitespace runs read as one space). */
function followedBy(
  text: string,
  end: number,
  guard: string,
  limit: number,
  final: boolean,
  unitAt: UnitReader,
): EdgeOutcome {
  let j = end;
  let previous = -1;
  for (let k = 0; k < guard.length; k++) {
    let unit = -1;
    for (;;) {
      if (j >= limit) return final ? EDGE_CLEAR : EDGE_UNSETTLED;
      unit = unitAt(text, j++);
      if (unit < 0) return EDGE_NEEDS_NORMALISER;
      if (!(unit === SPACE && previous === SPACE)) break;
    }
    if (unit !== guard.charCodeAt(k)) return EDGE_CLEAR;
    previous = unit;
  }
  return EDGE_BLOCKED;
}

/** Whether the text right before `start` reads `guard` (whitespace runs read as one space). */
function precededBy(text: string, start: number, guard: string, unitAt: UnitReader): EdgeOutcome {
  let j = start - 1;
  for (let k = guard.length - 1; k >= 0; k--) {
    if (j < 0) return EDGE_CLEAR;
    const unit = unitAt(text, j--);
    if (unit < 0) return EDGE_NEEDS_NORMALISER;
    if (unit === SPACE) {
      while (j >= 0 && unitAt(text, j) === SPACE) j--;
    }
    if (unit !== guard.charCodeAt(k)) return EDGE_CLEAR;
  }
  return EDGE_BLOCKED;
}

/**
 * Whether a candidate `[start, end)` passes `rule`: EDGE_CLEAR, EDGE_BLOCKED, or, when the answer
 * needs text not yet read, EDGE_UNSETTLED / EDGE_NEEDS_NORMALISER. `limit` and `final` are the
 * scan's (see cjkEdgeOutcome).
 */
export function edgeOutcome(
  rule: EdgeRule,
  text: string,
  start: number,
  end: number,
  limit: number,
  final: boolean,
  unitAt: UnitReader,
): EdgeOutcome {
  // The guards first: they are cheap, and a guarded alias is often one the segmenter gets wrong.
  for (const guard of rule.notPrecededBy) {
    const outcome = precededBy(text, start, guard, unitAt);
    if (outcome !== EDGE_CLEAR) return outcome;
  }
  for (const guard of rule.notFollowedBy) {
    const outcome = followedBy(text, end, guard, limit, final, unitAt);
    if (outcome !== EDGE_CLEAR) return outcome;
  }
  if (!rule.cjkStart && !rule.cjkEnd) return EDGE_CLEAR;
  return cjkEdgesOutcome(text, start, end, rule.cjkStart, rule.cjkEnd, limit, final, unitAt);
}
