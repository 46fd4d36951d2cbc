/**
 * The library's language: the locale its messages were read in, for the page's `lang`, its title,
 * and every date and number it writes.
 */
import { t, uiLocale } from '../shared/i18n';

/** A count as the locale writes its digits, never grouped: "60000 terms" is what English readers (and tests) see. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(uiLocale(), { useGrouping: false }).format(n);
}

/** A large number with the locale's grouping ("40,000"), for progress over many terms. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLocale()).format(n);
}

/** A moment to the minute, as the locale writes it. */
export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** Sets the document's `lang` and title to the library's language, before the first render. */
export function applyDocumentLanguage(doc: Document): void {
  doc.documentElement.lang = uiLocale();
  doc.title = t('library_title');
}
