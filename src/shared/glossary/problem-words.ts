/**
 * What Termlight says of a problem with a glossary (the validator, the file readers, the
 * background's refusals of an import or a subscription), as a message key and its values as well
 * as in English. The CLI and logs print the English; the library writes the same problem in the
 * reader's language (`problem_<key>` and `glossaryField_<field>` in static/_locales, which a unit
 * test keeps in step with the English here).
 */

/** The fields and objects the problems name, in English. */
export const FIELD_NAMES = {
  pack: 'a glossary pack',
  term: 'a term',
  alias: 'an alias',
  source: 'a source',
  packId: 'pack id',
  name: 'name',
  description: 'description',
  language: 'language',
  termId: 'term id',
  termName: 'term',
  aliases: 'aliases',
  aliasText: 'alias text',
  lang: 'lang',
  caseSensitive: 'caseSensitive',
  exact: 'exact',
  notFollowedBy: 'notFollowedBy',
  notFollowedByText: 'a notFollowedBy text',
  notPrecededBy: 'notPrecededBy',
  notPrecededByText: 'a notPrecededBy text',
  ignoreSegmenter: 'ignoreSegmenter',
  definition: 'definition',
  category: 'category',
  related: 'related',
  relatedId: 'related id',
  sources: 'sources',
  sourceTitle: 'source title',
  sourceUrl: 'source URL',
  tags: 'tags',
  tag: 'tag',
  supersededBy: 'supersededBy',
} as const;

export type FieldKey = keyof typeof FIELD_NAMES;

/** Each problem in English; `$1`, `$2`… stand for its values, as in a messages.json placeholder. */
export const PROBLEM_TEMPLATES = {
  packNotObject: 'a glossary pack must be a JSON object',
  notObject: '$1 must be an object',
  unknownProperty: 'unknown property "$1"',
  unknownTopLevel: 'unknown property "$1" is ignored',
  missingProperty: 'missing required property "$1"',
  notString: '$1 must be a string',
  notArray: '$1 must be an array',
  notBoolean: '$1 must be true or false',
  tooLong: '$1 is longer than $2 characters',
  tooManyEntries: '$1 has more than $2 entries',
  tooManyTerms: 'terms has $1 entries, more than the $2 a pack may hold',
  blank: '$1 must not be empty',
  badId: '$1 must match ^[a-z0-9-]+$ (lower-case letters, digits and dashes)',
  badLanguageTag: '$1 $2 is not a BCP 47 language tag (e.g. en, zh-Hans)',
  badStatus: 'status must be one of $1',
  badFormat: 'format must be "$1"',
  badVersion: 'version must be $1 (the only version this reader knows)',
  badDate: 'updated must be a date such as 2026-11-22',
  urlScheme: 'source URL must use http: or https:, not $1:',
  urlNotAbsolute: 'source URL must be an absolute http: or https: URL',
  urlUnparsable: 'source URL does not parse as a URL',
  homePageSource: "source URL $1 is a site's home page; cite the page that supports the term",
  duplicateId: 'duplicate term id "$1" (first used at $2)',
  unknownRelated: 'related id "$1" does not match any term in this pack',
  selfRelated: 'a term lists itself as related',
  repeatedRelated: 'related id "$1" is listed twice',
  supersededWithoutSuccessor: 'a superseded term must name its successor in supersededBy',
  supersededByWithoutStatus: 'supersededBy is only allowed when status is "superseded"',
  supersededBySelf: 'a term cannot be superseded by itself',
  unknownSuccessor: 'supersededBy id "$1" does not match any term in this pack',
  supersessionCycle: 'supersededBy forms a cycle: $1',
  formRepeats: 'surface form "$1" repeats "$2" at $3',
  formClaimed: 'surface form "$1" is also claimed by term "$2" ("$3" at $4)',
  moreErrors: 'more errors not shown (stopped after $1)',
  moreWarnings: '… and $1 more warnings',
  // The file readers' own problems (src/shared/formats).
  notUtf8: 'not UTF-8 text: save the file as UTF-8 (a spreadsheet calls it "CSV UTF-8")',
  badEncoding: 'not valid $1 text',
  unknownEncoding: 'the encoding "$1" that the XML declaration names is not one Termlight reads',
  unsupportedFileType:
    'Unsupported file type ".$1": import a termlight-glossary .json file, a glossary .csv file or a .tbx file',
  fileTooLong: 'the file has more than $1 characters',
  notJson: 'Not valid JSON: $1 at line $2, column $3',
  notJsonUnlocated: 'Not valid JSON: $1',
  jsonExpectedAtEnd: 'expected "$1" but the file ended',
  jsonExpected: 'expected "$1"',
  jsonControlCharacter: 'control character inside a string',
  jsonBadUnicodeEscape: 'bad \\u escape',
  jsonBadEscape: 'bad escape',
  jsonEndedBeforeValue: 'the file ended where a value was expected',
  jsonUnexpectedCharacter: 'unexpected character',
  jsonTextAfterValue: 'unexpected text after the end of the JSON value',
  csvQuoting: 'malformed quoting: $1',
  csvEmpty: 'the file is empty: expected a header row such as $1',
  csvUnknownColumn: 'unknown column is ignored',
  csvRepeatedColumn: 'the column "$1" appears twice',
  csvMissingColumn: 'missing column "$1" (the header needs at least $2 and $3)',
  csvCellCount:
    '$1 cells where the header has $2 (a cell with a comma or a line break must be in double quotes)',
  xmlEntity:
    'an entity other than the five of XML (&amp; &lt; &gt; &quot; &apos;) or a character reference is not accepted',
  xmlMalformed: 'not well-formed XML: $1',
  xmlDtd: 'DTDs are not accepted: this DOCTYPE declares its own entities or elements',
  xmlTooDeep: 'elements are nested more than $1 deep',
  tbxRoot: 'not a TBX file: the root element is <$1>, not <tbx> or <martif>',
  tbxTooManyEntries: 'more than $1 concept entries (the most a pack may hold)',
  tbxNotALink: 'left out: "$1" is not an http(s) link',
  tbxExtraDefinition: 'left out: another definition (a term keeps the first one)',
  tbxStatusWithoutSuccessor: '"$1" without a cross reference to its successor: imported without a status',
  tbxUnknownReference: 'left out: the cross reference "$1" matches no entry in this file',
  // The background's refusals of an import or a subscription (src/background).
  packIdExists: 'A glossary with the id "$1" exists ("$2"): review the changes and confirm to replace it',
  subscribeHttpOnly: 'Only http and https URLs can be subscribed to',
  subscriptionIdTaken: 'A glossary with the id "$1" is already in the library ("$2")',
  subscriptionIdChanged: 'The file now holds the glossary "$1", not "$2"',
  notSubscribed: 'Not a subscribed glossary',
  serverAnswered: 'The server answered $1',
  serverTimedOut: 'The server sent no complete answer within $1 seconds',
  subscriptionTooLong: 'The file is $1 bytes long; the limit is $2',
  noContent: 'No content',
} as const;

