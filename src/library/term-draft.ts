/**
 * A term as the editor holds it while the reader types (strings and rows, one per form control), and
 * the conversions both ways: from a stored term, and to the term the validator and `saveTerm` check.
 */
import { termIdFromName } from '../shared/formats/glossary-import';
import type { Alias, SourceRef, Term, TermStatus } from '../shared/glossary/model';

/** The languages offered for an alias; "other" reveals a text field for any BCP 47 tag. */
export const ALIAS_LANGUAGES = [
  { value: '' },
  { value: 'en' },
  { value: 'zh-Hans' },
  { value: 'zh-Hant' },
  { value: 'ja' },
  { value: 'ko' },
  { value: 'other' },
] as const;

/** An alias row: `caseChoice` is '' (the default for its text), 'yes' or 'no'. */
export interface AliasDraft {
  /** Stable across removals, for element ids and list keys. */
  key: number;
  text: string;
  langChoice: string;
  langOther: string;
  caseChoice: '' | 'yes' | 'no';
  /** Kept as it was: the editor does not show it. */
  exact?: boolean;
}

export interface SourceDraft {
  key: number;
  title: string;
  url: string;
}

export interface TermDraft {
  term: string;
  id: string;
  /** Once the reader types an id, it no longer follows the term. */
  idEdited: boolean;
  aliases: AliasDraft[];
  definition: string;
  category: string;
  /** Term ids, comma-separated. */
  related: string;
  sources: SourceDraft[];
  /** Comma-separated. */
  tags: string;
  status: TermStatus;
  supersededBy: string;
  /** Whether the stored term said `status` itself (kept when it is "current", so an edit changes nothing else). */
  statedStatus: boolean;
}

let nextKey = 1;
const rowKey = () => nextKey++;

export function emptyAlias(): AliasDraft {
  return { key: rowKey(), text: '', langChoice: '', langOther: '', caseChoice: '' };
}

export function emptySource(): SourceDraft {
  return { key: rowKey(), title: '', url: '' };
}

/** A new term named `text` (the selection the reader chose "Add to glossary" on, or nothing). */
export function newDraft(text = ''): TermDraft {
  const term = text.replace(/\s+/g, ' ').trim();
  return {
    term,
    id: term ? termIdFromName(term) : '',
    idEdited: false,
    aliases: [],
    definition: '',
    category: '',
    related: '',
    sources: [],
    tags: '',
    status: 'current',
    supersededBy: '',
    statedStatus: false,
  };
}

function aliasDraft(alias: Alias): AliasDraft {
  const known = ALIAS_LANGUAGES.some((l) => l.value === alias.lang && l.value !== 'other');
  return {
    key: rowKey(),
    text: alias.text,
    langChoice: alias.lang === undefined ? '' : known ? alias.lang : 'other',
    langOther: known ? '' : (alias.lang ?? ''),
    caseChoice: alias.caseSensitive === undefined ? '' : alias.caseSensitive ? 'yes' : 'no',
    ...(alias.exact !== undefined && { exact: alias.exact }),
  };
}

/** The editor's copy of a stored term. */
export function draftFromTerm(term: Term): TermDraft {
  return {
    term: term.term,
    id: term.id,
    idEdited: true,
    aliases: (term.aliases ?? []).map(aliasDraft),
    definition: term.definition,
    category: term.category ?? '',
    related: (term.related ?? []).join(', '),
    sources: (term.sources ?? []).map((s) => ({ key: rowKey(), title: s.title ?? '', url: s.url })),
    tags: (term.tags ?? []).join(', '),
    status: term.status ?? 'current',
    supersededBy: term.supersededBy ?? '',
    statedStatus: term.status !== undefined,
  };
}

/** A comma-separated list as its trimmed, non-empty items. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** The alias language a row says, or undefined for none. */
export function aliasLang(alias: AliasDraft): string | undefined {
  const lang = alias.langChoice === 'other' ? alias.langOther.trim() : alias.langChoice;
  return lang || undefined;
}

/** True for a row the reader added and left empty: it is left out rather than reported. */
function blankAlias(alias: AliasDraft): boolean {
  return !alias.text.trim() && aliasLang(alias) === undefined && alias.caseChoice === '';
}

function blankSource(source: SourceDraft): boolean {
  return !source.title.trim() && !source.url.trim();
}

/**
 * The term a draft stands for, as data for the validator (it may be invalid), and which row each
 * alias and source came from, so that an error at `aliases[2]` lands next to the right row.
 */
export interface DraftTerm {
  term: Record<string, unknown>;
  /** For each alias of `term`, the key of its row. */
  aliasRows: number[];
  sourceRows: number[];
}

export function termFromDraft(draft: TermDraft): DraftTerm {
  const term: Record<string, unknown> = { id: draft.id.trim(), term: draft.term.trim() };
  const aliasRows: number[] = [];
  const aliases: Alias[] = [];
  for (const row of draft.aliases) {
    if (blankAlias(row)) continue;
    const lang = aliasLang(row);
    aliases.push({
      text: row.text.trim(),
      ...(lang !== undefined && { lang }),
      ...(row.caseChoice !== '' && { caseSensitive: row.caseChoice === 'yes' }),
      ...(row.exact !== undefined && { exact: row.exact }),
    });
    aliasRows.push(row.key);
  }
  if (aliases.length > 0) term.aliases = aliases;
  term.definition = draft.definition.trim();
  if (draft.category.trim()) term.category = draft.category.trim();
  const related = splitList(draft.related);
  if (related.length > 0) term.related = related;
  const sourceRows: number[] = [];
  const sources: SourceRef[] = [];
  for (const row of draft.sources) {
    if (blankSource(row)) continue;
    const title = row.title.trim();
    sources.push(title ? { title, url: row.url.trim() } : { url: row.url.trim() });
    sourceRows.push(row.key);
  }
  if (sources.length > 0) term.sources = sources;
  const tags = splitList(draft.tags);
  if (tags.length > 0) term.tags = tags;
  if (draft.status !== 'current' || draft.statedStatus) term.status = draft.status;
  if (draft.status === 'superseded' && draft.supersededBy) term.supersededBy = draft.supersededBy;
  return { term, aliasRows, sourceRows };
}

/** Whether the control for `field` (a field key, see term-validation.ts) is empty in `draft`. */
export function isBlankField(draft: TermDraft, field: string): boolean {
  const row = /^(alias|source)-(\d+)-(\w+)$/.exec(field);
  if (row) {
    const key = Number(row[2]);
    if (row[1] === 'alias') {
      const alias = draft.aliases.find((a) => a.key === key);
      if (!alias) return true;
      if (row[3] === 'text') return !alias.text.trim();
      if (row[3] === 'lang') return aliasLang(alias) === undefined;
      return alias.caseChoice === '';
    }
    const source = draft.sources.find((s) => s.key === key);
    if (!source) return true;
    return !(row[3] === 'title' ? source.title : source.url).trim();
  }
  const value = (draft as unknown as Record<string, unknown>)[field];
  return typeof value !== 'string' || !value.trim();
}
