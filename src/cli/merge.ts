/** `termlight merge`: what importing one pack over another would change, and optionally their union. */

import { type MergeReport, mergeReport } from '../shared/glossary/merge-report';
import type { GlossaryPack } from '../shared/glossary/model';
import { validatePack } from '../shared/glossary/validate';
import { type CliIo, type Command, EXIT, usageError } from './command';
import { count } from './count';
import { type GlossaryFormat, resolveFormat } from './formats';
import { readPack } from './read-pack';
import { PACK_DETAILS, unionPacks } from './union-packs';
import { writePack } from './write-pack';

/** The library's merge report as text: a count line, then `+`, `~` and `-` lines of term ids. */
function printReport(
  io: CliIo,
  files: { current: string; incoming: string },
  packs: { current: GlossaryPack; incoming: GlossaryPack },
  report: MergeReport,
): void {
  const { current, incoming } = packs;
  const changedDetails = PACK_DETAILS.filter((key) => (current[key] ?? '') !== (incoming[key] ?? ''));
  const details = report.packChanged
    ? `pack details changed (${changedDetails.join(', ')})`
    : 'pack details unchanged';
  io.out(
    `${files.current} → ${files.incoming}: ${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed; ${details}`,
  );
  for (const id of report.added) io.out(`+ ${id}`);
  for (const id of report.changed) io.out(`~ ${id}`);
  for (const id of report.removed) io.out(`- ${id}`);
  if (current.id !== incoming.id) {
    io.err(
      `note: the packs' ids differ (${current.id}, ${incoming.id}): importing ${files.incoming} would add a pack, not replace ${current.id}`,
    );
  }
}

/** Writes the union of the two packs, validated as a whole first; the exit code. */
async function writeUnion(
  command: Command,
  io: CliIo,
  out: { file: string; format: GlossaryFormat; force: boolean },
  packs: { current: GlossaryPack; incoming: GlossaryPack; incomingFormat: GlossaryFormat },
  keptCount: number,
): Promise<number> {
  const union = unionPacks(packs.current, packs.incoming, packs.incomingFormat === 'csv');
  const result = validatePack(union);
  if (!result.ok) {
    for (const error of result.errors) io.err(`${out.file}: ${error.path}: ${error.message}`);
    return EXIT.invalid;
  }
  const written = await writePack(out.file, result.pack, out.format, out.force, io);
  if (written === 'exists')
    return usageError(io, command, `${out.file} exists; pass --force to overwrite it`);
  if (written === 'failed') return EXIT.invalid;
  io.out(
    `${out.file}: wrote "${result.pack.name}" (${count(result.pack.terms.length, 'term')}): the incoming pack and the ${count(keptCount, 'term')} only the current one has`,
  );
  if (result.warnings.length > 0) {
    io.err(
      `${out.file}: ${count(result.warnings.length, 'warning')}; "termlight validate ${out.file}" lists them`,
    );
  }
  return EXIT.ok;
}

/** Prints the report of importing `<incoming>` over `<current>`; with `--out`, writes their union. */
export const mergeCommand: Command = {
  name: 'merge',
  synopsis: '[--format json|csv|tbx] [--out <file> [--to json|csv|tbx] [--force]] <current> <incoming>',
  summary: 'report the terms an import would add, change and remove; --out writes the union',
  help: `Prints what importing <incoming> over <current> changes, as the library's merge
report shows it: a line of counts and whether the pack's details (name,
description, language, date) change, then one line per term id:
  + id   added (only <incoming> has it)
  ~ id   changed
  - id   removed (only <current> has it)

With --out, writes the two packs merged: every term of <current>, those <incoming>
also has replaced by its version, then the terms new in <incoming>. Nothing is
removed. The id stays <current>'s; the name, description, language and date are
<incoming>'s where it has them (a CSV file has none, so <current>'s are kept).

Options:
  --format json|csv|tbx   read both packs as this format (default: from the extension)
  --out <file>            write the merged pack to <file>
  --to json|csv|tbx       the format of the --out file (default: from its extension)
  --force                 overwrite the --out file if it exists (without it: exit 2)
  -h, --help              show this help

Exit: 0 the report was printed (and the file written), 1 a pack is invalid or a
file cannot be read or written, 2 usage error.`,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    to: { type: 'string' },
    force: { type: 'boolean' },
  },
  files: { min: 2, max: 2 },
  async run({ values, files }, io) {
    const [currentFile = '', incomingFile = ''] = files;
    const currentFormat = resolveFormat(currentFile, values.format, 'format');
    if (!currentFormat.ok) return usageError(io, this, currentFormat.error);
    const incomingFormat = resolveFormat(incomingFile, values.format, 'format');
    if (!incomingFormat.ok) return usageError(io, this, incomingFormat.error);
    const outFile = typeof values.out === 'string' ? values.out : undefined;
    if (outFile === undefined && (values.to !== undefined || values.force !== undefined)) {
      return usageError(io, this, '--to and --force apply only with --out');
    }
    const outFormat = outFile === undefined ? undefined : resolveFormat(outFile, values.to, 'to');
    if (outFormat && !outFormat.ok) return usageError(io, this, outFormat.error);

    const current = await readPack(currentFile, currentFormat.format, io);
    const incoming = await readPack(incomingFile, incomingFormat.format, io);
    if (!current || !incoming) return EXIT.invalid;

    const report = mergeReport(current, incoming);
    printReport(io, { current: currentFile, incoming: incomingFile }, { current, incoming }, report);
    if (outFile === undefined || !outFormat?.ok) return EXIT.ok;
    return writeUnion(
      this,
      io,
      { file: outFile, format: outFormat.format, force: values.force === true },
      { current, incoming, incomingFormat: incomingFormat.format },
      report.removed.length,
    );
  },
};
