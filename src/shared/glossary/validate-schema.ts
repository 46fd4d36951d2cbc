/** The structural rules of the format as valibot schemas (no eval, so safe under extension CSP). */
import * as v from 'valibot';
import { GLOSSARY_FORMAT, GLOSSARY_VERSION } from './model';
import {
  DATE_PATTERN,
  ID_PATTERN,
  GLOSSARY_LIMITS as L,
  LANGUAGE_TAG_PATTERN,
  NON_BLANK_PATTERN,
  sourceUrlProblem,
  TERM_STATUSES,
} from './validate-rules';

type AnyIssue = v.BaseIssue<unknown>;

function lastKey(issue: AnyIssue): string {
  const key = issue.path?.at(-1)?.key;
  return typeof key === 'string' ? key : String(key);
}

/** Message for an object: names the unknown or missing property, or says it is not an object. */
function objectMessage(what: string) {
  return (issue: AnyIssue): string => {
    if (issue.expected === 'never') return `unknown property "${lastKey(issue)}"`;
    if (issue.received === 'undefined' && issue.path?.length) {
      return `missing required property "${lastKey(issue)}"`;
    }
    return `${what} must be an object`;
  };
}

function text(field: string, max: number) {
  return v.pipe(
    v.string(`${field} must be a string`),
    v.maxLength<string, number, string>(max, `${field} is longer than ${max} characters`),
  );
}

function nonBlank(field: string, max: number) {
  return v.pipe(text(field, max), v.regex<string, string>(NON_BLANK_PATTERN, `${field} must not be empty`));
}

function id(field: string) {
  return v.pipe(
    v.string(`${field} must be a string`),
    v.maxLength(L.label, `${field} is longer than ${L.label} characters`),
    v.regex(ID_PATTERN, `${field} must match ^[a-z0-9-]+$ (lower-case letters, digits and dashes)`),
  );
}

/** The language-tag check (named so the JSON Schema generator can write it as a pattern). */
export const isLanguageTag = (tag: string): boolean => LANGUAGE_TAG_PATTERN.test(tag);

/** The source-URL check (named so the JSON Schema generator can write it as a pattern). */
export const isSourceUrl = (url: string): boolean => sourceUrlProblem(url) === undefined;

const languageTag = (field: string) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.maxLength(L.label, `${field} is longer than ${L.label} characters`),
    v.check(
      isLanguageTag,
      (issue) => `${field} ${JSON.stringify(issue.input)} is not a BCP 47 language tag (e.g. en, zh-Hans)`,
    ),
  );

function list<T extends v.GenericSchema>(field: string, item: T, max: number) {
  return v.optional(
    v.pipe(
      v.array(item, `${field} must be an array`),
      v.maxLength(max, `${field} has more than ${max} entries`),
    ),
  );
}

export const AliasSchema = v.strictObject(
  {
    text: nonBlank('alias text', L.shortText),
    lang: v.optional(languageTag('lang')),
    caseSensitive: v.optional(v.boolean('caseSensitive must be true or false')),
    exact: v.optional(v.boolean('exact must be true or false')),
    notFollowedBy: list('notFollowedBy', nonBlank('a notFollowedBy text', L.guardText), L.guardsPerAlias),
    notPrecededBy: list('notPrecededBy', nonBlank('a notPrecededBy text', L.guardText), L.guardsPerAlias),
    ignoreSegmenter: v.optional(v.boolean('ignoreSegmenter must be true or false')),
  },
  objectMessage('an alias'),
);

export const SourceSchema = v.strictObject(
  {
    title: v.optional(nonBlank('source title', L.shortText)),
    url: v.pipe(
      v.string('source URL must be a string'),
      v.maxLength(L.url, `source URL is longer than ${L.url} characters`),
      v.check(isSourceUrl, (issue) => sourceUrlProblem(issue.input as string) ?? 'invalid source URL'),
    ),
  },
  objectMessage('a source'),
);

/** One term: every field checked on its own (cross-references are checked afterwards). */
export const TermSchema = v.strictObject(
  {
    id: id('term id'),
    term: nonBlank('term', L.shortText),
    aliases: list('aliases', AliasSchema, L.aliasesPerTerm),
    definition: nonBlank('definition', L.longText),
    category: v.optional(nonBlank('category', L.label)),
    related: list('related', id('related id'), L.relatedPerTerm),
    sources: list('sources', SourceSchema, L.sourcesPerTerm),
    tags: list('tags', nonBlank('tag', L.label), L.tagsPerTerm),
    status: v.optional(v.picklist(TERM_STATUSES, `status must be one of ${TERM_STATUSES.join(', ')}`)),
    supersededBy: v.optional(id('supersededBy')),
  },
  objectMessage('a term'),
);

/**
 * The pack minus its terms (checked one by one so a hostile file cannot pile up unbounded issues).
 * Unknown top-level properties are tolerated and dropped from the output.
 */
export const PackHeaderSchema = v.object(
  {
    format: v.literal(GLOSSARY_FORMAT, `format must be "${GLOSSARY_FORMAT}"`),
    version: v.literal(
      GLOSSARY_VERSION,
      `version must be ${GLOSSARY_VERSION} (the only version this reader knows)`,
    ),
    id: id('pack id'),
    name: nonBlank('name', L.shortText),
    description: v.optional(text('description', L.longText)),
    language: v.optional(languageTag('language')),
    updated: v.optional(
      v.pipe(
        v.string('updated must be a string'),
        v.regex(DATE_PATTERN, 'updated must be a date such as 2026-11-22'),
      ),
    ),
    terms: v.pipe(
      v.array(v.unknown(), 'terms must be an array'),
      v.maxLength(
        L.terms,
        (issue) => `terms has ${issue.received} entries, more than the ${L.terms} a pack may hold`,
      ),
    ),
  },
  objectMessage('a glossary pack'),
);

/** The array-valued term fields and their limits, checked before a term is parsed. */
export const TERM_LIST_LIMITS: Readonly<Record<string, number>> = {
  aliases: L.aliasesPerTerm,
  sources: L.sourcesPerTerm,
  related: L.relatedPerTerm,
  tags: L.tagsPerTerm,
};
