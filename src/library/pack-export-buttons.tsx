/** A pack's "Export JSON", "Export CSV" and "Export TBX" buttons, grouped under the pack's name. */
import { t } from '../shared/i18n';
import type { GlossarySummary } from '../shared/messages';
import { errorText } from './error-text';
import { downloadGlossary, GLOSSARY_EXPORTS, type GlossaryExportKind } from './export-glossary';
import { termCount } from './term-count';
import type { StatusMessage } from './use-status';

/** Saves the pack in the chosen format and announces the file name or the error. */
export function PackExportButtons(props: {
  pack: GlossarySummary;
  announce: (status: StatusMessage) => void;
}) {
  const { pack, announce } = props;
  const run = async (kind: GlossaryExportKind) => {
    try {
      const saved = await downloadGlossary(kind, pack.id);
      announce({
        tone: 'ok',
        text: t('library_exportedGlossary', [saved.name, termCount(saved.termCount), saved.fileName]),
      });
    } catch (error) {
      announce({ tone: 'error', text: t('library_exportGlossaryFailed', [pack.name, errorText(error)]) });
    }
  };
  return (
    <fieldset aria-label={t('library_exportPack', pack.name)} class="pack-exports">
      {GLOSSARY_EXPORTS.map(({ kind, label }) => (
        <button key={kind} type="button" onClick={() => void run(kind)}>
          {label()}
        </button>
      ))}
    </fieldset>
  );
}
