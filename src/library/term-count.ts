/** Counted nouns, each language's grammar in its own message ("1 term", "3 terms"). */
import { t } from '../shared/i18n';
import { formatCount } from './locale';

/** "1 term", "3 terms". */
export function termCount(n: number): string {
  return n === 1 ? t('library_termCountOne') : t('library_termCountOther', formatCount(n));
}

/** "1 clipping", "3 clippings". */
export function clippingCount(n: number): string {
  return n === 1 ? t('library_clippingCountOne') : t('library_clippingCountOther', formatCount(n));
}
