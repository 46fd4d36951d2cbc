/** The "Import glossary" file input: hands the chosen file to the import flow (use-glossary-import.ts). */
import type { Ref } from 'preact';
import { t } from '../shared/i18n';

/**
 * The file types the importer reads (`parseGlossaryFile`), as the input's `accept`: DESIGN's three,
 * and `.xml`, which several termbase tools give their TBX files.
 */
const GLOSSARY_FILE_TYPES = '.json,.csv,.tbx,.xml';

/** The file input, styled as a button; each choice is handed to `onFile` and the input cleared. */
export function ImportGlossary(props: { onFile: (file: File) => void; inputRef?: Ref<HTMLInputElement> }) {
  const { onFile, inputRef } = props;
  const onChange = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (file) onFile(file);
  };
  return (
    <label class="file-button button">
      {t('library_importGlossary')}
      <input
        type="file"
        accept={GLOSSARY_FILE_TYPES}
        aria-label={t('library_importGlossary')}
        ref={inputRef}
        onChange={onChange}
      />
    </label>
  );
}
