/** Exports one glossary pack to a file in the reader's downloads folder, as JSON, CSV or TBX. */
import { exportGlossaryCsv } from '../shared/formats/glossary-csv';
import { exportGlossaryJson } from '../shared/formats/glossary-json';
import { exportGlossaryTbx } from '../shared/formats/glossary-tbx';
import type { GlossaryPack } from '../shared/glossary/model';
import { t } from '../shared/i18n';
import { send } from '../shared/messages';
import { saveTextFile } from './download-file';

export type GlossaryExportKind = 'json' | 'csv' | 'tbx';

/** The export buttons, in the order they are shown, with their file extensions and serializers. */
export const GLOSSARY_EXPORTS: readonly {
  kind: GlossaryExportKind;
  label: () => string;
  extension: string;
  mimeType: string;
  format: (pack: GlossaryPack) => string;
}[] = [
  {
    kind: 'json',
    label: () => t('library_exportJson'),
    extension: 'json',
    mimeType: 'application/json',
    format: exportGlossaryJson,
  },
  {
    kind: 'csv',
    label: () => t('library_exportCsv'),
    extension: 'csv',
    mimeType: 'text/csv',
    format: exportGlossaryCsv,
  },
  {
    kind: 'tbx',
    label: () => t('library_exportTbx'),
    extension: 'tbx',
    mimeType: 'application/x-tbx+xml',
    format: exportGlossaryTbx,
  },
];

/** What an export saved: the file's name and the pack's name and term count, for the announcement. */
export interface GlossaryExport {
  fileName: string;
  name: string;
  termCount: number;
}

/** Reads the whole pack `id` from the background and saves it as `<id>.<extension>`. */
export async function downloadGlossary(kind: GlossaryExportKind, id: string): Promise<GlossaryExport> {
  const entry = GLOSSARY_EXPORTS.find((e) => e.kind === kind);
  if (!entry) throw new Error(`Unknown export format: ${kind}`);
  const pack = await send({ type: 'getGlossaryPack', id });
  const fileName = `${pack.id}.${entry.extension}`;
  saveTextFile(entry.format(pack), fileName, entry.mimeType);
  return { fileName, name: pack.name, termCount: pack.terms.length };
}
