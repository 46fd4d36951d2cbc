/** Located problems (a JSON path, a CSV line, a TBX element, a URL) as announcements. */
import type { ImportProblem } from '../shared/messages';
import type { StatusMessage } from './use-status';

/** How many problems an announcement lists; it says how many there are in all. */
const MAX_SHOWN_PROBLEMS = 20;

/** Located problems as status details, at most MAX_SHOWN_PROBLEMS of them. */
export function problemLines(problems: readonly ImportProblem[]): string[] {
  return problems.slice(0, MAX_SHOWN_PROBLEMS).map((p) => `${p.path}: ${p.message}`);
}

/** `lead` ("Import failed, nothing was changed.") and the located problems of `source`. */
export function problemsRefusal(
  lead: string,
  source: string,
  errors: readonly ImportProblem[],
): StatusMessage {
  const shown = problemLines(errors);
  const more = errors.length - shown.length;
  return {
    tone: 'error',
    text: `${lead} ${source} has ${errors.length} problem${errors.length === 1 ? '' : 's'}${more > 0 ? ` (first ${shown.length} shown)` : ''}:`,
    details: shown,
  };
}
