/** `termlight convert`: one pack from JSON, CSV or TBX to any of the three. */
import { type Command, EXIT, usageError } from './command';
import { count } from './count';
import { csvLosses } from './csv-losses';
import { resolveFormat } from './formats';
import { readPack } from './read-pack';
import { writePack } from './write-pack';

/** Reads `<in>`, and only when it is valid writes it to `<out>` as the library's export would. */
export const convertCommand: Command = {
  name: 'convert',
  synopsis: '[--from json|csv|tbx] [--to json|csv|tbx] [--force] <in> <out>',
  summary: 'write a pack as JSON, CSV or TBX',
  help: `Reads <in> as the importer does and writes the pack to <out> as the library's
export does. Nothing is written when <in> is invalid. JSON and TBX carry the whole
pack; CSV has no place for the pack's own fields or an alias's language and case
flags, and a note says what was left out.

Options:
  --from json|csv|tbx   the format of <in> (default: from its extension)
  --to json|csv|tbx     the format of <out> (default: from its extension)
  --force               overwrite <out> if it exists (without it: exit 2)
  -h, --help            show this help`,
  options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' } },
  files: { min: 2, max: 2 },
  async run({ values, files }, io) {
    const [input = '', output = ''] = files;
    const from = resolveFormat(input, values.from, 'from');
    if (!from.ok) return usageError(io, this, from.error);
    const to = resolveFormat(output, values.to, 'to');
    if (!to.ok) return usageError(io, this, to.error);

    const pack = await readPack(input, from.format, io);
    if (!pack) return EXIT.invalid;
    const written = await writePack(output, pack, to.format, values.force === true, io);
    if (written === 'exists') return usageError(io, this, `${output} exists; pass --force to overwrite it`);
    if (written === 'failed') return EXIT.invalid;

    io.out(
      `${output}: wrote "${pack.name}" (${count(pack.terms.length, 'term')}) as ${to.format.toUpperCase()}`,
    );
    const losses = to.format === 'csv' ? csvLosses(pack, output) : [];
    if (losses.length > 0) io.err(`${output}: note: CSV has no place for ${losses.join('; ')}`);
    return EXIT.ok;
  },
};
