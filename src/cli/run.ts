/** The `termlight` commands over the shared glossary code, with output going to the given streams. */
import { readFile } from 'node:fs/promises';
import { parseGlossaryFile } from '../shared/formats/glossary-file';

export const USAGE = `Usage: termlight <command> <file...>

Commands:
  validate <file...>   check termlight-glossary JSON files; exit 1 on any error
  stats <file...>      print term, alias and language counts per pack`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs one command; resolves to the process exit code (0 ok, 1 invalid input, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...files] = argv;
  if (!command || files.length === 0 || !['validate', 'stats'].includes(command)) {
    io.err(USAGE);
    return 2;
  }
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.err(`${file}: cannot read: ${(error as Error).message}`);
      failed = true;
      continue;
    }
    const result = parseGlossaryFile(file, text);
    if (!result.ok) {
      failed = true;
      for (const e of result.errors) io.err(`${file}: ${e.path}: ${e.message}`);
      continue;
    }
    for (const w of result.warnings) io.err(`${file}: warning: ${w.path}: ${w.message}`);
    const { pack } = result;
    if (command === 'validate') {
      io.out(`${file}: ok (${pack.terms.length} terms)`);
      continue;
    }
    const aliases = pack.terms.reduce((n, t) => n + (t.aliases?.length ?? 0), 0);
    const langs = new Set(
      pack.terms.flatMap((t) => (t.aliases ?? []).map((a) => a.lang ?? pack.language ?? 'en')),
    );
    io.out(
      `${file}: ${pack.id} "${pack.name}": ${pack.terms.length} terms, ${aliases} aliases, languages ${[...langs].sort().join(', ')}`,
    );
  }
  return failed ? 1 : 0;
}
