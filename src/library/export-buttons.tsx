/** The four clipping export buttons; they export exactly the clippings the list shows. */
import type { Clipping } from '../shared/clippings/model';
import type { ClippingExportKind } from '../shared/formats/clippings-export';
import { errorText } from './error-text';
import { CLIPPING_EXPORTS, downloadClippings } from './export-clippings';
import type { StatusMessage } from './use-status';

/** "1 clipping", "3 clippings". */
export function clippingCount(n: number): string {
  return `${n} clipping${n === 1 ? '' : 's'}`;
}

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
      announce({ tone: 'info', text: 'No clippings to export: none match the search and filters.' });
      return;
    }
    try {
      const file = await downloadClippings(kind, clippings, termNames);
      announce({ tone: 'ok', text: `Exported ${clippingCount(clippings.length)} to ${file}.` });
    } catch (error) {
      announce({ tone: 'error', text: `Export failed: ${errorText(error)}` });
    }
  };
  return (
    <fieldset class="exports">
      <legend class="muted">
        {narrowed ? `Export the ${clippingCount(clippings.length)} shown` : 'Export all clippings'}
      </legend>
      <div class="toolbar">
        {CLIPPING_EXPORTS.map(({ kind, label }) => (
          <button key={kind} type="button" onClick={() => void run(kind)}>
            {label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
