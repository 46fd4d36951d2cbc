/** Reads one glossary file the way the importer does, printing its errors and warnings. */
import { readFile } from 'node:fs/promises';
import { decodeGlossaryFile } from '../shared/formats/decode-text';
import { parseGlossaryFile } from '../shared/formats/glossary-file';
import type { GlossaryPack } from '../shared/glossary/model';
import type { CliIo } from './command';
import { formatFromName, type GlossaryFormat } from './formats';

/**
 * The name the importer is given: the file's own, unless a flag chose another format than its
 * extension, when the extension is swapped (`terms.txt` read as CSV is `terms.csv`), so the pack
 * id the CSV and TBX readers take from the file name stays the same.
 */
function importName(file: string, format: GlossaryFormat): string {
  if (formatFromName(file) === format) return file;
  return /\.[^./\\]*$/.test(file) ? file.replace(/\.[^./\\]*$/, `.${format}`) : `${file}.${format}`;
}

/**
 * The validated pack in `file`, or undefined after printing why not: the file cannot be read, or
 * each problem as `file: place: reason`, the place being a JSON path, a CSV line and column, or a
 * TBX element, as the importer names it. Warnings are printed as `file: warning: place: reason`.
 */
export async function readPack(
  file: string,
  format: GlossaryFormat,
  io: CliIo,
): Promise<GlossaryPack | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    io.err(`${file}: cannot read: ${(error as Error).message}`);
    return undefined;
  }
  const name = importName(file, format);
  // A problem with the whole file is placed at the file name, which the prefix already says.
  const place = (path: string) => (path === name ? '' : `${path}: `);
  const decoded = decodeGlossaryFile(bytes, name);
  const result = decoded.ok ? parseGlossaryFile(name, decoded.text) : decoded;
  if (!result.ok) {
    for (const error of result.errors) io.err(`${file}: ${place(error.path)}${error.message}`);
    return undefined;
  }
  for (const warning of result.warnings) io.err(`${file}: warning: ${place(warning.path)}${warning.message}`);
  return result.pack;
}
