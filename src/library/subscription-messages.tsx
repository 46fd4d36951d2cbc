/**
 * The announcements of subscriptions, in the importer's format: what failed, that nothing was lost,
 * and each problem located (a JSON path, a CSV line, a TBX element, or the URL when the fetch failed).
 */
import type { ImportProblem } from '../shared/messages';
import type { StatusMessage } from './use-status';

const MAX_SHOWN_PROBLEMS = 20;

/** `lead` ("Subscription failed, nothing was changed.") and the located problems of `url`. */
export function subscriptionRefusal(
  lead: string,
  url: string,
  errors: readonly ImportProblem[],
): StatusMessage {
  const shown = errors.slice(0, MAX_SHOWN_PROBLEMS).map((p) => `${p.path}: ${p.message}`);
  const more = errors.length - shown.length;
  return {
    tone: 'error',
    text: `${lead} ${url} has ${errors.length} problem${errors.length === 1 ? '' : 's'}${more > 0 ? ` (first ${shown.length} shown)` : ''}:`,
    details: shown,
  };
}

/** A moment as the reader's locale writes it, to the minute. */
export function whenText(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
