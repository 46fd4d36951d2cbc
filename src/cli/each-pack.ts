/** The loop `validate` and `stats` share: every file read as a pack, one report line per valid pack. */
import type { GlossaryPack } from '../shared/glossary/model';
import { type CliIo, type Command, type CommandArgs, EXIT, usageError } from './command';
import { type GlossaryFormat, resolveFormat } from './formats';
import { readPack } from './read-pack';

/**
 * Reads each file (in the `--format` given, or the one its extension names) and prints
 * `describe(file, pack)` for each valid one. Every file is read even after a failure, so one run
 * lists every problem. Usage errors are found before any file is read.
 */
export async function forEachPack(
  command: Command,
  { values, files }: CommandArgs,
  io: CliIo,
  describe: (file: string, pack: GlossaryPack) => string,
): Promise<number> {
  const inputs: { file: string; format: GlossaryFormat }[] = [];
  for (const file of files) {
    const resolved = resolveFormat(file, values.format, 'format');
    if (!resolved.ok) return usageError(io, command, resolved.error);
    inputs.push({ file, format: resolved.format });
  }
  let failed = false;
  for (const { file, format } of inputs) {
    const pack = await readPack(file, format, io);
    if (pack) io.out(describe(file, pack));
    else failed = true;
  }
  return failed ? EXIT.invalid : EXIT.ok;
}
