/** The four clipping export buttons; they export exactly the clippings the list shows. */
import type { Clipping } from '../shared/clippings/model';
import type { ClippingExportKind } from '../shared/formats/clippings-export';
import { t } from '../shared/i18n';
import { errorText } from './error-text';
import { CLIPPING_EXPORTS, downloadClippings } from './export-clippings';
import { clippingCount } from './term-count';
import type { StatusMessage } from './use-status';

/** Saves `clippings` in the chosen format and announces the file name or the error. */
export function ExportButtons(props: {
  clippings: readonly Clipping[];
  termNames: Readonly<Record<string, string>>;
  narrowed: boolean;
  announce: (status: StatusMessage) => void;
}) {
  const { clippings, termNames, narrowed, announce } = props;
  const run = async (kind: ClippingExportKind) => {
    if (clippings.length === 0) {
      announce({
        tone: 'info',
        text: narrowed ? t('library_exportNoneMatch') : t('library_exportNoClippings'),
      });
      return;
    }
    try {
      const file = await downloadClippings(kind, clippings, termNames);
      announce({ tone: 'ok', text: t('library_exportedClippings', [clippingCount(clippings.length), file]) });
    } catch (error) {
      announce({ tone: 'error', text: t('library_exportFailed', errorText(error)) });
    }
  };
  return (
    <fieldset class="exports">
      <legend class="muted">
        {narrowed ? t('library_exportShown', clippingCount(clippings.length)) : t('library_exportAll')}
      </legend>
      <div class="toolbar">
        {CLIPPING_EXPORTS.map(({ kind, label }) => (
          <button key={kind} type="button" onClick={() => void run(kind)}>
            {label()}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
