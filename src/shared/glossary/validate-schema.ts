/** The structural rules of the format as valibot schemas (no eval, so safe under extension CSP). */
import * as v from 'valibot';
import { GLOSSARY_FORMAT, GLOSSARY_VERSION } from './model';
import { type FieldKey, field, issueMessage } from './problem-words';
import {
  DATE_PATTERN,
  ID_PATTERN,
  isRealDate,
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
function objectMessage(what: FieldKey) {
  return (issue: AnyIssue): string => {
    if (issue.expected === 'never') return issueMessage('unknownProperty', lastKey(issue));
    if (issue.received === 'undefined' && issue.path?.length)
      return issueMessage('missingProperty', lastKey(issue));
    return issueMessage('notObject', field(what));
  };
}

/** The limit each {@link withinChars} check holds, for the JSON Schema generator's `maxLength`. */
const CHAR_LIMITS = new WeakMap<(text: string) => boolean, number>();

/** The `maxLength` a check made by {@link withinChars} stands for, if `requirement` is one. */
export function charLimitOf(requirement: unknown): number | undefined {
  return typeof requirement === 'function'
    ? CHAR_LIMITS.get(requirement as (text: string) => boolean)
    : undefined;
}

/**
 * At most `max` characters, counted as JSON Schema's `maxLength` counts them (code points), so a
 * file the published schema accepts is not refused here for its emoji or rare CJK characters,
 * which are two UTF-16 units each.
 */
function withinChars(max: number): (text: string) => boolean {
  const within = (text: string): boolean => {
    if (text.length <= max) return true;
    if (text.length > 2 * max) return false;
    let chars = 0;
    for (const _ of text) if (++chars > max) return false;
    return true;
  };
  CHAR_LIMITS.set(within, max);
  return within;
}

function text(name: FieldKey, max: number) {
  return v.pipe(
    v.string(issueMessage('notString', field(name))),
    v.check<string, string>(withinChars(max), issueMessage('tooLong', field(name), String(max))),
  );
}

function nonBlank(name: FieldKey, max: number) {
  return v.pipe(
    text(name, max),
    v.regex<string, string>(NON_BLANK_PATTERN, issueMessage('blank', field(name))),
  );
}

function id(name: FieldKey) {
  return v.pipe(
    v.string(issueMessage('notString', field(name))),
    v.maxLength(L.label, issueMessage('tooLong', field(name), String(L.label))),
    v.regex(ID_PATTERN, issueMessage('badId', field(name))),
  );
}

/** The language-tag check (named so the JSON Schema generator can write it as a pattern). */
export const isLanguageTag = (tag: string): boolean => LANGUAGE_TAG_PATTERN.test(tag);

/**
 * The date check after the pattern: a value the pattern refused is left to its message alone (named
 * so the JSON Schema generator can leave it out: a schema cannot say which days exist).
 */
export const isExistingDate = (value: string): boolean => !DATE_PATTERN.test(value) || isRealDate(value);

/** The source-URL check (named so the JSON Schema generator can write it as a pattern). */
export const isSourceUrl = (url: string): boolean => sourceUrlProblem(url) === undefined;

const languageTag = (name: FieldKey) =>
  v.pipe(
    v.string(issueMessage('notString', field(name))),
    v.maxLength(L.label, issueMessage('tooLong', field(name), String(L.label))),
    v.check(isLanguageTag, (issue) =>
      issueMessage('badLanguageTag', field(name), JSON.stringify(issue.input)),
    ),
  );

function list<T extends v.GenericSchema>(name: FieldKey, item: T, max: number) {
  return v.optional(
    v.pipe(
      v.array(item, issueMessage('notArray', field(name))),
      v.maxLength(max, issueMessage('tooManyEntries', field(name), String(max))),
    ),
  );
}

const flag = (name: FieldKey) => v.optional(v.boolean(issueMessage('notBoolean', field(name))));

export const AliasSchema = v.strictObject(
  {
    text: nonBlank('aliasText', L.shortText),
    lang: v.optional(languageTag('lang')),
    caseSensitive: flag('caseSensitive'),
    exact: flag('exact'),
    notFollowedBy: list('notFollowedBy', nonBlank('notFollowedByText', L.guardText), L.guardsPerAlias),
    notPrecededBy: list('notPrecededBy', nonBlank('notPrecededByText', L.guardText), L.guardsPerAlias),
    ignoreSegmenter: flag('ignoreSegmenter'),
  },
  objectMessage('alias'),
);

export const SourceSchema = v.strictObject(
  {
    title: v.optional(nonBlank('sourceTitle', L.shortText)),
    url: v.pipe(
      v.string(issueMessage('notString', field('sourceUrl'))),
      v.maxLength(L.url, issueMessage('tooLong', field('sourceUrl'), String(L.url))),
      v.check(isSourceUrl, (issue) => {
        const problem = sourceUrlProblem(issue.input as string) ?? { key: 'urlUnparsable', values: [] };
        return issueMessage(problem.key, ...problem.values);
      }),
    ),
  },
  objectMessage('source'),
);

/** One term: every field checked on its own (cross-references are checked afterwards). */
export const TermSchema = v.strictObject(
  {
    id: id('termId'),
    term: nonBlank('termName', L.shortText),
    aliases: list('aliases', AliasSchema, L.aliasesPerTerm),
    definition: nonBlank('definition', L.longText),
    category: v.optional(nonBlank('category', L.label)),
    related: list('related', id('relatedId'), L.relatedPerTerm),
    sources: list('sources', SourceSchema, L.sourcesPerTerm),
    tags: list('tags', nonBlank('tag', L.label), L.tagsPerTerm),
    status: v.optional(v.picklist(TERM_STATUSES, issueMessage('badStatus', TERM_STATUSES.join(', ')))),
    supersededBy: v.optional(id('supersededBy')),
  },
  objectMessage('term'),
);

/**
 * The pack minus its terms (checked one by one so a hostile file cannot pile up unbounded issues).
 * Unknown top-level properties are tolerated and dropped from the output.
 */
export const PackHeaderSchema = v.object(
  {
    format: v.literal(GLOSSARY_FORMAT, issueMessage('badFormat', GLOSSARY_FORMAT)),
    version: v.literal(GLOSSARY_VERSION, issueMessage('badVersion', String(GLOSSARY_VERSION))),
    id: id('packId'),
    name: nonBlank('name', L.shortText),
    description: v.optional(text('description', L.longText)),
    language: v.optional(languageTag('language')),
    updated: v.optional(
      v.pipe(
        v.string(issueMessage('notString', 'updated')),
        v.regex(DATE_PATTERN, issueMessage('badDate')),
        v.check(isExistingDate, issueMessage('badDate')),
      ),
    ),
    terms: v.pipe(
      v.array(v.unknown(), issueMessage('notArray', 'terms')),
      v.maxLength(L.terms, (issue) => issueMessage('tooManyTerms', issue.received, String(L.terms))),
    ),
  },
  objectMessage('pack'),
);

/** The array-valued term fields and their limits, checked before a term is parsed. */
export const TERM_LIST_LIMITS: Readonly<Record<string, number>> = {
  aliases: L.aliasesPerTerm,
  sources: L.sourcesPerTerm,
  related: L.relatedPerTerm,
  tags: L.tagsPerTerm,
};
