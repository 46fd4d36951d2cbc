/**
 * Surface-form lint: a form (a term's name or an alias) that two different terms claim makes the
 * highlight ambiguous. Forms are compared the way the matcher sees them (its own search form:
 * NFKC, whitespace runs as one space, dashes as `-`, curly quotes straight, invisible characters
 * left out), and case-folded unless both forms are case-sensitive. A case-insensitive, non-exact
 * form also claims its English plural.
 *
 * The lint is linear in the number of forms, so a pack of thousands of terms with one name costs
 * no more than any other pack: each form is compared with the first claims of each kind kept for
 * its case-folded form (see {@link FormGroup}), never with every other claim.
 */

import { patternSearchForm } from '../matcher/normalize';
import { englishPlural } from '../matcher/plural';
import { resolveCaseSensitive } from './alias-rules';
import type { Alias, GlossaryPack } from './model';
import { at, say } from './problem-words';
import type { ValidationError } from './validate-types';

/** The search form of a surface form, before case-folding: the matcher's own. */
export function normalizeSurfaceForm(text: string): string {
  return patternSearchForm(text);
}

/**
 * Claims on surface forms as numbers, so that a pack's millions of forms cost no object each. A
 * claim's code is `position * 4 + (plural ? 2 : 0) + (caseSensitive ? 1 : 0)`, where `position` is
 * `termIndex * slots + aliasIndex + 1` (the term's name is alias -1, and `slots` is one more than
 * the most aliases a term of the pack has). Codes grow in the order the lint makes claims (term by
 * term, name first, each written form before its plural): the smaller code is the earlier claim.
 */
class ClaimCodes {
  private readonly slots: number;

  constructor(private readonly pack: GlossaryPack) {
    let most = 0;
    for (const term of pack.terms) most = Math.max(most, term.aliases?.length ?? 0);
    this.slots = most + 1;
  }

  encode(termIndex: number, aliasIndex: number, plural: boolean, caseSensitive: boolean): number {
    return (termIndex * this.slots + aliasIndex + 1) * 4 + (plural ? 2 : 0) + (caseSensitive ? 1 : 0);
  }

  isPlural(code: number): boolean {
    return code % 4 >= 2;
  }

  isCaseSensitive(code: number): boolean {
    return code % 2 === 1;
  }

  termIndex(code: number): number {
    const position = (code - (code % 4)) / 4;
    return (position - (position % this.slots)) / this.slots;
  }

  /** The JSON path of the written form, e.g. `$.terms[3].aliases[0].text`. */
  path(code: number): string {
    const aliasIndex = this.aliasIndex(code);
    const at = `$.terms[${this.termIndex(code)}]`;
    return aliasIndex < 0 ? `${at}.term` : `${at}.aliases[${aliasIndex}].text`;
  }

  /** The form as the pack writes it. */
  text(code: number): string {
    const term = this.pack.terms[this.termIndex(code)];
    const aliasIndex = this.aliasIndex(code);
    return (aliasIndex < 0 ? term?.term : term?.aliases?.[aliasIndex]?.text) ?? '';
  }

  private aliasIndex(code: number): number {
    return (((code - (code % 4)) / 4) % this.slots) - 1;
  }
}

const NONE = -1;

/**
 * The claims on one case-folded form that can be the earliest clash of a later claim: the first of
 * each kind (case-insensitive, plural, case-sensitive, and case-sensitive by exact form, as those
 * clash only with their own form). Claims of one kind differ in what they clash with only by the
 * same-term rule, and claims arrive term by term, so when the first of a kind is of the later
 * claim's own term, every claim of that kind so far is: keeping the first is enough.
 */
class FormGroup {
  private insensitive = NONE;
  private plural = NONE;
  private sensitive = NONE;
  private sensitiveForm = '';
  /** Case-sensitive claims by exact form, after the first (which is {@link sensitive}). */
  private sensitiveByForm: Map<string, number> | undefined;

  constructor(private readonly codes: ClaimCodes) {}

  /** The earliest claim seen so far that `later` (on the exact form `form`) clashes with, or NONE. */
  earliestClash(later: number, form: string): number {
    const sensitive = this.codes.isCaseSensitive(later) ? this.firstSensitive(form) : this.sensitive;
    let found = NONE;
    for (const earlier of [this.insensitive, this.plural, sensitive]) {
      if (earlier === NONE || !this.clashes(earlier, later)) continue;
      if (found === NONE || earlier < found) found = earlier;
    }
    return found;
  }

