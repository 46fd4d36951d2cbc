/** The "Import glossary" file input: the background validates the whole file before writing any of it. */
import { send } from '../shared/messages';
import type { StatusMessage } from './use-status';

const MAX_SHOWN_ERRORS = 20;

/** Reads a chosen file, asks the background to import it, and reports the outcome. */
export function ImportGlossary({ onDone }: { onDone: (status: StatusMessage) => void }) {
  const onChange = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    onDone({ tone: 'info', text: `Importing ${file.name}…` });
    try {
      const text = await file.text();
      const result = await send({ type: 'importGlossary', fileName: file.name, text });
      if (result.ok) {
        const verb = result.replaced ? 'replaced' : 'imported';
        onDone({
          tone: 'ok',
          text: `Glossary "${result.name}" ${verb}: ${result.termCount} terms imported.`,
        });
      } else {
        const shown = result.errors.slice(0, MAX_SHOWN_ERRORS).map((e) => `${e.path}: ${e.message}`);
        const more = result.errors.length - shown.length;
        onDone({
          tone: 'error',
          text: `Import failed, nothing was changed. ${file.name} has ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}${more > 0 ? ` (first ${shown.length} shown)` : ''}:`,
          details: shown,
        });
      }
    } catch (error) {
      onDone({
        tone: 'error',
        text: `Import failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      input.value = '';
    }
  };
  return (
    <label class="file-button button">
      Import glossary
      <input type="file" accept=".json,.csv,.tbx" aria-label="Import glossary" onChange={onChange} />
    </label>
  );
}
