/** Turns an imported file into a validated pack, or into located errors; writes nothing itself. */

import { say } from '../glossary/problem-words';
import { validatePack } from '../glossary/validate';
import { parseGlossaryCsv } from './glossary-csv';
import type { ParsedImport } from './glossary-import';
import { parseGlossaryTbx } from './glossary-tbx';
import { locateJsonError } from './json-syntax';

export type { ParsedImport } from './glossary-import';

function parseGlossaryJson(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const where = locateJsonError(text);
    const said = where
      ? say('notJson', { words: where.words }, String(where.line), String(where.column))
      : say('notJsonUnlocated', error instanceof Error ? error.message : String(error));
    return { ok: false, errors: [{ path: '$', ...said }] };
  }
  const result = validatePack(data);
  return result.ok
    ? { ok: true, pack: result.pack, warnings: result.warnings }
    : { ok: false, errors: result.errors };
}

/**
 * Parses and validates the whole file before anything is written; the format comes from the
 * extension (any case): `.json`, `.csv`, or TBX in a `.tbx` or `.xml` file. A `.xml` file that is
 * not TBX gets the TBX reader's located answer (not well-formed at line…, or the root it has
 * instead), which says more than "unsupported".
 */
export function parseGlossaryFile(fileName: string, text: string): ParsedImport {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const clean = text.replace(/^\uFEFF/, '');
  if (extension === 'json') return parseGlossaryJson(clean);
  if (extension === 'csv') return parseGlossaryCsv(clean, fileName);
  if (extension === 'tbx' || extension === 'xml') return parseGlossaryTbx(clean, fileName);
  return {
    ok: false,
    errors: [{ path: fileName, ...say('unsupportedFileType', extension) }],
  };
}
