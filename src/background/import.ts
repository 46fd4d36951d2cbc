/** Turns an imported file into a validated pack, or into located errors; writes nothing itself. */
import type { GlossaryPack } from '../shared/glossary/model';
import { validatePack } from '../shared/glossary/validate';
import type { ImportProblem } from '../shared/messages';

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
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `Not valid JSON: ${jsonErrorWhere(error, text)}` }] };
  }
  const result = validatePack(data);
  return result.ok
    ? { ok: true, pack: result.pack, warnings: result.warnings }
    : { ok: false, errors: result.errors };
}

/** Rewrites V8's "at position N" into a line and column a person can find. */
function jsonErrorWhere(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}
