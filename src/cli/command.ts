/** What every `termlight` command shares: its output streams, exit codes and description. */
import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: one line per call, without a trailing newline. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The process exit codes, the same for every command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A command's parsed command line: option values by name and the file arguments. */
export interface CommandArgs {
  values: Readonly<Record<string, string | boolean | undefined>>;
  files: readonly string[];
}

/** One `termlight <name>` command, with what `--help` prints for it. */
export interface Command {
  name: string;
  /** The arguments after the name, as the usage line shows them: `[--force] <in> <out>`. */
  synopsis: string;
  /** One line for the command list of `termlight --help`. */
  summary: string;
  /** The rest of `termlight <name> --help`: what it does and its options. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** How many file arguments it takes. */
  files: { min: number; max: number };
  run: (args: CommandArgs, io: CliIo) => Promise<number>;
}

/** Prints a usage error for `command` and returns the usage exit code. */
export function usageError(io: CliIo, command: Pick<Command, 'name' | 'synopsis'>, message: string): number {
  io.err(`termlight ${command.name}: ${message}`);
  io.err(`Usage: termlight ${command.name} ${command.synopsis}`);
  io.err(`Run "termlight ${command.name} --help" for more.`);
  return EXIT.usage;
}
