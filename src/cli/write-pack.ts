/** Writes a pack to a file, never over an existing one unless asked. */
import { writeFile } from 'node:fs/promises';
import type { GlossaryPack } from '../shared/glossary/model';
import type { CliIo } from './command';
import { type GlossaryFormat, serializePack } from './formats';

/**
 * Writes `pack` to `file` in `format`: 'exists' when the file exists and `force` is false, 'failed'
 * (with the reason printed) when it cannot be written. Without `force` the file is opened with
 * `wx`, so the open itself refuses an existing file rather than a check that could race with it.
 */
export async function writePack(
  file: string,
  pack: GlossaryPack,
  format: GlossaryFormat,
  force: boolean,
  io: CliIo,
): Promise<'written' | 'exists' | 'failed'> {
  try {
    await writeFile(file, serializePack(pack, format), { encoding: 'utf8', flag: force ? 'w' : 'wx' });
    return 'written';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    io.err(`${file}: cannot write: ${(error as Error).message}`);
    return 'failed';
  }
}