  add(claim: number, form: string): void {
    if (this.codes.isPlural(claim)) {
      if (this.plural === NONE) this.plural = claim;
    } else if (!this.codes.isCaseSensitive(claim)) {
      if (this.insensitive === NONE) this.insensitive = claim;
    } else if (this.sensitive === NONE) {
      this.sensitive = claim;
      this.sensitiveForm = form;
    } else if (this.firstSensitive(form) === NONE) {
      this.sensitiveByForm ??= new Map();
      this.sensitiveByForm.set(form, claim);
    }
  }

  private firstSensitive(form: string): number {
    if (this.sensitive !== NONE && this.sensitiveForm === form) return this.sensitive;
    return this.sensitiveByForm?.get(form) ?? NONE;
  }

  /** Whether a later claim clashes with an earlier one (two case-sensitive ones share their form). */
  private clashes(earlier: number, later: number): boolean {
    const { codes } = this;
    // Plurals are derived, so two of them never make a form ambiguous on their own.
    if (codes.isPlural(earlier) && codes.isPlural(later)) return false;
    // A term's own plural is not a second claim on the form.
    const sameTerm = codes.termIndex(earlier) === codes.termIndex(later);
    return !(sameTerm && (codes.isPlural(earlier) || codes.isPlural(later)));
  }
}

/**
 * Reports to `report` each surface form that clashes with an earlier one: claimed by another term,
 * or listed twice by its own. A form is reported once per case-folded form it claims, at the form,
 * naming the earliest claim it clashes with.
 */
export function lintSurfaceForms(pack: GlossaryPack, report: (warning: ValidationError) => void): void {
  const codes = new ClaimCodes(pack);
  // Most forms are claimed once, so a group starts as its first claim's code alone.
  const groups = new Map<string, number | FormGroup>();
  const check = (key: string, claim: number, form: string) => {
    const known = groups.get(key);
    if (known === undefined) {
      groups.set(key, claim);
      return;
    }
    let group = known;
    if (typeof group === 'number') {
      const first = group;
      group = new FormGroup(codes);
      group.add(first, codes.isCaseSensitive(first) ? normalizeSurfaceForm(codes.text(first)) : '');
      groups.set(key, group);
    }
    const earlier = group.earliestClash(claim, form);
    if (earlier !== NONE) report(clashWarning(pack, codes, earlier, claim));
    group.add(claim, form);
  };
  const claimForm = (termIndex: number, aliasIndex: number, alias: Alias) => {
    const form = normalizeSurfaceForm(alias.text);
    if (form.length === 0) return;
    const caseSensitive = resolveCaseSensitive(alias);
    const folded = form.toLowerCase();
    check(folded, codes.encode(termIndex, aliasIndex, false, caseSensitive), form);
    const plural = caseSensitive || alias.exact ? null : englishPlural(folded);
    if (plural !== null) check(plural, codes.encode(termIndex, aliasIndex, true, false), plural);
  };
  pack.terms.forEach((term, termIndex) => {
    claimForm(termIndex, -1, { text: term.term });
    term.aliases?.forEach((alias, aliasIndex) => {
      claimForm(termIndex, aliasIndex, alias);
    });
  });
}

function clashWarning(
  pack: GlossaryPack,
  codes: ClaimCodes,
  earlier: number,
  later: number,
): ValidationError {
  const path = codes.path(later);
  const text = codes.text(later);
  const earlierText = codes.text(earlier);
  const earlierAt = at(codes.path(earlier));
  if (codes.termIndex(earlier) === codes.termIndex(later)) {
    return { path, ...say('formRepeats', text, earlierText, earlierAt) };
  }
  const owner = pack.terms[codes.termIndex(earlier)]?.id ?? '?';
  return { path, ...say('formClaimed', text, owner, earlierText, earlierAt) };
}

/** Every warning of {@link lintSurfaceForms}, as a list. */
export function packLint(pack: GlossaryPack): ValidationError[] {
  const warnings: ValidationError[] = [];
  lintSurfaceForms(pack, (warning) => {
    warnings.push(warning);
  });
  return warnings;
}
