/** The glossary file formats the CLI reads and writes, told apart by extension or by a flag. */
import { exportGlossaryCsv } from '../shared/formats/glossary-csv';
import { exportGlossaryJson } from '../shared/formats/glossary-json';
import { exportGlossaryTbx } from '../shared/formats/glossary-tbx';
import type { GlossaryPack } from '../shared/glossary/model';

export const GLOSSARY_FORMATS = ['json', 'csv', 'tbx'] as const;
export type GlossaryFormat = (typeof GLOSSARY_FORMATS)[number];

const SERIALIZERS: Record<GlossaryFormat, (pack: GlossaryPack) => string> = {
  json: exportGlossaryJson,
  csv: exportGlossaryCsv,
  tbx: exportGlossaryTbx,
};

/** The file's extension, lower-cased, without the dot; '' when it has none. */
function extensionOf(file: string): string {
  return /\.([^./\\]*)$/.exec(file)?.[1]?.toLowerCase() ?? '';
}

function isFormat(value: string): value is GlossaryFormat {
  return (GLOSSARY_FORMATS as readonly string[]).includes(value);
}

/** The format a file's extension names; `.xml` is read as TBX, as the importer does. */
export function formatFromName(file: string): GlossaryFormat | undefined {
  const extension = extensionOf(file);
  if (extension === 'xml') return 'tbx';
  return isFormat(extension) ? extension : undefined;
}

/** A file's format: `flag` (a `--format`, `--from` or `--to` value) when given, else its extension. */
export function resolveFormat(
  file: string,
  flag: string | boolean | undefined,
  flagName: string,
): { ok: true; format: GlossaryFormat } | { ok: false; error: string } {
  if (typeof flag === 'string') {
    const format = flag.toLowerCase();
    if (isFormat(format)) return { ok: true, format };
    return { ok: false, error: `--${flagName} must be one of ${GLOSSARY_FORMATS.join(', ')}, not "${flag}"` };
  }
  const format = formatFromName(file);
  if (format) return { ok: true, format };
  return {
    ok: false,
    error: `cannot tell the format of "${file}" from its extension: name it .json, .csv or .tbx, or pass --${flagName}`,
  };
}

/** The pack as the text of a file in `format`, as the library's export writes it. */
export function serializePack(pack: GlossaryPack, format: GlossaryFormat): string {
  return SERIALIZERS[format](pack);
}
