/** Turns an imported file into a validated pack, or into located errors; writes nothing itself. */

import { validatePack } from '../glossary/validate';
import { parseGlossaryCsv } from './glossary-csv';
import type { ParsedImport } from './glossary-import';
import { hasTbxRoot, parseGlossaryTbx } from './glossary-tbx';
import { locateJsonError } from './json-syntax';

export type { ParsedImport } from './glossary-import';

function parseGlossaryJson(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const where = locateJsonError(text);
    const message = where
      ? `Not valid JSON: ${where.message} at line ${where.line}, column ${where.column}`
      : `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, errors: [{ path: '$', message }] };
  }
  const result = validatePack(data);
  return result.ok
    ? { ok: true, pack: result.pack, warnings: result.warnings }
    : { ok: false, errors: result.errors };
}

/**
 * Parses and validates the whole file before anything is written; the format comes from the
 * extension (any case): `.json`, `.csv`, `.tbx`, or `.xml` holding TBX.
 */
export function parseGlossaryFile(fileName: string, text: string): ParsedImport {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const clean = text.replace(/^\uFEFF/, '');
  if (extension === 'json') return parseGlossaryJson(clean);
  if (extension === 'csv') return parseGlossaryCsv(clean, fileName);
  if (extension === 'tbx' || (extension === 'xml' && hasTbxRoot(clean)))
    return parseGlossaryTbx(clean, fileName);
  return {
    ok: false,
    errors: [
      {
        path: fileName,
        message: `Unsupported file type ".${extension}": import a termlight-glossary .json file, a glossary .csv file or a .tbx file`,
      },
    ],
  };
}
