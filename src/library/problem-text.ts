/** A glossary problem in the library's language (the English it carries when it has no words). */
import browser from '../shared/browser';
import { englishValue, type ProblemValue, type ProblemWords } from '../shared/glossary/problem-words';

/** A JSON path as the reader should see it: as it is, unless the caller names the place better. */
export type PlaceNamer = (path: string) => string;

/**
 * The places the file readers write (glossary-csv.ts, glossary-tbx.ts): `line 3`, `line 3, column
 * 7`, `line 3, column "term"`, `line 12, <conceptEntry id="c1">/<term>`. Each is made in one of
 * these shapes alone, so reading them back is safe; anything else (a JSON path, a file name)
 * stays as it is.
 */
const FILE_PLACE = /^line (\d+)(?:, column (\d+)|, column "(.*)"|, (<.*))?$/s;

/** `place` (a problem's path, or a place a message names) in the library's language. */
export function placeText(place: string): string {
  const match = FILE_PLACE.exec(place);
  if (!match) return place;
  const [, line = '', column, named, element] = match;
  const text =
    column !== undefined
      ? browser.i18n.getMessage('library_atLineColumn', [line, column])
      : named !== undefined
        ? browser.i18n.getMessage('library_atLineNamedColumn', [line, named])
        : element !== undefined
          ? browser.i18n.getMessage('library_atLineElement', [line, element])
          : browser.i18n.getMessage('library_atLine', line);
  return text || place;
}

/** One value of a problem: a field in the library's language, a place, a problem, or text as it is. */
function valueText(value: ProblemValue, place: PlaceNamer): string {
  if (typeof value === 'string') return value;
  if ('path' in value) return place(value.path);
  if ('words' in value) return wordsText(value.words, place) ?? englishValue(value);
  return browser.i18n.getMessage(`glossaryField_${value.field}`) || englishValue(value);
}

function wordsText(words: ProblemWords, place: PlaceNamer): string | undefined {
  const values = words.values.map((value) => valueText(value, place));
  return browser.i18n.getMessage(`problem_${words.key}`, values) || undefined;
}

/**
 * `problem` in the library's language. A problem without words, or whose message the locale
 * lacks, reads in English. Places it names read as `place` says (by default, file places in the
 * library's language and JSON paths as they are).
 */
export function problemText(
  problem: { message: string; words?: ProblemWords },
  place: PlaceNamer = placeText,
): string {
  return (problem.words && wordsText(problem.words, place)) ?? problem.message;
}
