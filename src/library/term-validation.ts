/**
 * Checks a term while it is edited with the importer's validator (`validatePack`), run on the whole
 * pack with the edited term in place as `saveTerm` will place it, and puts each problem next to the
 * form control it is about. The background's own errors on save are placed the same way.
 */
import type { GlossaryPack } from '../shared/glossary/model';
import { validatePack } from '../shared/glossary/validate';
import { t } from '../shared/i18n';
import type { ImportProblem } from '../shared/messages';
import { formatCount } from './locale';
import { problemText } from './problem-text';
import { type DraftTerm, type TermDraft, termFromDraft } from './term-draft';

/** A problem as the editor shows it: the control it belongs to (null: the summary only), its label, why. */
export interface TermProblem {
  field: string | null;
  label: string;
  message: string;
}

export interface DraftCheck {
  draftTerm: DraftTerm;
  errors: TermProblem[];
  warnings: TermProblem[];
}

/** Element ids of the editor's controls, by field key (used for `for`, `aria-describedby` and focus). */
export const fieldId = (field: string) => `term-editor-${field}`;
export const errorId = (field: string) => `term-editor-${field}-error`;

/** Keys of a row's controls. */
export const aliasField = (key: number, part: 'text' | 'lang' | 'case') => `alias-${key}-${part}`;
export const sourceField = (key: number, part: 'title' | 'url') => `source-${key}-${part}`;

/** Where the edited term sits in the pack `saveTerm` validates: in its old place, or appended. */
export function placeTerm(
  pack: GlossaryPack,
  term: unknown,
  previousId: string | undefined,
): { terms: unknown[]; index: number } {
  const at = previousId === undefined ? -1 : pack.terms.findIndex((t) => t.id === previousId);
  const terms: unknown[] = [...pack.terms];
  if (at >= 0) terms[at] = term;
  else terms.push(term);
  return { terms, index: at >= 0 ? at : terms.length - 1 };
}

/** Validates `draft` in `pack` (in place of `previousId`, or as a new term). */
export function checkDraft(pack: GlossaryPack, draft: TermDraft, previousId: string | undefined): DraftCheck {
  const draftTerm = termFromDraft(draft);
  const { terms, index } = placeTerm(pack, draftTerm.term, previousId);
  const result = validatePack({ ...pack, terms });
  const locate = locator({ draft, draftTerm, terms, index, previousId });
  return {
    draftTerm,
    errors: result.ok
      ? []
      : sortProblems(
          result.errors.flatMap((p) => locate(p, 'error')),
          draft,
        ),
    warnings: sortProblems(
      result.warnings.flatMap((p) => locate(p, 'warning')),
      draft,
    ),
  };
}

/** Places the background's errors for a save of `draft` (the pack as the editor last read it). */
export function locateSaveErrors(
  problems: readonly ImportProblem[],
  pack: GlossaryPack,
  draft: TermDraft,
  previousId: string | undefined,
): TermProblem[] {
  const draftTerm = termFromDraft(draft);
  const { terms, index } = placeTerm(pack, draftTerm.term, previousId);
  const locate = locator({ draft, draftTerm, terms, index, previousId });
  return sortProblems(
    problems.flatMap((p) => locate(p, 'error')),
    draft,
  );
}

/** The message keys of the form's own labels, by term field. */
const OWN_FIELDS: Record<string, string> = {
  id: 'library_fieldTermId',
  term: 'library_fieldTerm',
  aliases: 'library_aliases',
  definition: 'library_fieldDefinition',
  category: 'library_fieldCategory',
  related: 'library_fieldRelated',
  sources: 'library_sources',
  tags: 'library_tags',
  status: 'library_fieldStatus',
  supersededBy: 'library_fieldSupersededBy',
};

const TERM_PATH = /^\$\.terms\[(\d+)\](.*)$/;
const PART = /^\.([A-Za-z_]\w*)(?:\[(\d+)\](?:\.([A-Za-z_]\w*))?)?/;
const EMBEDDED = /\$\.terms\[(\d+)\](?:\.[A-Za-z_]\w*|\[\d+\])*/g;

interface Placement {
  draft: TermDraft;
  draftTerm: DraftTerm;
  terms: readonly unknown[];
  index: number;
  previousId: string | undefined;
}

function termName(terms: readonly unknown[], i: number): string {
  const term = terms[i] as { term?: unknown; id?: unknown } | undefined;
  if (typeof term?.term === 'string' && term.term.trim()) return term.term;
  return typeof term?.id === 'string' ? term.id : t('library_termNumberN', formatCount(i + 1));
}

