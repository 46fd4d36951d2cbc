/** Turns an imported file into a validated pack, or into located errors; writes nothing itself. */

import type { GlossaryPack } from '../glossary/model';
import { validatePack } from '../glossary/validate';
import type { ImportProblem } from '../messages';
import { locateJsonError } from './json-syntax';

export type ParsedImport =
  | { ok: true; pack: GlossaryPack; warnings: ImportProblem[] }
  | { ok: false; errors: ImportProblem[] };

/** Parses and validates the whole file before anything is written. */
export function parseGlossaryFile(fileName: string, text: string): ParsedImport {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (extension !== 'json') {
    return {
      ok: false,
      errors: [
        {
          path: fileName,
          message: `Unsupported file type ".${extension}": import a termlight-glossary .json file`,
        },
      ],
    };
  }
  const clean = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(clean);
  } catch (error) {
    const where = locateJsonError(clean);
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
