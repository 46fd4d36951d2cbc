/** A validator problem in the library's language (the English it carries when it has no words). */
import browser from '../shared/browser';
import { englishValue, type ProblemValue, type ProblemWords } from '../shared/glossary/problem-words';

/** A JSON path as the reader should see it: as it is, unless the caller names the place better. */
export type PlaceNamer = (path: string) => string;

/** One value of a problem: a field in the library's language, a place, or text as it is. */
function valueText(value: ProblemValue, place: PlaceNamer): string {
  if (typeof value === 'string') return value;
  if ('path' in value) return place(value.path);
  return browser.i18n.getMessage(`glossaryField_${value.field}`) || englishValue(value);
}

/**
 * `problem` in the library's language. A problem without words (a reader's own, such as a CSV
 * column it ignores) or whose message the locale lacks reads in English.
 */
export function problemText(
  problem: { message: string; words?: ProblemWords },
  place: PlaceNamer = (path) => path,
): string {
  const { words } = problem;
  if (!words) return problem.message;
  const values = words.values.map((value) => valueText(value, place));
  return browser.i18n.getMessage(`problem_${words.key}`, values) || problem.message;
}
