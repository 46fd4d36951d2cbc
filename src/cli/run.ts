/** The `termlight` commands over the shared glossary code, with output going to the given streams. */
import { parseArgs } from 'node:util';
import { type CliIo, type Command, EXIT, usageError } from './command';
import { convertCommand } from './convert';
import { escapeControl } from './escape-control';
import { mergeCommand } from './merge';
import { statsCommand } from './stats';
import { validateCommand } from './validate';

const COMMANDS: readonly Command[] = [validateCommand, statsCommand, convertCommand, mergeCommand];

const USAGE = `Usage: termlight <command> [options] <file...>

Checks, converts and compares termlight glossary packs: JSON, CSV and TBX files,
read by the same parser and validator as the extension's "Import glossary".

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n')}

Run "termlight <command> --help" for its options.
Exit codes: 0 ok, 1 invalid input (each problem printed as "file: place: reason"),
2 usage error.`;

function printLines(write: (line: string) => void, text: string): void {
  for (const line of text.split('\n')) write(line);
}

/** The command line parsed against the command's options (and --help), or the parser's message. */
function parseCommandArgs(command: Command, argv: readonly string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { ok: true as const, values, files: positionals };
  } catch (error) {
    return { ok: false as const, error: (error as Error).message };
  }
}

async function runCommand(command: Command, argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(command, argv);
  if (!parsed.ok) return usageError(io, command, parsed.error);
  if (parsed.values.help === true) {
    printLines(io.out, `Usage: termlight ${command.name} ${command.synopsis}\n\n${command.help}`);
    return EXIT.ok;
  }
  const { files, values } = parsed;
  if (files.length < command.files.min || files.length > command.files.max) {
    const wanted =
      command.files.min === command.files.max
        ? `${command.files.min} files`
        : `at least ${command.files.min} file${command.files.min === 1 ? '' : 's'}`;
    return usageError(io, command, `expected ${wanted}, got ${files.length}`);
  }
  return command.run({ values, files }, io);
}

/**
 * Runs one command; resolves to the process exit code (0 ok, 1 invalid input, 2 usage). Every line
 * written has its control characters escaped, since file names and pack text are printed.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const safe: CliIo = {
    out: (line) => io.out(escapeControl(line)),
    err: (line) => io.err(escapeControl(line)),
  };
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    if (command) return runCommand(command, ['--help'], safe);
    printLines(safe.out, USAGE);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (name !== undefined) safe.err(`termlight: unknown command "${name}"`);
    printLines(safe.err, USAGE);
    return EXIT.usage;
  }
  return runCommand(command, rest, safe);
}
