/** `termlight validate`: checks packs as the importer would, for a team's CI. */
import type { Command } from './command';
import { count } from './count';
import { forEachPack } from './each-pack';

/** Prints `file: ok (N terms)` for each valid file and the located problems of the others. */
export const validateCommand: Command = {
  name: 'validate',
  synopsis: '[--format json|csv|tbx] <file...>',
  summary: 'check packs as the importer does; exit 1 on any error',
  help: `Checks each glossary file with the importer's parser and validator. Prints
"file: ok (N terms)", or each problem as "file: place: reason", where the place is
a JSON path, a CSV line and column, or a TBX element. Warnings are printed as well
but do not fail the check.

Options:
  --format json|csv|tbx   read every file as this format, whatever its extension
                          (default: from the extension; .xml is read as TBX)
  -h, --help              show this help`,
  options: { format: { type: 'string' } },
  files: { min: 1, max: Number.POSITIVE_INFINITY },
  run(args, io) {
    return forEachPack(this, args, io, (file, pack) => `${file}: ok (${count(pack.terms.length, 'term')})`);
  },
};