export type ProblemKey = keyof typeof PROBLEM_TEMPLATES;

/** A value of a problem: text as it is, a field (named in the reader's language), or a place. */
export type PlainValue = string | { field: FieldKey } | { path: string };

/**
 * A value of a problem, or the words of another problem that this one wraps (one level deep, so
 * the type is not recursive: Dexie's key paths of a stored row must not be).
 */
export type ProblemValue = PlainValue | { words: PlainWords };

/** The words of a problem whose values are all plain (one that another may wrap). */
export interface PlainWords {
  key: ProblemKey;
  values: PlainValue[];
}

export interface ProblemWords {
  key: ProblemKey;
  values: ProblemValue[];
}

/** A problem's words and its English. */
export interface Said {
  message: string;
  words: ProblemWords;
}

/** `template` with `$1`, `$2`… replaced by `values`. */
export function fillTemplate(template: string, values: readonly string[]): string {
  return template.replace(/\$(\d)/g, (whole, n: string) => values[Number(n) - 1] ?? whole);
}

/** The English of a value. */
export function englishValue(value: ProblemValue): string {
  if (typeof value === 'string') return value;
  if ('words' in value) return english(value.words);
  return 'field' in value ? FIELD_NAMES[value.field] : value.path;
}

/** The English of `words`. */
export function english(words: ProblemWords): string {
  return fillTemplate(PROBLEM_TEMPLATES[words.key], words.values.map(englishValue));
}

/** A problem: its words, and their English. */
export function say(key: ProblemKey, ...values: ProblemValue[]): Said {
  const words = { key, values };
  return { message: english(words), words };
}

/** Shorthands for the values. */
export const field = (key: FieldKey): ProblemValue => ({ field: key });
export const at = (path: string): ProblemValue => ({ path });

/**
 * Valibot takes a message as a string: the words go inside one, behind a mark no English message
 * starts with, and {@link readIssueMessage} takes them out again.
 */
const WORDS_MARK = '\u0000';

export function issueMessage(key: ProblemKey, ...values: ProblemValue[]): string {
  return WORDS_MARK + JSON.stringify({ key, values });
}

/** A valibot issue's message as a problem's English and words (valibot's own messages have none). */
export function readIssueMessage(message: string): { message: string; words?: ProblemWords } {
  if (!message.startsWith(WORDS_MARK)) return { message };
  const words = JSON.parse(message.slice(WORDS_MARK.length)) as ProblemWords;
  return { message: english(words), words };
}

/** An error that says what went wrong in words, for a caller that reports it as a problem. */
export class ProblemError extends Error {
  constructor(readonly said: Said) {
    super(said.message);
  }
}
