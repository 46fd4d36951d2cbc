/** Located problems (a JSON path, a CSV line, a TBX element, a URL) as announcements. */
import { t } from '../shared/i18n';
import type { ImportProblem } from '../shared/messages';
import { formatCount } from './locale';
import { placeText, problemText } from './problem-text';
import type { StatusMessage } from './use-status';

/** How many problems an announcement lists; it says how many there are in all. */
const MAX_SHOWN_PROBLEMS = 20;

/** Located problems as status details, at most MAX_SHOWN_PROBLEMS of them. */
export function problemLines(problems: readonly ImportProblem[]): string[] {
  return problems.slice(0, MAX_SHOWN_PROBLEMS).map((p) => `${placeText(p.path)}: ${problemText(p)}`);
}

/** `lead` ("Import failed, nothing was changed.") and the located problems of `source`. */
export function problemsRefusal(
  lead: string,
  source: string,
  errors: readonly ImportProblem[],
): StatusMessage {
  const shown = problemLines(errors);
  const more = errors.length - shown.length;
  const count = formatCount(errors.length);
  const problems =
    errors.length === 1
      ? t('library_problemsOne', source)
      : more > 0
        ? t('library_problemsFirstShown', [source, count, formatCount(shown.length)])
        : t('library_problemsOther', [source, count]);
  return { tone: 'error', text: t('library_twoSentences', [lead, problems]), details: shown };
}
