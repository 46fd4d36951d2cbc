/** How a streamed import is going, as data (the worker has no `browser.i18n`) and as the sentence announced. */
import { t } from '../shared/i18n';
import { formatNumber } from './locale';

/** One step of a streamed import. */
export type ImportProgress =
  | { step: 'reading' | 'checking'; fileName: string }
  | { step: 'sending'; packName: string; sent: number; termCount: number }
  | { step: 'previewing'; packName: string; termCount: number };

/** The announcement for `progress`, in the library's language. */
export function progressText(progress: ImportProgress): string {
  switch (progress.step) {
    case 'reading':
      return t('library_progressReading', progress.fileName);
    case 'checking':
      return t('library_progressChecking', progress.fileName);
    case 'sending':
      return t('library_progressSending', [
        progress.packName,
        formatNumber(progress.sent),
        formatNumber(progress.termCount),
      ]);
    case 'previewing':
      return t('library_progressPreviewing', [formatNumber(progress.termCount), progress.packName]);
  }
}