/** Turns validator problems (JSON paths) into editor problems (fields and words). */
function locator(place: Placement) {
  const { draft, draftTerm, terms, index, previousId } = place;
  // A place in the pack by the term it is in: "first used at $.terms[3].id" → … "Other term".
  const termAt = (k: number) =>
    k === index ? t('library_thisTerm') : t('library_quoted', termName(terms, k));
  const placeName = (path: string) => {
    const k = TERM_PATH.exec(path)?.[1];
    return k === undefined ? path : termAt(Number(k));
  };
  const words = (problem: ImportProblem) =>
    problem.words
      ? problemText(problem, placeName)
      : problem.message.replace(EMBEDDED, (_match, k: string) => termAt(Number(k)));
  const aliasPosition = (key: number) => draft.aliases.findIndex((a) => a.key === key) + 1;
  const sourcePosition = (key: number) => draft.sources.findIndex((s) => s.key === key) + 1;

  /** The field of a path inside the edited term (`.sources[0].url`), with its label. */
  const ownField = (rest: string): { field: string | null; label: string } => {
    const part = PART.exec(rest);
    const name = part?.[1];
    if (!part || !name) return { field: null, label: t('library_fieldTerm') };
    const item = part[2] === undefined ? undefined : Number(part[2]);
    if (name === 'aliases' && item !== undefined) {
      const key = draftTerm.aliasRows[item];
      if (key !== undefined) {
        const sub = part[3] === 'lang' ? 'lang' : part[3] === 'text' || !part[3] ? 'text' : 'case';
        const n = formatCount(aliasPosition(key));
        const label =
          sub === 'text'
            ? t('library_aliasN', n)
            : sub === 'lang'
              ? t('library_aliasLanguageN', n)
              : t('library_aliasCaseN', n);
        return { field: aliasField(key, sub), label };
      }
    }
    if (name === 'sources' && item !== undefined) {
      const key = draftTerm.sourceRows[item];
      if (key !== undefined) {
        const sub = part[3] === 'title' ? 'title' : 'url';
        const n = formatCount(sourcePosition(key));
        const label = sub === 'title' ? t('library_sourceTitleN', n) : t('library_sourceUrlN', n);
        return { field: sourceField(key, sub), label };
      }
    }
    const label = OWN_FIELDS[name];
    return label ? { field: name, label: t(label) } : { field: null, label: t('library_fieldTerm') };
  };

  return (problem: ImportProblem, kind: 'error' | 'warning'): TermProblem[] => {
    const match = TERM_PATH.exec(problem.path);
    if (!match) return [{ field: null, label: t('library_fieldGlossary'), message: words(problem) }];
    const at = Number(match[1]);
    if (at === index) return [{ ...ownField(match[2] ?? ''), message: words(problem) }];
    const other = termName(terms, at);
    // Another term's problem that this edit causes: its id now taken, or an old id it refers to.
    if (kind === 'error' && /^duplicate term id/.test(problem.message)) {
      if (problem.message.includes(`$.terms[${index}].`)) {
        const id = String(draftTerm.term.id);
        const message = t('library_idTakenBy', [id, other]);
        return [{ field: 'id', label: t('library_fieldTermId'), message }];
      }
    }
    const ownId = draftTerm.term.id;
    if (kind === 'error' && previousId !== undefined && previousId !== ownId) {
      if (problem.message.includes(`"${previousId}"`)) {
        return [
          {
            field: 'id',
            label: t('library_fieldTermId'),
            message: t('library_refersToOldId', [other, previousId, words(problem)]),
          },
        ];
      }
    }
    // Warnings about other terms matter here only when they name this one.
    if (kind === 'warning' && !problem.message.includes(`$.terms[${index}]`)) return [];
    return [{ field: null, label: t('library_quoted', other), message: words(problem) }];
  };
}

/** Problems in the order of the form's controls (the summary reads top to bottom, like the form). */
function sortProblems(problems: TermProblem[], draft: TermDraft): TermProblem[] {
  const order = [
    'term',
    'id',
    'aliases',
    ...draft.aliases.flatMap((a) => ['text', 'lang', 'case'].map((p) => `alias-${a.key}-${p}`)),
    'definition',
    'category',
    'related',
    'sources',
    ...draft.sources.flatMap((s) => [`source-${s.key}-title`, `source-${s.key}-url`]),
    'tags',
    'status',
    'supersededBy',
  ];
  const rank = (p: TermProblem) => (p.field === null ? order.length : order.indexOf(p.field));
  const seen = new Set<string>();
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p)
    .filter((p) => {
      const key = `${p.field}\n${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The messages for one control. */
export function messagesFor(problems: readonly TermProblem[], field: string): string[] {
  return problems.filter((p) => p.field === field).map((p) => p.message);
}
